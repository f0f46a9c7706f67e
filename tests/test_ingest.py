"""Ingest: every format, metadata sources, normalisation, and every kind of bad input."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from claimledger.config import Settings
from claimledger.ingest import normalize_text, read_articles
from claimledger.model import Article, Failure

HTML = """<!doctype html><html><head><title>Ministry revises count</title>
<meta property="og:site_name" content="Daily Planet">
<meta property="article:published_time" content="2023-05-17T08:00:00Z">
<link rel="canonical" href="https://planet.example/news/count"></head>
<body><nav>Home | World | Sport</nav><article><h1>Ministry revises count</h1>
<p>The ministry said on Tuesday that at least 40 people had been evacuated from the valley,
more than the 25 it had reported a day earlier.</p>
<p>Officials said rescue teams would stay in the area until the weekend, and warned residents
not to return before the water receded.</p>
<p>"We are doing everything we can," a spokesman told reporters at the scene.</p>
</article><footer>Copyright Daily Planet</footer></body></html>"""


def read(paths: list[str], **kw) -> tuple[list[Article], list[Failure]]:
    items = list(read_articles(paths, **kw))
    return [i for i in items if isinstance(i, Article)], [
        i for i in items if isinstance(i, Failure)
    ]


def test_txt_md_html_jsonl_in_a_folder(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Plain text article.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text(
        "---\ntitle: A markdown story\noutlet: The Ledger\nurl: https://x.example/b\n"
        "published_at: 2024-01-02\n---\nThe body of the story.\n",
        encoding="utf-8",
    )
    (tmp_path / "c.html").write_text(HTML, encoding="utf-8")
    (tmp_path / "d.jsonl").write_text(
        json.dumps({"text": "First feed item.", "outlet": "Wire", "published_at": "2024-02-03"})
        + "\n"
        + json.dumps({"text": "Second feed item."})
        + "\n",
        encoding="utf-8",
    )
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4 ignored in folders")
    articles, failures = read([str(tmp_path)])
    assert failures == []
    by_text = {a.text: a for a in articles}
    assert len(articles) == 5
    md = by_text["The body of the story."]
    assert (md.title, md.outlet, md.url, md.published_at) == (
        "A markdown story",
        "The Ledger",
        "https://x.example/b",
        "2024-01-02",
    )
    html = next(a for a in articles if a.path.endswith("c.html"))
    assert "at least 40 people" in html.text
    assert "Home | World" not in html.text and "Copyright" not in html.text
    assert html.title == "Ministry revises count"
    assert html.outlet == "Daily Planet"
    assert html.published_at == "2023-05-17"
    feed = by_text["First feed item."]
    assert (feed.outlet, feed.published_at) == ("Wire", "2024-02-03")
    assert feed.path.endswith("d.jsonl:1")


def test_html_blocks_are_paragraphs_so_a_heading_ends_its_sentence(tmp_path: Path) -> None:
    """A live blog's heading or list item is never parsed into the sentence after it."""
    page = HTML.replace(
        "<p>The ministry", "<h3>Rescue latest</h3><ul><li>Roads shut</li></ul><p>The ministry"
    )
    (tmp_path / "live.html").write_text(page, encoding="utf-8")
    [article], _ = read([str(tmp_path)])
    blocks = article.text.split("\n\n")
    assert "Rescue latest" in blocks and any(b.endswith("Roads shut") for b in blocks)
    assert any(b.startswith("The ministry said on Tuesday") for b in blocks)
    assert all("\n" not in b for b in blocks)  # a paragraph's wrapped source line is one


def test_html_table_rows_read_as_labelled_lines(tmp_path: Path) -> None:
    """A results table's cells are figures under their header, not figures with a unit "|"."""
    page = HTML.replace(
        "<p>The ministry",
        "<table><tr><th>Club</th><th>Points</th><th>Goals</th></tr>"
        "<tr><td>Harbour FC</td><td>61</td><td>48</td></tr></table><p>The ministry",
    )
    (tmp_path / "table.html").write_text(page, encoding="utf-8")
    [article], _ = read([str(tmp_path)])
    assert "|" not in article.text
    assert "Harbour FC — Points: 61; Goals: 48." in article.text.split("\n\n")


