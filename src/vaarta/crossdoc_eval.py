"""Pairwise scoring of event clusters and duplicates against a cluster gold (spec/gold.md).

Gold lines (ids already resolved, e.g. by :func:`vaarta.corpora.gold_cluster_refs`):
``{"event": …, "articles": [ids]}``, ``{"duplicates": [ids]}``, ``{"negative": [ids], "why": …}``.

Every pair of articles that gold puts in one event should share a merged (exported) cluster,
and no other pair should. Only pairs whose two articles are both in the *universe* count:
by default every article an event or negative line names (the articles a human read for
their events), so a partial gold over a few days does not punish merges among articles
nobody annotated. A copy (gold ``duplicates``) reports what its original reports, so it
shares the original's gold events; a pair of copies is scored as duplicates, not as events.
"""

from __future__ import annotations

import itertools
from collections.abc import Hashable, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from typing import Any


def _pairs(groups: Iterable[Iterable[str]]) -> set[tuple[str, str]]:
    out: set[tuple[str, str]] = set()
    for g in groups:
        ids = sorted(set(g))
        out.update(itertools.combinations(ids, 2))
    return out


def _universe(gold_lines: Sequence[Mapping[str, Any]]) -> set[str]:
    return {i for g in gold_lines for k in ("articles", "negative", "duplicates") for i in g.get(k, ())}


def _event_universe(gold_lines: Sequence[Mapping[str, Any]]) -> set[str]:
    """Articles whose events a human read: those named in event or negative lines (an
    article named only as a copy was read for its text, not its events)."""
    read = {i for g in gold_lines for k in ("articles", "negative") for i in g.get(k, ())}
    return read or _universe(gold_lines)


def _copy_groups(gold_lines: Sequence[Mapping[str, Any]]) -> dict[str, set[str]]:
    """Article → every article gold says is a copy of it (transitively), itself included."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for g in gold_lines:
        ids = list(g.get("duplicates", ()))
        for a in ids:
            parent.setdefault(a, a)
        for a in ids[1:]:
            parent[find(a)] = find(ids[0])
    groups: dict[str, set[str]] = {}
    for a in parent:
        groups.setdefault(find(a), set()).add(a)
    return {a: groups[find(a)] for a in parent}


def _gold_event_pairs(gold_lines: Sequence[Mapping[str, Any]]) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """Gold event pairs, with a copy sharing every event of its original; and the copy pairs
    themselves, which are scored as duplicates, not as events."""
    copies = _copy_groups(gold_lines)
    events = [{c for a in g["articles"] for c in copies.get(a, {a})} for g in gold_lines if "articles" in g]
    return _pairs(events), _pairs(copies.values())


def _prf(system: AbstractSet[Hashable], gold: AbstractSet[Hashable]) -> tuple[float, float, float]:
    tp = len(system & gold)
    p = tp / len(system) if system else 1.0
    r = tp / len(gold) if gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _cluster_articles(c: Any) -> list[str]:
    if isinstance(c, Mapping):
        return list(c["articles"])
    return sorted({a for a, _ in c.reports})


def system_pairs(system_clusters: Iterable[Any], universe: set[str] | None = None) -> set[tuple[str, str]]:
    pairs = _pairs(_cluster_articles(c) for c in system_clusters)
    if universe is None:
        return pairs
    return {p for p in pairs if p[0] in universe and p[1] in universe}


def score_clusters(
    gold_lines: Sequence[Mapping[str, Any]],
    system_clusters: Iterable[Any],
    universe: Iterable[str] | None = None,
) -> tuple[float, float, float]:
    """Pairwise precision, recall, F1 of merged events (EventCluster or exported dicts)."""
    uni = set(universe) if universe is not None else _event_universe(gold_lines)
    gold, copy_pairs = _gold_event_pairs(gold_lines)
    gold = {p for p in gold if p[0] in uni and p[1] in uni}
    return _prf(system_pairs(system_clusters, uni) - copy_pairs, gold - copy_pairs)


def score_cluster_sets(sets: Sequence[Sequence[Mapping[str, Any]]], system_clusters: Iterable[Any]) -> tuple[float, float, float]:
    """Pairwise P/R/F1 over several gold sets, counting only pairs within one set's articles: two
    articles of two sets were judged by no annotator (pairs of each set's universe, pooled)."""
    clusters = list(system_clusters)
    system: set[tuple[str, str, int]] = set()
    gold: set[tuple[str, str, int]] = set()
    for k, lines in enumerate(sets):
        uni = _event_universe(lines)
        g, copy_pairs = _gold_event_pairs(lines)
        gold |= {(a, b, k) for a, b in g - copy_pairs if a in uni and b in uni}
        system |= {(a, b, k) for a, b in system_pairs(clusters, uni) - copy_pairs}
    return _prf(system, gold)


def annotator_agreement(
    first: Sequence[Mapping[str, Any]],
    second: Sequence[Mapping[str, Any]],
    universe: Iterable[str] | None = None,
) -> tuple[float, float, float]:
    """Pairwise agreement of two independent annotations of the same days: P/R/F1 of the
    second's event pairs against the first's (F1 is symmetric), over ``universe`` (default:
    every article either annotator read for events); copy pairs of either side are left out."""
    uni = set(universe) if universe is not None else _event_universe(first) | _event_universe(second)
    a, copies_a = _gold_event_pairs(first)
    b, copies_b = _gold_event_pairs(second)
    copies = copies_a | copies_b

    def inside(pairs: set[tuple[str, str]]) -> set[tuple[str, str]]:
        return {p for p in pairs - copies if p[0] in uni and p[1] in uni}

    return _prf(inside(b), inside(a))


def negative_violations(gold_lines: Sequence[Mapping[str, Any]], system_clusters: Iterable[Any]) -> list[tuple[str, str, str]]:
    """Gold hard-negative pairs the system merged: ``(id1, id2, why)``."""
    sys_pairs = system_pairs(system_clusters)
    out = []
    for g in gold_lines:
        if "negative" in g:
            for p in _pairs([g["negative"]]):
                if p in sys_pairs:
                    out.append((p[0], p[1], str(g.get("why", ""))))
    return out


def score_duplicates(
    gold_lines: Sequence[Mapping[str, Any]],
    duplicate_of: Mapping[str, str | None],
    universe: Iterable[str] | None = None,
) -> tuple[float, float, float]:
    """Pairwise P/R/F1 of ``duplicate_of`` (article → earlier copy) against gold duplicates.

    System groups are the articles pointing at one canonical article plus that article.
    """
    uni = set(universe) if universe is not None else _universe(gold_lines)
    groups: dict[str, set[str]] = {}
    for a, d in duplicate_of.items():
        if d:
            groups.setdefault(d, {d}).add(a)
    sys_pairs = {p for p in _pairs(groups.values()) if p[0] in uni and p[1] in uni}
    gold = _pairs(g["duplicates"] for g in gold_lines if "duplicates" in g)
    return _prf(sys_pairs, gold)
