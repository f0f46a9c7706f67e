"""Reconcile across articles, on stories written for the tests (hand-made analyses, no spaCy)."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field, replace

import pytest
from sqlalchemy import event

from claimledger.model import Analysis, Article, Entity, Quantity, Span, Statement, TimeExpr
from claimledger.reconcile import reconcile_article
from claimledger.reconcile.measures import measure_of
from claimledger.reconcile.text import sentence_bounds
from claimledger.reconcile.verdicts import Figure, relation, verdict
from claimledger.store import Store


@dataclass
class Story:
    """Build one article's Analysis by quoting its own text: spans are found, not counted."""

    text: str
    outlet: str
    published_at: str
    analysis: Analysis = field(init=False)

    def __post_init__(self) -> None:
        article = Article(self.text, title=self.text[:40], outlet=self.outlet,
                          published_at=self.published_at)
        self.analysis = Analysis(article)

    def span(self, phrase: str) -> Span:
        start = self.text.index(phrase)
        return Span.of(self.text, start, start + len(phrase))

    def sentence(self, phrase: str) -> Span:
        s = self.span(phrase)
        return Span.of(self.text, *sentence_bounds(self.text, s.start, s.end))

    def say(self, speaker: str, content: str, kind: str = "person", entity: str | None = None,
            stance: str = "assert", direct: bool = False) -> int:
        who = self.span(speaker)
        if entity:
            self.analysis.entities.append(Entity(entity, kind, [speaker]))
        self.analysis.statements.append(
            Statement(self.sentence(content), self.span(content), who, entity, kind,  # type: ignore[arg-type]
                      None, direct, stance)  # type: ignore[arg-type]
        )
        return len(self.analysis.statements) - 1

    def when(self, phrase: str, resolved: str, end: str | None = None, grain: str = "day") -> int:
        self.analysis.times.append(TimeExpr(self.span(phrase), resolved, end or resolved, grain))
        return len(self.analysis.times) - 1

    def num(self, phrase: str, low: float, high: float | None = None, change: str = "=",
            counted: str | None = None, statement: int | None = None, status: str = "estimate",
            time: int | None = None, hedge: str | None = None) -> None:
        self.analysis.quantities.append(
            Quantity(self.span(phrase), low, high, high is not None, change, hedge, None,  # type: ignore[arg-type]
                     counted, status, self.sentence(phrase), statement, time)
        )


def ingest(store: Store, *stories: Story) -> None:
    """What `Ledger` does for each article: write then reconcile (here one transaction each)."""
    for story in stories:
        with store.engine.begin() as conn:
            assert store.write_in(conn, story.analysis)
            reconcile_article(store, conn, story.analysis.article.id)


@dataclass
class Work:
    """What ingesting one article cost the database: statements, rows bound, VM steps/100."""

    statements: list[str] = field(default_factory=list)
    rows: int = 0
    steps: int = 0

    def count(self, conn, cursor, statement, params, context, executemany) -> None:  # noqa: ANN001, PLR0913
        self.statements.append(statement)
        self.rows += len(params) if executemany else 1
        conn.connection.driver_connection.set_progress_handler(self.step, 100)

    def step(self) -> int:
        self.steps += 1
        return 0


def executed_by(store: Store, story: Story) -> Work:
    """The work ingesting one more article does in the database."""
    work = Work()
    event.listen(store.engine, "before_cursor_execute", work.count)
    ingest(store, story)
    event.remove(store.engine, "before_cursor_execute", work.count)
    return work


def claim(store: Store, key: str) -> dict:
    rows = store.rows("claims", {"key": key})
    assert rows, f"no claim {key!r}; have {[c['key'] for c in store.rows('claims')]}"
    row = rows[0]
    row["origins"] = json.loads(row["origins"])
    row["outlets"] = json.loads(row["outlets"])
    return row


@pytest.fixture
def store(tmp_path) -> Store:
    s = Store(str(tmp_path / "r.db"))
    yield s
    s.close()


# --- a flood story: figures conflict, agree, evolve, and are denied ----------------------------


def flood_story() -> list[Story]:
    """Three outlets; deaths conflict, houses agree, rescuers evolve, evacuations are denied."""
    a = Story(
        "Officials said on Monday that 120 people had died in the floods. "
        "The Kenyan interior ministry said that 40,000 residents were evacuated. "
        "Aid groups said about 500 houses were destroyed near the river. "
        "The army said 200 rescue workers were searching the valley.",
        "Daily Planet", "2031-03-10",
    )
    s0 = a.say("Officials", "120 people had died in the floods", "anonymous")
    s1 = a.say("The Kenyan interior ministry", "40,000 residents were evacuated",
               "government", "Kenya Interior Ministry")
    s2 = a.say("Aid groups", "about 500 houses were destroyed near the river", "organization")
    s3 = a.say("The army", "200 rescue workers were searching the valley", "government",
               "Kenya Defence Forces")
    a.num("120 people", 120, counted="people", statement=s0)
    a.num("40,000 residents", 40000, counted="residents", statement=s1)
    a.num("about 500 houses", 500, change="~", counted="houses", statement=s2)
    a.num("200 rescue workers", 200, counted="rescue workers", statement=s3)

    b = Story(
        "The Red Cross said 30 people had died. "
        "Kenya's interior ministry said 40,000 residents were evacuated. "
        "Local officials said 510 houses were destroyed.",
        "Morning Star", "2031-03-10",
    )
    t0 = b.say("The Red Cross", "30 people had died", "organization", "Red Cross")
    t1 = b.say("Kenya's interior ministry", "40,000 residents were evacuated",
               "government", "Kenya Interior Ministry")
    t2 = b.say("Local officials", "510 houses were destroyed", "anonymous")
    b.num("30 people", 30, counted="people", statement=t0)
    b.num("40,000 residents", 40000, counted="residents", statement=t1)
    b.num("510 houses", 510, counted="houses", statement=t2)

    c = Story(
        "The army said on Wednesday that 350 rescue workers were now searching the valley, "
        "up from 200. "
        "The Kenyan government denied that 40,000 residents were evacuated, "
        "calling the figure exaggerated.",
        "Evening Post", "2031-03-12",
    )
    u0 = c.say("The army", "350 rescue workers were now searching the valley", "government",
               "Kenya Defence Forces")
    u1 = c.say("The Kenyan government", "40,000 residents were evacuated", "government",
               "Kenya", stance="deny")
    when = c.when("on Wednesday", "2031-03-12")
    c.num("350 rescue workers", 350, counted="rescue workers", statement=u0, time=when)
    c.num("40,000 residents", 40000, counted="residents", statement=u1)
    return [a, b, c]


def test_flood_story_verdicts_and_origins(store: Store) -> None:
    ingest(store, *flood_story())
    deaths = claim(store, "casualties|-")
    assert deaths["verdict"] == "conflict" and deaths["n_origins"] == 2
    houses = claim(store, "house|-")
    assert houses["verdict"] == "agree" and houses["n_articles"] == 2
    rescuers = claim(store, "rescue worker|-")
    assert rescuers["verdict"] == "evolved"
    assert rescuers["origins"] == ["Kenya Defence Forces"]
    evacuated = claim(store, "people|-|evacuated")
    assert evacuated["verdict"] == "denied"
    # the government denying the figure is no second source behind it
    assert evacuated["n_articles"] == 3 and evacuated["n_origins"] == 1
    assert evacuated["outlets"] == ["Daily Planet", "Evening Post", "Morning Star"]


def test_people_displaced_and_people_treated_are_not_one_count(store: Store) -> None:
    a = Story(
        "More than 10,000 people have been displaced, the agency said. "
        "Doctors said they had treated 300 people for cholera.",
        "Daily Planet", "2031-03-10",
    )
    a.num("More than 10,000 people", 10000, change=">", counted="people",
          statement=a.say("the agency", "More than 10,000 people have been displaced",
                          "government"))
    a.num("300 people", 300, counted="people",
          statement=a.say("Doctors", "they had treated 300 people for cholera", "anonymous"))
    ingest(store, a)
    keys = {c["key"] for c in store.rows("claims", {"kind": "quantity"})}
    assert keys == {"people|-|displaced", "people|-|treated"}


def test_a_death_toll_counts_casualties_with_the_deaths_it_updates(store: Store) -> None:
    a = Story("Officials said 40 people had died in the floods.", "Daily Planet", "2031-03-10")
    a.num("40 people", 40, counted="people",
          statement=a.say("Officials", "40 people had died in the floods", "anonymous"))
    b = Story("The death toll from the floods has risen to 62, officials said.",
              "Morning Star", "2031-03-12")
    b.num("62", 62, statement=b.say("officials", "The death toll from the floods has risen to 62",
                                    "anonymous"))
    ingest(store, a, b)
    deaths = claim(store, "casualties|-")
    assert deaths["n_members"] == 2 and deaths["verdict"] == "evolved"


