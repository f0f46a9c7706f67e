"""The dossier people read: JSON contract, Markdown and the offline HTML report."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimledger import Ledger
from claimledger.cli import app
from claimledger.report import demo, render
from claimledger.report.chart import measure_chart
from claimledger.report.highlight import Highlight, highlight
from claimledger.report.readmodel import figure_text
from claimledger.store import Store
from claimledger.store import schema as t


def add_claim(store: Store, verdict: str = "conflict") -> None:
    """A reconciled quantity claim over every figure of the demo measure."""
    with store.engine.begin() as conn:
        ids = [r[0] for r in conn.execute(t.quantities.select().with_only_columns(t.quantities.c.id))]
        claim_id = conn.execute(t.claims.insert().values(
            kind="quantity", key=demo.MEASURE, label="North Korean troops in Russia",
            verdict=verdict, n_members=len(ids), n_articles=3, n_origins=2,
            origins=json.dumps(["U.S. Department of Defense", "South Korean intelligence"]),
            outlets="[]", updated_at="2024-11-01",
        )).inserted_primary_key[0]
        conn.execute(t.claim_members.insert(),
                     [{"claim_id": claim_id, "item_kind": "quantity", "item_id": i} for i in ids])


@pytest.fixture
def store(tmp_path: Path, demo_db) -> Store:
    s = Store(demo_db(tmp_path / "story.db", 6))
    add_claim(s)
    yield s
    s.close()


class _ById(HTMLParser):
    """Text content of every element that has an id; and every href."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str | None] = []
        self.text: dict[str, str] = {}
        self.hrefs: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        if a.get("href"):
            self.hrefs.append(a["href"] or "")
        if tag in ("meta", "link", "br", "input", "img", "line", "circle", "rect", "path"):
            return
        self.open.append(tag)
        if a.get("id"):
            self.text[a["id"] or ""] = ""
        self.open[-1] = a.get("id") or ""

    def handle_endtag(self, tag: str) -> None:
        if self.open:
            self.open.pop()

    def handle_data(self, data: str) -> None:
        for element_id in self.open:
            if element_id:
                self.text[element_id] += data


def parse(html: str) -> _ById:
    p = _ById()
    p.feed(html)
    return p


def evidence(store: Store) -> dict[str, str]:
    """What each anchor must show: the article text between the stored offsets."""
    texts = {a["id"]: a["text"] for a in store.rows("articles")}
    want = {}
    for s in store.rows("statements"):
        want[f"s-{s['id']}"] = texts[s["article_id"]][s["content_start"] : s["content_end"]]
    for kind, table in (("q", "quantities"), ("t", "times")):
        for r in store.rows(table):
            want[f"{kind}-{r['id']}"] = texts[r["article_id"]][r["start_char"] : r["end_char"]]
    return want


def test_json_dossier_follows_the_contract(store: Store) -> None:
    d = json.loads(render(store, "json"))
    assert {"articles", "entities", "statements", "quantities", "claims", "timeline"} <= set(d)
    assert all("text" not in a for a in d["articles"])
    claim = d["claims"][0]
    assert claim["measure"] == demo.MEASURE and claim["verdict"] == "conflict"
    assert claim["origins"] == ["U.S. Department of Defense", "South Korean intelligence"]
    assert sorted(claim["members"]["quantities"]) == sorted(q["id"] for q in d["quantities"])
    assert {f["id"] for f in claim["figures"]} == set(claim["members"]["quantities"])
    texts = {a["id"]: a["text"] for a in store.rows("articles")}
    assert d["timeline"], "dated time expressions make a timeline"
    dates = [e["date"] for e in d["timeline"]]
    assert dates == sorted(dates)
    by_id = {q["id"]: q for q in d["quantities"]}
    for e in d["timeline"]:
        text = texts[e["article_id"]]
        dated_by = e["time_text"] or by_id[e["quantity_ids"][0]]["text"]
        assert text[e["start_char"] : e["end_char"]] == dated_by and dated_by in e["text"]
        assert e["kind"] == ("estimate" if e["quantity_ids"] else "event")
    undated = {q["id"] for q in d["quantities"] if q["time_id"] is None}
    assert undated <= {i for e in d["timeline"] for i in e["quantity_ids"]}, (
        "a figure no time expression dates sits on its publication day")


def test_html_report_is_self_contained_with_charts_and_tables(store: Store) -> None:
    html = render(store, "html")
    page = parse(html)
    assert "<svg" in html and 'class="chart"' in html
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    # offline: nothing is fetched, no script at all
    assert not any(tag == "script" for tag, _ in page.tags)
    assert not any(tag in ("link", "img") and (a.get("href") or a.get("src") or "").startswith(
        ("http", "//")) for tag, a in page.tags)
    assert "North Korean troops in Russia" in html and "conflict" in html
    assert "2 independent origins" in html and "South Korean intelligence" in html
    for section in ("Figures in play", "Who said what", "Denials", "Timeline", "Articles"):
        assert section in html
    assert "≥ 3,000" in html and "25,000–30,000" in html


