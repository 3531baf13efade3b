"""Evaluate vaarta's events and quotes stages.

1. gold/dev (spec/gold.md scoring) with *oracle* inputs: entities built from the gold
   aliases, times from the gold times, so that the numbers measure this stage alone.
2. FIRE 2020 EDNIL Hindi train, per document: DISASTER / ACCIDENT / ASSAULT with place.

Run: ``python bench/bench_events.py [--shared PATH] [--ednil-limit N]`` (``--speed`` times
find_events on covid-hindi-news and checks its output against a snapshot; ``--drop-check``
prints event F1 with each type dropped, gold/dev and demo corpus). Reads ../shared at
run time; nothing from it is stored in the repository.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import regex

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from vaarta.events import find_events
from vaarta.model import Document, Entity, Event, Mention, Quote, Resources, TimeExpr
from vaarta.quotes import find_quotes
from vaarta.segment import make_document


def shared_dir() -> Path:
    env = os.environ.get("VAARTA_SHARED")
    return Path(env) if env else Path(__file__).resolve().parents[1].parent / "shared"


# ---------------------------------------------------------------- oracle inputs

_TEASER = regex.compile(r"^\s*(?:ये|यह)\s+भी\s+पढ़ें\s*:?\s*$")


def strip_teasers(text: str, boilerplate: Iterable[str] = ()) -> str:
    """A stand-in for the cleaning stage: drop "ये भी पढ़ें" blocks, image lines, boilerplate.

    After a teaser marker, lines are dropped until one that ends like a sentence or a
    question (the body resumes), so a mid-article teaser box costs only its own lines.
    """
    out: list[str] = []
    skipping = False
    bp = [b for b in boilerplate if len(b) > 3]
    for line in text.split("\n"):
        s = line.strip()
        if _TEASER.match(line):
            skipping = True
            continue
        if s.startswith("!["):
            continue
        if skipping:
            if s and s[-1] in "।.?" and not s.startswith("!"):
                skipping = False
            else:
                continue
        for b in bp:  # boilerplate inside a body line (BBC pages are one long line)
            line = line.replace(b, " " * len(b))
        out.append(line)
    return "\n".join(out)


def _find_all(text: str, needle: str) -> list[tuple[int, int]]:
    pat = regex.compile(r"(?<![\p{L}\p{M}])" + regex.escape(needle) + r"(?![\p{L}\p{M}])")
    return [(m.start(), m.end()) for m in pat.finditer(text)]


def oracle_entities(text: str, gold_entities: Sequence[dict[str, Any]]) -> list[Entity]:
    """Entities from gold aliases: every whole-word occurrence, longest alias first."""
    cands: list[tuple[int, int, int]] = []  # start, end, entity index
    for i, e in enumerate(gold_entities):
        for a in e["aliases"]:
            cands.extend((s, t, i) for s, t in _find_all(text, a))
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    taken: list[tuple[int, int, int]] = []
    for c in cands:
        if all(c[1] <= t[0] or c[0] >= t[1] for t in taken):
            taken.append(c)
    out = []
    for i, e in enumerate(gold_entities):
        ms = sorted((s, t) for s, t, j in taken if j == i)
        out.append(
            Entity(
                name=e["name"],
                name_hi=e["aliases"][0] if e["aliases"] else e["name"],
                type=e["type"],
                kb_id=None,
                confidence=1.0,
                mentions=tuple(Mention(s, t, text[s:t]) for s, t in ms),
                aliases=tuple(e["aliases"]),
            )
        )
    return out


def oracle_times(text: str, gold_times: Sequence[dict[str, Any]]) -> list[TimeExpr]:
    out = []
    for g in gold_times:
        v = g.get("value")
        gran = None
        if v:
            gran = "week" if "W" in v else {10: "day", 7: "month", 4: "year"}.get(len(v))
        for s, t in _find_all(text, g["text"]):
            out.append(TimeExpr(s, t, text[s:t], v, gran))  # type: ignore[arg-type]
    return sorted(out, key=lambda x: x.start)


def load_gold(shared: Path) -> list[tuple[dict[str, Any], Document, list[Entity], list[TimeExpr]]]:
    gold_path = shared / "gold" / "dev" / "gold.jsonl"
    out = []
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        g = json.loads(line)
        raw = (gold_path.parent / g["file"]).read_text(encoding="utf-8")
        text = strip_teasers(raw, g.get("boilerplate", ()))
        doc = make_document(text, published=g.get("published"), id=g["id"])
        out.append((g, doc, oracle_entities(text, g["entities"]), oracle_times(text, g["times"])))
    return out


# ---------------------------------------------------------------- scoring (spec/gold.md)


def _fold(s: str | None) -> str:
    return " ".join((s or "").lower().split())


def _names_match(sys_name: str | None, gold_name: str | None, aliases: dict[str, set[str]]) -> bool:
    if sys_name is None or gold_name is None:
        return sys_name is None and gold_name is None
    if _fold(sys_name) == _fold(gold_name):
        return True
    return bool(aliases.get(sys_name, set()) & aliases.get(gold_name, set()))


def event_matches(ev: Event, g: dict[str, Any]) -> bool:
    if ev.type != g["type"]:
        return False
    sp = {_fold(x) for x in (*ev.actors, *ev.recipients)}
    gp = {_fold(x) for x in g["participants"]}
    if (sp or gp) and len(sp & gp) < 0.5 * max(len(sp), len(gp)):
        return False
    if not gp and _fold(ev.location) != _fold(g.get("location")):
        return False
    return g.get("date") is None or ev.date == g.get("date")


def score_events(pairs: Iterable[tuple[Sequence[Event], Sequence[dict[str, Any]]]]) -> dict[str, Any]:
    tp = n_sys = n_gold = 0
    agree = {"mode": [0, 0], "status": [0, 0], "killed": [0, 0], "injured": [0, 0]}
    for sys_evs, gold_evs in pairs:
        n_sys += len(sys_evs)
        n_gold += len(gold_evs)
        used: set[int] = set()
        for g in gold_evs:
            for i, ev in enumerate(sys_evs):
                if i not in used and event_matches(ev, g):
                    used.add(i)
                    tp += 1
                    for k in agree:
                        agree[k][1] += 1
                        agree[k][0] += getattr(ev, k) == g.get(k)
                    break
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    res: dict[str, Any] = {"tp": tp, "sys": n_sys, "gold": n_gold, "P": p, "R": r, "F1": f}
    for k, (a, n) in agree.items():
        res[k + "_acc"] = a / n if n else 0.0
    return res


_WORD = regex.compile(r"[\p{L}\p{M}\p{Nd}]+")


def quote_found(doc_text: str, q: Quote, gold_text: str) -> bool:
    gw = _WORD.findall(gold_text)
    sw = set(_WORD.findall(doc_text[q.start : q.end]))
    return bool(gw) and sum(w in sw for w in gw) >= 0.5 * len(gw)


def score_quotes(items: Iterable[tuple[str, Sequence[Quote], Sequence[dict[str, Any]]]]) -> dict[str, Any]:
    found = right = n = n_sys = 0
    for text, qs, gold in items:
        n += len(gold)
        n_sys += len(qs)
        for g in gold:
            hits = [q for q in qs if quote_found(text, q, g["text"])]
            if hits:
                found += 1
                right += any(_fold(q.speaker) == _fold(g["speaker"]) for q in hits[:1])
    return {"gold": n, "sys": n_sys, "recall": found / n if n else 0.0, "speaker_acc": right / found if found else 0.0}


def evaluate_dev(shared: Path, verbose: bool = False) -> dict[str, Any]:
    res = Resources()
    ev_pairs = []
    q_items = []
    for g, doc, ents, times in load_gold(shared):
        evs = find_events(doc, ents, times, res)
        qs = find_quotes(doc, ents, res)
        ev_pairs.append((evs, g["events"]))
        q_items.append((doc.text, qs, g["quotes"]))
        if verbose:
            _show(g, doc, evs, qs)
    return {"events": score_events(ev_pairs), "quotes": score_quotes(q_items)}


def _show(g: dict[str, Any], doc: Document, evs: Sequence[Event], qs: Sequence[Quote]) -> None:
    print(f"===== {g['id']}")
    used: set[int] = set()
    for ge in g["events"]:
        hit = next((i for i, e in enumerate(evs) if i not in used and event_matches(e, ge)), None)
        if hit is None:
            print("  MISS", ge["type"], ge["status"], ge["participants"], ge["location"], ge["date"])
        else:
            used.add(hit)
            e = evs[hit]
            bad = [k for k in ("mode", "status", "killed", "injured") if getattr(e, k) != ge.get(k)]
            if bad:
                print("  OK~ ", ge["type"], {k: (getattr(e, k), ge.get(k)) for k in bad})
    for i, e in enumerate(evs):
        if i not in used:
            ev_text = doc.text[e.evidence[0].start : e.evidence[0].end][:90]
            print("  FP  ", e.type, e.status, e.actors, e.recipients, e.location, e.date, "|", e.trigger, "|", ev_text)
    for gq in g["quotes"]:
        hits = [q for q in qs if quote_found(doc.text, q, gq["text"])]
        if not hits:
            print("  QMISS", gq["speaker"], gq["text"][:70])
        elif _fold(hits[0].speaker) != _fold(gq["speaker"]):
            print("  QSPK ", hits[0].speaker, "!=", gq["speaker"], gq["text"][:50])


# ---------------------------------------------------------------- EDNIL 2020

EDNIL_TYPE = {
    "FLOODS": "DISASTER",
    "EARTHQUAKE": "DISASTER",
    "HEAT_WAVE": "DISASTER",
    "AVALANCHES": "DISASTER",
    "LAND_SLIDE": "DISASTER",
    "HURRICANE": "DISASTER",
    "COLD_WAVE": "DISASTER",
    "STORM": "DISASTER",
    "HAIL_STORMS": "DISASTER",
    "VOLCANO": "DISASTER",
    "TORNADO": "DISASTER",
    "BLIZZARD": "DISASTER",
    "CYCLONE": "DISASTER",
    "DROUGHT": "DISASTER",
    "TSUNAMI": "DISASTER",
    "FOREST_FIRE": "DISASTER",
    "VEHICULAR_COLLISION": "ACCIDENT",
    "FIRE": "ACCIDENT",
    "INDUSTRIAL_ACCIDENT": "ACCIDENT",
    "TRAIN_COLLISION": "ACCIDENT",
    "TRANSPORT_HAZARDS": "ACCIDENT",
    "AVIATION_HAZARD": "ACCIDENT",
    "SHOOT_OUT": "ASSAULT",
    "SUICIDE_ATTACK": "ASSAULT",
    "TERRORIST_ATTACK": "ASSAULT",
    "RIOTS": "ASSAULT",
    "NORMAL_BOMBING": "ASSAULT",
    "ARMED_CONFLICTS": "ASSAULT",
}
_TAG = regex.compile(r"<(/?)([A-Z_-]+)([^>]*?)(/?)>")


def parse_ednil(xml: str) -> tuple[str, list[tuple[str, str]], list[tuple[int, int, str]]]:
    """Text, [(type, event id)] triggers and [(start, end, place-arg-linked-event-id)] places."""
    text_parts: list[str] = []
    pos = 0
    stack: list[tuple[str, dict[str, str], int]] = []
    triggers: list[tuple[str, str]] = []
    places: list[tuple[int, int, str]] = []
    i = 0
    body = xml[xml.find("<P>") :] if "<P>" in xml else xml
    for m in _TAG.finditer(body):
        chunk = body[i : m.start()]
        i = m.end()
        if stack and stack[-1][0] == "W":
            w = html.unescape(chunk).strip()
            if w:
                if text_parts and not text_parts[-1].endswith("\n"):
                    text_parts.append(" ")
                    pos += 1
                text_parts.append(w)
                pos += len(w)
        closing, name, attrs, selfclose = m.group(1), m.group(2), m.group(3), m.group(4)
        ad = dict(regex.findall(r'([A-Z_]+)="([^"]*)"', attrs))
        if selfclose:
            if name == "LINK" and stack and stack[-1][0] == "PLACE-ARG":
                stack[-1][1].setdefault("links", "")
                stack[-1][1]["links"] += " " + ad.get("EVENT_ARG", "")
            continue
        if not closing:
            stack.append((name, ad, pos))
            continue
        while stack:
            sname, sad, spos = stack.pop()
            if sname == name:
                break
        else:
            continue
        if name == "P":
            text_parts.append("\n")
            pos += 1
        elif name in ("NATURAL_EVENT", "MAN_MADE_EVENT") and sad.get("TYPE") in EDNIL_TYPE:
            triggers.append((EDNIL_TYPE[sad["TYPE"]], sad.get("ID", "")))
        elif name == "PLACE-ARG":
            for ev_id in sad.get("links", "").split():
                places.append((spos, pos, ev_id))
    text = "".join(text_parts)
    return text, triggers, places


def evaluate_ednil(shared: Path, limit: int | None = None) -> dict[str, Any]:
    """Per document: the set of types, and the set of (type, place) pairs.

    Oracle places: every gold PLACE-ARG span becomes a LOC entity named by its text, so the
    score measures typing and place attachment, not NER. A system (type, place) pair is right
    when gold links that place to an event of that type.
    """
    files = sorted((shared / "data" / "ednil2020-hindi" / "train").glob("*.xml"))[: limit or None]
    tp_t = sys_t = gold_t = 0
    tp_p = sys_p = gold_p = 0
    res = Resources()
    t0 = time.perf_counter()
    for f in files:
        text, trigs, places = parse_ednil(f.read_text(encoding="utf-8"))
        id2type = {i: t for t, i in trigs}
        ents: dict[str, list[Mention]] = {}
        gold_pairs: set[tuple[str, str]] = set()
        for s, e, ev_id in places:
            s2 = s
            while s2 < e and text[s2].isspace():
                s2 += 1
            name = text[s2:e].strip()
            if not name or len(name.split()) > 4:
                continue
            ents.setdefault(name, [])
            if all(m.start != s2 for m in ents[name]):
                ents[name].append(Mention(s2, s2 + len(name), name))
            if ev_id in id2type:
                gold_pairs.add((id2type[ev_id], name))
        entities = [Entity(n, n, "LOC", None, 1.0, tuple(sorted(ms, key=lambda m: m.start))) for n, ms in ents.items()]
        doc = make_document(text)
        evs = [e for e in find_events(doc, entities, [], res) if e.type in ("DISASTER", "ACCIDENT", "ASSAULT")]
        gold_types = set(id2type.values())
        sys_types = {e.type for e in evs}
        tp_t += len(gold_types & sys_types)
        sys_t += len(sys_types)
        gold_t += len(gold_types)
        sys_pairs = {(e.type, e.location) for e in evs if e.location}
        tp_p += len(gold_pairs & sys_pairs)
        sys_p += len(sys_pairs)
        gold_p += len(gold_pairs)
    dt = time.perf_counter() - t0

    def prf(tp: int, s: int, g: int) -> dict[str, float]:
        p = tp / s if s else 0.0
        r = tp / g if g else 0.0
        return {"P": p, "R": r, "F1": 2 * p * r / (p + r) if p + r else 0.0}

    return {
        "docs": len(files),
        "types": prf(tp_t, sys_t, gold_t),
        "type+place": prf(tp_p, sys_p, gold_p),
        "docs_per_s": len(files) / dt if dt else 0.0,
    }


# ---------------------------------------------------------------- speed and identity on covid news


def covid_inputs(cache: Path | None = None) -> list[tuple[str, Document, list[Entity], list[TimeExpr]]]:
    """(id, document, entities, times) of every accepted covid-hindi-news article, built by the
    real pipeline up to the times stage (pickled at ``cache`` so repeated runs skip it)."""
    import pickle

    if cache is not None and cache.is_file():
        return pickle.loads(cache.read_bytes())  # type: ignore[no-any-return]
    from vaarta import pipeline
    from vaarta.corpora import covid_articles

    res = pipeline.load_resources()
    out = []
    for art in covid_articles():
        doc = pipeline.prepare(art)
        if not isinstance(doc, Document):
            continue
        ents, _flags = pipeline.find_entities(doc, res)
        times = pipeline.find_times(doc)
        out.append((art.id, doc, list(ents), list(times)))
    if cache is not None:
        cache.write_bytes(pickle.dumps(out))
    return out


def covid_speed(snapshot: Path | None, cache: Path | None, repeat: int = 3) -> int:
    """Time ``find_events`` per covid article (best of ``repeat`` passes) and compare its output
    with ``snapshot`` (a JSON file of repr()s written on the first run): identical output check
    for speed work. Returns 1 when the output differs from the snapshot."""
    inputs = covid_inputs(cache)
    res = Resources()
    find_events(inputs[0][1], inputs[0][2], inputs[0][3], res)  # compile the lexicon outside the timing
    best = float("inf")
    outs: dict[str, list[str]] = {}
    for _ in range(repeat):
        t0 = time.perf_counter()
        outs = {i: [repr(e) for e in find_events(doc, ents, times, res)] for i, doc, ents, times in inputs}
        best = min(best, time.perf_counter() - t0)
    n_ev = sum(len(v) for v in outs.values())
    print(f"covid-hindi-news: {len(inputs)} articles, {n_ev} events, find_events {1000 * best / len(inputs):.2f} ms/article")
    if snapshot is None:
        return 0
    if not snapshot.is_file():
        snapshot.write_text(json.dumps(outs, ensure_ascii=False), encoding="utf-8")
        print(f"snapshot written to {snapshot}")
        return 0
    old = json.loads(snapshot.read_text(encoding="utf-8"))
    diff = [i for i in sorted(set(old) | set(outs)) if old.get(i) != outs.get(i)]
    print(f"identical to snapshot: {not diff} ({len(diff)} articles differ{': ' + ', '.join(diff[:5]) if diff else ''})")
    return 1 if diff else 0


# ---------------------------------------------------------------- per-type drop check


def _demo_triples() -> list[tuple[dict[str, Any], dict[str, Any], str]]:
    """(gold-like dict, record JSON, raw) for the demo corpus, as tests/test_demo_golden.py builds them."""
    import tempfile
    from importlib import resources

    from vaarta.ingest import ingest
    from vaarta.store import open_store

    root = Path(__file__).resolve().parents[1]
    expect = json.loads((root / "tests" / "golden" / "demo_expectations.json").read_text(encoding="utf-8"))
    out = []
    demo_dir = resources.files("vaarta").joinpath("demo", "articles")
    with tempfile.TemporaryDirectory() as tmp, resources.as_file(demo_dir) as path, open_store(str(Path(tmp) / "d.db")) as store:
        ingest([str(path)], store)
        recs = {}
        for rec in store.iter_records():
            key = f"12_agency_feed.jsonl#{rec['id']}" if rec["id"].startswith("demo-") else Path(rec["source"]).name
            recs[key] = (rec, store.raw(rec["id"]))
        for exp in expect["articles"]:
            rec, raw = recs[f"{exp['file']}#{exp['id']}" if exp.get("id") else exp["file"]]
            gold = {
                "id": exp["file"],
                "entities": [
                    {
                        "name": n,
                        "type": next((e["type"] for e in rec["entities"] if e["name"] == n), "PER"),
                        "aliases": expect["aliases"].get(n, []),
                    }
                    for n in exp["entities"]
                ],
                "times": exp["times"],
                "events": exp["events"],
                "quotes": exp["quotes"],
                "boilerplate": exp["boilerplate"],
                "suspect": exp.get("suspect", []),
            }
            out.append((gold, rec, raw))
    return out


def drop_check(shared: Path) -> None:
    """Per event type: system count, matches, and event F1 with that type dropped, on gold/dev
    (oracle inputs) and on the demo corpus expectations (real pipeline, vaarta.evaluate)."""
    from vaarta.evaluate import evaluate

    res = Resources()
    dev = [(find_events(doc, ents, times, res), g["events"]) for g, doc, ents, times in load_gold(shared)]
    demo = _demo_triples()
    base_dev = score_events(dev)["F1"]
    base_demo = evaluate(demo)["events"]["f1"]
    print(f"event F1 with every type: gold/dev {base_dev:.3f}, demo {base_demo:.3f}")
    types = sorted({e.type for evs, _ in dev for e in evs} | {e["type"] for _, r, _ in demo for e in r["events"]})
    for t in types:
        d = score_events([([e for e in evs if e.type != t], gold) for evs, gold in dev])
        n_dev = sum(e.type == t for evs, _ in dev for e in evs)
        dm = evaluate([(g, {**r, "events": [e for e in r["events"] if e["type"] != t]}, raw) for g, r, raw in demo])
        n_demo = sum(e["type"] == t for _, r, _ in demo for e in r["events"])
        f_demo = dm["events"]["f1"]
        print(
            f"  drop {t:10s} dev sys {n_dev:3d} tp {score_events(dev)['tp'] - d['tp']:3d} F1 {d['F1']:.3f} ({d['F1'] - base_dev:+.3f})"
            f" | demo sys {n_demo:3d} F1 {f_demo:.3f} ({f_demo - base_demo:+.3f})"
        )


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--drop-check", action="store_true", help="event F1 with each type dropped (gold/dev, demo) and exit")
    ap.add_argument("--speed", action="store_true", help="time find_events on covid-hindi-news and exit")
    ap.add_argument("--snapshot", type=Path, default=None, help="with --speed: output snapshot to write or compare")
    ap.add_argument("--inputs-cache", type=Path, default=None, help="with --speed: pickle of the pipeline inputs")
    ap.add_argument("--shared", type=Path, default=shared_dir())
    ap.add_argument("--ednil-limit", type=int, default=None)
    ap.add_argument("--no-ednil", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args(argv)
    if not a.shared.exists():
        print(f"no shared data at {a.shared}; set VAARTA_SHARED", file=sys.stderr)
        return 2
    if a.speed:
        return covid_speed(a.snapshot, a.inputs_cache)
    if a.drop_check:
        drop_check(a.shared)
        return 0
    dev = evaluate_dev(a.shared, verbose=a.verbose)
    e, q = dev["events"], dev["quotes"]
    print(
        f"gold/dev events: P {e['P']:.3f} R {e['R']:.3f} F1 {e['F1']:.3f} "
        f"(tp {e['tp']}, sys {e['sys']}, gold {e['gold']}); status acc {e['status_acc']:.3f}, "
        f"mode acc {e['mode_acc']:.3f}, killed acc {e['killed_acc']:.3f}, injured acc {e['injured_acc']:.3f}"
    )
    print(f"gold/dev quotes: recall {q['recall']:.3f}, speaker acc {q['speaker_acc']:.3f} (gold {q['gold']}, sys {q['sys']})")
    if not a.no_ednil:
        r = evaluate_ednil(a.shared, a.ednil_limit)
        t, p = r["types"], r["type+place"]
        print(
            f"EDNIL 2020 train ({r['docs']} docs): types P {t['P']:.3f} R {t['R']:.3f} F1 {t['F1']:.3f}; "
            f"type+place P {p['P']:.3f} R {p['R']:.3f} F1 {p['F1']:.3f}; {r['docs_per_s']:.0f} docs/s"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
