"""Time expressions: a table of expressions, reference dates, tenses and expected intervals."""

from __future__ import annotations

from datetime import date

import pytest

from claimledger.extract.times import resolve

WED = date(2024, 10, 23)  # a Wednesday
JAN = date(2025, 1, 15)

TABLE = [
    # text, reference, tense, start, end, grain
    ("Wednesday", WED, "past", "2024-10-23", "2024-10-23", "day"),
    ("Monday", WED, "past", "2024-10-21", "2024-10-21", "day"),
    ("Friday", WED, "past", "2024-10-18", "2024-10-18", "day"),
    ("Friday", WED, "future", "2024-10-25", "2024-10-25", "day"),
    ("last Wednesday", WED, "past", "2024-10-16", "2024-10-16", "day"),
    ("next Wednesday", WED, "future", "2024-10-30", "2024-10-30", "day"),
    ("Tuesday night", WED, "past", "2024-10-22", "2024-10-22", "day"),
    ("yesterday", WED, "past", "2024-10-22", "2024-10-22", "day"),
    ("today", WED, "present", "2024-10-23", "2024-10-23", "day"),
    ("tomorrow", WED, "future", "2024-10-24", "2024-10-24", "day"),
    ("December", WED, "future", "2024-12-01", "2024-12-31", "month"),
    ("December", WED, "past", "2023-12-01", "2023-12-31", "month"),
    ("June", WED, "past", "2024-06-01", "2024-06-30", "month"),
    ("June", WED, "future", "2025-06-01", "2025-06-30", "month"),
    ("October", WED, "past", "2024-10-01", "2024-10-31", "month"),
    ("December", JAN, "past", "2024-12-01", "2024-12-31", "month"),
    ("early to mid-October", WED, "past", "2024-10-01", "2024-10-20", "range"),
    ("mid-October", WED, "past", "2024-10-11", "2024-10-20", "month-part"),
    ("late September", WED, "past", "2024-09-21", "2024-09-30", "month-part"),
    ("the end of November", WED, "future", "2024-11-21", "2024-11-30", "month-part"),
    ("September and October", WED, "past", "2024-09-01", "2024-10-31", "range"),
    ("as early as September and October", WED, "past", "2024-09-01", "2024-10-31", "range"),
    ("May to July", WED, "future", "2025-05-01", "2025-07-31", "range"),
    ("Oct. 21", WED, "past", "2024-10-21", "2024-10-21", "day"),
    ("October 21, 2023", WED, "past", "2023-10-21", "2023-10-21", "day"),
    ("21 October 2024", WED, "past", "2024-10-21", "2024-10-21", "day"),
    ("Nov. 5", WED, "future", "2024-11-05", "2024-11-05", "day"),
    # a day without a year near publication is taken where it is nearest, whatever the tense
    # ("the vote was moved to Nov. 5"); further away the tense decides
    ("Nov. 5", WED, "past", "2024-11-05", "2024-11-05", "day"),
    ("Oct. 30", WED, "past", "2024-10-30", "2024-10-30", "day"),
    ("Jan. 6", date(2024, 12, 20), "past", "2025-01-06", "2025-01-06", "day"),
    ("Feb. 10", date(2025, 8, 17), "past", "2025-02-10", "2025-02-10", "day"),
    ("Feb. 10", date(2025, 8, 17), "future", "2026-02-10", "2026-02-10", "day"),
    ("Feb. 29", date(2025, 2, 10), "past", "2024-02-29", "2024-02-29", "day"),
    # counted from ("since ...", "as of ..."): the latest such date not after publication
    ("Oct. 30", WED, "since", "2023-10-30", "2023-10-30", "day"),
    ("Oct. 21", WED, "since", "2024-10-21", "2024-10-21", "day"),
    ("Friday", WED, "since", "2024-10-18", "2024-10-18", "day"),
    ("December", WED, "since", "2023-12-01", "2023-12-31", "month"),
    ("December 2019", WED, "past", "2019-12-01", "2019-12-31", "month"),
    ("2019", WED, "past", "2019-01-01", "2019-12-31", "year"),
    ("mid-2025", WED, "future", "2025-05-01", "2025-08-31", "year-part"),
    ("early 2024", WED, "past", "2024-01-01", "2024-04-30", "year-part"),
    ("the 1950s", WED, "past", "1950-01-01", "1959-12-31", "decade"),
    ("the early 1980s", WED, "past", "1980-01-01", "1983-12-31", "decade"),
    ("the 19th century", WED, "past", "1800-01-01", "1899-12-31", "century"),
    ("the coming days", WED, "future", "2024-10-23", "2024-10-30", "days"),
    ("the coming weeks", WED, "future", "2024-10-23", "2024-11-20", "weeks"),
    ("recent months", WED, "past", "2024-07-23", "2024-10-23", "months"),
    ("the past two years", WED, "past", "2022-10-23", "2024-10-23", "years"),
    ("last week", WED, "past", "2024-10-14", "2024-10-20", "week"),
    ("this week", WED, "present", "2024-10-21", "2024-10-27", "week"),
    ("next month", WED, "future", "2024-11-01", "2024-11-30", "month"),
    ("last year", WED, "past", "2023-01-01", "2023-12-31", "year"),
    ("earlier this year", WED, "past", "2024-01-01", "2024-10-23", "year"),
    ("later this month", WED, "future", "2024-10-23", "2024-10-31", "month"),
    ("two weeks ago", WED, "past", "2024-10-07", "2024-10-13", "week"),
    ("three days ago", WED, "past", "2024-10-20", "2024-10-20", "day"),
    ("the first quarter", WED, "past", "2024-01-01", "2024-03-31", "quarter"),
    ("the fourth quarter of 2023", WED, "past", "2023-10-01", "2023-12-31", "quarter"),
    ("last summer", WED, "past", "2024-06-01", "2024-08-31", "season"),
    ("this winter", WED, "future", "2024-12-01", "2025-02-28", "season"),
    ("2024-10-21", WED, "past", "2024-10-21", "2024-10-21", "day"),
    # parts of days, nights across two days, weekends
    ("late Monday", WED, "past", "2024-10-21", "2024-10-21", "day"),
    ("the early hours of Tuesday", WED, "past", "2024-10-22", "2024-10-22", "day"),
    ("the night of Monday to Tuesday", WED, "past", "2024-10-21", "2024-10-22", "range"),
    ("Saturday to Monday", WED, "past", "2024-10-19", "2024-10-21", "range"),
    ("the night of 20 to 21 October", WED, "past", "2024-10-20", "2024-10-21", "range"),
    ("4 to 15 November 2024", WED, "future", "2024-11-04", "2024-11-15", "range"),
    ("overnight", WED, "past", "2024-10-22", "2024-10-23", "night"),
    ("overnight", WED, "future", "2024-10-23", "2024-10-24", "night"),
    ("the weekend", WED, "past", "2024-10-19", "2024-10-20", "weekend"),
    ("the weekend", WED, "future", "2024-10-26", "2024-10-27", "weekend"),
    ("the weekend", date(2024, 10, 27), "past", "2024-10-26", "2024-10-27", "weekend"),
    ("last weekend", date(2024, 10, 26), "past", "2024-10-19", "2024-10-20", "weekend"),
    ("the weekend", date(2024, 10, 21), "present", "2024-10-19", "2024-10-20", "weekend"),
    ("the weekend", date(2024, 10, 24), "present", "2024-10-26", "2024-10-27", "weekend"),
    ("earlier in the week", WED, "past", "2024-10-21", "2024-10-23", "week"),
    ("the end of next year", WED, "future", "2025-12-01", "2025-12-31", "year"),
    ("the start of last month", WED, "past", "2024-09-01", "2024-09-08", "month"),
    ("Tuesday of last week", WED, "past", "2024-10-15", "2024-10-15", "day"),
    # a clock time falls on its day; joined years and days span them
    ("shortly after 3 a.m. Monday", WED, "past", "2024-10-21", "2024-10-21", "day"),
    ("midnight Sunday", WED, "past", "2024-10-20", "2024-10-20", "day"),
    ("2001 to 2003", WED, "past", "2001-01-01", "2003-12-31", "range"),
    ("Oct. 14 to 16", WED, "past", "2024-10-14", "2024-10-16", "range"),
    # on a Sunday "last week" is the week just ended, as "last Monday" is its Monday
    ("last week", date(2024, 10, 27), "past", "2024-10-21", "2024-10-27", "week"),
    ("last week", date(2024, 10, 26), "past", "2024-10-14", "2024-10-20", "week"),
    # a part of a relative period is the third of it; quarters count like months
    ("late last week", WED, "past", "2024-10-18", "2024-10-20", "week"),
    ("early next month", WED, "future", "2024-11-01", "2024-11-10", "month"),
    ("late last year", WED, "past", "2023-09-01", "2023-12-31", "year"),
    ("the coming quarter", WED, "future", "2025-01-01", "2025-03-31", "quarter"),
    ("last quarter", WED, "past", "2024-07-01", "2024-09-30", "quarter"),
]


