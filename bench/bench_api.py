"""Query latency and HTTP load on a store with >= 100,000 synthetic events.

    python bench/bench_api.py                                  # SQLite at /tmp/vaarta-bench.db
    python bench/bench_api.py --pg postgresql://vaarta:…@127.0.0.1/vaarta_test
    python bench/bench_api.py --load-seconds 60 --clients 50   # also the load test (SQLite)

Builds the store once (synthetic Records with Hindi-looking names, written with store.put)
and reuses it on later runs. Measures p50/p95 of
  - an event query: type + participant (a Hindi alias) + date range (Store.list_events), and
  - an entity page's queries: Store.entity + network + timeline,
then (with --load-seconds) starts `vaarta serve` on loopback and runs N concurrent clients
(httpx async) over a mix of API and page URLs, reporting requests/s, errors and latency.
Results go in docs/api.md.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import socket
import subprocess
import sys
import time
from typing import Any

from vaarta.model import Entity, Event, Mention, Quote, Record, Span, TimeExpr
from vaarta.segment import make_document
from vaarta.store import Store, open_store
from vaarta.translit import to_latin

TYPES = ["CONSULT", "VISIT", "STATEMENT", "PROTEST", "ASSAULT", "DISASTER", "ACCIDENT", "AGREEMENT", "ARREST", "ELECTION"]
STATUSES = ["occurred", "occurred", "occurred", "planned", "possible", "negated"]
_C = list("कखगचजटडतदनपबमयरलवशसह")
_V = ["ा", "ि", "ी", "ु", "ू", "े", "ै", "ो", "ौ", "ं", ""]


def _word(rng: random.Random, n: int) -> tuple[str, str]:
    hi = "".join(rng.choice(_C) + rng.choice(_V) for _ in range(n))
    return hi, to_latin(hi).capitalize()


def entity_pool(n: int, seed: int = 7) -> list[tuple[str, str, str]]:
    """(English-ish name, Hindi name, type) — unique, Hindi-looking."""
    rng = random.Random(seed)
    seen: set[str] = set()
    out = []
    while len(out) < n:
        (h1, e1), (h2, e2) = _word(rng, rng.randint(2, 3)), _word(rng, rng.randint(2, 3))
        name = f"{e1} {e2}"
        if name in seen:
            continue
        seen.add(name)
        out.append((name, f"{h1} {h2}", rng.choice(["PER", "PER", "PER", "ORG", "LOC"])))
    return out


def synthetic_records(n_articles: int, events_per_article: int = 5, seed: int = 11) -> Any:
    rng = random.Random(seed)
    pool = entity_pool(2000)
    weights = [1 / (i + 1) ** 0.8 for i in range(len(pool))]  # a few famous names, a long tail
    for a in range(n_articles):
        ents = list(dict.fromkeys(rng.choices(pool, weights=weights, k=5)))
        day = f"{2024 + a % 3}-{1 + (a // 3) % 12:02d}-{1 + (a // 36) % 28:02d}"
        sentences = [
            f"{ents[i % len(ents)][1]} ने {ents[(i + 1) % len(ents)][1]} से {rng.choice(['मुलाकात', 'बातचीत', 'चर्चा'])} की।"
            for i in range(events_per_article)
        ]
        text = " ".join(sentences)
        doc = make_document(text, published=day, id=f"syn-{a:07d}", title=sentences[0])
        entities, pos = [], {}
        for i, (en, hi, ty) in enumerate(ents):
            ms, start = [], text.find(hi)
            while start >= 0 and len(ms) < 6:
                ms.append(Mention(start, start + len(hi), hi))
                start = text.find(hi, start + 1)
            pos[en] = i
            entities.append(Entity(en, hi, ty, None, 0.9, tuple(ms)))  # type: ignore[arg-type]
        events, off = [], 0
        for i, s in enumerate(sentences):
            actor, other = ents[i % len(ents)][0], ents[(i + 1) % len(ents)][0]
            events.append(
                Event(
                    rng.choice(TYPES),
                    rng.choice(STATUSES),
                    (actor,),
                    (other,) if other != actor else (),  # type: ignore[arg-type]
                    (Span(off, off + len(s)),),
                    mode=rng.choice([None, "visit", "phone", "video"]),
                    date=day if rng.random() < 0.8 else None,
                    confidence=0.7,
                )
            )
            off += len(s) + 1
        yield Record(
            document=doc,
            entities=tuple(entities),
            events=tuple(events),
            times=(TimeExpr(0, 2, text[:2], day, "day"),),
            quotes=(Quote(ents[0][0], 0, len(sentences[0]), False),),
        )


def build(db: str, n_events: int) -> Store:
    store = open_store(db)
    have = store.counts()["events"]
    if have >= n_events:
        print(f"  reusing {db}: {have} events")
        return store
    n_articles = (n_events - have + 4) // 5
    t0 = time.perf_counter()
    start = store.counts()["articles"]
    for i, rec in enumerate(synthetic_records(start + n_articles)):
        if i < start:
            continue
        store.put(rec)
        if i % 2000 == 0:
            print(f"\r  writing… {i}/{start + n_articles}", end="", file=sys.stderr, flush=True)
    dt = time.perf_counter() - t0
    c = store.counts()
    print(f"\r  built {db}: {c['articles']} articles, {c['events']} events in {dt:.0f} s ({n_articles / dt:.0f} articles/s)")
    return store


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(p / 100 * (len(xs) - 1)))]


def latency(store: Store, reps: int) -> dict[str, tuple[float, float]]:
    pool = entity_pool(2000)
    rng = random.Random(3)
    names = [pool[i] for i in rng.sample(range(200), min(reps, 200))]  # names that do occur
    ev_ms, ent_ms = [], []
    for i in range(reps):
        en, hi, _ = names[i % len(names)]
        y = 2024 + i % 3
        t0 = time.perf_counter()
        store.list_events(type=TYPES[i % len(TYPES)], participant=hi, date_from=f"{y}-01-01", date_to=f"{y}-06-30", limit=50)
        ev_ms.append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        ent = store.entity(hi if i % 2 else en, limit=100)
        assert ent is not None
        store.network(ent["name"])
        store.timeline(ent["name"], limit=200)
        ent_ms.append((time.perf_counter() - t0) * 1000)
    return {"event query": (pct(ev_ms, 50), pct(ev_ms, 95)), "entity page": (pct(ent_ms, 50), pct(ent_ms, 95))}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def _load(base: str, clients: int, seconds: float) -> dict[str, Any]:
    import httpx

    pool = entity_pool(2000)
    urls = []
    for i in range(200):
        en, hi, _ = pool[i % 150]
        urls += [
            f"/api/events?type={TYPES[i % 10]}&participant={hi}&since=2025-01-01&until=2025-12-31",
            f"/api/entities/{en}",
            f"/api/articles/syn-{i * 37:07d}",
            f"/articles/syn-{i * 53:07d}",
            "/api/articles?limit=20",
            f"/events?participant={hi}",
        ]
    lat: list[float] = []
    errors: dict[str, int] = {}
    stop = time.monotonic() + seconds

    async def worker(k: int) -> None:
        rng = random.Random(k)
        async with httpx.AsyncClient(base_url=base, timeout=30) as c:
            while time.monotonic() < stop:
                u = rng.choice(urls)
                t0 = time.perf_counter()
                try:
                    r = await c.get(u)
                    if r.status_code != 200:
                        errors[str(r.status_code)] = errors.get(str(r.status_code), 0) + 1
                except httpx.HTTPError as e:
                    errors[type(e).__name__] = errors.get(type(e).__name__, 0) + 1
                lat.append((time.perf_counter() - t0) * 1000)

    t0 = time.perf_counter()
    await asyncio.gather(*(worker(k) for k in range(clients)))
    dt = time.perf_counter() - t0
    return {"requests": len(lat), "seconds": dt, "rps": len(lat) / dt, "errors": errors, "p50": pct(lat, 50), "p95": pct(lat, 95)}


def load_test(db: str, clients: int, seconds: float) -> dict[str, Any]:
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "vaarta.cli", "serve", "--db", db, "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        import httpx

        for _ in range(100):
            try:
                if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        return asyncio.run(_load(f"http://127.0.0.1:{port}", clients, seconds))
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sqlite", default="/tmp/vaarta-bench.db")
    ap.add_argument("--pg", help="postgresql:// URL (its tables are filled once, then reused)")
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--reps", type=int, default=200)
    ap.add_argument("--load-seconds", type=float, default=0, help="run the HTTP load test this long (0: skip)")
    ap.add_argument("--clients", type=int, default=50)
    a = ap.parse_args()
    targets = [("SQLite", a.sqlite)] + ([("PostgreSQL", a.pg)] if a.pg else [])
    for label, db in targets:
        print(f"{label}:")
        with build(db, a.events) as store:
            pass
        with open_store(db, readonly=True) as store:
            latency(store, 20)  # warm caches
            for what, (p50, p95) in latency(store, a.reps).items():
                print(f"  {what:<12} p50 {p50:6.1f} ms   p95 {p95:6.1f} ms   ({a.reps} queries)")
    if a.load_seconds:
        r = load_test(a.sqlite, a.clients, a.load_seconds)
        print(
            f"load ({a.clients} clients, {r['seconds']:.0f} s, SQLite, loopback): {r['requests']} requests,"
            f" {r['rps']:.0f} req/s, errors {r['errors'] or 0}, p50 {r['p50']:.0f} ms, p95 {r['p95']:.0f} ms"
        )


if __name__ == "__main__":
    main()
