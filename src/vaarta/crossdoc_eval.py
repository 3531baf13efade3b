"""Pairwise scoring of event clusters and duplicates against a cluster gold (spec/gold.md).

Gold lines (ids already resolved, e.g. by :func:`vaarta.corpora.gold_cluster_refs`):
``{"event": …, "articles": [ids]}``, ``{"duplicates": [ids]}``, ``{"negative": [ids], "why": …}``.

Every pair of articles that gold puts in one event should share a merged (exported) cluster,
and no other pair should. Only pairs whose two articles are both in the *universe* count:
by default every article the gold file names (the articles a human read), so a partial gold
over a few days does not punish merges among articles nobody annotated.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from typing import Any


def _pairs(groups: Iterable[Iterable[str]]) -> set[tuple[str, str]]:
    out: set[tuple[str, str]] = set()
    for g in groups:
        ids = sorted(set(g))
        out.update(itertools.combinations(ids, 2))
    return out


def _universe(gold_lines: Sequence[Mapping[str, Any]]) -> set[str]:
    return {i for g in gold_lines for k in ("articles", "negative", "duplicates") for i in g.get(k, ())}


def _prf(system: set[tuple[str, str]], gold: set[tuple[str, str]]) -> tuple[float, float, float]:
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
    uni = set(universe) if universe is not None else _universe(gold_lines)
    gold = _pairs(g["articles"] for g in gold_lines if "articles" in g)
    return _prf(system_pairs(system_clusters, uni), gold)


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
