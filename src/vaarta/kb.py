"""The knowledge base: who and where, one canonical name across spellings and scripts.

Data lives in ``vaarta/data/kb/`` as tab-separated files (first lines ``#`` comments that
name the source of their facts):

* entity files (``*.tsv`` other than the two below), columns
  ``name type kb_id name_hi aliases demonyms country region kind``; ``aliases`` and
  ``demonyms`` are ``|``-separated and may be in either script.
* ``offices.tsv``: ``role jurisdiction holder start end`` (ISO dates; empty end = in office).
* ``roles.tsv``: ``role hindi_phrases`` (``|``-separated), e.g. ``president  राष्ट्रपति``.

Users add their own facts with ``KnowledgeBase.load(extra_paths=[...])`` or the environment
variable ``VAARTA_KB_EXTRA`` (paths joined by ``os.pathsep``). Extra files are TSV in the
same layout or JSONL with the same field names (``aliases``/``demonyms`` as lists; an object
with an ``office`` key is an office term: ``{"office": "president", "jurisdiction": "Russia",
"holder": "Vladimir Putin", "start": "2012-05-07", "end": null}``). An extra entity whose
``name`` already exists adds aliases to it instead of replacing it.

The loaded :class:`KnowledgeBase` is read-only and picklable.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

from vaarta.translit import is_devanagari, name_key, phonetic_key, similarity

__all__ = ["KBEntity", "KBFormatError", "KnowledgeBase", "Office", "default_kb"]

ENV_EXTRA = "VAARTA_KB_EXTRA"
_TYPES = ("PER", "ORG", "LOC", "MISC")
_ENTITY_COLUMNS = ("name", "type", "kb_id", "name_hi", "aliases", "demonyms", "country", "region", "kind")
# fuzzy fallback of find(): minimum phonetic similarity, number of answers
FIND_MIN_SIMILARITY = 0.80
FIND_MAX_RESULTS = 5


class KBFormatError(ValueError):
    """A knowledge-base file has a malformed line (the message names file and line)."""


@dataclass(frozen=True, slots=True)
class KBEntity:
    id: str
    name: str  # canonical (English, Wikipedia-style)
    name_hi: str
    type: str  # PER | ORG | LOC | MISC
    kb_id: str | None = None  # Wikidata QID when certain
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    country: str | None = None  # canonical name of the country it belongs to
    region: str | None = None  # state/province (canonical name) for sub-national places
    kind: str = ""  # country | city | state | district | org | party | ministry | person | ...
    source: str = ""  # file it came from


@dataclass(frozen=True, slots=True)
class Office:
    role: str  # role id: president, prime-minister, chief-minister, ...
    jurisdiction: str  # canonical name of a country, state or organisation
    holder: str  # canonical name of a PER entity
    start: str  # ISO date
    end: str | None  # ISO date, None while in office


@dataclass(frozen=True)
class KnowledgeBase:
    entities: dict[str, KBEntity]  # by canonical name
    index: dict[str, tuple[str, ...]]  # name_key(alias or demonym) -> canonical names
    demonym_keys: frozenset[str]
    offices: dict[tuple[str, str], tuple[Office, ...]]  # (role, jurisdiction) -> terms
    roles: dict[str, str]  # name_key(Hindi/English role phrase) -> role id
    role_phrases: dict[str, tuple[str, ...]] = field(default_factory=dict)  # role -> phrases
    _phon: tuple[tuple[str, str], ...] = ()  # (phonetic key, canonical name) for find()
    first_words: dict[str, int] = field(default_factory=dict)  # first word of a key -> max words
    # indexes that users of the KB derive from it once (see derived()); not part of equality
    _derived: dict[str, object] = field(default_factory=dict, compare=False, repr=False)

    # ---- loading ---------------------------------------------------------------------
    @classmethod
    def load(cls, extra_paths: Iterable[str | os.PathLike[str]] = ()) -> KnowledgeBase:
        """Load the packaged KB plus ``extra_paths`` plus files named in ``$VAARTA_KB_EXTRA``."""
        files: list[tuple[str, str]] = []
        pkg = resources.files("vaarta") / "data" / "kb"
        for entry in sorted(pkg.iterdir(), key=lambda p: p.name):
            if entry.name.endswith((".tsv", ".jsonl")):
                files.append((f"vaarta/data/kb/{entry.name}", entry.read_text("utf-8")))
        extras = [str(p) for p in extra_paths]
        env = os.environ.get(ENV_EXTRA, "")
        extras += [p for p in env.split(os.pathsep) if p.strip()]
        for p in extras:
            path = Path(p)
            if not path.is_file():
                raise FileNotFoundError(f"knowledge-base file {p!r} not found (given in extra_paths or ${ENV_EXTRA})")
            files.append((str(path), path.read_text("utf-8")))
        return cls._build(files)

    @classmethod
    def _build(cls, files: list[tuple[str, str]]) -> KnowledgeBase:
        ents: dict[str, KBEntity] = {}
        offices: list[Office] = []
        roles: dict[str, str] = {}
        role_phrases: dict[str, list[str]] = {}
        for src, text in files:
            base = src.rsplit("/", 1)[-1]
            if base.startswith("roles."):
                for _lineno, row in _rows(src, text, 2):
                    role = row[0].strip()
                    for ph in _split(row[1]):
                        roles[name_key(ph)] = role
                        role_phrases.setdefault(role, []).append(ph)
                continue
            if base.startswith("offices."):
                for lineno, row in _rows(src, text, 4):
                    offices.append(_office(src, lineno, row))
                continue
            for rec in _records(src, text):
                if "office" in rec:
                    offices.append(
                        _office(
                            src,
                            0,
                            [
                                rec["office"],
                                rec.get("jurisdiction", ""),
                                rec.get("holder", ""),
                                rec.get("start", ""),
                                rec.get("end") or "",
                            ],
                        )
                    )
                    continue
                e = _entity(src, rec)
                old = ents.get(e.name)
                if old is not None:
                    e = _merge(old, e)
                ents[e.name] = e
        index: dict[str, list[str]] = {}
        demonym_keys: set[str] = set()

        def add(key: str, name: str) -> None:
            if not key:
                return
            lst = index.setdefault(key, [])
            if name not in lst:
                lst.append(name)

        for e in ents.values():
            for a in (e.name, e.name_hi, *e.aliases):
                if a:
                    add(name_key(a), e.name)
            for d in e.demonyms:
                k = name_key(d)
                add(k, e.name)
                demonym_keys.add(k)
        by_office: dict[tuple[str, str], list[Office]] = {}
        for o in offices:
            if o.holder not in ents:
                raise KBFormatError(
                    f"office {o.role}/{o.jurisdiction}: holder {o.holder!r} is not an entity; "
                    "add a PER line for it to an entity file"
                )
            by_office.setdefault((o.role, o.jurisdiction), []).append(o)
        phon = []
        for e in ents.values():
            for a in {e.name, e.name_hi, *e.aliases}:
                if a:
                    phon.append((phonetic_key(a), e.name))
        first: dict[str, int] = {}
        for k in index:
            w = k.split(" ")
            first[w[0]] = max(first.get(w[0], 0), len(w))
        return cls(
            first_words=first,
            entities=ents,
            index={k: tuple(v) for k, v in index.items()},
            demonym_keys=frozenset(demonym_keys),
            offices={k: tuple(sorted(v, key=lambda o: o.start)) for k, v in by_office.items()},
            roles=roles,
            role_phrases={k: tuple(v) for k, v in role_phrases.items()},
            _phon=tuple(sorted(set(phon))),
        )

    def derived(self, name: str, build: Callable[[KnowledgeBase], object]) -> object:
        """``build(self)``, computed once per loaded KB and kept (e.g. the linker's indexes)."""
        got = self._derived.get(name)
        if got is None:
            got = self._derived[name] = build(self)
        return got

    # ---- queries ---------------------------------------------------------------------
    def lookup(self, surface: str) -> list[KBEntity]:
        """Entities with an alias (or demonym) equal to ``surface`` after spelling normalisation."""
        return [self.entities[n] for n in self.index.get(name_key(surface), ())]

    def is_demonym(self, surface: str) -> bool:
        return name_key(surface) in self.demonym_keys

    def get(self, name: str) -> KBEntity | None:
        """Entity by canonical name (exact), else by a unique alias."""
        e = self.entities.get(name)
        if e is not None:
            return e
        hits = self.lookup(name)
        return hits[0] if len(hits) == 1 else None

    def find(self, query: str) -> list[KBEntity]:
        """``lookup`` plus a fuzzy, transliteration-based fallback (best first)."""
        hits = self.lookup(query)
        if hits:
            return hits
        q = phonetic_key(query)
        if not q:
            return []
        scored: dict[str, float] = {}
        for pk, name in self._phon:
            if abs(len(pk) - len(q)) > max(3, len(q) // 3):
                continue
            s = similarity(q, pk) if pk else 0.0
            if s >= FIND_MIN_SIMILARITY and s > scored.get(name, 0.0):
                scored[name] = s
        best = sorted(scored.items(), key=lambda kv: (-kv[1], kv[0]))[:FIND_MAX_RESULTS]
        return [self.entities[n] for n, _ in best]

    def role_of(self, phrase: str) -> str | None:
        """Role id of a role phrase (``प्रधानमंत्री`` → ``prime-minister``), or None."""
        return self.roles.get(name_key(phrase))

    def terms(self, role: str, jurisdiction: str) -> tuple[Office, ...]:
        """All recorded terms of an office, oldest first (role id or phrase; any alias)."""
        r = self.roles.get(name_key(role), role)
        j = self._jurisdiction(jurisdiction)
        return self.offices.get((r, j), ()) if j else ()

    def holder(self, role: str, country: str, date: str | None = None) -> KBEntity | None:
        """Holder of ``role`` in ``country`` (or state/organisation) on ``date`` (ISO).

        With no date, the current holder (a term with no end). Partial dates (``2021``,
        ``2021-12``) are read as their first day.
        """
        terms = self.terms(role, country)
        if not terms:
            return None
        if date is None:
            cur = [t for t in terms if t.end is None]
            return self.entities[cur[-1].holder] if cur else None
        d = norm_date(date)
        for t in reversed(terms):
            if t.start <= d and (t.end is None or d < t.end):
                return self.entities[t.holder]
        return None

    def holders(self, role: str, country: str) -> list[KBEntity]:
        """Every recorded holder of the office, oldest first, without repeats."""
        seen: list[KBEntity] = []
        for t in self.terms(role, country):
            e = self.entities[t.holder]
            if e not in seen:
                seen.append(e)
        return seen

    def stats(self) -> dict[str, int]:
        out: dict[str, int] = {"entities": len(self.entities), "keys": len(self.index)}
        out["aliases"] = sum(1 + len(e.aliases) + bool(e.name_hi) for e in self.entities.values())
        out["demonyms"] = sum(len(e.demonyms) for e in self.entities.values())
        out["office_terms"] = sum(len(v) for v in self.offices.values())
        out["offices"] = len(self.offices)
        out["role_phrases"] = len(self.roles)
        for e in self.entities.values():
            out[f"type:{e.type}"] = out.get(f"type:{e.type}", 0) + 1
            if e.kind:
                out[f"kind:{e.kind}"] = out.get(f"kind:{e.kind}", 0) + 1
        out["with_qid"] = sum(1 for e in self.entities.values() if e.kb_id)
        return out

    def __iter__(self) -> Iterator[KBEntity]:
        return iter(self.entities.values())

    def __len__(self) -> int:
        return len(self.entities)

    def _jurisdiction(self, s: str) -> str | None:
        if s in self.entities:
            return s
        hits = self.lookup(s)
        for e in hits:
            if e.type == "LOC" and e.kind in ("country", "state", "territory", "union-territory"):
                return e.name
        return hits[0].name if hits else None


@lru_cache(maxsize=8)
def default_kb(extra: tuple[str, ...] = ()) -> KnowledgeBase:
    """Process-wide cached :meth:`KnowledgeBase.load` (keyed by the extra paths)."""
    return KnowledgeBase.load(extra)


# ---- parsing helpers -------------------------------------------------------------------


def _split(s: str | list[str] | None) -> tuple[str, ...]:
    if not s:
        return ()
    if isinstance(s, list):
        return tuple(x.strip() for x in s if x and x.strip())
    return tuple(x.strip() for x in s.split("|") if x.strip())


def _rows(src: str, text: str, min_cols: int) -> Iterator[tuple[int, list[str]]]:
    header_seen = False
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        row = line.rstrip("\n").split("\t")
        if not header_seen:
            header_seen = True
            continue
        if len(row) < min_cols:
            raise KBFormatError(f"{src}:{lineno}: expected at least {min_cols} tab-separated columns, got {len(row)}")
        yield lineno, row


def _records(src: str, text: str) -> Iterator[dict[str, object]]:
    if src.endswith(".jsonl"):
        for lineno, line in enumerate(text.splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise KBFormatError(f"{src}:{lineno}: not JSON ({exc.msg})") from None
            if not isinstance(rec, dict):
                raise KBFormatError(f"{src}:{lineno}: expected a JSON object")
            rec["_src"] = f"{src}:{lineno}"
            yield rec
        return
    for lineno, row in _rows(src, text, 2):
        rec: dict[str, object] = dict(zip(_ENTITY_COLUMNS, row, strict=False))
        rec["_src"] = f"{src}:{lineno}"
        yield rec


def _entity(src: str, rec: dict[str, object]) -> KBEntity:
    where = str(rec.get("_src", src))
    name = str(rec.get("name") or "").strip()
    typ = str(rec.get("type") or "").strip()
    if not name:
        raise KBFormatError(f"{where}: empty name")
    if typ not in _TYPES:
        raise KBFormatError(f"{where}: type {typ!r} is not one of {', '.join(_TYPES)}")
    kb_id = str(rec.get("kb_id") or "").strip() or None
    if kb_id is not None and not (kb_id.startswith("Q") and kb_id[1:].isdigit()):
        raise KBFormatError(f"{where}: kb_id {kb_id!r} is not a Wikidata id (Q123)")
    name_hi = str(rec.get("name_hi") or "").strip()
    aliases = _split(rec.get("aliases"))  # type: ignore[arg-type]
    if not name_hi:
        name_hi = next((a for a in aliases if is_devanagari(a)), "")
    return KBEntity(
        id=kb_id or name,
        name=name,
        name_hi=name_hi,
        type=typ,
        kb_id=kb_id,
        aliases=aliases,
        demonyms=_split(rec.get("demonyms")),  # type: ignore[arg-type]
        country=str(rec.get("country") or "").strip() or None,
        region=str(rec.get("region") or "").strip() or None,
        kind=str(rec.get("kind") or "").strip(),
        source=src.rsplit("/", 1)[-1],
    )


def _merge(old: KBEntity, new: KBEntity) -> KBEntity:
    def uniq(*seqs: tuple[str, ...]) -> tuple[str, ...]:
        out: list[str] = []
        for s in seqs:
            for x in s:
                if x not in out:
                    out.append(x)
        return (out and tuple(out)) or ()

    return replace(
        old,
        name_hi=new.name_hi or old.name_hi,  # a later file may correct the Hindi name
        kb_id=old.kb_id or new.kb_id,
        id=old.kb_id or new.kb_id or old.name,
        aliases=uniq(old.aliases, (old.name_hi,) if old.name_hi else (), new.aliases),
        demonyms=uniq(old.demonyms, new.demonyms),
        country=old.country or new.country,
        region=old.region or new.region,
        kind=old.kind or new.kind,
    )


def _office(src: str, lineno: int, row: list[str]) -> Office:
    role, jur, holder, start = (x.strip() for x in row[:4])
    end = row[4].strip() if len(row) > 4 and row[4].strip() else None
    if not (role and jur and holder and start):
        raise KBFormatError(f"{src}:{lineno}: office line needs role, jurisdiction, holder, start")
    return Office(role, jur, holder, norm_date(start), norm_date(end) if end else None)


def norm_date(d: str) -> str:
    """An ISO date, partial ones (``2021``, ``2021-12``) read as their first day."""
    d = d.strip()
    if len(d) == 4:
        return d + "-01-01"
    if len(d) == 7:
        return d + "-01"
    return d[:10]
