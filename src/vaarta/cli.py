"""The ``vaarta`` command line: a thin shell over the library.

Every command is documented in docs/cli.md (a test keeps the two in step).
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from . import __version__
from .errors import VaartaError
from .store import open_store
from .store.base import MAX_PAGE

DEFAULT_DB = os.environ.get("VAARTA_DB", "vaarta.db")


def _progress(enabled: bool):  # type: ignore[no-untyped-def]
    if not enabled:
        return None

    def show(n: int, source: str) -> None:
        if n % 25 == 0:
            print(f"\r  {n} articles… {source[-60:]:<60}", end="", file=sys.stderr, flush=True)

    return show


def cmd_ingest(a: argparse.Namespace) -> int:
    from .ingest import ingest

    def on_reject(r) -> None:  # type: ignore[no-untyped-def]
        print(f"rejected: {r.line()}", file=sys.stderr)

    with open_store(a.db) as store:
        s = ingest(
            a.paths,
            store,
            published=a.published,
            jobs=a.jobs,
            force=a.force,
            max_bytes=a.max_bytes,
            progress=_progress(sys.stderr.isatty() and not a.quiet),
            on_reject=on_reject,
        )
    if sys.stderr.isatty() and not a.quiet:
        print("\r" + " " * 80 + "\r", end="", file=sys.stderr)
    for line in s.lines():
        print(line)
    print(f"database: {a.db}")
    if s.analysed == 0 and s.already_stored == 0 and set(s.rejected) == {"not-found"}:
        return 1
    return 0


def cmd_export(a: argparse.Namespace) -> int:
    out = open(a.output, "w", encoding="utf-8") if a.output else sys.stdout  # noqa: SIM115
    try:
        with open_store(a.db, readonly=True) as store:
            if a.format == "clusters":
                for c in _all_clusters(store):
                    obj = {
                        "id": c["id"],
                        "type": c["type"],
                        "participants": c["participants"],
                        "date": c["date"],
                        "location": c["location"],
                        "articles": c["articles"],
                        "reason": c["reason"],
                        "contradictions": c["contradictions"],
                        "reports": [_member(c["type"], m) for m in c["reports"]],
                    }
                    out.write(json.dumps(obj, ensure_ascii=False) + "\n")
            else:
                for rec in store.iter_records():
                    out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    finally:
        if a.output:
            out.close()
    return 0


def _member(cluster_type: str, m: dict[str, Any]) -> dict[str, Any]:
    """One report of an exported cluster: an event of an article, (a statement) the first quote of
    its speaker in the article, with every passage the article quotes the speaker with, or (a
    figure) where the article gives it, with that sentence."""
    if cluster_type == "STATEMENT":
        return {"article": m["article_id"], "quote": m["idx"], "source": m["source"], "words": m.get("words") or []}
    if cluster_type == "FIGURE":  # idx: where the figure is given in the article's text
        return {"article": m["article_id"], "offset": m["idx"], "source": m["source"], "words": m.get("words") or []}
    return {"article": m["article_id"], "event": m["idx"], "source": m["source"]}


def _all_clusters(store: Any) -> Iterator[dict[str, Any]]:
    """Every merged event, a page at a time (one call to ``clusters`` returns at most a page)."""
    offset = 0
    while page := store.clusters(min_articles=2, limit=MAX_PAGE, offset=offset):
        yield from page
        offset += len(page)


def cmd_articles(a: argparse.Namespace) -> int:
    with open_store(a.db, readonly=True) as store:
        rows = store.list_articles(
            source=a.source, date_from=a.since, date_to=a.until, words=a.words, limit=a.limit, offset=a.offset
        )
    for r in rows:
        dup = f"  (copy of {r['duplicate_of']})" if r["duplicate_of"] else ""
        print(f"{r['id']}  {r['published'] or '----------'}  {r['n_events']:>2} events  {(r['title'] or '')[:70]}{dup}")
    if not rows:
        print("no articles", file=sys.stderr)
    return 0


def cmd_show(a: argparse.Namespace) -> int:
    with open_store(a.db, readonly=True) as store:
        rec = store.get(a.id)
        raw = store.raw(a.id) if rec else None
    if rec is None:
        print(f"vaarta show: no article with id {a.id!r} in {a.db}", file=sys.stderr)
        return 1
    if a.json:
        print(json.dumps(rec, ensure_ascii=False, indent=2))
        return 0
    print(f"# {rec['title'] or '(no title)'}")
    print(f"id: {rec['id']}  source: {rec['source']}  published: {rec['published']} ({rec['published_from']})")
    if rec.get("duplicate_of"):
        print(f"copy of: {rec['duplicate_of']}")
    print()
    print(rec["text"])
    print()
    print(f"## removed ({len(rec['removed'])} blocks)")
    for r in rec["removed"]:
        snippet = (raw or "")[r["raw_start"] : r["raw_end"]].replace("\n", " ⏎ ")
        print(f"- {r['kind']} [{r['raw_start']}:{r['raw_end']}] {snippet[:100]}")
    for key, fmt in (
        ("entities", lambda e: f"{e['name']} ({e['type']}) ← {', '.join(sorted({m['text'] for m in e['mentions']}))}"),
        ("times", lambda t: f"{t['text']} → {t['value'] or t['reason']}"),
        (
            "events",
            lambda e: (
                f"{e['type']}/{e['mode'] or '-'} {e['status']} {e['actors']}→{e['recipients']}"
                f" date={e['date']} at={e['location']}"
            ),
        ),
        ("quotes", lambda q: f"{q['speaker'] or '?'}: {rec['text'][q['start'] : q['end']][:90]}"),
        ("flags", lambda f: f"{f['kind']}: {rec['text'][f['start'] : f['end']]} {f['note']}"),
    ):
        if rec.get(key):
            print(f"## {key} ({len(rec[key])})")
            for item in rec[key]:
                print("- " + fmt(item))
    return 0


def cmd_search(a: argparse.Namespace) -> int:
    with open_store(a.db, readonly=True) as store:
        rows = store.search(a.query, limit=a.limit)
    for r in rows:
        print(f"{r['id']}  {r['published'] or '----------'}  {(r['title'] or '')[:60]}\n    {r['snippet']}")
    if not rows:
        print(f"no article contains {a.query!r}", file=sys.stderr)
    return 0


def cmd_entity(a: argparse.Namespace) -> int:
    with open_store(a.db, readonly=True) as store:
        ent = store.entity(a.name)
    from .kb import default_kb

    kb_hits: list[Any] = default_kb().find(a.name)[:3]
    if ent is None and not kb_hits:
        print(f"vaarta entity: nothing known as {a.name!r}", file=sys.stderr)
        return 1
    if a.json:
        print(json.dumps({"store": ent, "kb": [getattr(k, "name", str(k)) for k in kb_hits]}, ensure_ascii=False, indent=2))
        return 0
    if ent:
        print(f"{ent['name']} ({ent['type']})  {ent['name_hi'] or ''}  {ent['kb_id'] or ''}")
        print(f"aliases seen: {', '.join(ent['aliases'])}")
        print(f"articles ({ent['n_articles']}):")
        for r in ent["articles"]:
            print(f"  {r['id']}  {r['published'] or '----------'}  {(r['title'] or '')[:70]}")
        if ent["events"]:
            print("events:")
            for e in ent["events"][:20]:
                print(f"  {e['date'] or '?':<10} {e['type']:<9} {e['status']:<9} {', '.join(e['actors'] + e['recipients'])}")
    for k in kb_hits:
        if not ent or k.name != ent["name"]:
            print(f"in the knowledge base: {k.name} ({k.type}) {k.name_hi} {k.kb_id or ''}")
    return 0


def cmd_statements(a: argparse.Namespace) -> int:
    """Speakers quoted by several articles on one day (a briefing, an address), with each article's words."""
    return _print_day_kind(a, "statements")