def test_ten_outlets_one_ministry_is_one_origin(store: Store) -> None:
    stories = []
    for i in range(10):
        s = Story(
            f"Report {i}. Norway's defence ministry said 4,000 soldiers had joined the exercise.",
            f"Outlet {i}", f"2031-05-{i + 1:02d}",
        )
        said = s.say("Norway's defence ministry", "4,000 soldiers had joined the exercise",
                     "government", "Norway Ministry of Defence")
        s.num("4,000 soldiers", 4000, counted="soldiers", statement=said)
        stories.append(s)
    ingest(store, *stories)
    troops = claim(store, "troops|-")
    assert troops["n_members"] == 10 and troops["n_articles"] == 10
    assert troops["origins"] == ["Norway Ministry of Defence"] and troops["n_origins"] == 1
    assert len(troops["outlets"]) == 10 and troops["verdict"] == "agree"
    # the statements repeat one proposition: one claim of ten members, one origin
    props = [c for c in store.rows("claims", {"kind": "statement"})]
    assert len(props) == 1 and props[0]["n_members"] == 10 and props[0]["n_origins"] == 1


def test_group_speakers_count_once_across_wordings(store: Store) -> None:
    a = Story("U.S. officials said 900 tanks were lost.", "A", "2031-01-01")
    a.num("900 tanks", 900, counted="tanks",
          statement=a.say("U.S. officials", "900 tanks were lost", "anonymous"))
    b = Story("The losses reach 900 tanks, American officials estimated.", "B", "2031-01-02")
    b.num("900 tanks", 900, counted="tanks",
          statement=b.say("American officials", "The losses reach 900 tanks", "anonymous"))
    ingest(store, a, b)
    tanks = claim(store, "tank|-")
    assert tanks["origins"] == ["United States officials"] and tanks["n_articles"] == 2


def test_quote_repeated_across_outlets_is_one_proposition(store: Store) -> None:
    a = Story("The minister called the attack “a grave and deliberate provocation” on Friday.",
              "A", "2031-02-01")
    a.say("The minister", "the attack “a grave and deliberate provocation”", "person",
          "Ana Lopez")
    b = Story("Ms. Lopez said it was “a grave and deliberate provocation” by the rebels.",
              "B", "2031-02-02")
    b.say("Ms. Lopez", "it was “a grave and deliberate provocation” by the rebels", "person",
          "Ana Lopez")
    c = Story("Ana Lopez praised the farmers for the harvest.", "C", "2031-02-02")
    c.say("Ana Lopez", "the farmers for the harvest", "person", "Ana Lopez")
    ingest(store, a, b, c)
    props = sorted(store.rows("claims", {"kind": "statement"}), key=lambda r: -r["n_members"])
    assert [p["n_members"] for p in props] == [2, 1]
    assert props[0]["n_articles"] == 2 and props[0]["n_origins"] == 1


def test_statements_giving_different_figures_are_not_one_proposition(store: Store) -> None:
    a = Story("Velm said that about 400 homes were flooded in the valley.", "A", "2031-02-01")
    a.say("Velm", "that about 400 homes were flooded in the valley", "organization")
    b = Story("Velm said that 1,200 homes were flooded in the valley.", "B", "2031-02-03")
    b.say("Velm", "that 1,200 homes were flooded in the valley", "organization")
    c = Story("Velm said 1.2 thousand homes were flooded in the valley.", "C", "2031-02-03")
    c.say("Velm", "1.2 thousand homes were flooded in the valley", "organization")
    ingest(store, a, b, c)
    props = sorted(store.rows("claims", {"kind": "statement"}), key=lambda r: r["n_members"])
    assert [(p["n_members"], p["verdict"]) for p in props] == [(1, "single"), (2, "agree")]


def test_denial_of_a_proposition(store: Store) -> None:
    a = Story("Rebels said government forces shelled the northern villages overnight.",
              "A", "2031-02-01")
    a.say("Rebels", "government forces shelled the northern villages overnight", "organization")
    b = Story("The army denied that government forces shelled the northern villages.",
              "B", "2031-02-02")
    b.say("The army", "government forces shelled the northern villages", "government",
          stance="deny")
    ingest(store, a, b)
    (prop,) = store.rows("claims", {"kind": "statement"})
    assert prop["verdict"] == "denied" and prop["n_members"] == 2


def test_denials_attach_to_the_owner_of_the_figure_not_deniers_or_accusers(
    store: Store,
) -> None:
    a = Story(
        "Officials said Belarus had sent at least 2,000 soldiers to Armenia. "
        "Minsk has dismissed Georgian claims about the troop deployment as lies, while a "
        "Belarusian UN envoy called them rumors. "
        "The Armenian government has denied reports on Belarus’s troop presence.",
        "Daily Planet", "2031-05-01",
    )
    s0 = a.say("Officials", "Belarus had sent at least 2,000 soldiers to Armenia", "anonymous")
    a.num("at least 2,000 soldiers", 2000, change=">", counted="soldiers", statement=s0)
    a.say("Minsk", "Georgian claims about the troop deployment as lies", "government",
          stance="deny")
    a.say("a Belarusian UN envoy", "them rumors", "person", stance="deny")
    a.say("The Armenian government", "reports on Belarus’s troop presence", "government",
          stance="deny")
    ingest(store, a)
    links = {(r["key"], r["statement_id"]) for r in store.rows("denial_links", order_by=("key",))}
    assert {key for key, _ in links} == {"troops|Belarus"}
    assert len(links) == 3, "each denial, named owner or not, refutes the figure it is about"
    assert claim(store, "troops|Belarus")["verdict"] == "denied"


def test_a_denial_naming_the_figure_refutes_its_measure(store: Store) -> None:
    a = Story(
        "A county supervisor said at least seven people had died in the fire.\n\n"
        "\"The figure of 7 is not accurate,\" the fire agency said.",
        "Daily Planet", "2031-05-01",
    )
    s0 = a.say("A county supervisor", "at least seven people had died in the fire", "person")
    a.num("at least seven people", 7, change=">", counted="people", statement=s0)
    s1 = a.say("the fire agency", "\"The figure of 7 is not accurate,\"", "government",
               stance="deny")
    a.num("7", 7, statement=s1)
    ingest(store, a)
    assert claim(store, "casualties|-")["verdict"] == "denied"


def test_a_figure_borrowing_what_it_counts_joins_the_measure_it_borrowed_from(
    store: Store,
) -> None:
    """ "200,000 people took part. Police said about 40,000.": the crowd dispute, not a
    second figure of no measure."""
    a = Story("The Civic Front says at least 200,000 people took part. Police said about 40,000.",
              "Daily", "2031-05-01")
    a.num("at least 200,000 people", 2e5, change=">", counted="people",
          statement=a.say("The Civic Front", "at least 200,000 people took part", "organization"))
    a.num("about 40,000", 4e4, change="~", counted="people",
          statement=a.say("Police", "about 40,000", "government"))
    ingest(store, a)
    crowd = claim(store, "people|-|turnout")
    assert crowd["n_members"] == 2 and crowd["verdict"] == "conflict"


def test_those_who_name_a_figure_to_deny_it_do_not_back_it(store: Store) -> None:
    """A fact-check repeats the viral figure to refute it: the figure keeps one origin, its
    poster, and is denied; the debunkers are not its claimants."""
    a = Story("Dex Marlowe wrote that the new vaccine killed 3,000 people in a month.", "One",
              "2031-03-05")
    a.num("3,000 people", 3000, counted="people", status="casualties",
          statement=a.say("Dex Marlowe", "that the new vaccine killed 3,000 people in a month"))
    b = Story('"There is no evidence that the vaccine has caused 3,000 deaths," said Irene '
              "Salgado.", "Two", "2031-03-06")
    b.num("3,000 deaths", 3000, counted="deaths", status="casualties",
          statement=b.say("Irene Salgado", '"There is no evidence that the vaccine has caused '
                          '3,000 deaths,"', stance="deny", direct=True))
    ingest(store, a, b)
    deaths = claim(store, "casualties|-")
    assert deaths["verdict"] == "denied" and deaths["n_members"] >= 2
    assert deaths["origins"] == ["Dex Marlowe"]


def test_a_denier_s_own_count_beside_the_denial_is_not_denied(store: Store) -> None:
    """ "The agency said the number was wrong and that it had logged about 210 death reports":
    the 3,000 is denied, the agency's own count (beside its earlier 212) is not."""
    a = Story("The agency said it had received 212 death reports.", "One", "2031-03-05")
    a.num("212 death reports", 212, counted="death reports", status="casualties",
          statement=a.say("The agency", "it had received 212 death reports", "government"))
    b = Story("The agency said the number was wrong and that it had logged about 210 death "
              "reports.", "Two", "2031-03-07")
    b.num("about 210 death reports", 210, change="~", counted="death reports",
          status="casualties",
          statement=b.say("The agency", "the number was wrong and that it had logged about 210 "
                          "death reports", "government", stance="deny"))
    ingest(store, a, b)
    reports = claim(store, "report|-|casualties")
    assert reports["verdict"] == "agree" and reports["n_members"] == 2


