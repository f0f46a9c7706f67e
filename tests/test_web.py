"""The web app as a reader and an editor use it: pages, filters, API, token-guarded writes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from claimledger.report import demo
from claimledger.report.html import app_link
from claimledger.store import Store
from claimledger.web import create_app

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, demo_db) -> str:
    # > 500 statements and figures: pagination matters
    return demo_db(tmp_path_factory.mktemp("web") / "story.db", 150)


@pytest.fixture(scope="module")
def client(db: str) -> TestClient:
    return TestClient(create_app(db, TOKEN))


def test_pages_render_for_readers_without_a_token(client: TestClient) -> None:
    for url in ("/", "/statements", "/quantities", "/measures", "/timeline", "/articles", "/add",
                f"/measures/{demo.MEASURE}"):
        r = client.get(url)
        assert r.status_code == 200, url
        assert "default-src 'self'" in r.headers["content-security-policy"]
    assert "<svg" in client.get("/").text


def test_openapi_document_lists_the_api(client: TestClient) -> None:
    doc = client.get("/api/openapi.json").json()
    for path in ("/api/statements", "/api/quantities", "/api/articles", "/api/timeline",
                 "/api/measures/{key}", "/api/claims"):
        assert path in doc["paths"], path


def test_no_response_carries_more_than_500_rows(client: TestClient) -> None:
    assert client.get("/api/statements", params={"limit": 501}).status_code == 422
    full = client.get("/api/statements", params={"limit": 500}).json()
    assert full["total"] > 500 and len(full["items"]) == 500
    nxt = client.get("/api/statements", params={"limit": 500, "offset": 500}).json()
    assert nxt["items"][0]["id"] != full["items"][0]["id"]
    page = client.get("/quantities", params={"limit": 100000}).text
    assert page.count("<tr>") - 1 <= 500  # header row excluded
    assert 'rel="next"' in page


def test_filters_narrow_statements_and_figures(client: TestClient) -> None:
    denials = client.get("/api/statements", params={"stance": "deny", "limit": 500}).json()
    assert denials["items"] and {s["stance"] for s in denials["items"]} == {"deny"}
    kirby = client.get("/api/statements", params={"speaker": "John Kirby"}).json()
    assert {s["who"] for s in kirby["items"]} == {"John Kirby"}
    assert client.get("/api/statements", params={"speaker": "kirby"}).json() == kirby
    reuters = client.get("/api/quantities", params={"outlet": "Reuters", "limit": 500}).json()
    assert reuters["items"] and {q["outlet"] for q in reuters["items"]} == {"Reuters"}
    dated = client.get("/api/articles", params={"date_from": "2024-10-20", "date_to": "2024-10-22"})
    assert {a["published_at"] for a in dated.json()["items"]} <= {"2024-10-20", "2024-10-21", "2024-10-22"}
    found = client.get("/api/quantities", params={"q": "special forces"}).json()
    assert found["total"] and all("special forces" in q["text"] for q in found["items"])
    said = client.get("/api/statements", params={"limit": 1}).json()["items"][0]["content_text"]
    apart = [w for w in re.findall(r"[A-Za-z]{5,}", said)]
    words = f"{apart[-1]} {apart[0]}"  # two words of one statement, not side by side
    hits = client.get("/api/statements", params={"q": words, "limit": 500}).json()["items"]
    assert hits and all(
        all(w.lower() in (h["content_text"] + h["who"]).lower() for w in words.split())
        for h in hits
    )
    html = client.get("/statements", params={"stance": "deny"}).text
    assert "Dmitry Peskov" in html and "John Kirby" not in html


def test_the_timeline_filters_by_the_date_of_events(client: TestClient) -> None:
    items = client.get("/api/timeline", params={"limit": 500}).json()["items"]
    event = next(e for e in items if e["date"][:10] != (e["published_at"] or "")[:10])
    day = event["date"][:10]
    found = client.get(
        "/api/timeline", params={"date_from": day, "date_to": day, "limit": 500}
    ).json()["items"]
    assert (event["time_id"], event["quantity_id"]) in {
        (e["time_id"], e["quantity_id"]) for e in found
    }, "an event is found on its own date, whenever it was reported"
    assert all(e["date"][:10] <= day <= e["date_end"][:10] for e in found)


def test_who_said_what_keeps_each_speaker_together_with_the_true_count(
    client: TestClient, db: str
) -> None:
    from claimledger.report import readmodel as rm

    store = Store(db)
    rows = rm.statements(store, grouped=True, limit=500).items
    store.close()
    runs = [who for k, who in enumerate(r["who"] for r in rows) if k == 0 or rows[k - 1]["who"] != who]
    assert len(runs) == len(set(runs)), "a speaker's statements follow one another"
    totals = [rows[[r["who"] for r in rows].index(w)]["who_total"] for w in runs]
    assert totals == sorted(totals, reverse=True), "the most quoted first"
    first = rows[0]
    html = client.get("/statements", params={"limit": 1}).text
    assert f"1 here of {first['who_total']} statements" in html


def test_article_reader_highlights_the_linked_evidence(client: TestClient, db: str) -> None:
    q = client.get("/api/quantities", params={"limit": 1}).json()["items"][0]
    article = client.get(f"/api/articles/{q['article_id']}").json()
    html = client.get(f"/articles/{q['article_id']}").text
    m = re.search(rf'<mark class="ev qty" id="q-{q["id"]}"[^>]*>(.*?)</mark>', html)
    assert m and m.group(1) == article["text"][q["start_char"] : q["end_char"]]
    listing = client.get("/quantities").text
    assert f'href="/articles/{q["article_id"]}#q-{q["id"]}"' in listing


def test_hostile_article_renders_inert_in_the_app(client: TestClient) -> None:
    hostile = client.get("/api/articles", params={"q": "Breaking"}).json()["items"][0]
    html = client.get(f"/articles/{hostile['id']}").text
    assert "<script" not in html and "<img" not in html and "onerror=alert(1)>" not in html
    assert "&lt;script&gt;" in html
    assert not any(h.startswith("javascript:") for h in re.findall(r'href="([^"]*)"', html))
    assert "<img" not in client.get("/articles").text


def test_the_home_page_heads_real_measures_not_minor_ones(tmp_path: Path) -> None:
    """A measure of a lone "1" (an aside's "one central mystery") is no figure in play."""
    from claimledger.model import Analysis, Article, Quantity, Span

    store = Store(str(tmp_path / "home.db"))
    for analysis in demo.story(3):
        store.write(analysis)
    text = "The United States said one central mystery remained about the deployment."
    at = text.index("one central mystery")
    aside = Quantity(Span.of(text, at, at + 19), 1, counted="central mystery",
                     measure="central mystery|United States", sentence=Span.of(text, 0, len(text)))
    store.write(Analysis(Article(text=text, outlet="Daily", published_at="2024-10-20"),
                         quantities=[aside]))
    store.close()
    html = TestClient(create_app(str(tmp_path / "home.db"), TOKEN)).get("/").text
    assert "central mystery" not in html and "troops" in html


def test_a_local_app_answers_only_local_host_names(db: str) -> None:
    """A page that rebinds its own name to 127.0.0.1 cannot read the dossier."""
    app = create_app(db, TOKEN, hosts=["127.0.0.1", "localhost"])
    assert TestClient(app, base_url="http://127.0.0.1:8000").get("/api/articles").status_code == 200
    assert TestClient(app, base_url="http://evil.example.com").get("/api/articles").status_code == 400


def test_writes_need_the_token(client: TestClient) -> None:
    body = {"text": "A short note.", "title": "Note"}
    assert client.post("/api/articles", json=body).status_code == 401
    wrong = client.post("/api/articles", json=body, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 403
    form = client.post("/add", data={"text": "Pasted without a token."})
    assert form.status_code == 401 and "needs the token" in form.text
    move = client.post(f"/api/measures/{demo.MEASURE}/rename", json={"target": "x"})
    assert move.status_code == 401
    page = client.post(f"/measures/{demo.MEASURE}/rename", data={"target": "x"})
    assert page.status_code == 401 and "needs the token" in page.text and "<form" in page.text


def test_paste_and_upload_add_articles_with_the_token(client: TestClient) -> None:
    text = "Officials said on Monday that 2,000 soldiers had arrived in Kursk."
    r = client.post("/api/articles", json={"text": text, "title": "Kursk", "outlet": "AP"},
                    headers=AUTH)
    assert r.status_code == 201 and len(r.json()["ingested"]) == 1
    again = client.post("/api/articles", json={"text": text}, headers=AUTH)
    assert again.status_code == 200 and again.json()["unchanged"] == r.json()["ingested"]
    upload = client.post(
        "/add",
        data={"token": TOKEN, "outlet": "Upload Daily"},
        files={"file": ("note.md", b"---\ntitle: Uploaded note\n---\nTroops moved north.", "text/markdown")},
        follow_redirects=False,
    )
    assert upload.status_code == 303 and upload.headers["location"].startswith("/articles/")
    page = client.get(upload.headers["location"]).text
    assert "Uploaded note" in page and "Upload Daily" in page


def test_rename_and_merge_a_measure(tmp_path: Path) -> None:
    store = Store(str(tmp_path / "m.db"))
    for analysis in demo.story(3):
        store.write(analysis)
    other = demo.story(1, seed=3, start="2024-12-01")[0]
    for q in other.quantities:
        q.measure = "dprk soldiers"
    store.write(other)
    store.close()
    client = TestClient(create_app(str(tmp_path / "m.db"), TOKEN))
    r = client.post(f"/api/measures/{demo.MEASURE}/rename", json={"target": "DPRK troops"},
                    headers=AUTH)
    assert r.status_code == 200
    shown = client.get(f"/api/measures/{demo.MEASURE}").json()
    assert shown["label"] == "DPRK troops"
    assert client.post("/api/measures/dprk soldiers/merge", json={"target": "nothing"},
                       headers=AUTH).status_code == 409
    form = client.post("/measures/dprk soldiers/merge",
                       data={"target": demo.MEASURE, "token": TOKEN}, follow_redirects=False)
    assert form.status_code == 303 and form.headers["location"] == app_link("m", demo.MEASURE)
    keys = [m["key"] for m in client.get("/api/measures").json()["items"]]
    assert keys == [demo.MEASURE]
