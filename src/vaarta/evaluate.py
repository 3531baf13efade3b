"""Scoring against a gold file, exactly as spec/gold.md describes.

``evaluate_file`` reads the gold JSONL, analyses each article through the same pipeline as
``vaarta ingest`` (reading it through the gold line's ``file`` path, given the gold
``published`` date), and scores boilerplate, entities, times, events, quotes and suspects.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import regex

from .inputs import read_file
from .model import Article, Record, Rejection
from .normalize import normalize
from .pipeline import analyse, load_resources, prepare

_WORDS = regex.compile(r"[\p{L}\p{M}\p{N}]+")


def fold(s: str | None) -> str:
    return " ".join(normalize(s or "").casefold().split())


def _prf(tp: int, n_sys: int, n_gold: int) -> dict[str, float]:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "system": n_sys, "gold": n_gold}


class _Names:
    """Matches system names to gold names "as for entities": equal names, or a system
    entity's mention text equal to one of the gold entity's aliases."""

    def __init__(self, gold_entities: Sequence[dict[str, Any]], record: dict[str, Any]) -> None:
        self.gold_aliases = {fold(g["name"]): {fold(a) for a in g.get("aliases", [])} | {fold(g["name"])} for g in gold_entities}
        self.sys_forms: dict[str, set[str]] = {}
        for e in record["entities"]:
            forms = self.sys_forms.setdefault(fold(e["name"]), {fold(e["name"])})
            forms.update(fold(m["text"]) for m in e["mentions"])
            forms.add(fold(e.get("name_hi")))

    def same(self, system: str | None, gold: str | None) -> bool:
        if system is None or gold is None:
            return system is None and gold is None
        s, g = fold(system), fold(gold)
        if s == g:
            return True
        aliases = self.gold_aliases.get(g, {g})
        return bool(self.sys_forms.get(s, {s}) & aliases)


def score_article(gold: dict[str, Any], rec: dict[str, Any], raw: str) -> dict[str, Any]:
    """Counts for one article (summed over articles by :func:`evaluate`)."""
    text = rec["text"]
    names = _Names(gold.get("entities", []), rec)
    out: dict[str, Any] = {}

    # boilerplate, and gold strings of the body that cleaning must keep
    bp = [b for b in gold.get("boilerplate", [])]
    out["boilerplate"] = (sum(fold(b) not in fold(text) for b in bp), len(bp))
    keep = [a for g in gold.get("entities", []) for a in g.get("aliases", [])] + [t["text"] for t in gold.get("times", [])]
    keep += [q["text"] for q in gold.get("quotes", [])]
    present = [k for k in keep if normalize(k) in normalize(raw)]
    out["body_lost"] = sorted({k for k in present if fold(k) not in fold(text)})
    out["evidence_outside"] = sum(
        1 for e in rec["events"] for s in e["evidence"] if not (0 <= s["start"] <= s["end"] <= len(text))
    )

    # entities: one-to-one, names equal or a mention text equal to a gold alias, same type
    used: set[int] = set()
    tp = 0
    for g in gold.get("entities", []):
        for i, e in enumerate(rec["entities"]):
            if i not in used and e["type"] == g["type"] and names.same(e["name"], g["name"]):
                used.add(i)
                tp += 1
                break
    out["entities"] = (tp, len(rec["entities"]), len(gold.get("entities", [])))
    out["entities_missed"] = [
        g["name"]
        for g in gold.get("entities", [])
        if not any(e["type"] == g["type"] and names.same(e["name"], g["name"]) for e in rec["entities"])
    ]

    # times: containment either way; value right when equal
    used_text: set[str] = set()
    found = right = 0
    for g in gold.get("times", []):
        gt = fold(g["text"])
        for t in rec["times"]:
            st = fold(t["text"])
            if st not in used_text and (gt in st or st in gt):
                used_text.add(st)
                found += 1
                right += t["value"] == g["value"]
                break
    # gold lists each distinct expression once per article: so does precision here
    out["times"] = (found, len({fold(t["text"]) for t in rec["times"]}), len(gold.get("times", [])), right)

    # events
    def parts(e: dict[str, Any]) -> list[str]:
        return list(dict.fromkeys([*e.get("actors", []), *e.get("recipients", [])]))

    def jaccard_ok(sys_p: list[str], gold_p: list[str]) -> bool:
        if not sys_p and not gold_p:
            return True
        shared = sum(1 for g in gold_p if any(names.same(s, g) for s in sys_p))
        return shared >= 0.5 * max(len(sys_p), len(gold_p))

    used = set()
    matched: list[tuple[dict[str, Any], dict[str, Any]]] = []
    for g in gold.get("events", []):
        for i, e in enumerate(rec["events"]):
            if i in used or e["type"] != g["type"]:
                continue
            if not jaccard_ok(parts(e), g.get("participants", [])):
                continue
            if not g.get("participants") and g.get("location") and not names.same(e.get("location"), g["location"]):
                continue
            if g.get("date") is not None and e.get("date") != g["date"]:
                continue
            used.add(i)
            matched.append((e, g))
            break
    out["events"] = (len(matched), len(rec["events"]), len(gold.get("events", [])))
    out["event_attrs"] = {
        k: (sum(e.get(k) == g.get(k) for e, g in matched), len(matched)) for k in ("mode", "status", "killed", "injured")
    }

    # quotes: at least half of the gold quote's words; speaker as for entities
    found = spk = 0
    used = set()
    for g in gold.get("quotes", []):
        gw = _WORDS.findall(normalize(g["text"]))
        for i, q in enumerate(rec["quotes"]):
            if i in used:
                continue
            qw = set(_WORDS.findall(text[q["start"] : q["end"]]))
            if gw and sum(w in qw for w in gw) >= 0.5 * len(gw):
                used.add(i)
                found += 1
                spk += names.same(q.get("speaker"), g.get("speaker"))
                break
    out["quotes"] = (found, len(rec["quotes"]), len(gold.get("quotes", [])), spk)

    # suspects: a flag span overlapping the suspect string
    hit = 0
    for s in gold.get("suspect", []):
        spans = [(m.start(), m.end()) for m in regex.finditer(regex.escape(normalize(s)), text)]
        hit += any(f["start"] < b and a < f["end"] for a, b in spans for f in rec["flags"])
    out["suspects"] = (hit, len(gold.get("suspect", [])))
    return out


def evaluate(pairs: Iterable[tuple[dict[str, Any], dict[str, Any] | Rejection, str]]) -> dict[str, Any]:
    """Micro-averaged scores over ``(gold, record_json or rejection, raw)`` triples."""
    tot: dict[str, Any] = {
        "boilerplate": [0, 0],
        "entities": [0, 0, 0],
        "times": [0, 0, 0, 0],
        "events": [0, 0, 0],
        "quotes": [0, 0, 0, 0],
        "suspects": [0, 0],
        "attrs": {k: [0, 0] for k in ("mode", "status", "killed", "injured")},
        "evidence_outside": 0,
    }
    per_doc = []
    rejected = []
    for gold, rec, raw in pairs:
        if isinstance(rec, Rejection):
            rejected.append(rec.line())
            continue
        s = score_article(gold, rec, raw)
        for k in ("boilerplate", "entities", "times", "events", "quotes", "suspects"):
            tot[k] = [a + b for a, b in zip(tot[k], s[k], strict=True)]
        for k, (a, b) in s["event_attrs"].items():
            tot["attrs"][k][0] += a
            tot["attrs"][k][1] += b
        tot["evidence_outside"] += s["evidence_outside"]
        per_doc.append(
            {
                "id": gold["id"],
                "body_lost": s["body_lost"],
                "entities_missed": s["entities_missed"],
                "events": s["events"],
                "quotes": s["quotes"],
            }
        )
    b = tot["boilerplate"]
    t = tot["times"]
    q = tot["quotes"]
    return {
        "articles": len(per_doc),
        "rejected": rejected,
        "boilerplate_removed": round(b[0] / b[1], 4) if b[1] else None,
        "body_strings_lost": sum(len(d["body_lost"]) for d in per_doc),
        "evidence_outside_body": tot["evidence_outside"],
        "entities": _prf(*tot["entities"]),
        "times": {**_prf(t[0], t[1], t[2]), "value_accuracy": round(t[3] / t[2], 4) if t[2] else None},
        "events": {
            **_prf(*tot["events"]),
            **{f"{k}_accuracy": round(a / n, 4) if n else None for k, (a, n) in tot["attrs"].items()},
        },
        "quotes": {**_prf(q[0], q[1], q[2]), "speaker_accuracy": round(q[3] / q[0], 4) if q[0] else None},
        "suspects_flagged": round(tot["suspects"][0] / tot["suspects"][1], 4) if tot["suspects"][1] else None,
        "per_article": per_doc,
    }


def analyse_gold_file(gold_path: Path, store: Any = None) -> Iterable[tuple[dict[str, Any], dict[str, Any] | Rejection, str]]:
    """Analyse every article a gold file points to (optionally storing the records)."""
    res = load_resources()
    base = gold_path.parent
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        gold = json.loads(line)
        path = (base / gold["file"]).resolve()
        items = list(read_file(path, published=gold.get("published")))
        art = items[0] if items else Rejection(str(path), "not-found")
        if isinstance(art, Rejection):
            yield gold, art, ""
            continue
        art = Article(
            id=gold["id"],
            source=art.source,
            raw=art.raw,
            is_html=art.is_html,
            published=gold.get("published"),
            published_from="input-field" if gold.get("published") else None,
        )
        doc = prepare(art)
        if isinstance(doc, Rejection):
            yield gold, doc, art.raw
            continue
        rec: Record = analyse(doc, res)
        if store is not None:
            store.put(rec)
        yield gold, rec.to_json(), doc.raw


def evaluate_file(gold_path: Path, db: str | None = None) -> dict[str, Any]:
    if db:
        from .store import open_store

        with open_store(db) as store:
            return evaluate(analyse_gold_file(gold_path, store))
    return evaluate(analyse_gold_file(gold_path))


def format_report(r: dict[str, Any]) -> str:
    def prf(d: dict[str, Any]) -> str:
        return f"P {d['precision']:.3f}  R {d['recall']:.3f}  F1 {d['f1']:.3f}  ({d['tp']} matched, {d['system']} system, {d['gold']} gold)"

    lines = [
        f"articles scored: {r['articles']}" + (f"  (rejected: {len(r['rejected'])})" if r["rejected"] else ""),
        f"boilerplate removed: {r['boilerplate_removed']}",
        f"body strings lost by cleaning: {r['body_strings_lost']}",
        f"event evidence outside the body: {r['evidence_outside_body']}",
        f"entities: {prf(r['entities'])}",
        f"times:    {prf(r['times'])}  value accuracy {r['times']['value_accuracy']}",
        f"events:   {prf(r['events'])}",
        "          " + "  ".join(f"{k} {r['events'][f'{k}_accuracy']}" for k in ("mode", "status", "killed", "injured")),
        f"quotes:   {prf(r['quotes'])}  speaker accuracy {r['quotes']['speaker_accuracy']}",
        f"suspects flagged: {r['suspects_flagged']}",
    ]
    for line in r["rejected"]:
        lines.append(f"rejected: {line}")
    return "\n".join(lines)