def test_a_denial_of_hiding_a_count_does_not_deny_the_count(store: Store) -> None:
    """ "denied that officials had covered up deaths" stands by the toll: it names the dead as
    what was hidden, not a figure it disputes."""
    a = Story("The agency said 40 people had died in the floods.", "One", "2031-03-05")
    a.num("40 people", 40, counted="people", status="casualties",
          statement=a.say("The agency", "40 people had died in the floods", "government"))
    b = Story("The agency said 52 people had died. The governor denied that officials had "
              "covered up deaths.", "Two", "2031-03-07")
    b.num("52 people", 52, counted="people", status="casualties",
          statement=b.say("The agency", "52 people had died", "government"))
    b.say("The governor", "that officials had covered up deaths", stance="deny")
    ingest(store, a, b)
    assert claim(store, "casualties|-")["verdict"] == "evolved"
    assert not store.rows("denial_links", order_by=("key",))


def test_a_plea_of_not_guilty_denies_no_count_of_charges(store: Store) -> None:
    """ "pleaded not guilty to nine counts" denies guilt; the jury's verdict on two of the
    counts is no rival of the charges either way."""
    a = Story("Lee has pleaded not guilty to nine counts of fraud.", "One", "2031-03-05")
    a.num("nine counts", 9, counted="counts",
          statement=a.say("Lee", "not guilty to nine counts of fraud", "person", stance="deny"))
    b = Story("Lee faces nine counts of fraud.", "Two", "2031-03-06")
    b.num("nine counts", 9, counted="counts")
    ingest(store, a, b)
    assert claim(store, "count|-")["verdict"] == "agree"


def test_as_many_as_is_a_ceiling_not_a_rival_figure(store: Store) -> None:
    a = Story("The bank said 4.2 million customers were affected.", "A", "2031-05-01")
    a.num("4.2 million customers", 4.2e6, counted="customers",
          statement=a.say("The bank", "4.2 million customers were affected", "organization"))
    b = Story("A researcher said as many as 5 million customers were affected.", "B",
              "2031-05-01")
    b.num("as many as 5 million customers", 5e6, counted="customers", hedge="as many as",
          statement=b.say("A researcher", "as many as 5 million customers were affected"))
    ingest(store, a, b)
    assert claim(store, "customer|-")["verdict"] == "agree"


def test_the_count_of_unnamed_sources_is_no_figure_of_the_story(store: Store) -> None:
    a = Story("Two people familiar with the matter said 5 million customers were affected.",
              "A", "2031-05-01")
    s0 = a.say("Two people familiar with the matter", "5 million customers were affected",
               "anonymous")
    a.num("Two people", 2, counted="people", statement=s0)
    a.num("5 million customers", 5e6, counted="customers", statement=s0)
    ingest(store, a)
    keys = {c["key"] for c in store.rows("claims", {"kind": "quantity"})}
    assert keys == {"customer|-"}


def test_the_count_of_any_speaker_is_no_figure_of_the_story(store: Store) -> None:
    a = Story("One juror said 12 witnesses lied.", "A", "2031-05-01")
    s0 = a.say("One juror", "12 witnesses lied", "unknown")
    a.num("One juror", 1, counted="juror", statement=s0)
    a.num("12 witnesses", 12, counted="witnesses", statement=s0)
    ingest(store, a)
    keys = {c["key"] for c in store.rows("claims", {"kind": "quantity"})}
    assert keys == {"witness|-"}


def test_a_figure_outside_every_statement_of_its_sentence_is_the_outlet_s(
    store: Store
) -> None:
    """ "Lee said it was 40 tonnes, and Kim put it at 30 tonnes": with "put it at" heard as no
    statement, the 30 is not Lee's; nor is a figure before the speaker."""
    a = Story("Up to 50 tonnes went missing, Lee said it was 40 tonnes, and Kim put it at "
              "30 tonnes.", "Gazette", "2031-05-01")
    s0 = a.say("Lee", "it was 40 tonnes", "person", "Ann Lee")
    a.num("40 tonnes", 40, counted="tonnes", statement=s0)
    a.num("30 tonnes", 30, counted="tonnes")
    a.num("Up to 50 tonnes", 50, change="<", counted="tonnes", hedge="Up to")
    ingest(store, a)
    assert claim(store, "tonne|-")["origins"] == ["Ann Lee", "Gazette (unattributed)"]


def test_a_figure_before_what_a_denial_says_is_not_denied(store: Store) -> None:
    """ "Lee shipped 40 tonnes of stock, insisting he had never seen the data": the denial is of
    seeing the data; the 40 tonnes are the paper's, neither denied nor Lee's."""
    a = Story("Lee shipped 40 tonnes of stock, insisting that he had never seen the data.",
              "Gazette", "2031-05-01")
    a.say("Lee", "that he had never seen the data", "person", "Ann Lee", stance="deny")
    a.num("40 tonnes", 40, counted="tonnes")
    ingest(store, a)
    tonnes = claim(store, "tonne|-")
    assert (tonnes["verdict"], tonnes["origins"]) == ("single", ["Gazette (unattributed)"])


def test_a_figure_the_text_says_was_lowered_evolved(store: Store) -> None:
    a = Story("The attackers first demanded 150 bitcoin, then lowered the demand to 90 bitcoin.",
              "A", "2031-05-01")
    a.num("150 bitcoin", 150, counted="bitcoin")
    a.num("90 bitcoin", 90, counted="bitcoin")
    ingest(store, a)
    assert claim(store, "bitcoin|-")["verdict"] == "evolved"


def test_incremental_touches_only_claims_sharing_keys(store: Store) -> None:
    ingest(store, *flood_story())
    before = {c["key"]: c["updated_at"] for c in store.rows("claims")}
    extra = Story("Aid groups said 505 houses were destroyed.", "Late Edition", "2031-03-13")
    extra.num("505 houses", 505, counted="houses",
              statement=extra.say("Aid groups", "505 houses were destroyed", "organization"))
    statements = executed_by(store, extra).statements
    after = {c["key"]: c["updated_at"] for c in store.rows("claims")}
    changed = {k for k in before if after.get(k) != before[k]}
    labels = {c["key"]: c["label"] for c in store.rows("claims")}
    assert "house|-" in changed
    assert all(k == "house|-" or "houses were destroyed" in labels[k] for k in changed)
    assert claim(store, "house|-")["n_members"] == 3
    # no full scans: every read of a claim-side table is filtered
    for sql in statements:
        if sql.lstrip().upper().startswith("SELECT") and " FROM claims" in sql:
            assert "WHERE" in sql


def test_measure_overrides_survive_reruns(store: Store) -> None:
    from claimledger.reconcile import curate

    a, b, c = flood_story()
    ingest(store, a)
    assert curate.merge(store, "house|-", "damage|-") == 1
    curate.rename(store, "damage|-", "Homes destroyed")
    curate.split(store, "casualties|-", "120", "first toll")
    ingest(store, b, c)  # later articles follow the user's decisions
    damage = claim(store, "damage|-")
    assert damage["label"] == "Homes destroyed" and damage["n_members"] == 2
    assert not store.rows("claims", {"key": "house|-"})
    assert claim(store, "first toll")["n_members"] == 1
    assert claim(store, "casualties|-")["n_members"] == 1


def row(sentence: str, phrase: str, counted: str | None, unit: str | None) -> dict:
    """A stored quantity row for `phrase` in a one-sentence text."""
    start = sentence.index(phrase)
    return {"sentence_start": 0, "sentence_end": len(sentence), "start_char": start,
            "end_char": start + len(phrase), "counted": counted, "unit": unit, "text": phrase,
            "status": "estimate"}


@pytest.mark.parametrize(
    ("sentence", "phrase", "counted", "key"),
    [
        ("Ukraine said 5,000 Russian soldiers were captured.", "5,000 Russian soldiers",
         "Russian soldiers", "troops|Russia"),
        ("Officials said Moscow sent 5,000 more troops to the border.", "5,000 more troops",
         "troops", "troops|Russia"),
        ("Reports said 300 troops from the Kremlin's allies arrived.", "300 troops", "troops",
         "troops|-"),
        ("In Seoul, analysts said 7,000 North Koreans were training to fight.",
         "7,000 North Koreans", "North Koreans", "troops|North Korea"),
        ("Officials said 3,000 Syrians crossed the border each week.", "3,000 Syrians",
         "Syrians", "people|Syria|per week"),
        ("Kyiv said 1,200 Russian troops were killed or wounded.", "1,200 Russian troops",
         "Russian troops", "casualties|Russia"),
        ("France is training 2,000 new recruits a month.", "2,000 new recruits", None,
         "troops|France|per month"),
        ("The plant produced 40,000 artillery shells.", "40,000 artillery shells", None,
         "artillery shell|-"),
        # one crowd, one count of arrests, whichever words the outlets chose
        ("About 40,000 people were taking part.", "About 40,000 people", "people",
         "people|-|turnout"),
        ("At least 200,000 protesters filled the square.", "At least 200,000 protesters",
         "protesters", "people|-|turnout"),
        ("The ministry said 146 people were detained.", "146 people", "people",
         "people|-|arrested"),
        # one campaign's progress, whichever word the outlet chose; "a week ago" is no rate
        ("The minister said 180,000 people had been immunised.", "180,000 people", "people",
         "people|-|vaccinated"),
        ("Officials said 412,000 people had been vaccinated since the drive began a week ago.",
         "412,000 people", "people", "people|-|vaccinated"),
        # the toll the figure is the level of names what it counts
        ("The number of people killed in the floods has risen to 96.", "96", "people",
         "casualties|-"),
        ("The death toll rose as 3,000 people fled.", "3,000 people", "people", "people|-|fled"),
        # a week's new count is not the running total
        ("Officials counted 540 new cases in the seven days to Saturday.", "540 new cases",
         "new cases", "case|-|in the seven days to"),
        # the places of the parts listed after a total own none of it
        ("Donors have pledged 900 tents, among them 200 from the British government.",
         "900 tents", "tents", "tent|-"),
    ],
)
def test_measure_keys(sentence: str, phrase: str, counted: str | None, key: str) -> None:
    m = measure_of(row(sentence, phrase, counted=counted, unit=None), sentence, None)
    assert m is not None and m.key == key