def test_table_is_large_enough() -> None:
    assert len(TABLE) >= 40


@pytest.mark.parametrize(("text", "ref", "tense", "start", "end", "grain"), TABLE)
def test_resolve(text, ref, tense, start, end, grain) -> None:
    assert resolve(text, ref, tense) == (date.fromisoformat(start), date.fromisoformat(end), grain)


@pytest.mark.parametrize("text", ["weeks", "a long time", "the Wednesday meeting agenda",
                                  "2008 and 2012"])
def test_unresolvable(text) -> None:
    assert resolve(text, WED, "past") is None


def test_relative_times_need_a_publication_date() -> None:
    assert resolve("Wednesday", None, "past") is None
    assert resolve("December 2019", None, "past") == (date(2019, 12, 1), date(2019, 12, 31),
                                                      "month")


@pytest.mark.slow
def test_tense_from_the_clause(analyze) -> None:
    text = ("Mr. Austin confirmed on Wednesday that troops had arrived. Deployment is expected "
            "to be completed by December. A treaty was signed during a summit in June.")
    a = analyze(text, published_at="2024-10-24")
    got = {t.span.text: (t.resolved, t.resolved_end) for t in a.times}
    assert got["on Wednesday"] == ("2024-10-23", "2024-10-23")
    assert got["by December"] == ("2024-12-01", "2024-12-31")
    assert got["in June"] == ("2024-06-01", "2024-06-30")
    for t in a.times:
        assert text[t.span.start:t.span.end] == t.span.text


