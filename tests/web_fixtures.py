"""Our own Hindi fixture articles (written for these tests) for the store, API, web and browser tests.

Two kinds: ``jsonl_articles`` go through the real pipeline (vaarta.ingest.ingest), so whatever
the stages find is served; ``hand_records`` are Records with known entities, times, events and
quotes (exact offsets), so highlight and query assertions do not depend on extraction quality.
"""

from __future__ import annotations

import json
from pathlib import Path

from vaarta.model import Entity, Event, Flag, Mention, Quote, Record, Span, TimeExpr
from vaarta.segment import make_document

XSS_TITLE = "javascript:alert(document.cookie)"
XSS_TEXT = (
    "नई दिल्ली में शुक्रवार को एक बैठक हुई। <script>window.__pwned = 1; alert(1)</script> "
    "इसके बाद <img src=x onerror=alert(1)> दोनों नेताओं ने बयान जारी किया। "
    '<a href="javascript:alert(2)">यहां क्लिक करें</a> कार्यक्रम शांतिपूर्ण रहा।'
)

JSONL_ARTICLES = [
    {
        "id": "fx-summit",
        "published": "2026-03-02",
        "title": "भारत और जापान के प्रधानमंत्रियों की वीडियो वार्ता",
        "text": "नई दिल्ली, 2 मार्च। प्रधानमंत्री नरेंद्र मोदी ने सोमवार को जापान के प्रधानमंत्री से वीडियो कॉन्फ्रेंसिंग के जरिए बातचीत की।\n"
        'दोनों नेताओं ने व्यापार और रक्षा संबंधों पर चर्चा की। मोदी ने कहा, "हमारी साझेदारी और मजबूत होगी।"\n'
        "विदेश मंत्रालय ने बताया कि अगले महीने टोक्यो में एक और बैठक होगी।",
    },
    {
        "id": "fx-flood",
        "published": "2026-03-05",
        "title": "बिहार में बाढ़ से 12 लोगों की मौत",
        "text": "पटना, 5 मार्च। बिहार के दरभंगा जिले में बाढ़ से 12 लोगों की मौत हो गई और 30 लोग घायल हुए।\n"
        "राज्य सरकार ने राहत शिविर खोले हैं। मुख्यमंत्री ने प्रभावित इलाकों का हवाई सर्वेक्षण किया।",
    },
    {"id": "fx-xss", "published": "2026-03-06", "title": XSS_TITLE, "url": "javascript:alert(3)", "text": XSS_TEXT},
]

# --- hand-built records with exact offsets ------------------------------------------------
_T1 = 'प्रधानमंत्री नरेंद्र मोदी ने बुधवार को रूस के राष्ट्रपति व्लादिमीर पुतिन से फोन पर बात की। पुतिन ने कहा, "रूस भारत का पुराना मित्र है।"'
_T2 = "मोदी ने 10 मार्च को बर्लिन में जर्मन चांसलर फ्रीडरिख मैर्त्स से मुलाकात की। दोनों देशों के संबंधों पर चर्चा हुई।"
_T3 = "पुतिन और मोदी की अगले महीने मॉस्को में मुलाकात होगी। इस दौरे की तैयारी शुरू हो गई है।"


def _m(text: str, word: str, nth: int = 0) -> Mention:
    i = -1
    for _ in range(nth + 1):
        i = text.index(word, i + 1)
    return Mention(i, i + len(word), word)


def _sent(text: str, k: int) -> Span:
    """The k-th sentence (split at ।) as a span."""
    starts = [0] + [i + 2 for i, ch in enumerate(text) if ch == "।" and i + 2 < len(text)]
    s = starts[k]
    e = text.find("।", s)
    return Span(s, (e + 1) if e >= 0 else len(text))