def test_chart_draws_bounds_as_the_text_states_them() -> None:
    rows = [
        {"id": 1, "article_id": "a", "value_low": 3000.0, "value_high": None, "is_range": False,
         "change": ">", "claimant": "Austin", "date": "2024-10-23", "figure": "≥ 3,000",
         "text": "at least 3,000", "outlet": "NYT"},
        {"id": 2, "article_id": "a", "value_low": 25000.0, "value_high": 30000.0,
         "is_range": True, "change": "=", "claimant": "Zelensky", "date": "2024-10-25",
         "figure": "25,000–30,000", "text": "25,000 to 30,000", "outlet": "BBC"},
        {"id": 3, "article_id": "a", "value_low": 10000.0, "value_high": None, "is_range": False,
         "change": "~", "claimant": "NIS", "date": None, "figure": "~10,000",
         "text": "about 10,000", "outlet": None},
    ]
    chart = measure_chart(rows, lambda f: f"#q-{f['id']}")
    open_up, rng, approx = chart.marks
    assert open_up.shape == "open_up" and open_up.y2 < open_up.y  # drawn upwards, open-ended
    assert rng.shape == "range" and rng.y2 < rng.y  # 30,000 sits above 25,000
    assert approx.shape == "approx" and approx.x < open_up.x < rng.x  # undated column first
    assert [m.href for m in chart.marks] == ["#q-1", "#q-2", "#q-3"]
    assert {name for _, name in chart.legend} == {"Austin", "Zelensky", "NIS"}
    assert chart.x_ticks[0][1] == "undated"


def test_a_measure_whose_figures_are_all_undated_still_charts(tmp_path: Path) -> None:
    """Texts with no publication date and no time expression: the HTML report had crashed
    drawing date ticks for a chart with no date on it."""
    for name, text in (("a.txt", "Police said 40 people were arrested."),
                       ("b.txt", "Organisers said 55 people were arrested.")):
        (tmp_path / name).write_text(text, encoding="utf-8")
    with Ledger(str(tmp_path / "x.db")) as ledger:
        ledger.ingest([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])
        page = ledger.report("html")
    assert "undated" in page and "arrested" in page


def test_every_evidence_link_lands_on_its_highlighted_span(store: Store) -> None:
    page = parse(render(store, "html"))
    want = evidence(store)
    links = {h[1:] for h in page.hrefs if re.fullmatch(r"#[sqt]-\d+", h)}
    assert links, "the report links to its evidence"
    assert any(x.startswith("s-") for x in links) and any(x.startswith("q-") for x in links)
    for anchor in links:
        assert page.text[anchor] == want[anchor], anchor
    # and every item of every article is marked, not only the linked ones
    assert set(want) <= set(page.text)


def test_hostile_article_text_renders_inert(store: Store) -> None:
    html = render(store, "html")
    page = parse(html)
    assert "<script" not in html
    assert not any(tag == "img" for tag, _ in page.tags)
    assert not any(a.get("onerror") for _, a in page.tags)
    assert not any("javascript:" in h.lower() for h in page.hrefs)
    assert "&lt;script&gt;alert" in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;b&gt;Evil Outlet&lt;/b&gt;" in html


def test_highlight_escapes_every_piece_and_nests_crossing_spans() -> None:
    text = "a <b>bold</b> & more"
    html = highlight(text, [Highlight(2, 13, "x", "s-1"), Highlight(9, 17, "y", "q-2")])
    assert html.startswith('a <mark class="x" id="s-1">&lt;b&gt;bold')
    assert html.count("<mark") == html.count("</mark>") == 2
    assert "&amp; more" in html


def test_markdown_briefing_is_pasteable_and_escaped(store: Store) -> None:
    text = render(store, "md")
    assert text.startswith("# Dossier: ")
    for heading in ("## Figures in play", "## Who said what", "## Denials", "## Timeline",
                    "## Sources"):
        assert heading in text
    assert "### North Korean troops in Russia: conflict" in text
    assert "| Date | Claimant | Figure | As stated | Source |" in text
    assert "Dmitry Peskov" in text and "_denies_" in text
    assert re.search(r"\*\*Dmitry Peskov\*\* \*[a-z][^*]*\* \(_denies_\): ", text), "the cue, then stance"
    assert not re.search(r"(?<!\\)<(script|img|a )", text), "no live HTML tag survives"
    assert "\\<img src=x onerror=alert(\"title\")\\>" in text
    assert not re.search(r"(?<!\\)\]\(javascript:", text), "no live Markdown link"
    assert re.search(r"\\\[\d+ §\d+–\d+\\\]", text), "citations give article and span"