@pytest.mark.parametrize(
    ("sentence", "phrase", "counted", "key"),
    [
        ("Police said 310,000 of the 4.2 million customers had their passwords stolen.",
         "310,000 of the 4.2 million customers", "customers", "customer|-|stolen"),
        ("Of those, 310,000 had their bank details exposed, it said.", "310,000", "customers",
         "customer|-|exposed"),
        ("Of the 4,200 guests, 40 fell ill.", "40", "guests", "guest|-|subset"),
        # a part of the toll is not a rival of it, the second part listed after "and" neither
        ("Of the reported deaths, 41 were in the north.", "41", "reported deaths",
         "casualties|-|subset"),
        ("Of the deaths, 41 were in the north and 29 in the south.", "29", "deaths",
         "casualties|-|subset"),
        ("Among them, 1,200 customers were refunded.", "1,200 customers", "customers",
         "customer|-|refunded"),
        ("Hackers accessed the records of 4.2 million customers.", "4.2 million customers",
         "customers", "customer|-"),
        ("For about 9,000 tenants, rents were also frozen.", "about 9,000 tenants", "tenants",
         "tenant|-|subset"),
        ("It now counts 700 tenants, up from the 400 tenants it reported in May.",
         "400 tenants", "tenants", "tenant|-"),
        ("The fund paid out for 9,000 tenants.", "9,000 tenants", "tenants", "tenant|-"),
    ],
)
def test_a_part_of_a_whole_is_a_measure_of_its_own(
    sentence: str, phrase: str, counted: str, key: str
) -> None:
    """ "310,000 of the 4.2 million customers" neither conflicts with the 4.2 million nor
    joins it: it is what befell a part of them."""
    m = measure_of(row(sentence, phrase, counted=counted, unit=None), sentence, None)
    assert m is not None and m.key == key


@pytest.mark.parametrize(
    ("sentence", "phrase", "unit", "counted", "key"),
    [
        ("Inflation rose to 7.4% in March.", "7.4%", "percent", "Inflation", "inflation|-"),
        ("The inflation rate eased to 6.8 percent.", "6.8 percent", "percent",
         "inflation rate", "inflation|-"),
        ("The bank raised its benchmark interest rate by 50 basis points.", "50 basis points",
         "basis point", "benchmark interest rate", "interest|-|change"),
        ("Prices rose 7.4% in March.", "7.4%", "percent", None, None),
        ("The fire was 5% contained.", "5%", "percent", "fire", "contained|-"),
        # a country code glued to a dollar sign names the currency, not an owner
        ("The appeal for US$ 4.8 million is 22% funded.", "22%", "percent", None, "funded|-"),
    ],
)
def test_a_share_is_a_measure_of_what_it_is_the_level_of(
    sentence: str, phrase: str, unit: str, counted: str | None, key: str | None
) -> None:
    """ "7.4% in March" is no measure of "march"; "the inflation rate" is inflation; a move
    in points is not the level it moved to."""
    m = measure_of(row(sentence, phrase, counted=counted, unit=unit), sentence, None)
    assert (m.key if m else None) == key


def test_an_age_is_no_measure() -> None:
    """Two people's ages and an age band were one "year age" measure with a verdict."""
    sentence = "Turnout among voters aged 18 to 24 was about 44 per cent."
    assert measure_of(row(sentence, "18 to 24", None, "year of age"), sentence, None) is None


@pytest.mark.parametrize(
    ("sentence", "phrase", "unit", "key"),
    [
        ("The utility's shares fell 7.5%.", "7.5%", "percent", None),
        ("Its revenue last year was $8.4 billion.", "$8.4 billion", "USD", None),
        ("It earned $8.4 billion last year.", "$8.4 billion", "USD", None),
        ("The state pledged $50 million in federal aid.", "$50 million", "USD", "federal aid|-"),
        ("The fire burned 8,500 acres.", "8,500 acres", "acre", "acre|-"),
        ("It can be fined up to 4% of its global turnover.", "up to 4%", "percent",
         "global turnover|-"),
        # what a sum is the amount of, said before it; a participle after it qualifies it
        ("The gang asked for a ransom of $2 million in cash.", "$2 million", "USD", "ransom|-"),
        ("It booked costs of between $3 million and $5 million related to the flood.",
         "$3 million and $5 million", "USD", "cost|-"),
        ("It raised a total of $9 million in donations.", "$9 million", "USD", "donation|-"),
    ],
)
def test_a_currency_or_a_share_alone_counts_nothing(
    sentence: str, phrase: str, unit: str, key: str | None
) -> None:
    """Every dollar figure of a story is not one measure: a pledge, a revenue and a ransom
    would be compared as conflicting values of "usd"."""
    m = measure_of(row(sentence, phrase, counted=None, unit=unit), sentence, None)
    assert (m.key if m else None) == key


@pytest.mark.parametrize(
    ("sentence", "phrase", "unit", "key"),
    [
        ("Auditors said depositors lost about $90 million.", "about $90 million", "USD", "loss|-"),
        ("The audit put the net loss at $88 million.", "$88 million", "USD", "loss|-"),
        ("The losses to depositors were at least $95 million.", "at least $95 million", "USD",
         "loss|-"),
        ("The fraud cost pension funds $75 million.", "$75 million", "USD", "loss|-"),
        ("A judge found a loss of $70 million for restitution purposes.", "$70 million", "USD",
         "loss|-"),
        ("Depositors lost millions of dollars.", "millions of dollars", "dollar", "loss|-"),
        # what a sum cost to make, or a share lost, is no loss of money
        ("The bridge cost $40 million.", "$40 million", "USD", None),
        ("The bank raised $90 million from depositors.", "$90 million", "USD", None),
        ("The shares lost 12% of their value.", "12%", "percent", "value|-"),
    ],
)
def test_a_sum_said_to_be_lost_is_the_loss(
    sentence: str, phrase: str, unit: str, key: str | None
) -> None:
    """The figure a fraud story argues over ("lost", "the net loss", "cost investors") is one
    measure whoever gives it, and not the story's casualties nor its other dollar sums."""
    m = measure_of(row(sentence, phrase, counted=None, unit=unit), sentence, None)
    assert (m.key if m else None) == key


@pytest.mark.parametrize(
    ("sentence", "phrase", "unit", "hedge", "key"),
    [
        ("Directors shared $3 million in bonuses.", "$3 million", "USD", None, "bonus|-"),
        ("The fund invested $20 million in Orbis.", "$20 million", "USD", None, None),
        ("She spent $2 million on that campaign.", "$2 million", "USD", None, None),
        ("He spent $2 million on advertising, didn't he?", "$2 million", "USD", None,
         "advertising|-"),
        ("The board paid millions of dollars.", "millions of dollars", "dollar", None, None),
        ("He could serve five years or closer to 20.", "closer to 20", None, "closer to", None),
        ("The hearing lasted about six hours.", "about six hours", "hour", "about", None),
        # a place phrase after a bare number says where, not what it counts
        ("Floods displace 400 in the Arvale region.", "400", None, None, None),
    ],
)
def test_stray_words_name_no_measure(
    sentence: str, phrase: str, unit: str | None, hedge: str | None, key: str | None
) -> None:
    """A name the money went into, a determined place ("on that campaign"), words past a
    comma, a bound ("closer to"), a currency written out, a stretch of hours or where a bare
    number was counted ("400 in the Arvale region") name nothing counted; an "-us" noun keeps
    its "s" ("bonuses" is "bonus")."""
    q = {**row(sentence, phrase, counted=None, unit=unit), "hedge": hedge}
    m = measure_of(q, sentence, None)
    assert (m.key if m else None) == key


@pytest.mark.parametrize(
    ("sentence", "phrase", "counted"),
    [
        ("More than 500 residents came to the meeting.", "More than 500 residents", "residents"),
        ("The real number is at least seven.", "at least seven", None),
        ("It is one of 14 large wildfires in the state.", "one of 14 large wildfires",
         "large wildfires"),
        ("The shot killed 3,000 people in ONE MONTH.", "ONE MONTH", "MONTH"),  # a duration
        ("The post was shared 180,000 times.", "180,000 times", "times"),  # views, shares, ...
        ("Only the last six digits of each passport were shown.", "six digits", "digits"),
        ("The first 50 buyers get a refund.", "50 buyers", "buyers"),  # which, by their order
        # a clause after the figure says nothing of what it counts
        ("Flood deaths climb to 96 as rescue teams struggle", "96", None),
    ],
)
def test_people_of_nowhere_a_number_word_or_one_of_many_is_no_measure(
    sentence: str, phrase: str, counted: str | None
) -> None:
    """A story's meeting crowd, shelter count and dead are not one "people" measure, nor is a
    figure written in words a measure of that word."""
    assert measure_of(row(sentence, phrase, counted=counted, unit=None), sentence, None) is None