def test_sidecar_metadata_and_flags(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("Story one.", encoding="utf-8")
    (tmp_path / "two.txt").write_text("Story two.", encoding="utf-8")
    (tmp_path / "articles.jsonl").write_text(
        json.dumps(
            {"path": "one.txt", "title": "One", "outlet": "Post", "published_at": "2024-10-23"}
        )
        + "\n",
        encoding="utf-8",
    )
    articles, failures = read([str(tmp_path)])
    assert failures == [] and len(articles) == 2  # the sidecar is metadata, not an article
    one = next(a for a in articles if a.text == "Story one.")
    assert (one.title, one.outlet, one.published_at) == ("One", "Post", "2024-10-23")
    # a single file picks up its folder's sidecar too; flags override it
    articles, _ = read([str(tmp_path / "one.txt")], meta={"outlet": "Flag Outlet"})
    assert (articles[0].title, articles[0].outlet) == ("One", "Flag Outlet")


def test_a_sidecar_names_files_in_subfolders_and_a_line_naming_none_is_reported(
    tmp_path: Path,
) -> None:
    (tmp_path / "wire").mkdir()
    (tmp_path / "wire" / "one.txt").write_text("Story one.", encoding="utf-8")
    lines = [
        {"path": "wire/one.txt", "outlet": "Wire", "published_at": "2024-10-23"},
        {"path": "wire/tow.txt", "outlet": "Wire"},  # a typo: no such file
    ]
    (tmp_path / "articles.jsonl").write_text(
        "".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8"
    )
    articles, failures = read([str(tmp_path)])
    assert [(a.outlet, a.published_at) for a in articles] == [("Wire", "2024-10-23")]
    assert [f.reason for f in failures] == ["names 'wire/tow.txt', which is no article file here"]


@pytest.mark.parametrize("key", ["date", "published", "datePublished"])
def test_a_feed_s_date_under_another_name_is_the_publication_date(tmp_path: Path, key: str) -> None:
    line = {"text": "Story one.", key: "2024-10-23", "source": "Feed"}
    (tmp_path / "feed.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
    articles, failures = read([str(tmp_path)])
    assert failures == []
    assert (articles[0].published_at, articles[0].outlet) == ("2024-10-23", "Feed")


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"From a pipe.\r\n")))
    articles, failures = read(["-"], meta={"published_at": "2024-03-04"})
    assert failures == []
    assert articles[0].text == "From a pipe." and articles[0].path == "<stdin>"
    assert articles[0].published_at == "2024-03-04"


def test_normalisation_keeps_quotes_and_fixes_the_rest() -> None:
    raw = "\ufeffCafe\u0301 \u201cquoted,\u2019\u2019 he said.\r\nNext\x07 line\r"
    assert normalize_text(raw) == "Caf\u00e9 \u201cquoted,\u2019\u2019 he said.\nNext line"


def test_identity_is_the_normalised_text() -> None:
    a = Article(text=normalize_text("Same story.\r\n"))
    b = Article(text=normalize_text("Same story.\n"))
    assert a.sha256 == b.sha256 and a.id == a.sha256[:16]


@pytest.mark.parametrize(
    ("name", "payload", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\t\n", "empty file"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("nul.txt", b"abc\x00\x01\x02def" * 20, "binary file"),
        (
            "nothing.html",
            b"<html><head><title>t</title><script>var a = 1;</script></head><body></body></html>",
            "HTML holds no article text",
        ),
        ("bad.md", b"---\ntitle: [unclosed\n---\nbody", "malformed front matter"),
    ],
)
def test_bad_files_are_reported_with_reason(
    tmp_path: Path, name: str, payload: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(payload)
    (tmp_path / "good.txt").write_text("A good article survives.", encoding="utf-8")
    articles, failures = read([str(path), str(tmp_path / "good.txt")])
    assert [a.text for a in articles] == ["A good article survives."]
    assert len(failures) == 1
    assert failures[0].source == str(path) and reason in failures[0].reason


def test_non_utf8_text_is_detected(tmp_path: Path) -> None:
    text = "Le ministère a déclaré que les réfugiés étaient nombreux à Genève et à Montréal."
    (tmp_path / "latin1.txt").write_bytes(text.encode("cp1252"))
    (tmp_path / "utf16.txt").write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    articles, failures = read([str(tmp_path)])
    assert failures == []
    assert [a.text for a in articles] == [text, text]


def test_missing_path_and_size_limit(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text("word " * 400, encoding="utf-8")
    settings = Settings(max_bytes=1000)
    articles, failures = read(
        [str(tmp_path / "nope.txt"), str(tmp_path / "big.txt")], settings=settings
    )
    assert articles == []
    assert [f.source for f in failures] == [str(tmp_path / "nope.txt"), str(tmp_path / "big.txt")]
    assert "no such file" in failures[0].reason
    assert "limit is 1,000" in failures[1].reason


def test_text_over_char_limit(tmp_path: Path) -> None:
    (tmp_path / "long.jsonl").write_text(json.dumps({"text": "x" * 50}) + "\n", encoding="utf-8")
    _, failures = read([str(tmp_path)], settings=Settings(max_chars=10))
    assert "limit is 10" in failures[0].reason and failures[0].source.endswith("long.jsonl:1")


def test_malformed_jsonl_keeps_good_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": "Good one."}),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"title": "no text"}),
        "",
        json.dumps({"text": "Good two."}),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines), encoding="utf-8")
    articles, failures = read([str(tmp_path / "feed.jsonl")])
    assert [a.text for a in articles] == ["Good one.", "Good two."]
    assert [f.source.rsplit(":", 1)[1] for f in failures] == ["2", "3", "4"]
    assert "malformed JSON" in failures[0].reason
    assert "'text'" in failures[2].reason


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("October 23, 2024", "2024-10-23"),
        ("Wed, 23 Oct 2024 10:00:00 GMT", "2024-10-23T10:00:00+00:00"),
        ("yesterday", None),  # no day once stored: whose yesterday?
        ("2 days ago", None),
    ],
)
def test_a_publication_date_is_an_absolute_date(given: str, stored: str | None) -> None:
    from claimledger.ingest.published import normalize_date

    assert normalize_date(given) == stored