def cmd_figures(a: argparse.Namespace) -> int:
    """Exact figures given by several articles on one day (a bulletin's count), with each article's sentence."""
    return _print_day_kind(a, "figures")


def _print_day_kind(a: argparse.Namespace, kind: str) -> int:
    with open_store(a.db, readonly=True) as store:
        rows = store.clusters(min_articles=2, limit=a.limit, kind=kind)
    if a.json:
        for c in rows:
            print(json.dumps(c, ensure_ascii=False))
        return 0
    mark = "“%s”" if kind == "statements" else "%s"
    for c in rows:
        print(f"{c['id']}  {c['date'] or '?':<10} {', '.join(c['participants'])}  [{c['n_articles']} articles]")
        for m in c["reports"]:
            print(f"    {m['article_id']}  {m['source']}")
            for w in m.get("words") or []:
                words = " ".join(w.split())
                print("        " + mark % f"{words[:160]}{'…' if len(words) > 160 else ''}")
    return 0


def cmd_events(a: argparse.Namespace) -> int:
    with open_store(a.db, readonly=True) as store:
        if a.merged:
            for c in store.clusters(min_articles=2, limit=a.limit, kind="events"):
                print(
                    f"{c['id']}  {c['date'] or '?':<10} {c['type']:<9} {', '.join(c['participants'])}"
                    f"  @{c['location'] or '-'}  [{c['n_articles']} articles: {c['reason']}]"
                )
                for m in c["reports"]:
                    print(f"    {m['article_id']}  {m['source']}")
                for k in c["contradictions"]:
                    readings = "; ".join(f"{r['value']} ({r['article']})" for r in k["readings"])
                    print(f"    ! contradiction on {k['field']}: {readings}")
            return 0
        rows = store.list_events(
            type=a.type,
            participant=a.participant,
            date_from=a.since,
            date_to=a.until,
            status=a.status,
            mode=a.mode,
            limit=a.limit,
        )
    for e in rows:
        print(
            f"{e['date'] or '?':<10} {e['type']:<9} {e['mode'] or '-':<7} {e['status']:<9}"
            f" {', '.join(e['actors'])} → {', '.join(e['recipients'])}  @{e['location'] or '-'}  [{e['article_id']}]"
        )
    return 0


