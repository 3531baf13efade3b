"""Readers for the research corpora in ``../shared/data`` that benches and evaluations use.

Nothing here is needed at run time by ``vaarta ingest``; these readers turn a corpus folder
into :class:`~vaarta.model.Article` values with stable ids so that gold files can refer to
articles without copying their text.

covid-hindi-news (5 outlets, one file per outlet per day, March-April 2020) has no article
separators: articles are concatenated, each starting with its headline line, and bodies
contain sub-headings that look just like headlines. :func:`split_covid_file` finds headlines
with one layout cue per outlet (measured by reading the files, see docs/crossdoc.md); it
is a heuristic, so gold references also carry a hash of the headline line and are resolved
by that hash first (see :func:`gold_cluster_refs`).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .model import Article

# ---------------------------------------------------------------------------------------
# Layout facts of covid-hindi-news (read from the files themselves, 2020 scrape):
COVID_DIR = "data/covid-hindi-news"
OUTLET_CODES = {"AU", "DH", "DJ", "NT", "PK"}  # Amar Ujala, Dainik Hindustan, Dainik Jagran,
#                                               Navbharat Times, Prabhat Khabar (Readme.txt)
# File names are CODE-2020-MON-DD.txt; April files of three outlets are misspelt "ARP".
MONTHS = {"JAN": 1, "FEB": 2, "MAR": 3, "APR": 4, "ARP": 4, "MAY": 5, "JUN": 6}
_FILE_NAME = re.compile(r"^(?P<code>[A-Z]{2})-(?P<y>\d{4})-(?P<mon>[A-Z]{3})-(?P<d>\d{1,2})\.txt$")
HEADLINE_MIN, HEADLINE_MAX = 15, 170  # characters of a headline line
BODY_MIN = 90  # a paragraph that can follow a headline
# Lines that are page furniture, never headlines (Navbharat Times scrape residue).
NOT_HEADLINES = (
    "हाइलाइट्स",
    "NBT",
    "facebooktwitteremail",
    "Edited By",
    "टॉप कॉमेंट",
    "लेटेस्ट कॉमेंट",
    "सभी कॉमेंट्स",
    "ये भी पढ़ें",
    "इसे भी देखें",
    "(इनपुट",
)
# Prabhat Khabar prefixes each headline with its section: "देश / …", "बिजनेस / …".
_PK_SECTION = re.compile(r"^\s*\S+(?:\s\S+)?\s/\s")
# Dainik Jagran opens a body with a dateline "मेरठ, जेएनएन ।", "देहरादून, राज्य ब्यूरो ।".
_DJ_DATELINE = re.compile(r"^\s*[^,।\n]{2,30},\s*[^,।\n]{2,30}?\s*।")
# Navbharat Times puts a place-only dateline line (नई दिल्ली) near the top of a body, or
# starts the body with "नयी दिल्ली, 25 मार्च (भाषा)".
_NT_DATELINE_LINE = re.compile(r"^[^\W\d][\w\u200c\u200d\u0900-\u097f]*(?: [\w\u0900-\u097f\u200c\u200d]+){0,2}$")
_AGENCY_DATELINE = re.compile(r"^\s*[^,।\n]{2,25},\s*\d{1,2}\s+\S+\s*\((?:भाषा|एजेंसी|आईएएनएस|पीटीआई)\)")
# ---------------------------------------------------------------------------------------


def shared_root() -> Path | None:
    """``$VAARTA_SHARED`` or ``../shared`` beside the repository, when present."""
    env = os.environ.get("VAARTA_SHARED")
    p = Path(env) if env else Path(__file__).resolve().parents[3] / "shared"
    return p if p.is_dir() else None


def covid_root(root: Path | None = None) -> Path | None:
    base = root if root is not None else shared_root()
    if base is None:
        return None
    p = base / COVID_DIR if (base / COVID_DIR).is_dir() else base
    return p if p.is_dir() else None


def headline_hash(line: str) -> str:
    """12 hex digits of the SHA-1 of a stripped headline line (how gold files refer to it)."""
    return hashlib.sha1(line.strip().encode("utf-8")).hexdigest()[:12]


def parse_file_name(name: str) -> tuple[str, str] | None:
    """``"DH-2020-ARP-09.txt"`` → ``("DH", "2020-04-09")`` (typos in month codes tolerated)."""
    m = _FILE_NAME.match(name)
    if not m or m["mon"] not in MONTHS:
        return None
    return m["code"], f"{int(m['y']):04d}-{MONTHS[m['mon']]:02d}-{int(m['d']):02d}"


@dataclass(frozen=True, slots=True)
class _Line:
    text: str
    blanks_before: int  # blank lines just above
    blanks_after: int


def _lines(text: str) -> list[_Line]:
    raw = text.split("\n")
    out: list[tuple[str, int]] = []
    blanks = 0
    for line in raw:
        if not line.strip():
            blanks += 1
            continue
        out.append((line, blanks))
        blanks = 0
    res = []
    for i, (line, before) in enumerate(out):
        after = out[i + 1][1] if i + 1 < len(out) else blanks
        res.append(_Line(line, before, after))
    return res


def _headline_like(s: str) -> bool:
    t = s.strip()
    if not HEADLINE_MIN <= len(t) <= HEADLINE_MAX or "\t" in t:
        return False
    if t.startswith(NOT_HEADLINES) or t.startswith("-") or re.match(r"^\d{1,2}\s*-", t):
        return False
    return not t.rstrip("\xa0 ").endswith(("।", "|"))


def _is_headline(code: str, ls: list[_Line], i: int) -> bool:
    line = ls[i]
    if i == 0:
        return True
    if not _headline_like(line.text):
        return False
    nxt = [x.text.strip() for x in ls[i + 1 : i + 4]]
    if not nxt:
        return False
    if code == "PK":
        return bool(_PK_SECTION.match(line.text))
    if code == "AU":
        return line.blanks_before >= 2 and line.blanks_after >= 2 and len(nxt[0]) >= BODY_MIN
    if code == "DJ":
        return bool(_DJ_DATELINE.match(nxt[0])) and len(nxt[0]) >= BODY_MIN
    if code == "NT":
        if _AGENCY_DATELINE.match(nxt[0]):
            return True
        if len(nxt[0]) < BODY_MIN or line.text.strip() == nxt[0]:
            return False
        return any(x == "हाइलाइट्स" or (len(x) <= 20 and _NT_DATELINE_LINE.match(x)) for x in nxt[1:3])
    if code == "DH":
        prev = ls[i - 1].text.strip()
        return line.blanks_before == 0 and line.blanks_after == 0 and len(prev) >= BODY_MIN and len(nxt[0]) >= BODY_MIN
    return False


def split_covid_file(text: str, code: str) -> list[tuple[str, str]]:
    """Split one day-file into ``(headline, body)`` pairs (body paragraphs joined by blank lines)."""
    ls = _lines(text)
    starts = [i for i in range(len(ls)) if _is_headline(code, ls, i)]
    out = []
    for k, s in enumerate(starts):
        e = starts[k + 1] if k + 1 < len(starts) else len(ls)
        head = ls[s].text.strip()
        body = "\n\n".join(x.text.strip() for x in ls[s + 1 : e])
        out.append((head, body))
    return out


def covid_files(root: Path | None = None) -> list[tuple[Path, str, str]]:
    """``(path, outlet_code, iso_date)`` of every day-file, sorted by date then outlet."""
    base = covid_root(root)
    if base is None:
        return []
    out = []
    for p in base.rglob("*.txt"):
        parsed = parse_file_name(p.name)
        if parsed and parsed[0] in OUTLET_CODES:
            out.append((p, parsed[0], parsed[1]))
    return sorted(out, key=lambda x: (x[2], x[1], x[0].name))


def covid_articles(root: Path | None = None) -> Iterator[Article]:
    """Every article of covid-hindi-news, ids ``covid:{CODE}:{yyyymmdd}:{n}`` (n from 1)."""
    base = covid_root(root)
    if base is None:
        return
    for path, code, date in covid_files(base):
        text = path.read_text(encoding="utf-8")
        rel = path.relative_to(base).as_posix()
        for n, (head, body) in enumerate(split_covid_file(text, code), start=1):
            yield Article(
                id=f"covid:{code}:{date.replace('-', '')}:{n}",
                source=f"{rel}#{n}",
                raw=head + "\n" + body,
                title=head,
                published=date,
                published_from="input-field",
            )


def resolve_ref(ref: dict[str, object], root: Path | None = None) -> str | None:
    """An article id for a gold reference ``{"file", "n", "sha1"}``; None if it is gone.

    The headline hash decides (segmentation may have shifted ordinals); ``n`` is a hint.
    """
    base = covid_root(root)
    if base is None:
        return None
    path = base / str(ref["file"])
    parsed = parse_file_name(path.name)
    if parsed is None or not path.is_file():
        return None
    code, date = parsed
    arts = split_covid_file(path.read_text(encoding="utf-8"), code)
    want = str(ref.get("sha1", ""))
    hits = [n for n, (h, _) in enumerate(arts, start=1) if headline_hash(h) == want]
    if not hits:
        return None
    hint = int(str(ref.get("n", 0)))
    n = min(hits, key=lambda x: abs(x - hint))
    return f"covid:{code}:{date.replace('-', '')}:{n}"


def gold_cluster_refs(path: Path, root: Path | None = None) -> list[dict[str, object]]:
    """Read a cluster gold file of references and resolve them to article ids.

    Each returned line keeps its kind: ``{"event": …, "articles": [ids]}``,
    ``{"negative": [ids], "why": …}`` or ``{"duplicates": [ids]}``; a reference that no
    longer resolves is dropped and counted under ``"unresolved"``.
    """
    out: list[dict[str, object]] = []
    for raw in Path(path).read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.lstrip().startswith("//"):
            continue
        obj = json.loads(raw)
        kind = next((k for k in ("articles", "negative", "duplicates") if k in obj), None)
        if kind is None:
            continue  # a comment line {"//": …}
        ids, missing = [], 0
        for ref in obj[kind]:
            rid = resolve_ref(ref, root)
            if rid is None:
                missing += 1
            else:
                ids.append(rid)
        line = {k: v for k, v in obj.items() if k != kind}
        line[kind] = ids
        line["unresolved"] = missing
        out.append(line)
    return out