@pytest.mark.slow
def test_a_rescheduled_date_reported_in_the_past_tense_stays_in_the_year(analyze) -> None:
    text = ("The council said the budget vote had been pushed back to March 9. "
            "The trial was delayed until April 14, the judge said.")
    a = analyze(text, published_at="2026-03-04")
    got = {t.span.text: t.resolved for t in a.times}
    assert got["March 9"] == "2026-03-09"
    assert got["until April 14"] == "2026-04-14"


@pytest.mark.slow
def test_a_point_counted_from_is_in_the_past_whatever_the_tense(analyze) -> None:
    text = ("Exports have slipped 4% since Monday. Rents have climbed since November. "
            "Prices have been frozen as of Saturday. Traffic has been light from Sunday until "
            "now. As of Monday, the new fares will apply.")
    a = analyze(text, published_at="2024-10-25")  # a Friday
    got = [(t.span.text, t.resolved, t.resolved_end) for t in a.times]
    assert got == [
        ("since Monday", "2024-10-21", "2024-10-21"),
        ("since November", "2023-11-01", "2023-11-30"),
        ("as of Saturday", "2024-10-19", "2024-10-19"),
        ("from Sunday", "2024-10-20", "2024-10-20"),
        ("As of Monday", "2024-10-28", "2024-10-28"),
    ]


@pytest.mark.slow
def test_days_later_count_from_the_date_named_before_in_the_sentence(analyze) -> None:
    text = ("The flaw was found on June 3 and patched four days later. "
            "Two weeks later, the vendor apologized.")
    a = analyze(text, published_at="2024-06-20")
    got = [(t.span.text, t.resolved, t.grain) for t in a.times]
    assert got == [
        ("on June 3", "2024-06-03", "day"),
        ("four days later", "2024-06-07", "day"),
        ("Two weeks later", None, None),  # no date named before it: not counted from publication
    ]


