"""The article view: cleaned text with every finding highlighted, as safe HTML.

The text is cut at every span boundary (entity mentions, time expressions, event evidence,
quotes, flags) and every piece is escaped; spans that overlap without nesting are closed and
reopened around each other so the markup always nests. Only entity mentions (and one small
tag at the start of each event's evidence) are links, and a link never opens inside another.
Removed blocks (located in the raw input) are shown greyed at the place they were cut from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from typing import Any
from urllib.parse import quote, urlencode

from markupsafe import Markup

# Nesting order when spans start at the same place and end at the same place: lower is outer.
_RANK = {"ev": 0, "quote": 1, "flag": 2, "time": 3, "ent": 4}


@dataclass
class _Span:
    start: int
    end: int
    kind: str  # ev | quote | flag | time | ent
    open_tag: str  # the element's opening tag (its attributes already escaped)
    close_tag: str
    is_link: bool = False
    tag_html: str = ""  # emitted once, right after the first opening (the event's label)
    link_fallback: str = ""  # the opening tag to use when nested inside another link
    opened: bool = field(default=False)


def entity_url(name: str) -> str:
    return "/entities/" + quote(name, safe="")


def events_url(**params: str | None) -> str:
    q = {k: v for k, v in params.items() if v}
    return "/events" + ("?" + urlencode(q) if q else "")


def _attr(v: object) -> str:
    return escape(str(v), quote=True)


def _spans(rec: dict[str, Any]) -> list[_Span]:
    n = len(rec.get("text") or "")
    out: list[_Span] = []

    def ok(s: int, e: int) -> bool:
        return isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= n

    for ei, ent in enumerate(rec.get("entities") or []):
        cls = f"hl ent ent-{_attr(ent.get('type') or 'MISC')}"
        title = f"{ent.get('name')} ({ent.get('type')})"
        for m in ent.get("mentions") or []:
            if ok(m.get("start"), m.get("end")):
                out.append(
                    _Span(
                        m["start"],
                        m["end"],
                        "ent",
                        f'<a class="{cls}" data-entity="{ei}" href="{_attr(entity_url(ent.get("name") or ""))}"'
                        f' title="{_attr(title)}">',
                        "</a>",
                        is_link=True,
                        link_fallback=f'<span class="{cls}" data-entity="{ei}" title="{_attr(title)}">',
                    )
                )
    for ti, t in enumerate(rec.get("times") or []):
        if ok(t.get("start"), t.get("end")):
            value = t.get("value") or ""
            title = value or f"no date: {t.get('reason') or 'unresolved'}"
            dt = f' datetime="{_attr(value)}"' if value and len(value) == 10 else ""
            out.append(
                _Span(
                    t["start"], t["end"], "time", f'<time class="hl time" data-time="{ti}"{dt} title="{_attr(title)}">', "</time>"
                )
            )
    for vi, ev in enumerate(rec.get("events") or []):
        who = (ev.get("actors") or []) + (ev.get("recipients") or [])
        href = events_url(type=ev.get("type"), article=rec.get("id"))
        label = f"{ev.get('type')}" + (f"/{ev.get('mode')}" if ev.get("mode") else "") + f" · {ev.get('status')}"
        title = (
            f"{label}: {', '.join(who) or '—'}"
            + (f" @ {ev['location']}" if ev.get("location") else "")
            + (f" {ev['date']}" if ev.get("date") else "")
        )
        for sp in ev.get("evidence") or []:
            if ok(sp.get("start"), sp.get("end")):
                out.append(
                    _Span(
                        sp["start"],
                        sp["end"],
                        "ev",
                        f'<span class="hl ev ev-{_attr(ev.get("status") or "")}" data-event="{vi}" title="{_attr(title)}">',
                        "</span>",
                        tag_html=f'<a class="ev-tag" data-event="{vi}" href="{_attr(href)}">{escape(label)}</a>',
                    )
                )
    for qi, qt in enumerate(rec.get("quotes") or []):
        if ok(qt.get("start"), qt.get("end")):
            kind = "direct" if qt.get("direct") else "reported"
            title = f"{kind} quote: {qt.get('speaker') or 'speaker unknown'}"
            out.append(
                _Span(
                    qt["start"],
                    qt["end"],
                    "quote",
                    f'<q class="hl quote quote-{kind}" data-quote="{qi}" title="{_attr(title)}">',
                    "</q>",
                )
            )
    for fi, f in enumerate(rec.get("flags") or []):
        if ok(f.get("start"), f.get("end")):
            out.append(
                _Span(
                    f["start"],
                    f["end"],
                    "flag",
                    f'<mark class="hl flag" data-flag="{fi}" title="{_attr(f.get("kind"))}: {_attr(f.get("note") or "")}">',
                    "</mark>",
                )
            )
    return out


def anchor_removed(text: str, raw: str, removed: list[dict[str, Any]]) -> list[tuple[int, dict[str, Any]]]:
    """Where in the cleaned text each removed block was cut from (best effort, monotone).

    The record keeps removed blocks as raw offsets; the cleaned text is the raw input minus
    those blocks (plus whitespace normalisation), so a block sits where the kept raw text
    that follows it begins in the cleaned text.
    """
    out: list[tuple[int, dict[str, Any]]] = []
    pos = 0
    for r in sorted(removed, key=lambda r: (r.get("raw_start", 0), r.get("raw_end", 0))):
        rs, re_ = int(r.get("raw_start", 0)), int(r.get("raw_end", 0))
        block = dict(r, text=raw[rs:re_] if 0 <= rs <= re_ <= len(raw) else r.get("text", ""))
        after = raw[re_ : re_ + 200].strip()
        at = -1
        for k in (24, 12, 6):
            probe = after[:k].strip()
            if probe:
                at = text.find(probe, pos)
                if at >= 0:
                    break
        if at < 0:
            at = len(text) if not after else pos
        pos = at
        out.append((at, block))
    return out


def render(rec: dict[str, Any], raw: str | None = None) -> Markup:
    """The article body as HTML: escaped text pieces wrapped in properly nested highlights."""
    text: str = rec.get("text") or ""
    spans = _spans(rec)
    removed = anchor_removed(text, raw or "", rec.get("removed") or []) if raw is not None else []
    bounds = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans), *(p for p, _ in removed)})
    starts: dict[int, list[_Span]] = {}
    for s in spans:
        starts.setdefault(s.start, []).append(s)
    blocks: dict[int, list[dict[str, Any]]] = {}
    for p, b in removed:
        blocks.setdefault(p, []).append(b)

    html: list[str] = []
    stack: list[tuple[_Span, bool]] = []  # (span, opened as a link)

    def push(s: _Span) -> None:
        inside_link = any(link for _, link in stack)
        as_link = s.is_link and not inside_link
        html.append(s.open_tag if (as_link or not s.is_link) else s.link_fallback)
        stack.append((s, as_link))
        if s.tag_html and not s.opened:
            tag = (
                s.tag_html
                if not any(link for _, link in stack)
                else s.tag_html.replace("<a ", "<span ", 1).replace("</a>", "</span>")
            )
            html.append(tag)
        s.opened = True

    def pop() -> _Span:
        s, as_link = stack.pop()
        html.append("</a>" if as_link else (s.close_tag if not s.is_link else "</span>"))
        return s

    prev = 0
    for p in bounds:
        if p > prev:
            html.append(escape(text[prev:p], quote=False))
        prev = p
        ending = [i for i, (s, _) in enumerate(stack) if s.end <= p]
        cut = min(ending) if ending else len(stack)
        if p in blocks:
            cut = 0  # a removed block goes outside every highlight
        reopen: list[_Span] = []
        while len(stack) > cut:
            s = pop()
            if s.end > p:
                reopen.append(s)
        for b in blocks.get(p, []):
            html.append(
                f'<span class="removed" data-kind="{_attr(b.get("kind"))}" title="removed by cleaning: {_attr(b.get("kind"))}">'
                f'<span class="removed-kind">{escape(str(b.get("kind")))}</span> {escape(b.get("text") or "")}</span>'
            )
        new = reopen + starts.get(p, [])
        new.sort(key=lambda s: (-s.end, _RANK[s.kind], s.start))
        for s in new:
            if s.end > p:
                push(s)
    while stack:
        pop()
    return Markup("".join(html))  # every piece above is escaped
