"""Statistical named-entity tagger (PER / LOC / ORG) for tokenised Hindi text.

A linear-chain CRF (python-crfsuite) trained on the IL-NER Hindi corpus
(CC-BY-4.0; see ``resources/ner/DATA_CARD.md``). Besides the usual word, affix,
shape and neighbour features it reads a small lexicon shipped with the model:

* word clusters at three granularities, learnt without labels from Hindi news
  text (a PPMI co-occurrence matrix, truncated SVD, k-means), so that a name
  never seen in the labelled data still looks like names that were;
* a log-frequency bucket from the same text (rare capital-less words are often names);
* gazetteer membership: place names (Natural Earth, CLDR) and Indian person
  given names / surnames (election candidates, cricketers).

The model and lexicon are produced by ``training/train_ner.py``; this package only
reads them. Modules: ``ner_features`` (the feature definition training uses),
``ner_fast`` (the same features from per-word caches, as score vectors), ``ner_crf``
(the crfsuite model file read into numpy, batched Viterbi) and this one (the
:class:`Tagger`). :class:`Tagger` is picklable (by path, or by bytes when built in
memory), so it can be handed to worker processes as a read-only resource.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from .ner_crf import model_attributes, read_model, viterbi
from .ner_fast import CACHE_MAX_WORDS, Featurizer
from .ner_features import ENTITY_TYPES, Lexicon, normalise, sentence_features

__all__ = [
    "CACHE_MAX_WORDS",
    "ENTITY_TYPES",
    "LEXICON_FILE",
    "MODEL_FILE",
    "Lexicon",
    "Tagger",
    "bio_to_spans",
    "model_attributes",
    "normalise",
    "sentence_features",
]

MODEL_FILE = "ner.crfsuite"
LEXICON_FILE = "ner_lexicon.json.gz"


def bio_to_spans(labels: Sequence[str]) -> list[tuple[int, int, str]]:
    """Token spans ``(start, end_exclusive, type)`` from BIO labels; a stray I- opens a span."""
    spans: list[tuple[int, int, str]] = []
    start, typ = -1, ""
    for i, lab in enumerate([*labels, "O"]):
        kind, _, t = lab.partition("-")
        if typ and (kind != "I" or t != typ):
            spans.append((start, i, typ))
            typ = ""
        if kind in ("B", "I") and not typ:
            start, typ = i, t
    return spans


def _default_dir() -> Path:
    return Path(str(resources.files("vaarta") / "resources" / "ner"))


class Tagger:
    """CRF tagger; ``Tagger.load()`` reads the packaged model.

    Pickles by directory path when loaded from one, else by the model bytes.
    Tagging many sentences in one call (:meth:`tag_many`, :meth:`spans_many`) is several
    times faster per token than one call per sentence: they are decoded together. The
    labels are the same either way.
    """

    def __init__(self, model: bytes, lexicon: bytes, path: Path | None = None) -> None:
        self._model = model
        self._lexicon_raw = lexicon
        self._path = path
        self._lex = Lexicon.from_bytes(lexicon)
        self._crf_model = read_model(model)
        self._labels = self._crf_model.labels
        self._o = self._labels.index("O") if "O" in self._labels else -1
        # per label id: "B" / "I" (else "") and the type, as bio_to_spans reads a label
        self._parts = [(k if k in ("B", "I") else "", t) for k, _, t in (lab.partition("-") for lab in self._labels)]
        # per-instance cache of per-word score vectors; never pickled (see __getstate__)
        self._feats = Featurizer(self._lex, self._crf_model)
        self._crfsuite: Any = None  # pycrfsuite.Tagger, opened by reference_tag

    @classmethod
    def load(cls, path: str | Path | None = None) -> Tagger:
        """Load from a directory holding ``ner.crfsuite`` and ``ner_lexicon.json.gz``."""
        d = Path(path) if path is not None else _default_dir()
        model_path, lex_path = d / MODEL_FILE, d / LEXICON_FILE
        if not model_path.is_file() or not lex_path.is_file():
            raise FileNotFoundError(
                f"NER model not found in {d}: expected {MODEL_FILE} and {LEXICON_FILE}; "
                "run `python training/train_ner.py` to build them"
            )
        return cls(model_path.read_bytes(), lex_path.read_bytes(), d)

    def tag_many(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """BIO labels of each sentence (decoded together: use this for a whole document)."""
        if not sentences:
            return []
        scores, lengths = self._feats.scores(sentences)
        labels = self._labels
        return [[labels[y] for y in path] for path in viterbi(scores, lengths, self._crf_model.trans)]

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """BIO labels (``B-PER``, ``I-LOC``, ``O`` …), one per token."""
        if not tokens:
            return []
        return self.tag_many([tokens])[0]

    def spans_many(self, sentences: Sequence[Sequence[str]]) -> list[list[tuple[int, int, str]]]:
        """:meth:`spans` of each sentence, decoded together."""
        if not sentences:
            return []
        scores, lengths = self._feats.scores(sentences)
        o = self._o
        # a sentence tagged all O (most of them) has no spans: skip reading its labels
        return [
            [] if path.count(o) == len(path) else self._spans(path) for path in viterbi(scores, lengths, self._crf_model.trans)
        ]

    def _spans(self, path: list[int]) -> list[tuple[int, int, str]]:
        """:func:`bio_to_spans` of the labels with these ids, read from each id's (kind, type)."""
        parts = self._parts
        spans: list[tuple[int, int, str]] = []
        start, typ = -1, ""
        for i, y in enumerate(path):
            kind, t = parts[y]
            if typ and (kind != "I" or t != typ):
                spans.append((start, i, typ))
                typ = ""
            if kind and not typ:  # B or I
                start, typ = i, t
        if typ:
            spans.append((start, len(path), typ))
        return spans

    def spans(self, tokens: Sequence[str]) -> list[tuple[int, int, str]]:
        """Entity spans as token indices ``(start, end_exclusive, type)``."""
        return bio_to_spans(self.tag(tokens))

    def reference_tag(self, tokens: Sequence[str]) -> list[str]:
        """Labels from crfsuite itself over ``sentence_features`` (slow; the definition the
        fast path is checked against)."""
        if not tokens:
            return []
        if self._crfsuite is None:
            import pycrfsuite

            self._crfsuite = pycrfsuite.Tagger()
            self._crfsuite.open_inmemory(self._model)
        toks = [t if t.strip() else "_" for t in tokens]
        return [str(lab) for lab in self._crfsuite.tag(sentence_features(toks, self._lex))]

    def reference_tag_many(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """``reference_tag`` of each sentence."""
        return [self.reference_tag(s) for s in sentences]

    def __getstate__(self) -> dict[str, Any]:
        if self._path is not None:
            return {"path": str(self._path)}
        return {"model": self._model, "lexicon": self._lexicon_raw}

    def __setstate__(self, state: dict[str, Any]) -> None:
        other = Tagger.load(state["path"]) if "path" in state else Tagger(state["model"], state["lexicon"])
        self.__dict__.update(other.__dict__)