def hand_records() -> list[Record]:
    modi = ("Narendra Modi", "नरेंद्र मोदी", "PER", "Q1058")
    putin = ("Vladimir Putin", "व्लादिमीर पुतिन", "PER", "Q7747")
    merz = ("Friedrich Merz", "फ्रीडरिख मैर्त्स", "PER", "Q101788")

    def ent(e: tuple[str, str, str, str], *ms: Mention) -> Entity:
        return Entity(name=e[0], name_hi=e[1], type=e[2], kb_id=e[3], confidence=0.95, mentions=ms)  # type: ignore[arg-type]

    d1 = make_document(_T1, published="2026-03-04", id="hr-call", title="मोदी और पुतिन की फोन पर बात")
    q_start = _T1.index('"') + 1
    r1 = Record(
        document=d1,
        entities=(
            ent(modi, _m(_T1, "नरेंद्र मोदी")),
            ent(putin, _m(_T1, "व्लादिमीर पुतिन"), _m(_T1, "पुतिन", 1)),
            Entity("Russia", "रूस", "LOC", "Q159", 0.9, (_m(_T1, "रूस"), _m(_T1, "रूस", 1))),
        ),
        times=(TimeExpr(*_span(_T1, "बुधवार को"), "बुधवार को", "2026-03-04", "day"),),
        events=(
            Event(
                "CONSULT",
                "occurred",
                ("Narendra Modi",),
                ("Vladimir Putin",),
                (_sent(_T1, 0),),
                mode="phone",
                date="2026-03-04",
                confidence=0.9,
            ),
        ),
        quotes=(Quote("Vladimir Putin", q_start, _T1.index('"', q_start), True),),
        flags=(Flag("suspect-name", *_span(_T1, "व्लादिमीर"), "test flag"),),
    )
    d2 = make_document(_T2, published="2026-03-10", id="hr-berlin", title="बर्लिन में मोदी-मैर्त्स मुलाकात")
    r2 = Record(
        document=d2,
        entities=(
            ent(modi, _m(_T2, "मोदी")),
            ent(merz, _m(_T2, "फ्रीडरिख मैर्त्स")),
            Entity("Berlin", "बर्लिन", "LOC", "Q64", 0.9, (_m(_T2, "बर्लिन"),)),
        ),
        times=(TimeExpr(*_span(_T2, "10 मार्च"), "10 मार्च", "2026-03-10", "day"),),
        events=(
            Event(
                "CONSULT",
                "occurred",
                ("Narendra Modi",),
                ("Friedrich Merz",),
                (_sent(_T2, 0),),
                mode="visit",
                location="Berlin",
                date="2026-03-10",
                confidence=0.8,
            ),
        ),
    )
    d3 = make_document(_T3, published="2026-03-12", id="hr-plan", title="मोदी-पुतिन मुलाकात की तैयारी")
    r3 = Record(
        document=d3,
        entities=(
            ent(putin, _m(_T3, "पुतिन")),
            ent(modi, _m(_T3, "मोदी")),
            Entity("Moscow", "मॉस्को", "LOC", "Q649", 0.9, (_m(_T3, "मॉस्को"),)),
        ),
        times=(TimeExpr(*_span(_T3, "अगले महीने"), "अगले महीने", "2026-04", "month"),),
        events=(
            Event(
                "CONSULT",
                "planned",
                ("Vladimir Putin", "Narendra Modi"),
                (),
                (_sent(_T3, 0),),
                mode="visit",
                location="Moscow",
                date="2026-04",
                confidence=0.7,
            ),
        ),
    )
    return [r1, r2, r3]


def _span(text: str, word: str) -> tuple[int, int]:
    i = text.index(word)
    return i, i + len(word)


def write_jsonl(folder: Path) -> Path:
    path = folder / "fixture.jsonl"
    path.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in JSONL_ARTICLES) + "\n", encoding="utf-8")
    return path


def build_db(path: Path, *, with_jsonl: bool = True) -> str:
    """A real SQLite store: our jsonl articles through the pipeline, plus the hand-built records."""
    from vaarta.ingest import ingest, merge_events
    from vaarta.store import open_store

    db = str(path / "web.db")
    with open_store(db) as store:
        if with_jsonl:
            ingest([str(write_jsonl(path))], store, progress=None)
        for r in hand_records():
            store.put(r)
        merge_events(store)
    return db