@pytest.mark.slow
def test_unresolved_without_publication_date(analyze) -> None:
    a = analyze("The talks resumed on Wednesday.")
    assert [(t.span.text, t.resolved) for t in a.times] == [("on Wednesday", None)]


@pytest.mark.slow
def test_what_is_set_for_a_day_lies_ahead(analyze) -> None:
    """A second march "for Saturday" in a Tuesday paper is the coming Saturday, not the day
    of the first march; "on Saturday" in a past clause stays the one before."""
    text = ("The Civic Front has called a second march for Saturday. The elections had been "
            "scheduled for May. Police said on Saturday that 40 people were held.")
    a = analyze(text, published_at="2025-03-18")  # a Tuesday
    got = [(t.span.text, t.resolved) for t in a.times]
    assert got == [("Saturday", "2025-03-22"), ("May", "2025-05-01"),
                   ("on Saturday", "2025-03-15")]
    sunday = analyze("Thane is to stand down, with an announcement expected on Monday.",
                     published_at="2026-05-17")
    assert [t.resolved for t in sunday.times] == ["2026-05-18"]


@pytest.mark.slow
def test_what_was_expected_on_a_day_is_past(analyze) -> None:
    """"Expected" by those who foresaw a result is past; only what is itself awaited is ahead."""
    text = ("Turnout was far higher than anyone expected on Thursday. Sales were lower than "
            "analysts had expected on Thursday. The bank cut rates as expected on Thursday. "
            "A verdict is expected on Thursday.")
    a = analyze(text, published_at="2025-04-12")  # a Saturday
    assert [t.resolved for t in a.times] == ["2025-04-10"] * 3 + ["2025-04-17"]


@pytest.mark.slow
def test_a_present_clause_under_a_future_one_lies_ahead(analyze) -> None:
    """English puts what lies ahead in the present after "before", "once", "if" ..."""
    text = ("Fares could rise before the tunnel reopens on Friday. The strike will end if the "
            "union accepts on Friday. The tunnel reopened on Friday.")
    a = analyze(text, published_at="2025-04-14")  # a Monday
    assert [t.resolved for t in a.times] == ["2025-04-18", "2025-04-18", "2025-04-11"]


@pytest.mark.slow
def test_parts_of_days_and_nights_are_times(analyze) -> None:
    """A day named with its part ("Sunday morning", "the early hours of Tuesday"), the night just
    gone, and a part of a day the sentence named before ("by the afternoon") are resolved."""
    text = ("Crews had cleared two roads on Sunday morning and six by the afternoon. The ferry "
            "sank overnight. The storm made landfall in the early hours of Tuesday. Shelling went "
            "on through the night of Sunday to Monday. The toll stood at 31 last night. Schools "
            "will close over the weekend.")
    a = analyze(text, published_at="2025-11-12")  # a Wednesday
    got = [(t.span.text, t.resolved, t.resolved_end) for t in a.times]
    assert got == [
        ("on Sunday morning", "2025-11-09", "2025-11-09"),
        ("by the afternoon", "2025-11-09", "2025-11-09"),
        ("overnight", "2025-11-11", "2025-11-12"),
        ("in the early hours of Tuesday", "2025-11-11", "2025-11-11"),
        ("through the night of Sunday to Monday", "2025-11-09", "2025-11-10"),
        ("last night", "2025-11-11", "2025-11-11"),
        ("over the weekend", "2025-11-15", "2025-11-16"),
    ]


@pytest.mark.slow
def test_a_clock_time_naming_no_day_is_no_time(analyze) -> None:
    a = analyze("Talks resume at noon. The shelling went on into the night.",
                published_at="2025-11-12")
    assert a.times == []


@pytest.mark.slow
def test_numbers_and_ages_are_no_times(analyze) -> None:
    text = ('Aid agencies said 45 had been evacuated. "We lost everything," said Rosa Lind, 58, a '
            "teacher. The mayor declared Friday a day of rest.")
    a = analyze(text, published_at="2025-11-12")
    # a day declared one of rest lies ahead
    assert [(t.span.text, t.resolved) for t in a.times][:1] == [("Friday", "2025-11-14")]
    assert not any(t.span.text in ("45", "58") for t in a.times)