def fig(low: float, change: str = "=", high: float | None = None, as_of: str = "d1",
        status: str = "estimate", cue: bool = False) -> Figure:
    return Figure(low, high, change, status, as_of, cue)


def test_a_month_abbreviation_does_not_end_a_sentence() -> None:
    from claimledger.reconcile.text import sentence_bounds

    text = "It found the breach on Sept. 5 but told no one until Monday. Shares fell."
    at = text.index("Monday")
    start, end = sentence_bounds(text, at, at + 6)
    assert text[start:end] == "It found the breach on Sept. 5 but told no one until Monday."


def test_verdict_interval_logic() -> None:
    assert relation(fig(3000, ">"), fig(12000, ">")) == "agree"
    assert relation(fig(10000, "~"), fig(10500)) == "agree"
    assert relation(fig(10000, "~"), fig(12000)) == "conflict"
    assert relation(fig(2500), fig(3000, ">", as_of="d2")) == "evolved"
    assert relation(fig(2500), fig(5000, cue=True)) == "evolved"
    assert relation(fig(25000, high=30000), fig(28000)) == "agree"
    assert relation(fig(100, "<"), fig(150)) == "conflict"
    assert relation(fig(3000), fig(10000, status="pledge")) is None
    assert verdict([fig(1)]) == "single"
    assert verdict([fig(1), fig(1)]) == "agree"
    assert verdict([fig(1), fig(2)]) == "conflict"
    assert verdict([fig(1), fig(2, as_of="d2")]) == "evolved"
    assert verdict([fig(1), fig(2, as_of="d2"), fig(5)]) == "conflict"
    assert verdict([fig(1), fig(1)], denied=True) == "denied"
    assert verdict([fig(3000), fig(10000, status="pledge")]) == "single"


def test_repeating_a_denied_statement_does_not_merge_it_into_the_measure(store: Store) -> None:
    """A denial is a member of its measure's claim too; a later statement matching it must join
    only the proposition claim (it once merged the two and stored the denial twice)."""
    content = "40,000 residents were evacuated from the flooded northern valley"
    stories = []
    for i, (speaker, stance) in enumerate([("Officials", "assert"), ("The army", "deny"),
                                           ("Aid groups", "assert")]):
        s = Story(f"{speaker} said that {content}.", f"Outlet {i}", f"2031-03-1{i}")
        s.num("40,000 residents", 40000, counted="residents",
              statement=s.say(speaker, content, "organization", stance=stance))
        stories.append(s)
    ingest(store, *stories)
    evacuated = claim(store, "people|-|evacuated")
    assert evacuated["n_members"] == 4 and evacuated["verdict"] == "denied"
    (prop,) = store.rows("claims", {"kind": "statement"})
    assert prop["n_members"] == 3 and prop["verdict"] == "denied" and prop["n_articles"] == 3


def ministry_article(i: int) -> Story:
    """One more article of a hot story: the same figure and proposition, a new outlet and day."""
    s = Story(f"Report {i}. Norway's defence ministry said 4,000 soldiers had joined the "
              "northern exercise near the border.", f"Outlet {i}", f"2031-05-{1 + i % 28:02d}")
    said = s.say("Norway's defence ministry",
                 "4,000 soldiers had joined the northern exercise near the border",
                 "government", "Norway Ministry of Defence")
    s.num("4,000 soldiers", 4000, counted="soldiers", statement=said)
    return s


def test_joining_a_big_claim_costs_what_joining_a_small_one_does(tmp_path) -> None:
    """Reconcile does the same work whatever the size of the claims an article joins (both
    sizes exceed the candidates looked at per blocking key)."""
    work = {}
    for n in (40, 160):
        store = Store(str(tmp_path / f"{n}.db"))
        ingest(store, *(ministry_article(i) for i in range(n)))
        work[n] = executed_by(store, ministry_article(1000 + n))
        troops = claim(store, "troops|-")
        assert troops["n_members"] == n + 1 and troops["verdict"] == "agree"
        (prop,) = store.rows("claims", {"kind": "statement"})
        assert prop["n_members"] == n + 1 and prop["n_origins"] == 1
        store.close()
    small, big = work[40], work[160]
    assert len(big.statements) == len(small.statements) and big.rows == small.rows
    assert big.steps <= small.steps * 1.1, (small.steps, big.steps)


def test_stored_bounds_give_the_verdict_of_all_figures(store: Store) -> None:
    """Folding figures one article at a time into `claim_bounds` gives what `verdict` gives on
    all of them at once."""
    from claimledger.reconcile.claims import _fold_bounds, _open

    rng = random.Random(5)
    with store.engine.begin() as conn:
        for trial in range(40):
            claim_id = _open(conn, "quantity", f"k{trial}", "k")["id"]
            figures: list[Figure] = []
            for _ in range(rng.randrange(1, 7)):
                new = [fig(rng.choice([900, 1000, 1050, 3000]), rng.choice("=~><") if rng.random()
                           < 0.8 else "up", as_of=rng.choice(["d1", "d2"]),
                           status=rng.choice(["estimate", "estimate", "pledge"]),
                           cue=rng.random() < 0.1) for _ in range(rng.randrange(1, 3))]
                figures += new
                assert _fold_bounds(conn, claim_id, new) == verdict(figures), figures


def test_a_batch_reconciles_as_its_articles_one_by_one(tmp_path) -> None:
    """Ingest stores a batch per transaction and reconciles it in one pass: the claims, their
    members, facets and verdicts are those of reconciling the articles one after another."""
    from claimledger.reconcile import reconcile_articles

    def stories() -> list[Story]:
        return [*flood_story(), *(ministry_article(i) for i in range(5))]

    def snapshot(store: Store) -> set[tuple]:
        claims = {c["id"]: c for c in store.rows("claims")}
        members = {
            (claims[m["claim_id"]]["key"], m["item_kind"], m["item_id"])
            for m in store.rows("claim_members", order_by=("claim_id",))
        }
        cols = ("kind", "key", "verdict", "n_members", "n_articles", "n_origins", "origins",
                "outlets")
        return {tuple(c[k] for k in cols) for c in claims.values()} | members

    one_by_one = Store(str(tmp_path / "one.db"))
    ingest(one_by_one, *stories())
    batched = Store(str(tmp_path / "batch.db"))
    with batched.engine.begin() as conn:
        for story in stories():
            assert batched.write_in(conn, story.analysis)
        reconcile_articles(batched, conn, [s.analysis.article.id for s in stories()])
    assert snapshot(batched) == snapshot(one_by_one)
    assert len(batched.rows("claims")) >= 6
    one_by_one.close()
    batched.close()


def test_the_proposition_memo_never_evicts_what_a_batch_is_about_to_compare() -> None:
    """The memo is capped, but a batch with more candidates than the cap still finds them all."""
    from claimledger.reconcile.propositions import Proposition, PropositionMemo

    memo = PropositionMemo(limit=3)
    for i in range(5):
        memo[i] = Proposition(frozenset({f"w{i}"}), (), frozenset(), None)

    class NoRows:
        def execute(self, _query: object) -> list:
            return []

    memo.load(NoRows(), {0, 1})  # type: ignore[arg-type]
    assert {0, 1} <= set(memo) and len(memo) == 3


@pytest.mark.parametrize(
    ("sentence", "phrase", "counted", "unit", "key"),
    [
        # the dead, the injured and the missing are three tolls
        ("Police said four people were killed and 12 injured.", "12", None, None,
         "casualties|-|injured"),
        ("Police said four people were killed and 12 injured.", "four people", "people", None,
         "casualties|-"),
        ("The toll rose to 30 as officials raised the estimate of missing to 200.", "200", None,
         None, "casualties|-|missing"),
        ("Medics said the number of dead had climbed to eleven.", "eleven", None, None,
         "casualties|-"),
        ("Divers said 15 bodies were found in the hull.", "15 bodies", "bodies", None,
         "casualties|-"),
        ("The death toll reached 40 on Sunday night.", "40 on Sunday night", "Sunday night",
         "night", "casualties|-"),
        ("The death toll has risen for two weeks.", "two weeks", None, "week", None),
        # a total over a stretch of time is not the count of one event
        ("About 900 people have drowned in the gulf so far this year, it said.", "About 900 people",
         "people", None, "casualties|-|so far this year"),
        ("The service evacuated 5,000 people in the past three years.", "5,000 people", "people",
         None, "people|-|evacuated in the past three years"),
        # a rate of a currency counts nothing by itself
        ("Donors promised $40 billion a year by 2030.", "$40 billion a year", None,
         "USD per year", None),
        ("It pays €3 billion a year in farm subsidies.", "€3 billion a year", None, "EUR per year",
         "farm subsidy|-|per year"),
        # parts of a whole, and those someone picked out of it
        ("Of the 60 crew, 31 are Filipino, 20 Indian and 9 Greek.", "60 crew", "crew", None,
         "crew|-"),
        ("Of the 60 crew, 31 are Filipino, 20 Indian and 9 Greek.", "20", "crew", None,
         "crew|India|subset"),
        ("It said that the 40 witnesses it questioned agreed.", "40 witnesses", "witnesses", None,
         "witness|-|questioned"),
    ],
)
def test_tolls_parts_and_periods_are_measures_of_their_own(
    sentence: str, phrase: str, counted: str | None, unit: str | None, key: str | None
) -> None:
    """Killed and injured, a yearly total and one event's toll, a breakdown and its whole
    were one measure each and read as conflicting or evolving figures."""
    m = measure_of(row(sentence, phrase, counted=counted, unit=unit), sentence, None)
    assert (m.key if m else None) == key


