"""The JSON API over a real SQLite store built from our own Hindi fixtures (no mocks)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from vaarta.web import create_app

from web_fixtures import build_db

KEY = "test-key-123"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_db(tmp_path_factory.mktemp("api"))


@pytest.fixture(scope="module")
def client(db: str) -> TestClient:
    return TestClient(create_app(db), raise_server_exceptions=False)


def _err(r, status: int) -> str:  # type: ignore[no-untyped-def]
    assert r.status_code == status, r.text
    body = r.json()
    assert body["ok"] is False and body["status"] == status and isinstance(body["error"], str) and body["error"]
    return body["error"]


def test_health_stats_and_headers(client: TestClient) -> None:
    r = client.get("/healthz")
    assert r.json() == {"ok": True}
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "default-src 'self'" in r.headers["content-security-policy"]
    assert "access-control-allow-origin" not in r.headers
    stats = client.get("/api/stats").json()
    assert stats["counts"]["articles"] == 6 and stats["event_types"]["CONSULT"] >= 3


def test_articles_filters_and_paging(client: TestClient) -> None:
    items = client.get("/api/articles").json()["items"]
    assert {a["id"] for a in items} >= {"fx-summit", "fx-flood", "fx-xss", "hr-call", "hr-berlin", "hr-plan"}
    dates = [a["published"] for a in items]
    assert dates == sorted(dates, reverse=True)
    words = client.get("/api/articles", params={"q": "बाढ़"}).json()["items"]
    assert [a["id"] for a in words] == ["fx-flood"] and "बाढ़" in words[0]["snippet"]
    assert client.get("/api/articles", params={"q": "बा"}).json()["items"] == []  # whole words only
    ranged = client.get("/api/articles", params={"since": "2026-03-05", "until": "2026-03-10"}).json()["items"]
    assert {a["id"] for a in ranged} == {"fx-flood", "fx-xss", "hr-berlin"}
    p1 = client.get("/api/articles", params={"limit": 2}).json()
    p2 = client.get("/api/articles", params={"limit": 2, "offset": 2}).json()
    assert p1["count"] == 2 and not {a["id"] for a in p1["items"]} & {a["id"] for a in p2["items"]}


def test_article_is_the_full_record(client: TestClient) -> None:
    rec = client.get("/api/articles/hr-call").json()
    for key in (
        "id",
        "duplicate_of",
        "source",
        "published",
        "published_from",
        "title",
        "text",
        "removed",
        "entities",
        "times",
        "events",
        "quotes",
        "flags",
    ):
        assert key in rec
    m = rec["entities"][1]["mentions"][0]
    assert rec["text"][m["start"] : m["end"]] == m["text"] == "व्लादिमीर पुतिन"
    fx = client.get("/api/articles/fx-summit").json()
    assert fx["published"] == "2026-03-02" and "मोदी" in fx["text"]
    _err(client.get("/api/articles/no-such-id"), 404)


def test_events_filters(client: TestClient) -> None:
    def ids(**p: str) -> list[str]:
        return [e["article_id"] for e in client.get("/api/events", params=p).json()["items"] if e["article_id"].startswith("hr-")]

    assert set(ids(type="CONSULT")) == {"hr-call", "hr-berlin", "hr-plan"}
    assert ids(participant="Vladimir Putin") == ids(participant="पुतिन") == ["hr-plan", "hr-call"]
    assert ids(type="CONSULT", participant="मोदी", since="2026-03-01", until="2026-03-31") == ["hr-berlin", "hr-call"]
    assert ids(status="planned") == ["hr-plan"] and ids(mode="phone") == ["hr-call"]
    e = client.get("/api/events", params={"article": "hr-berlin"}).json()["items"][0]
    assert e["location"] == "Berlin" and e["recipients"] == ["Friedrich Merz"]


def test_entities_timeline_clusters(client: TestClient) -> None:
    found = client.get("/api/entities", params={"q": "पुतिन"}).json()["items"]
    assert found[0]["name"] == "Vladimir Putin"
    ent = client.get("/api/entities/नरेंद्र मोदी").json()
    assert ent["name"] == "Narendra Modi" and "मोदी" in ent["aliases"]
    assert {n["name"] for n in ent["network"]} >= {"Vladimir Putin", "Friedrich Merz"}
    assert any(e["article_id"] == "hr-berlin" for e in ent["events"])
    assert client.get("/api/entities/Narendra Modi").json()["name"] == "Narendra Modi"
    _err(client.get("/api/entities/कोई नहीं"), 404)
    tl = client.get("/api/timeline", params={"entity": "Narendra Modi", "with": "पुतिन"}).json()["items"]
    assert [e["article_id"] for e in tl if e["article_id"].startswith("hr-")] == ["hr-call", "hr-plan"]
    clusters = client.get("/api/clusters").json()
    assert clusters["ok"] is True and isinstance(clusters["items"], list)


def test_one_error_shape_and_caps(client: TestClient) -> None:
    _err(client.get("/api/nothing-here"), 404)
    assert "limit" in _err(client.get("/api/events", params={"limit": 501}), 422)
    _err(client.get("/api/events", params={"limit": "many"}), 422)
    _err(client.get("/api/events", params={"status": "maybe"}), 422)
    _err(client.get("/api/articles", params={"since": "कल"}), 422)
    _err(client.get("/api/articles", params={"q": "क" * 201}), 422)
    _err(client.get("/api/entities"), 422)
    _err(client.delete("/api/articles/hr-call"), 405)
    assert client.get("/openapi.json").json()["paths"]["/api/events"]


def test_sql_injection_is_just_text(client: TestClient) -> None:
    for evil in ("' OR 1=1 --", '"; DROP TABLE articles; --', "%", "_"):
        assert client.get("/api/events", params={"participant": evil}).json()["items"] == []
        assert client.get("/api/articles", params={"source": evil}).status_code == 200
        assert client.get("/api/articles", params={"q": evil}).status_code == 200
    assert client.get("/api/stats").json()["counts"]["articles"] == 6


def test_internal_errors_have_the_shape_and_no_details(db: str) -> None:
    app = create_app(db)

    @app.get("/api/boom")
    def boom() -> None:
        raise RuntimeError("secret detail")

    r = TestClient(app, raise_server_exceptions=False).get("/api/boom")
    assert "secret" not in _err(r, 500)


def test_ingest_needs_a_configured_key(client: TestClient) -> None:
    art = {"id": "api-1", "text": "लखनऊ में भारी बारिश से कई सड़कें पानी में डूब गईं और यातायात ठप रहा।"}
    assert "API key" in _err(client.post("/api/ingest", json=art), 403)
    assert client.get("/api/articles/api-1").status_code == 404


def test_ingest_with_key_analyses_and_stores(tmp_path: Path) -> None:
    db = build_db(tmp_path, with_jsonl=False)
    c = TestClient(create_app(db, api_key=KEY), raise_server_exceptions=False)
    arts = [
        {
            "id": "api-1",
            "published": "2026-03-20",
            "title": "लखनऊ में बारिश",
            "text": "लखनऊ में शनिवार को भारी बारिश से कई सड़कें पानी में डूब गईं। नगर निगम ने राहत कार्य शुरू किया।",
        },
        {"id": "api-2", "text": "This page is in English only and has no Hindi text at all, so it is rejected."},
    ]
    _err(c.post("/api/ingest", json=arts), 401)
    _err(c.post("/api/ingest", json=arts, headers={"X-API-Key": "wrong"}), 401)
    _err(c.post("/api/ingest", json={"id": "x"}, headers={"X-API-Key": KEY}), 422)
    _err(c.post("/api/ingest", content=b"{not json", headers={"X-API-Key": KEY, "content-type": "application/json"}), 422)
    r = c.post("/api/ingest", json=arts, headers={"X-API-Key": KEY})
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["analysed"] == ["api-1"] and [x["reason"] for x in out["rejected"]] == ["not-hindi"]
    rec = c.get("/api/articles/api-1").json()
    assert rec["published"] == "2026-03-20" and "बारिश" in rec["text"]
    assert [a["id"] for a in c.get("/api/articles", params={"q": "बारिश"}).json()["items"]] == ["api-1"]
    again = c.post("/api/ingest", json=arts[0], headers={"X-API-Key": KEY}).json()
    assert again["already_stored"] == ["api-1"] and again["analysed"] == []