@pytest.mark.slow
def test_a_day_declared_one_of_mourning_lies_ahead_not_a_declaration_made_that_day(
        analyze) -> None:
    a = analyze("The mayor declared Friday a day of mourning. The governor declared Friday "
                "that the roads were safe.", published_at="2025-11-12")  # a Wednesday
    assert [(t.span.text, t.resolved) for t in a.times] == [
        ("Friday", "2025-11-14"), ("Friday", "2025-11-07")]


@pytest.mark.slow
def test_a_day_the_tagger_cut_from_its_month_is_kept(analyze) -> None:
    """A press release's "Oslo, 21 November 2025 -": the tagger makes "21" a date of its own."""
    a = analyze("Port Ellis, 21 November 2025 - The ministry announced a new fund today.",
                published_at="2025-11-21")
    assert ("21 November 2025", "2025-11-21") in [(t.span.text, t.resolved) for t in a.times]


@pytest.mark.slow
def test_a_deadline_at_the_end_of_a_period_is_its_last_day(analyze) -> None:
    text = ("The city wants the bridge repaired by the end of the month. The fund must be spent "
            "by the end of next year. Prices rose at the end of last month.")
    a = analyze(text, published_at="2025-11-12")
    got = [(t.span.text, t.resolved, t.resolved_end) for t in a.times]
    assert got == [
        ("by the end of the month", "2025-11-30", "2025-11-30"),
        ("by the end of next year", "2026-12-31", "2026-12-31"),
        ("the end of last month", "2025-10-24", "2025-10-31"),
    ]


@pytest.mark.slow
def test_the_as_of_time_of_a_figure(analyze) -> None:
    """A figure is as of the time it was given, not of the event a possessive names ("Tuesday's
    blast"); a baseline figure is as of the time after it, and the new figure not of that time;
    a year that qualifies a reference level ("from 2015 levels") dates nothing."""
    text = ("The agency on Thursday raised the toll from last week's floods to 57. Flags flew at "
            "half-mast on Friday for the victims of Tuesday's blast, as officials said the toll "
            "had reached 31. The city will spend $2 million a year by 2027, the mayor's office "
            "said today, up from the $1.2 million a year agreed at a council meeting on Tuesday. "
            "Some 310 homes have been flooded, up from 120 yesterday. The country will cut its "
            "coal use by 40 percent from 2015 levels by 2040.")
    a = analyze(text, published_at="2025-11-14")
    timed = [(q.value_low, a.times[q.time].span.text if q.time is not None else None)
             for q in a.quantities]
    assert timed == [
        (57, "on Thursday"),
        (31, "on Friday"),
        (2_000_000, "by 2027"),
        (1_200_000, "on Tuesday"),
        (310, None),
        (120, "yesterday"),
        (40, "by 2040"),
    ]
    assert [t.resolved for t in a.times if t.span.text == "from 2015"] == [None]


@pytest.mark.slow
def test_a_figure_after_from_is_a_baseline_only_beside_a_new_one(analyze) -> None:
    """Guard: "from" alone makes no baseline, and a decade ("the 1990's") is no possessive."""
    text = ("Prosecutors in March charged two dealers with defrauding buyers from at least 12 "
            "countries. After the slump of the 1990's the firm owed $5 billion, a report found in "
            "2010.")
    a = analyze(text, published_at="2025-11-14")
    assert [a.times[q.time].span.text for q in a.quantities] == ["in March", "in March", "1990"]


@pytest.mark.slow
def test_a_modal_with_a_perfect_looks_back(analyze) -> None:
    """"may have begun in mid-November" guesses at the past; "will have" is still ahead."""
    text = ("Investigators said the breach may have begun in mid-November. The fund will have "
            "spent its reserves by November.")
    a = analyze(text, published_at="2025-01-10")
    assert [(t.span.text, t.resolved) for t in a.times] == [
        ("in mid-November", "2024-11-11"), ("by November", "2025-11-01")]