def test_a_graded_group_keeps_its_grade() -> None:
    """ "46 least developed countries" are not developed countries: the grade names the set."""
    sentence = "The fund helps 46 least developed countries."
    m = measure_of(row(sentence, "46 least developed countries", "least developed countries", None), sentence, None)
    assert m is not None and m.key == "least developed country|-"


def test_a_place_left_out_owns_none_of_the_figure() -> None:
    sentence = "Farms across Europe, excluding France, number 4,000 barns."
    m = measure_of(row(sentence, "4,000 barns", "barns", None), sentence, None)
    assert m is not None and m.key == "barn|-"


def test_a_share_neither_contradicts_nor_confirms_a_count() -> None:
    count = Figure(560, None, ">", "estimate", "d1")
    share = Figure(0.33, None, "~", "estimate", "d1", share=True)
    assert relation(count, share) is None and verdict([count, share]) == "single"
    assert verdict([share, Figure(0.9, None, "=", "estimate", "d1", share=True)]) == "conflict"


# --- breakdowns, yardsticks and one quantity in other words (measures and verdicts) ----------


@pytest.mark.parametrize(
    ("sentence", "phrase", "counted", "unit", "key"),
    [
        # a part located by its own place is that place's, not a rival of another's or the whole
        ("Of the deaths, 12 were in Dorvale and 8 in Tirran county.", "12", "deaths", None,
         "casualties|Dorvale|subset"),
        ("Of the deaths, 12 were in Dorvale and 8 in Tirran county.", "8", "deaths", None,
         "casualties|Tirran|subset"),
        ("Dorvale district accounts for 640 cases and 22 deaths, followed by Tirran (310 cases, "
         "9 deaths).", "640 cases", "cases", "case", "case|Dorvale|subset"),
        ("Dorvale district accounts for 640 cases and 22 deaths, followed by Tirran (310 cases, "
         "9 deaths).", "22 deaths", "deaths", "death", "casualties|Dorvale|subset"),
        ("Dorvale district accounts for 640 cases and 22 deaths, followed by Tirran (310 cases, "
         "9 deaths).", "9 deaths", "deaths", "death", "casualties|Tirran|subset"),
        ("Dorvale leads with 40 deaths, followed by Tirran on 25 and Mossley (200 cases, "
         "11 deaths).", "40 deaths", "deaths", "death", "casualties|Dorvale|subset"),
        ("Dorvale leads with 40 deaths, followed by Tirran on 25 and Mossley (200 cases, "
         "11 deaths).", "25", "deaths", None, "casualties|Tirran|subset"),
        ("Dorvale leads with 40 deaths, followed by Tirran on 25 and Mossley (200 cases, "
         "11 deaths).", "11 deaths", "deaths", "death", "casualties|Mossley|subset"),
        # the deaths counted beside a count of cases do not make the cases a toll
        ("So far 2,100 suspected cases, including 75 deaths, have been logged.",
         "2,100 suspected cases", "suspected cases", "case", "suspected case|-"),
        # a yardstick the reading is compared with, a gap between two figures, a past event's
        ("The jobless rate hit 9.1 percent, far above the 5 percent the bank calls healthy.",
         "5 percent", "jobless rate", "percent", "jobless|-|reference"),
        ("The toll is 14 higher than the 40 deaths reported last week.", "14", None, None,
         "casualties|-|change"),
        ("In week 7, 210 new cases were logged, against week 6 (180 cases).", "180 cases",
         "cases", "case", "case|-|week 6"),
        ("It is the worst flood since 2009, when some 300 homes were lost.", "some 300 homes",
         "homes", "home", "home|-|2009"),
        # an appeal for a sum and the sum it was raised to are one measure
        ("The charity launched an appeal for $6 million on Monday.", "$6 million", None, "USD",
         "appeal|-"),
        ("The charity has raised its appeal to $9 million.", "$9 million", None, "USD",
         "appeal|-"),
        ("The town asked the government for $6 million.", "$6 million", None, "USD", None),
        # those who received a dose were vaccinated
        ("Some 52,000 people had received a first dose by Friday.", "Some 52,000 people",
         "people", None, "people|-|vaccinated"),
    ],
)
def test_breakdowns_yardsticks_and_wordings_are_keyed_for_what_they_count(
    sentence: str, phrase: str, counted: str | None, unit: str | None, key: str | None
) -> None:
    """A district's part of a toll conflicted with the toll and the other districts' parts, a
    benchmark or a past outbreak's count with today's reading, and an appeal or a first dose
    formed no measure or one of their own."""
    m = measure_of(row(sentence, phrase, counted=counted, unit=unit), sentence, None)
    assert (m.key if m else None) == key


def test_the_parts_of_a_breakdown_do_not_conflict(store: Store) -> None:
    """Each district's deaths evolve on their own; none conflicts with another's or the toll."""
    a = Story("The outbreak has killed 70 people. Of the deaths, 40 were in Dorvale and 30 in "
              "Tirran.", "Outlet A", "2031-04-01")
    a.num("70 people", 70, counted="people", status="casualties")
    a.num("40", 40, counted="deaths", status="casualties")
    a.num("30", 30, counted="deaths", status="casualties")
    b = Story("Of the deaths, 52 were in Dorvale.", "Outlet B", "2031-04-05")
    b.num("52", 52, counted="deaths", status="casualties")
    ingest(store, a, b)
    assert claim(store, "casualties|-")["verdict"] == "single"
    assert claim(store, "casualties|Dorvale|subset")["verdict"] == "evolved"
    assert claim(store, "casualties|Tirran|subset")["verdict"] == "single"


# --- one source under several names across articles is one origin -----------------------------


def test_a_ministry_in_either_word_order_and_its_own_figures_is_one_origin(store: Store) -> None:
    a = Story("The Ministry of Fisheries said 1,200 boats were idle.", "One", "2031-06-01")
    a.num("1,200 boats", 1200, counted="boats",
          statement=a.say("The Ministry of Fisheries", "1,200 boats were idle", "government",
                          "Ministry of Fisheries"))
    b = Story("About 1,200 boats were idle, the Fisheries Ministry said.", "Two", "2031-06-02")
    b.num("1,200 boats", 1200, counted="boats",
          statement=b.say("the Fisheries Ministry", "About 1,200 boats were idle", "government",
                          "Fisheries Ministry"))
    c = Story("The fisheries ministry's latest weekly figures put the idle boats at 1,200.",
              "Three", "2031-06-03")
    c.num("1,200", 1200, counted="boats",
          statement=c.say("The fisheries ministry's latest weekly figures",
                          "the idle boats at 1,200", "anonymous",
                          "fisheries ministry's latest weekly figures"))
    ingest(store, a, b, c)
    boats = claim(store, "boat|-")
    assert boats["n_members"] == 3 and boats["origins"] == ["Ministry of Fisheries"]


def test_an_unnamed_official_of_a_known_body_is_that_body(store: Store) -> None:
    """ "A Red Crescent official in Dunmore" repeats the Red Crescent's count: one origin. A
    country's officials stay apart from it, and so do officials of a body nobody named."""
    said = "85 shelters were open"
    a = Story(f"The Red Crescent said {said}.", "One", "2031-06-01")
    b = Story(f"A Red Crescent official in Dunmore said {said}.", "Two", "2031-06-02")
    c = Story(f"Norwegian officials said {said}.", "Three", "2031-06-02")
    d = Story(f"Coastal officials said {said}.", "Four", "2031-06-03")
    for story, speaker, kind, entity in [
        (a, "The Red Crescent", "organization", "Red Crescent"),
        (b, "A Red Crescent official in Dunmore", "anonymous", "Dunmore official"),
        (c, "Norwegian officials", "anonymous", None),
        (d, "Coastal officials", "anonymous", None),
    ]:
        story.num("85 shelters", 85, counted="shelters",
                  statement=story.say(speaker, said, kind, entity))
    ingest(store, a, b, c, d)
    assert sorted(claim(store, "shelter|-")["origins"]) == [
        "Norway officials", "Red Crescent", "coastal officials"
    ]