def cmd_merge(a: argparse.Namespace) -> int:
    """Re-merge everything stored across articles (events and statements), e.g. after an upgrade."""
    from .crossdoc_store import merge_all

    with open_store(a.db) as store:
        merge_all(store)
        counts = store.merged_counts()
    print(f"events merged across articles: {counts['merged_events']}")
    print(f"statements quoted by several articles: {counts['merged_statements']}")
    print(f"figures given by several articles: {counts['merged_figures']}")
    return 0


def cmd_eval(a: argparse.Namespace) -> int:
    from .evaluate import evaluate_file, format_report

    report = evaluate_file(Path(a.gold), db=a.db if a.db_given else None)
    if a.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(format_report(report))
    return 0


def cmd_serve(a: argparse.Namespace) -> int:
    from .web import serve

    serve(a.db, host=a.host, port=a.port, api_key=a.api_key or os.environ.get("VAARTA_API_KEY"))
    return 0


def cmd_demo(a: argparse.Namespace) -> int:
    from importlib import resources

    from .ingest import ingest

    demo = resources.files("vaarta").joinpath("demo", "articles")
    with resources.as_file(demo) as path, open_store(a.db) as store:
        s = ingest([str(path)], store, progress=None)
        counts = store.counts()
    print(f"demo corpus ingested into {a.db}")
    for line in s.lines():
        print("  " + line)
    print("  stored: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    if a.no_serve:
        return 0
    return cmd_serve(a)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="vaarta", description="Hindi news into facts you can trust.")
    p.add_argument("--version", action="version", version=f"vaarta {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def db(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--db", default=DEFAULT_DB, help="SQLite file or postgresql:// URL (default: vaarta.db or $VAARTA_DB)")

    sp = sub.add_parser("ingest", help="analyse .txt/.md/.html/.jsonl files and folders into the database")
    sp.add_argument("paths", nargs="+", metavar="PATH")
    db(sp)
    sp.add_argument("--published", metavar="YYYY-MM-DD", help="publication date for inputs that give none")
    sp.add_argument("--jobs", "-j", type=int, default=1, help="worker processes (default 1)")
    sp.add_argument("--force", action="store_true", help="re-analyse articles already stored")
    sp.add_argument("--max-bytes", type=int, default=20 * 1024 * 1024, help="largest article file accepted (default 20 MB)")
    sp.add_argument("--quiet", "-q", action="store_true", help="no progress line")
    sp.set_defaults(func=cmd_ingest)

    sp = sub.add_parser("export", help="write the records (jsonl) or merged events (clusters)")
    db(sp)
    sp.add_argument("--format", choices=["jsonl", "clusters"], default="jsonl")
    sp.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    sp.set_defaults(func=cmd_export)

    sp = sub.add_parser("articles", help="list stored articles")
    db(sp)
    sp.add_argument("--source", help="only sources containing this text")
    sp.add_argument("--since", metavar="YYYY-MM-DD")
    sp.add_argument("--until", metavar="YYYY-MM-DD")
    sp.add_argument("--words", help="only articles containing these words")
    sp.add_argument("--limit", type=int, default=50)
    sp.add_argument("--offset", type=int, default=0)
    sp.set_defaults(func=cmd_articles)

    sp = sub.add_parser("show", help="an article's cleaned text, what was removed, and what was found")
    sp.add_argument("id")
    db(sp)
    sp.add_argument("--json", action="store_true", help="print the full record")
    sp.set_defaults(func=cmd_show)

    sp = sub.add_parser("search", help="articles containing words (whole Hindi words)")
    sp.add_argument("query")
    db(sp)
    sp.add_argument("--limit", type=int, default=20)
    sp.set_defaults(func=cmd_search)

    sp = sub.add_parser("entity", help="an entity by any alias, in either script: aliases seen and articles")
    sp.add_argument("name")
    db(sp)
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(func=cmd_entity)

    sp = sub.add_parser("events", help="list events (filters) or merged events across articles (--merged)")
    db(sp)
    sp.add_argument("--type", help="event type, e.g. CONSULT")
    sp.add_argument("--participant", help="any alias of an actor or recipient")
    sp.add_argument("--since", metavar="YYYY-MM-DD")
    sp.add_argument("--until", metavar="YYYY-MM-DD")
    sp.add_argument("--status", choices=["occurred", "planned", "possible", "negated"])
    sp.add_argument("--mode", help="e.g. video, phone, visit")
    sp.add_argument("--merged", action="store_true", help="events reported by several articles")
    sp.add_argument("--limit", type=int, default=50)
    sp.set_defaults(func=cmd_events)

    sp = sub.add_parser("statements", help="speakers quoted by several articles on one day (briefings, addresses)")
    db(sp)
    sp.add_argument("--limit", type=int, default=50)
    sp.add_argument("--json", action="store_true", help="one JSON object per statement")
    sp.set_defaults(func=cmd_statements)

    sp = sub.add_parser("figures", help="exact figures given by several articles on one day (a bulletin's counts)")
    db(sp)
    sp.add_argument("--limit", type=int, default=50)
    sp.add_argument("--json", action="store_true", help="one JSON object per figure")
    sp.set_defaults(func=cmd_figures)

    sp = sub.add_parser("merge", help="re-merge all stored articles' events, statements and figures (after an upgrade)")
    db(sp)
    sp.set_defaults(func=cmd_merge)

    sp = sub.add_parser("eval", help="score against a gold file (spec/gold.md)")
    sp.add_argument("gold", metavar="GOLD.jsonl")
    db(sp)
    sp.add_argument("--json", action="store_true", help="machine-readable report")
    sp.set_defaults(func=cmd_eval)

    def serve_opts(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--host", default="127.0.0.1")
        sp.add_argument("--port", type=int, default=8000)
        sp.add_argument("--api-key", help="enable POST /api/ingest with this key (or $VAARTA_API_KEY)")

    sp = sub.add_parser("serve", help="HTTP API and web page over the database")
    db(sp)
    serve_opts(sp)
    sp.set_defaults(func=cmd_serve)

    sp = sub.add_parser("demo", help="ingest the shipped demo corpus, print its summary, and serve it")
    sp.add_argument("--db", default="vaarta-demo.db", help="database to create (default vaarta-demo.db)")
    serve_opts(sp)
    sp.add_argument("--no-serve", action="store_true", help="stop after ingesting")
    sp.set_defaults(func=cmd_demo)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    a = parser.parse_args(argv)
    a.db_given = "--db" in (argv if argv is not None else sys.argv)
    try:
        return int(a.func(a))
    except VaartaError as e:
        print(f"vaarta {a.command}: {e}", file=sys.stderr)
        return 2
    except sqlite3.DatabaseError as e:  # a database damaged (or replaced) after it was opened
        print(f"vaarta {a.command}: {a.db}: database error ({e})", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