@pytest.mark.slow
def test_a_day_the_tagger_left_out_before_its_month_is_kept(analyze) -> None:
    """The tagger makes "As of 7 October 2024" a month ("October 2024") and leaves the day out."""
    a = analyze("As of 7 October 2024, a cumulative total of 310 homes had been rebuilt.",
                published_at="2024-10-20")
    assert [(t.span.text, t.resolved, t.grain) for t in a.times] == [
        ("As of 7 October 2024", "2024-10-07", "day")]


@pytest.mark.slow
def test_a_figure_counted_since_a_time_is_as_of_when_it_was_given(analyze) -> None:
    """The start of a count ("since early October", "since the drive began Friday") is not
    the figure's as-of time; a time that says so ("as of May 2") comes before a nearer one."""
    text = ("The storm has destroyed at least 300 homes since early October, the agency said on "
            "Tuesday. Some 5,000 people have been vaccinated since the drive began Friday. The "
            "agency said on Thursday that 62 cases had been confirmed as of May 2.")
    a = analyze(text, published_at="2025-05-09")
    timed = [(q.value_low, a.times[q.time].span.text if q.time is not None else None)
             for q in a.quantities]
    assert timed == [(300, "on Tuesday"), (5000, None), (62, "as of May 2")]


def test_a_figure_in_a_when_clause_on_the_time_since_is_that_time_s(analyze) -> None:
    a = analyze("It is the worst outbreak since 2019, when some 4,000 cases were recorded.",
                published_at="2025-05-09")
    (q,) = a.quantities
    assert q.time is not None and a.times[q.time].resolved.startswith("2019")


@pytest.mark.slow
def test_an_infinitive_under_a_past_verb_is_the_nearest_day(analyze) -> None:
    """What one was told to do on a day was done on either side of publication: the nearest
    day; an infinitive of intent ("planned to") still lies ahead."""
    text = ("A reporter was ordered to leave on Tuesday night, a guard said. The minister "
            "planned to resign on Tuesday.")
    a = analyze(text, published_at="2025-11-12")  # a Wednesday
    assert [(t.span.text, t.resolved) for t in a.times] == [
        ("on Tuesday night", "2025-11-11"), ("on Tuesday", "2025-11-18")]


@pytest.mark.slow
def test_a_deadline_lies_ahead_unless_its_clause_is_past(analyze) -> None:
    """ "by Friday", "until Monday" in a present clause, or on a participle of a future one, are
    the days to come; one given in a past clause to do something is the nearest day; a past
    clause keeps its past day."""
    text = ("Forms signed by hand and posted by Friday will still be accepted, the clerk said. "
            "Tenants have until Monday to object. The bridge is closed until Sunday. Crews had "
            "cleared the road by Monday.")
    a = analyze(text, published_at="2025-11-12")  # a Wednesday
    assert [(t.span.text, t.resolved) for t in a.times] == [
        ("by Friday", "2025-11-14"), ("until Monday", "2025-11-17"),
        ("until Sunday", "2025-11-16"), ("by Monday", "2025-11-10")]
    given = analyze("Families were given until Saturday to leave. The suspect was held until "
                    "Saturday.", published_at="2025-11-13")  # a Thursday
    assert [t.resolved for t in given.times] == ["2025-11-15", "2025-11-08"]


@pytest.mark.slow
def test_the_period_a_notice_covers_is_the_nearest(analyze) -> None:
    """A watch or curfew issued in the past covers days on either side of publication: the
    nearest; an event, or a notice, that ran over days keeps the past ones."""
    text = ("Forecasters issued a flood watch from 6 a.m. Friday through noon Saturday. The "
            "festival ran from Friday through Sunday. The mayor imposed a curfew until Friday. "
            "The last curfew lasted from Thursday through Saturday.")
    a = analyze(text, published_at="2025-11-12")  # a Wednesday
    assert [(t.resolved, t.resolved_end) for t in a.times] == [
        ("2025-11-14", "2025-11-15"), ("2025-11-07", "2025-11-09"), ("2025-11-14", "2025-11-14"),
        ("2025-11-06", "2025-11-08")]