def test_a_company_s_short_name_named_first_is_one_origin_with_its_full_name(
    store: Store,
) -> None:
    """Monday's "Tallis" and Tuesday's "Tallis & Reed" are one company, whichever comes first,
    even when the tagger took Monday's speaker for a place; a short name two bodies begin with
    stays apart."""
    said = "300 stores would close"
    stories = []
    for i, (speaker, kind, entity) in enumerate([
        ("Tallis", "government", "Tallis"),
        ("British retailer Tallis & Reed", "organization", "Tallis & Reed"),
        ("A Tallis & Reed spokeswoman", "anonymous", "Tallis & Reed spokeswoman"),
        ("Corran Mills", "organization", "Corran Mills"),
        ("Corran Bank", "organization", "Corran Bank"),
        ("Corran", "organization", "Corran"),
    ]):
        s = Story(f"{speaker} said {said}.", f"Outlet {i}", f"2031-06-0{i + 1}")
        s.num("300 stores", 300, counted="stores", statement=s.say(speaker, said, kind, entity))
        stories.append(s)
    stories[0].analysis.entities[0] = Entity("Tallis", "place", ["Tallis"])
    ingest(store, *stories)
    assert claim(store, "store|-")["origins"] == [
        "Corran", "Corran Bank", "Corran Mills", "Tallis & Reed"
    ]


def test_a_bare_surname_taken_for_a_body_is_the_one_person_so_named(store: Store) -> None:
    a = Story("Mara Quist, an auditor, said the loss was $40 million.", "One", "2031-06-01")
    a.num("$40 million", 40e6, counted="loss",
          statement=a.say("Mara Quist", "the loss was $40 million", "person", "Mara Quist"))
    b = Story("Investors got back less than the loss of $40 million Quist cited.", "Two",
              "2031-06-04")
    b.num("$40 million", 40e6, counted="loss",
          statement=b.say("Quist", "the loss of $40 million", "organization", "Quist"))
    ingest(store, a, b)
    assert claim(store, "loss|-")["origins"] == ["Mara Quist"]


# --- one office or company under its kind, its full name or its legal form is one origin -------


def test_an_office_named_by_its_kind_and_in_full_is_one_origin(store: Store) -> None:
    """Monday's "the coroner's office" and Tuesday's "the Brisk County coroner's office" are
    one source of the toll, as "Marlow Gas Co." and "Marlow Gas" are one of the outage."""
    a = Story("The coroner's office said 4 people had died.", "One", "2031-06-01")
    a.num("4 people", 4, counted="people",
          statement=a.say("The coroner's office", "4 people had died", "government",
                          "coroner's office"))
    b = Story("The Brisk County coroner's office said 6 people had died.", "Two", "2031-06-02")
    b.num("6 people", 6, counted="people",
          statement=b.say("The Brisk County coroner's office", "6 people had died",
                          "government", "Brisk County coroner's office"))
    c = Story("Marlow Gas Co. said 900 homes had no gas.", "One", "2031-06-01")
    d = Story("Some 900 homes had no gas, Marlow Gas said.", "Two", "2031-06-02")
    for story, speaker in [(c, "Marlow Gas Co."), (d, "Marlow Gas")]:
        story.num("900 homes", 900, counted="homes",
                  statement=story.say(speaker, "900 homes had no gas", "organization", speaker))
    ingest(store, a, b, c, d)
    assert claim(store, "casualties|-")["origins"] == ["Brisk County coroner office"]
    assert claim(store, "home|-")["origins"] == ["Marlow Gas Co."]


def test_the_papers_a_body_put_out_are_that_body(store: Store) -> None:
    """ "The tally released by the Water Board" and "provisional results posted by the Water
    Board" are the board's figures: one origin with the board; those released by a body are
    no paper of it."""
    said = "1,400 wells were dry"
    a = Story(f"The Water Board said {said}.", "One", "2031-06-01")
    b = Story(f"The tally released by the Water Board at noon showed {said}.", "Two",
              "2031-06-02")
    c = Story(f"{said}, according to provisional results posted by the Water Board.", "Three",
              "2031-06-03")
    d = Story(f"Farmers released by the Water Board said {said}.", "Four", "2031-06-04")
    for story, speaker, kind, entity in [
        (a, "The Water Board", "organization", "Water Board"),
        (b, "The tally released by the Water Board at noon", "unknown", "tally"),
        (c, "provisional results posted by the Water Board", "unknown", "provisional results"),
        (d, "Farmers released by the Water Board", "anonymous", None),
    ]:
        story.num("1,400 wells", 1400, counted="wells",
                  statement=story.say(speaker, said, kind, entity))
    ingest(store, a, b, c, d)
    assert claim(store, "well|-")["origins"] == ["Water Board",
                                                 "farmers released by the Water Board"]


def test_one_speaker_s_short_denial_repeated_by_two_outlets_is_one_proposition(
    store: Store,
) -> None:
    """ "Marlow Gas denies any wrongdoing" and, days later, "Marlow Gas Co. has denied any
    wrongdoing": one proposition across sources; the same words with another verb, or from
    another speaker, are not."""
    stories = []
    for i, (sentence, speaker, cue, kind) in enumerate([
        ("Marlow Gas denies any wrongdoing.", "Marlow Gas", "denies", "organization"),
        ("Marlow Gas Co. has denied any wrongdoing.", "Marlow Gas Co.", "has denied",
         "organization"),
        ("Marlow Gas admitted any wrongdoing.", "Marlow Gas", "admitted", "organization"),
        ("Ida Fenn denies any wrongdoing.", "Ida Fenn", "denies", "person"),
    ]):
        s = Story(sentence, f"Outlet {i}", f"2031-06-0{i + 1}")
        s.say(speaker, "any wrongdoing", kind, speaker)
        s.analysis.statements[-1] = replace(s.analysis.statements[-1], cue=s.span(cue))
        stories.append(s)
    ingest(store, *stories)
    props = sorted(store.rows("claims", {"kind": "statement"}), key=lambda r: -r["n_members"])
    assert [(p["n_members"], p["n_articles"]) for p in props] == [(2, 2), (1, 1), (1, 1)]
    assert json.loads(props[0]["origins"]) == ["Marlow Gas"]


# --- one date's rivals, what a figure counts, rules and claims denied (measures and verdicts) -


def test_a_figure_said_to_be_replaced_does_not_hide_its_dates_conflict() -> None:
    """An older figure the text says was replaced ("down from 300") made the whole measure
    "evolved", hiding the clash of two other figures given for the same day."""
    assert verdict([fig(120), fig(300, cue=True), fig(60, "<")]) == "conflict"
    assert verdict([fig(120), fig(300, cue=True)]) == "evolved"  # guard: the cue still explains
    assert verdict([fig(120), fig(300, cue=True), fig(121, "~")]) == "evolved"


def test_a_same_day_dispute_stays_a_conflict_beside_a_figure_it_replaced(store: Store) -> None:
    a = Story("The agency put the shortfall at 800 tonnes. A union said the shortfall was under "
              "300 tonnes. The shortfall was down from 1,900 tonnes.", "Outlet A",
              "2031-06-10")
    a.num("800 tonnes", 800, counted="tonnes")
    a.num("300 tonnes", 300, change="<", counted="tonnes")
    a.num("1,900 tonnes", 1900, counted="tonnes")
    ingest(store, a)
    assert claim(store, "tonne|-")["verdict"] == "conflict"


@pytest.mark.parametrize(
    ("sentence", "phrase", "counted", "key"),
    [
        # things damaged, threatened, rejected or accepted are a count of their own
        ("Officials said 300 homes were destroyed and 90 damaged.", "300 homes", "homes",
         "home|-"),
        ("Officials said 300 homes were destroyed and 90 damaged.", "90", "homes",
         "home|-|damaged"),
        ("The storm damaged 1,200 buildings along the coast.", "1,200 buildings", "buildings",
         "building|-|damaged"),
        ("Clerks have rejected 2,100 postal ballots so far.", "2,100 postal ballots",
         "postal ballots", "postal ballot|-|rejected"),
        ("About 15,000 postal ballots remain to be counted.", "About 15,000 postal ballots",
         "postal ballots", "postal ballot|-"),
        ("It found some 2,300 rejected postal ballots.", "some 2,300 rejected postal ballots",
         "rejected postal ballots", "postal ballot|-|rejected"),
        ("Inspectors listed 150 damaged homes.", "150 damaged homes", "damaged homes",
         "home|-|damaged"),
        # guard: a verb that only says what was done with the things names no count of its own
        ("The plant shipped 4,000 tents to the camps.", "4,000 tents", "tents", "tent|-"),
    ],
)
def test_things_damaged_or_rejected_are_not_those_destroyed_or_still_to_count(
    sentence: str, phrase: str, counted: str, key: str
) -> None:
    """Buildings destroyed and buildings damaged, ballots rejected and ballots left to count
    were one measure, so their different counts read as a conflict or an evolution."""
    m = measure_of(row(sentence, phrase, counted=counted, unit=None), sentence, None)
    assert m is not None and m.key == key