def test_cli_writes_html_and_md_reports(store: Store, tmp_path: Path) -> None:
    runner = CliRunner()
    db = str(store.url).removeprefix("sqlite:///")
    out = tmp_path / "dossier.html"
    result = runner.invoke(app, ["report", "--db", db, "--format", "html", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text().startswith("<!doctype html>")
    result = runner.invoke(app, ["report", "--db", db, "--format", "md"])
    assert result.exit_code == 0 and "## Who said what" in result.stdout
    result = runner.invoke(app, ["report", "--db", db, "--format", "pdf"])
    assert result.exit_code == 2


def test_briefing_groups_entities_and_keeps_minor_figures_out_of_the_headlines(
    tmp_path: Path,
) -> None:
    from test_reconcile import Story, ingest

    from claimledger.model import Quantity
    from claimledger.report.dossier import build_briefing

    a = Story("Lloyd J. Austin III called the move “a very grave step” for the region. "
              "Officials said 4,000 soldiers had arrived, double the earlier count. "
              "The talks lasted two weeks.", "A", "2031-04-01")
    a.say("Lloyd J. Austin III", "the move “a very grave step” for the region", "person",
          "Lloyd J. Austin III", direct=True)
    said = a.say("Officials", "4,000 soldiers had arrived, double the earlier count", "anonymous")
    a.num("4,000 soldiers", 4000, counted="soldiers", statement=said)
    for phrase, unit, change in (("double the earlier count", "times", "up"),
                                 ("two weeks", "week", "=")):
        a.analysis.quantities.append(Quantity(a.span(phrase), 2, None, False, change, None, unit,
                                              None, "estimate", a.sentence(phrase), said))
    b = Story("Lloyd Austin said the move was “a very grave step” for the region.", "B",
              "2031-04-02")
    b.say("Lloyd Austin", "the move was “a very grave step” for the region", "person",
          "Lloyd Austin", direct=True)
    store = Store(str(tmp_path / "r.db"))
    ingest(store, a, b)

    brief = build_briefing(store)
    austin = next(g for g in brief["speakers"] if g["who"] == "Lloyd J. Austin III")
    assert len(austin["statements"]) == 2 and austin["aliases"] == ["Lloyd Austin"]
    (troops,) = brief["measures"]
    (figure,) = troops.figures
    assert [n["text"] for n in figure["notes"]] == ["double the earlier count"]
    assert [f["text"] for f in brief["other_figures"]] == ["two weeks"]

    text = render(store, "md")
    assert "“a very grave step”" in text and "““" not in text and "””" not in text
    assert "### Other figures" in text and "×2: double the earlier count" in text
    (prop,) = [c for c in json.loads(render(store, "json"))["claims"] if c["kind"] == "statement"
               and len(c["members"]["statements"]) == 2]
    assert prop["origins"] == ["Lloyd J. Austin III"] and prop["n_articles"] == 2
    store.close()


def test_a_quote_the_attribution_interrupts_reads_without_it(tmp_path: Path) -> None:
    story = tmp_path / "split.txt"
    story.write_text(
        "“The bridge is closed,” Mayor Ann Lee told reporters at the river on Monday. "
        "“It will stay closed.”\n\nThe plan, officials say, may be to rebuild it.\n",
        encoding="utf-8",
    )
    with Ledger(str(tmp_path / "x.db")) as ledger:
        ledger.ingest([str(story)])
        stored = {s["cue_text"]: s for s in ledger.statements()}
        briefing, page = ledger.report("md"), ledger.report("html")
    # the stored span runs across the attribution, for tracing; readers get the words alone
    assert "told reporters" in stored["told"]["content_text"]
    assert "“The bridge is closed,” … “It will stay closed.”" in briefing
    assert "The plan … may be to rebuild it" in briefing
    assert "“The bridge is closed,” … “It will stay closed.”" in page


def test_a_measure_of_falls_is_in_play_not_among_other_figures(tmp_path: Path) -> None:
    """Targets to cut emissions by a share are all falls ("down"): the measure was left out
    of "Figures in play" and its figures listed as bare negative values."""
    from test_reconcile import Story, ingest

    from claimledger.model import Quantity
    from claimledger.report.dossier import build_briefing

    a = Story("Ostland will cut its emissions 40 percent by 2040, the ministry said.", "A",
              "2031-04-01")
    said = a.say("the ministry", "Ostland will cut its emissions 40 percent by 2040",
                 "government")
    a.analysis.quantities.append(Quantity(a.span("40 percent"), 40, None, False, "down", None,
                                          "percent", "emissions", "target",
                                          a.sentence("40 percent"), said))
    store = Store(str(tmp_path / "r.db"))
    ingest(store, a)

    brief = build_briefing(store)
    assert [m.key for m in brief["measures"]] == ["emission|-"]
    assert brief["other_figures"] == []
    store.close()


def _reports(tmp_path: Path, text: str, *formats: str, name: str = "s.md") -> list[str]:
    """Ingest one article written for the test; its reports in these formats."""
    story = tmp_path / name
    story.write_text(text, encoding="utf-8")
    with Ledger(str(tmp_path / "x.db")) as ledger:
        ledger.ingest([str(story)])
        return [ledger.report(f) for f in formats]


def test_as_many_as_reads_as_the_ceiling_it_is(tmp_path: Path) -> None:
    """ "as many as 500" was shown as a bare 500, the same as an exact count."""
    [briefing] = _reports(
        tmp_path,
        "The boat was carrying as many as 500 people, the coast guard said on Tuesday.\n\n"
        "Officials said later that at least 300 people had been on board.\n",
        "md",
        name="boat.txt",
    )
    assert "≤ 500" in briefing and "≥ 300" in briefing


def test_a_time_is_printed_at_the_grain_it_is_whole_in() -> None:
    from claimledger.report.readmodel import interval

    spans = [("2025-03-05", "2025-03-05"), ("2025-03-01", "2025-03-31"),
             ("2018-01-01", "2018-12-31"), ("2025-09-01", "2025-11-30"),
             ("2025-02-11", "2025-02-20"), ("1980-01-01", "1989-12-31"), ("2025-03-05", None)]
    assert [interval(*s) for s in spans] == [
        "2025-03-05", "2025-03", "2018", "2025-09 – 2025-11", "2025-02-11 – 2025-02-20",
        "1980 – 1989", "2025-03-05"]


def test_the_report_dates_events_and_figures_as_the_text_does(tmp_path: Path) -> None:
    """A year or month is no exact day, a figure's date is when it stood (not when it was
    published), and a dateline with "on Monday" in its sentence is one event."""
    briefing, page, report = _reports(
        tmp_path,
        "---\ntitle: A\noutlet: Paper B\npublished_at: 2026-01-14\n---\n\n"
        "PORT ELLIS, Jan 12 (Wire) - Prosecutors told a jury on Monday that the fund failed. "
        "The fund was founded in 2018. The agency said that 62 claims had been paid as of "
        "Jan 2. Most payments came in December.\n",
        "md",
        "html",
        "json",
    )
    timeline = json.loads(report)["timeline"]
    dates = re.findall(r"^- \*\*([^*]+)\*\*", briefing.split("## Timeline")[1], re.M)
    assert dates == ["2018", "2025-12", "2026-01-02", "2026-01-12"]
    assert [(e["date"], e["grain"]) for e in timeline][:1] == [("2018-01-01", "year")]
    assert "| 2026-01-02 | agency | 62 |" in briefing
    assert '<span class="date">2025-12</span>' in page


def test_a_quote_in_british_single_quotes_is_not_wrapped_again() -> None:
    from claimledger.report.readmodel import shown_content

    text = "'We are ready,' she said. 'We will act.'"
    s = {"content_text": text, "content_start": 0, "content_end": len(text), "direct": True,
         "cue_start": 19, "cue_end": 23, "speaker_start": 15, "speaker_end": 18}
    assert shown_content(s) == "'We are ready,' … 'We will act.'"


@pytest.mark.parametrize(
    ("change", "hedge", "shown"),
    [
        (">", "at least", "≥ 3,000"),
        (">", "more than", "> 3,000"),
        ("<", "up to", "≤ 3,000"),
        ("<", "fewer than", "< 3,000"),
    ],
)
def test_a_bound_the_figure_does_not_reach_is_strict(change: str, hedge: str, shown: str) -> None:
    assert figure_text(3000, None, False, change, hedge=hedge) == shown


# Timeline entries


def test_a_timeline_entry_reads_without_its_wire_dateline(tmp_path: Path) -> None:
    """Where a story was filed is no part of the event, however the dateline was split off."""
    [report] = _reports(
        tmp_path,
        "---\ntitle: A\noutlet: Paper B\npublished_at: 2026-03-11\n---\n\n"
        "RIVERTON, Mont. (Wire) — Floodwaters cut the main highway on Tuesday, officials said.\n\n"
        "DUNMORE (Wire) — The dam was inspected on Monday.\n",
        "json",
    )
    timeline = json.loads(report)["timeline"]
    assert [e["text"] for e in timeline] == [
        "The dam was inspected on Monday.",
        "Floodwaters cut the main highway on Tuesday, officials said.",
    ]