def test_homes_damaged_do_not_conflict_with_homes_destroyed(store: Store) -> None:
    a = Story("Officials said 300 homes were destroyed and 90 damaged.", "Outlet A", "2031-06-10")
    a.num("300 homes", 300, counted="homes")
    a.num("90", 90, counted="homes")
    b = Story("Inspectors counted 340 homes destroyed and 150 damaged.", "Outlet B", "2031-06-12")
    b.num("340 homes", 340, counted="homes")
    b.num("150", 150, counted="homes")
    ingest(store, a, b)
    assert claim(store, "home|-")["verdict"] == "evolved"
    assert claim(store, "home|-|damaged")["verdict"] == "evolved"


def test_denying_a_count_of_one_thing_leaves_a_same_sized_count_of_another(store: Store) -> None:
    """A denial that "5,000 workers were never paid" marked the union's own count of lost
    forms denied, because both figures happen to be 5,000."""
    a = Story('The union said 5,000 forms were lost. "The claim that 5,000 workers were never '
              'paid is false," the ministry said.', "Outlet A", "2031-06-10")
    a.num("5,000 forms", 5000, counted="forms",
          statement=a.say("The union", "5,000 forms were lost", "organization"))
    a.num("5,000 workers", 5000, counted="workers",
          statement=a.say("the ministry", "The claim that 5,000 workers were never paid is false",
                          "government", stance="deny"))
    ingest(store, a)
    assert claim(store, "form|-")["verdict"] == "single"
    assert claim(store, "worker|-")["verdict"] == "denied"


@pytest.mark.parametrize(
    ("sentence", "phrase", "counted", "key"),
    [
        # a share's state named by its noun or by the subject of the verb giving it
        ("Containment rose to 30 percent overnight.", "30 percent", "Containment", "contained|-"),
        ("The blaze was 10% contained by Monday.", "10%", "blaze", "contained|-"),
        ("Turnout was 61.5 percent, the commission said.", "61.5 percent", None, "turnout|-"),
        ("Turnout has risen to 64 percent.", "64 percent", None, "turnout|-"),
        # ... but a pronoun or a word for an amount names nothing
        ("It was 40 percent, the commission said.", "40 percent", None, None),
        ("The figure stood at 40 percent.", "40 percent", None, None),
        # a figure for some of the places is a part, no rival of the figure for all of them
        ("Turnout reached 70 percent in some rural wards.", "70 percent", "Turnout",
         "turnout|-|subset"),
        ("Unemployment hit 20 percent in parts of the south.", "20 percent", "Unemployment",
         "unemployment|-|subset"),
        ("Turnout reached 70 percent in the capital.", "70 percent", "Turnout", "turnout|-"),
    ],
)
def test_a_share_is_keyed_by_the_state_it_measures_and_the_places_it_covers(
    sentence: str, phrase: str, counted: str | None, key: str | None
) -> None:
    """Containment was split over "contained" and "containment", "Turnout was 52 percent"
    formed no measure, and turnout in some wards conflicted with the turnout of the city."""
    m = measure_of(row(sentence, phrase, counted=counted, unit="percent"), sentence, None)
    assert (m.key if m else None) == key


@pytest.mark.parametrize(
    ("sentence", "phrase", "key"),
    [
        ("A modeller said insured losses from the storm would be between $4 billion and $6 "
         "billion.", "$4 billion and $6 billion", "loss|-"),
        ("Losses from the outage could reach $900 million, the insurer said.", "$900 million",
         "loss|-"),
        ("Losses of between $2 million and $3 million were booked.", "$2 million and $3 million",
         "loss|-"),
        ("The firm raised its estimate of insured losses to between $5 billion and $7 billion.",
         "$5 billion and $7 billion", "loss|-"),
        ("Loss estimate climbs to $4 billion", "$4 billion", "loss|-"),
        # guard: a sum the event will cost to repair is no loss
        ("Repairs could reach $900 million, the insurer said.", "$900 million", None),
    ],
)
def test_a_loss_estimate_said_in_the_future_is_the_loss(sentence: str, phrase: str,
                                                         key: str | None) -> None:
    """Two firms' estimates of insured losses ("would be between ...", "could reach ...")
    formed no measure, so their disagreement was never shown."""
    m = measure_of(row(sentence, phrase, counted=None, unit="USD"), sentence, None)
    assert (m.key if m else None) == key


@pytest.mark.parametrize(
    ("sentence", "phrase", "counted", "unit", "key"),
    [
        # those unaccounted for are missing; a sum unaccounted for is no toll
        ("Police said 17 people remain unaccounted for.", "17 people", "people", None,
         "casualties|-|missing"),
        ("Auditors said $3 million remains unaccounted for.", "$3 million", None, "USD", None),
        ("Auditors said $3 million is missing.", "$3 million", None, "USD", None),
        # those under evacuation orders, told to flee or covered by the orders were evacuated
        ("About 12,000 people are under evacuation orders.", "About 12,000 people", "people",
         None, "people|-|evacuated"),
        ("The flood forced 8,000 residents to flee.", "8,000 residents", "residents", None,
         "people|-|evacuated"),
        ("Evacuation orders now cover 15,000 residents.", "15,000 residents", "residents", None,
         "people|-|evacuated"),
        ("Some 9,000 people were evacuated.", "Some 9,000 people", "people", None,
         "people|-|evacuated"),
    ],
)
def test_those_unaccounted_for_are_missing_and_those_ordered_out_evacuated(
    sentence: str, phrase: str, counted: str | None, unit: str | None, key: str | None
) -> None:
    """The missing counted as "unaccounted for" and the evacuees counted as "under evacuation
    orders" formed no measure, and a sum of money missing was a toll of the missing."""
    m = measure_of(row(sentence, phrase, counted=counted, unit=unit), sentence, None)
    assert (m.key if m else None) == key


@pytest.mark.parametrize(
    ("sentence", "phrase", "key"),
    [
        ("Some 800 personnel were deployed to the wildfire.", "Some 800 personnel", "personnel|-"),
        # guard: in a military sentence personnel are troops
        ("The army sent 800 personnel to the border.", "800 personnel", "troops|-"),
    ],
)
def test_personnel_are_troops_only_where_the_sentence_is_military(sentence: str, phrase: str,
                                                                  key: str) -> None:
    """A fire's crews were labelled "troops"."""
    m = measure_of(row(sentence, phrase, counted="personnel", unit=None), sentence, None)
    assert m is not None and m.key == key


def test_a_figure_down_slightly_from_an_earlier_one_evolved(store: Store) -> None:
    """Close counts on different days agreed although the text says the later one fell."""
    a = Story("About 600 pumps were running.", "Outlet A", "2031-06-10")
    a.num("About 600 pumps", 600, change="~", counted="pumps")
    b = Story("Roughly 560 pumps remain, down slightly from the peak.", "Outlet B", "2031-06-12")
    b.num("Roughly 560 pumps", 560, change="~", counted="pumps")
    ingest(store, a, b)
    assert claim(store, "pump|-")["verdict"] == "evolved"


@pytest.mark.parametrize(
    ("sentence", "phrase", "counted", "unit", "change", "key"),
    [
        ("Under the rules, a lead of less than 200 votes triggers a recount.",
         "less than 200 votes", "votes", None, "<", "vote|-|threshold"),
        ("If turnout falls below 40 percent, the vote is void.", "40 percent", "turnout",
         "percent", "=", "turnout|-|threshold"),
        ("Firms with more than 250 staff qualify for the scheme.", "more than 250 staff", "staff",
         None, ">", "staff|-|threshold"),
        # guard: a reading that sets a rule going is a reading; a condition no bound
        ("The count reached 120 votes, which triggers a recount.", "120 votes", "votes", None,
         "=", "vote|-"),
        ("If confirmed, the 3,000 troops would be the largest force.", "3,000 troops", "troops",
         None, "=", "troops|-"),
    ],
)
def test_a_bound_a_rule_sets_is_a_threshold_not_a_reading(
    sentence: str, phrase: str, counted: str, unit: str | None, change: str, key: str
) -> None:
    """The recount threshold "agreed" with the margin it bounds, as if someone had reported
    a margin under it."""
    q = {**row(sentence, phrase, counted=counted, unit=unit), "change": change}
    m = measure_of(q, sentence, None)
    assert m is not None and m.key == key


@pytest.mark.parametrize(
    ("sentence", "phrase", "key"),
    [
        ("The count gave the mayor a margin of 410 votes.", "410 votes", "vote|-|margin"),
        ("Her lead over the senator narrowed to 950 votes.", "950 votes", "vote|-|margin"),
        ("The mayor finished ahead of her rival by 2,300 votes.", "2,300 votes", "vote|-|margin"),
        ('The senator said the gap was "under 800 votes".', "under 800 votes", "vote|-|margin"),
        # guard: the sides' own totals are no margin
        ("The mayor won 51,200 votes.", "51,200 votes", "vote|-"),
    ],
)
def test_what_one_side_leads_by_is_the_margin_not_a_total(sentence: str, phrase: str,
                                                          key: str) -> None:
    """A count's margin and the candidates' totals were one "vote" measure, so a margin of
    2,000 "conflicted" with a total of 500,000."""
    m = measure_of(row(sentence, phrase, counted="votes", unit=None), sentence, None)
    assert m is not None and m.key == key
