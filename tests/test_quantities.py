"""Quantities: one test per construction, on short texts written for the test."""

from __future__ import annotations

import json

import pytest

from claimledger.extract.numbers import Described, find_quantities
from claimledger.extract.numbers.words import read_token, words_value
from claimledger.extract.quantities import statement_of, time_of
from claimledger.model import Quantity, Span, Statement, TimeExpr

pytestmark = pytest.mark.slow


def only(analysis, text: str) -> Quantity:
    """The one quantity whose span contains `text`."""
    hits = [q for q in analysis.quantities if text in q.span.text]
    assert len(hits) == 1, [q.span.text for q in analysis.quantities]
    return hits[0]


def test_read_token_and_words() -> None:
    assert read_token("3,000").value == 3000
    assert read_token("1.762bn").suffix == "bn"
    assert read_token("~45").sign == "~"
    assert words_value(["three", "hundred", "and", "twenty"]) == 320
    assert words_value(["a", "dozen"]) == 12
    assert words_value(["twenty-five"]) == 25


def test_spans_point_into_the_text(analyze) -> None:
    text = "Officials said at least 3,000 soldiers arrived, and up to 10 more ships."
    a = analyze(text)
    for q in a.quantities:
        assert text[q.span.start:q.span.end] == q.span.text


@pytest.mark.parametrize(
    ("text", "needle", "low", "high", "is_range"),
    [
        ("Russia recruits 25,000 to 30,000 new soldiers a month.", "25,000", 25000, 30000, True),
        ("Between 10,000 and 12,000 troops were sent.", "10,000", 10000, 12000, True),
        ("The deal is worth $2.5 billion.", "2.5", 2.5e9, None, False),
        ("The army has 1.5m soldiers.", "1.5m", 1.5e6, None, False),
        ("Tens of thousands of people marched.", "Tens", 1e4, 1e5, True),
        ("He bought a dozen eggs.", "dozen", 12, None, False),
        ("The city has a million residents.", "million", 1e6, None, False),
        # a share of a round number is that number, not a share and a million
        ("They cannot arrest a quarter of a million people.", "quarter", 2.5e5, None, False),
        ("Three ships left the port.", "Three", 3, None, False),
        ("Prices range from $2 to $3 million.", "$2", 2e6, 3e6, True),
        # "from ... to" a few words apart: a unit, a phrase between the two figures
        ("Mileage runs from 20 mpg in town to 29 mpg on the highway.", "20 mpg", 20, 29, True),
        # written high to low, held low to high
        ("Forecasts for oil ranged from $75 per barrel to $45.88.", "$75", 45.88, 75, True),
        # a whole range in one token
        ("The poll gives her a 42%-49% approval rating.", "42%", 42, 49, True),
        ("The bridge will cost $5-$7 billion.", "$5", 5e9, 7e9, True),
        ("The bridge will cost $5bn-$7bn.", "$5", 5e9, 7e9, True),
        ("Half a million people marched.", "Half", 5e5, None, False),
        ("A third of the voters stayed home.", "third", 1 / 3, None, False),
        ("Half the staff left in the first half of the year.", "Half", 0.5, None, False),
        ("Two-thirds of members voted.", "Two-thirds", 2 / 3, None, False),
        ("It took two and a half years.", "two and a half", 2.5, None, False),
        ("Officials counted six-million people.", "six-million", 6e6, None, False),
        ("Forty-three percent agreed.", "Forty-three", 43, None, False),
        ("The game ended 2-2.", "2-2", 2, None, False),
        ("A fifth of the staff left.", "fifth", 0.2, None, False),
        ("Two-fifths of voters agreed.", "Two-fifths", 0.4, None, False),
        ("The road will cost Rs 500 crore.", "500 crore", 5e9, None, False),
        ("Only one company bid for the work.", "one", 1, None, False),
        # a spaced em dash sets off an aside, it does not join a range
        ("Nearly four in 10 — 38 percent — agreed.", "38", 38, None, False),
        # guard: a figure before a noun that modifies another still counts it
        ("He received a 10 year sentence.", "10", 10, None, False),
        # "not one" counts none
        ("The auditors found not one error.", "not one error", 0, None, False),
    ],
)
def test_values_and_ranges(analyze, text, needle, low, high, is_range) -> None:
    q = only(analyze(text), needle)
    assert q.value_low == pytest.approx(low)
    assert (q.value_high is None) if high is None else q.value_high == pytest.approx(high)
    assert q.is_range is is_range


def test_a_move_from_one_figure_to_another_is_two_figures(analyze) -> None:
    a = analyze("The backlog shrank from 4,100 cases on Monday to 2,300 on Friday, the court said "
                "on Saturday.", published_at="2031-03-13")
    got = [(q.value, q.unit, q.status, a.times[q.time].span.text) for q in a.quantities]
    assert got == [(4100, "case", "past", "on Monday"), (2300, "case", "estimate", "on Friday")]
    a = analyze("Mileage rose from 20 mpg in 2008 to 29 mpg in 2020.", published_at="2031-03-13")
    got = [(q.value, q.unit, q.status, a.times[q.time].span.text) for q in a.quantities]
    assert got == [(20, "mile per gallon", "past", "in 2008"),
                   (29, "mile per gallon", "estimate", "in 2020")]
    a = analyze("Ticket sales dropped from 12,000 to 9,500.")
    assert [(q.value, q.status) for q in a.quantities] == [(12000, "past"), (9500, "estimate")]
    # a figure after the move counts what its start counts
    a = analyze("It shrank from 900 cars in May to 400 in June and 250 in July.")
    assert only(a, "250").unit == "car"
    # a bound between "from" and the start
    a = analyze("Bookings fell from roughly 900 rooms in May to 400 in June.")
    assert [(q.value, q.status) for q in a.quantities] == [(900, "past"), (400, "estimate")]
    # guard: a span of values stays one range
    assert only(analyze("Fares range from $3 to $9 on the line."), "$3").value == [3, 9]


def test_the_start_of_a_move_takes_no_time_past_its_end(analyze) -> None:
    """The end's time is when the move had ended: the start stood before it."""
    a = analyze("The queue shrank from about 900 cars at dawn to 300 on Sunday.",
                published_at="2031-03-13")
    timed = {q.span.text: a.times[q.time].span.text if q.time is not None else None
             for q in a.quantities}
    assert timed == {"about 900 cars": None, "300": "on Sunday"}
    a = analyze("Stocks fell from 80 tonnes in the spring to 20 tonnes on Friday and 15 on "
                "Monday.", published_at="2031-03-13")
    timed = {q.span.text: a.times[q.time].span.text if q.time is not None else None
             for q in a.quantities}
    assert timed["80 tonnes"] == "in the spring"


def test_two_shares_written_high_to_low_are_two_sides_not_a_range(analyze) -> None:
    a = analyze("A survey last month had the mayor ahead, 52% to 41%.")
    assert [(q.value, q.is_range) for q in a.quantities] == [(52, False), (41, False)]
    # guard: shares written low to high are a range
    assert only(analyze("Mortgage rates ran 4% to 6% last year."), "4%").value == [4, 6]


@pytest.mark.parametrize(
    ("text", "needle", "change", "hedge"),
    [
        ("The North sent at least 3,000 soldiers.", "3,000", ">", "at least"),
        ("More than 12,000 troops are training.", "12,000", ">", "More than"),
        ("Over 600,000 soldiers were wounded.", "600,000", ">", "Over"),
        ("About 10,000 troops were pledged.", "10,000", "~", "About"),
        ("Nearly 500 people fled.", "500", "~", "Nearly"),
        ("The plant will create up to 400 jobs.", "400", "<", "up to"),
        ("Roughly 70 ships were seen.", "70", "~", "Roughly"),
        ("Exports rose 5% last year.", "5%", "up", None),
        ("The index was down 1.2% on the day.", "1.2%", "down", None),
        ("Some 20 percent of people agreed.", "20", "~", "Some"),
        # a bound written after one already written before is read, not counted
        ("Some 250,000 or so Iowans turned out.", "250,000", "~", "Some"),
        ("The firm employs 1,500-plus engineers.", "1,500", ">", "- plus"),
        # a counted noun measuring the move: "rose 161 points"
        ("The index rose 161.36 points on Friday.", "161.36", "up", None),
        # the same move restated in another unit
        ("The index rose 161.36 points, or 0.6%, on Friday.", "0.6%", "up", None),
        # later amounts of a move, without a verb of their own, share it
        ("Revenue fell 17.7% at Mahal, 5.5% at Ballys and 5% at Caesars.", "5.5%", "down", None),
        ("Shares were down 2.3%, Burlington by 2.6%.", "2.6%", "down", None),
        # a level reached is not an amount moved
        ("Profit rose 5% at the unit to 7% of sales.", "7%", "=", None),
        # a phrasal verb's particle is no move ("picking up", "dig up")
        ("She won 31 percent, picking up four delegates.", "four", "=", None),
        # a time span before the verb does not measure a move
        ("Just one month in, the state fell behind.", "one month", "=", "Just"),
        # a particle of a verb acting on what the figure counts is no move either
        ("Gunners shot down 12 of 20 missiles.", "12", "=", None),
        ("Guards shot down 7 drones.", "7", "=", None),
        ("The Dow closed down 120 points.", "120", "down", None),
        ("The total was closer to 900.", "900", "~", "closer to"),
        ("Barely 40 percent turned out.", "40", "~", "Barely"),
        # what a verb of passing takes as object is a floor passed
        ("Winds could exceed 70 mph overnight.", "70", ">", "exceed"),
        ("Crowds topping 20,000 filled the square.", "20,000", ">", "topping"),
        ("Ticket sales surpassed $3 million.", "3", ">", "surpassed"),
        # guard: "top" as an adjective passes nothing
        ("The top five teams advance.", "five", "=", None),
        # "as many as" stays exact as in NewsQuant; verdicts read it as a ceiling
        ("As many as 300 people were on board.", "300", "=", "As many as"),
        # ... but bounds a size that may yet be: a ceiling, and "as few as" a floor
        ("Engineers said as many as 40,000 homes could lose power.", "40,000", "<", "as many as"),
        ("The turnout may be as few as 200.", "200", ">", "as few as"),
        # "as high as" is a ceiling, "as low as" a floor
        ("The toll could be as high as 150.", "150", "<", "as high as"),
        ("Fares start as low as $9.", "9", ">", "as low as"),
        # a bound after a rate
        ("He sold 30,000 copies a week or more.", "30,000", ">", "or more"),
        # "up to" after a verb it makes a rise is the level reached, not a ceiling
        ("Rents could go up to $4,000.", "4,000", "=", None),
        # a preposition before a lone "one" takes it as its object
        ("Voters are split over one question.", "one", "=", None),
        # an increment is a rise or fall by that much, not a level
        ("Four more ships arrived on Monday.", "Four", "up", None),
        ("The firm hired 20 fewer staff.", "20", "down", None),
        ("It paid $20 million more than the $90 million first offered.", "$20", "up", None),
        ("It paid $20 million more than the $90 million first offered.", "$90", "=", None),
        # so is a figure compared with another: "N higher than"
        ("The bill came to $40 higher than the $200 quoted.", "$40", "up", None),
        ("Turnout was 600 lower than the 9,000 seen in 2022.", "600", "down", None),
    ],
)
def test_bounds(analyze, text, needle, change, hedge) -> None:
    q = only(analyze(text), needle)
    assert q.change == change
    assert q.hedge == hedge


@pytest.mark.parametrize(
    ("text", "needle", "unit", "counted"),
    [
        ("The North sent 1,500 special forces personnel.", "1,500", "personnel",
         "special forces personnel"),
        ("Russia fired 10,000 artillery rounds.", "10,000", "round", "artillery rounds"),
        ("The fine was $7.5 million.", "7.5", "USD", None),
        ("The fine was 9 billion shekels.", "9 billion", "ILS", None),
        # a share is the level of what the clause is about
        ("Inflation reached 3.2 percent.", "3.2", "percent", "Inflation"),
        ("The storm brought 50mph winds.", "50mph", "mile per hour", None),
        ("It costs $3,500 a month.", "3,500", "USD per month", None),
        # a share is a fraction of what it names, not a count of it
        ("A quarter of the staff left.", "quarter", "fraction", None),
        # a name before a counted noun is not a model number ("iPhone 11")
        ("Republicans hold 24 Senate seats.", "24", "seat", "Senate seats"),
        ("The survey put Clinton 3 points ahead.", "3", "point", "points"),
        # "a" before "$" is the article, not Australia
        ("Few can cover a $400 bill.", "400", "USD", None),
        ("The phone has a 200MP camera and a 6.8in screen.", "200MP", "megapixel", None),
        ("The phone has a 200MP camera and a 6.8in screen.", "6.8in", "inch", None),
        ("It ships with a 5 W charger.", "5 W", "watt", None),
        ("Investors see a one-in-five chance.", "five", "chance", "chance"),
        ("Some 250,000 or so Iowans turned out.", "250,000", "iowan", "Iowans"),
        # a date after the figure is not what it counts
        ("Claims fell to 211,000 last week.", "211,000", None, None),
        ("Arrests rose to 60, up from 35 yesterday.", "35", None, None),
        ("The count reached 64 last night.", "64", None, None),
        # a graded modifier belongs to the counted set: the least developed, not all developed
        ("Aid went to the 40 least developed economies.", "40", "economy",
         "least developed economies"),
        # an increment counts the noun, not "more ships"
        ("Four more ships arrived.", "Four", "ship", "ships"),
        # a figure after an opening partitive counts the whole it is a part of
        ("Of the reported deaths, 41 were in the north.", "41", "death", "reported deaths"),
    ],
)
def test_units_and_counted(analyze, text, needle, unit, counted) -> None:
    q = only(analyze(text), needle)
    assert q.unit == unit
    assert q.counted == counted


@pytest.mark.parametrize(
    ("text", "needle", "unit"),
    [
        ("Diesel sold for $1.89 per gallon.", "1.89", "USD per gallon"),
        ("Gold traded at $2,310 an ounce.", "2,310", "USD per ounce"),
        ("The bank earned 48 cents per share.", "48", "cent per share"),
        ("Offices rent for $95 per sq m.", "95", "USD per square metre"),
        ("The phone has a 6.7-inch screen.", "6.7", "inch"),
        ("The tower stands 30m tall.", "30m", "metre"),
        ("She paid 450€ for the bike.", "450", "EUR"),
        ("A 43-year-old farmer was arrested.", "43", "year of age"),
        ("Its 37m (121ft)-long skeleton was rebuilt.", "121", "foot"),
        ("The mayor, Jane Holt, 58, resigned.", "58", "year of age"),
        ("Workers aged between 25 and 40 were hired.", "25", "year of age"),
    ],
)
def test_rates_glued_units_and_ages(analyze, text, needle, unit) -> None:
    assert only(analyze(text), needle).unit == unit


@pytest.mark.parametrize(
    ("text", "needle", "counted"),
    [
        ("Economic growth slowed to 1.1% from 1.6%.", "1.1%", "Economic growth"),
        ("The bank expects inflation to fall to about 4% by December.", "4%", "inflation"),
        ("The bank raised its benchmark interest rate by 50 basis points.", "50",
         "benchmark interest rate"),
        ("The government will cut the deficit to 3 percent of GDP by 2027.", "3 percent",
         "deficit"),
        ("It had forecast economic growth of 2 percent this year.", "2 percent",
         "economic growth"),
        ("Inflation is far above the central bank's 2 percent target.", "2 percent", "target"),
        ("Two members voted for a 25 basis point increase.", "25", "increase"),
        # a participle with no subject of its own measures its clause's subject
        ("Shares fell 5% before closing down 3%.", "3%", "Shares"),
        # a body is not what its share measures
        ("The company said it earned 4% more.", "4%", None),
    ],
)
def test_a_share_is_the_level_or_change_of_what_its_clause_names(
    analyze, text: str, needle: str, counted: str | None
) -> None:
    """Without it every percentage of an economy story was keyed on a stray word nearby
    ("7.4% in March" was a measure of "march")."""
    assert only(analyze(text), needle).counted == counted


def test_a_year_earlier_is_not_a_rate(analyze) -> None:
    q = only(analyze("Sales rose to $4.2 billion from $3.9 billion a year earlier."), "3.9")
    assert (q.unit, q.status) == ("USD", "estimate")


def test_demonyms_and_time_nouns_as_lemmas(nlp) -> None:
    demonyms = described(nlp, "About 4,000 Ukrainians crossed the border.", "4,000")
    assert (demonyms.quantity.unit, demonyms.unit_words) == ("ukrainian", "ukrainian")
    span = described(nlp, "Over the past five years the firm hired 300 engineers.", "five")
    assert span.unit_words == "year"


def described(nlp, text: str, needle: str) -> Described:
    """The one described quantity whose span contains `needle`."""
    hits = [d for d in find_quantities(nlp(text)) if needle in d.quantity.span.text]
    assert len(hits) == 1, [d.quantity.span.text for d in find_quantities(nlp(text))]
    return hits[0]


@pytest.mark.parametrize(
    ("text", "needle", "concept"),
    [
        # a reporting verb's subject stands in for "it"
        ("Acme said it employs 2,400 people in Ohio.", "2,400", ["Acme"]),
        # a to-infinitive takes the subject of the clause it hangs from
        ("The regulator plans to levy fines of $40 million.", "40", ["regulator", "fines"]),
        # a participle modifying a noun is about that noun
        ("Regulators fined the lenders charging over 30% interest.", "30%", ["lenders", "interest"]),
        # "you" names nobody
        ("You get three free months.", "three", []),
        # "one of the" picks a member, it is about nothing else
        ("Rome is one of the oldest cities in Europe.", "one of", []),
        # a bracketed conversion is about what the figure before it is about
        ("The wall is 40 feet (12 metres) high.", "12", ["wall"]),
        # the counted noun carries the attachment: "for three months" modifies "closure"
        ("The runway faced a closure for three months.", "three", ["runway", "closure"]),
        # past the other amount's unit to the noun both modify
        ("The probe made a 1.8 billion-mile (2.9bn km) journey.", "1.8", ["probe", "journey"]),
        # a named subject the tagger reads as an adverb
        ("OHSU has performed 700 surgeries.", "700", ["OHSU"]),
        # a figure in a prepositional phrase is about the noun that phrase modifies
        ("Savers with more than 2 million crowns pay a fee.", "2 million", ["Savers"]),
        # a to-infinitive after a noun ("plans to") takes the subject of the outer clause
        ("Dell announced plans to cut 6,000 jobs.", "6,000", ["Dell"]),
        # a participle before a noun is about that noun
        ("The lab stored 30% fuming nitric acid.", "30%", ["nitric", "acid"]),
        # a time span opening the clause frames it, it is about nothing
        ("In the last three months the agency hired 50 staff.", "three", []),
        # an adverbial amount is about the verb's object too
        ("The bank pulled the index 0.7 percent lower.", "0.7", ["bank", "index"]),
        # a second conjunct shares the first one's attachment
        ("Tests in Flint came back at 4 ppb and 2 ppb.", "2 ppb", ["Tests"]),
        # "he" stands for the person named before it
        ("After Salah joined Liverpool, he scored 32 goals.", "32", ["Salah"]),
        # a gapped clause names its own subject before the shared move
        ("Shares were down 2.3%, Burlington by 2.6%.", "2.6%", ["Burlington"]),
        ("Milk prices rose 4% and fats and oils 6%.", "6%", ["fats", "oils"]),
    ],
)
def test_concepts(nlp, text, needle, concept) -> None:
    assert described(nlp, text, needle).concept == concept


def test_bracketed_conversion_keeps_the_bound(analyze) -> None:
    q = only(analyze("Savers with more than 2 million crowns ($190,000) pay the fee."), "190,000")
    assert (q.change, q.hedge) == (">", "more than")


def test_averaged_figure_is_approximate(analyze) -> None:
    assert only(analyze("He has averaged 21.4 points this season."), "21.4").change == "~"


def test_counted_noun_borrowed_from_an_earlier_figure(analyze) -> None:
    a = analyze("Seoul said 2,500 North Korean troops had arrived. By Friday it was 3,000.")
    q = only(a, "3,000")
    assert q.counted == "North Korean troops" and q.unit == "troop"


@pytest.mark.parametrize(
    ("text", "needle", "unit"),
    [
        ("About 31,000 people fled. The number of homes destroyed rose to 240.", "240", "home"),
        ("The attackers demanded 150 bitcoin. The number of evacuees fell to 9,000.", "9,000",
         "evacuee"),
    ],
)
def test_the_number_of_what_a_bare_figure_is_names_what_it_counts(
    analyze, text: str, needle: str, unit: str
) -> None:
    assert only(analyze(text), needle).unit == unit


def test_a_time_in_a_clause_after_the_figure_dates_that_clause(analyze) -> None:
    a = analyze("The auditor said on Tuesday the shortfall was $8 million once a sale in early "
                "2029 was counted.", published_at="2031-03-13")
    q = only(a, "$8 million")
    assert a.times[q.time].span.text == "on Tuesday"
    a = analyze("The firm said on Tuesday that hackers had stolen the data of 9,000 accounts, "
                "in a breach it first detected late last week.", published_at="2031-03-13")
    q = only(a, "9,000 accounts")
    assert a.times[q.time].span.text == "on Tuesday"


@pytest.mark.parametrize(
    ("text", "needle", "when"),
    [
        # a relative clause on another noun dates its own figure, not the one before
        ("The agency said 40 homes had been destroyed, settling a dispute with the county, "
         "which had put the number at 30 on Friday.", "40 homes", None),
        ("The agency said 40 homes had been destroyed, settling a dispute with the county, "
         "which had put the number at 30 on Friday.", "30", "on Friday"),
        # a participle on another noun dates that noun's event
        ("The insurer said about 2 million policyholders had records exposed in a breach first "
         "reported on Monday.", "2 million", None),
        ("The bank said 300 branches would close and that staff hired on Monday would be moved.",
         "300", None),
        # a clause joined with a subject of its own is another event
        ("Turnout reached 61 percent, officials said, but they cautioned that the figure could "
         "be revised on Tuesday.", "61", None),
        # guards: a verb sharing the subject, a clause on the figure itself
        ("The firm hired 300 workers and opened two plants on Monday.", "300", "on Monday"),
        ("The city will pay $3 million agreed with the union on Tuesday.", "$3", "on Tuesday"),
        # guard: a clause on what gives the figure dates it
        ("In a report issued on Monday, the agency said 40 homes were lost.", "40", "on Monday"),
    ],
)
def test_a_time_of_another_event_does_not_date_the_figure(
    analyze, text: str, needle: str, when: str | None
) -> None:
    a = analyze(text, published_at="2031-03-13")
    q = only(a, needle)
    assert (a.times[q.time].span.text if q.time is not None else None) == when


@pytest.mark.parametrize(
    ("text", "needle", "unit"),
    [
        # the clause's subject is what the earlier figure counts
        ("About 900 workers were laid off, up from 400 in May.", "400", "worker"),
        # a reporting verb puts a figure on "the number"
        ("The union said 900 workers were laid off. The union later put the number at 1,200.",
         "1,200", "worker"),
        ("Officials put the number of dead at 40.", "40", "dead"),
    ],
)
def test_a_baseline_or_a_number_put_at_counts_what_its_clause_names(
    analyze, text: str, needle: str, unit: str
) -> None:
    assert only(analyze(text), needle).unit == unit


def test_a_figure_with_a_subject_of_its_own_borrows_no_count(analyze) -> None:
    a = analyze("The attackers demanded 150 bitcoin. Evacuations rose sharply to 9,000 by noon.")
    assert only(a, "9,000").unit is None


def test_the_time_of_a_baseline_figure_is_not_the_new_figure_s(analyze) -> None:
    a = analyze(
        "Some 27,000 people were under evacuation orders, up from 12,000 on Tuesday. "
        "The count fell to 9,000, down from a peak of 31,000 on Thursday.",
        published_at="2031-08-17",
    )
    timed = {q.span.text: a.times[q.time].span.text if q.time is not None else None
             for q in a.quantities}
    assert (timed["12,000"], timed["31,000"]) == ("on Tuesday", "on Thursday")
    assert timed["Some 27,000 people"] is None and timed["9,000"] is None


def test_a_baseline_joined_to_another_keeps_its_own_time_and_is_past(analyze) -> None:
    a = analyze(
        "The firm said 800 stores would close, up from the 500 it named on Tuesday and the "
        "200 it named on Monday.",
        published_at="2031-08-17",
    )
    timed = {q.span.text: a.times[q.time].span.text if q.time is not None else None
             for q in a.quantities}
    assert (timed["500"], timed["200"]) == ("on Tuesday", "on Monday")
    assert [q.status for q in a.quantities] == ["estimate", "past", "past"]


def test_a_part_counts_what_its_whole_counts_not_what_came_before(analyze) -> None:
    a = analyze("Ten ships sank. Claims now total 1,200, of which 300 have been paid.")
    assert only(a, "300").unit is None
    a = analyze("Ten ships sank. The fund holds 900 loans, of which 200 are overdue.")
    assert only(a, "200").counted == "loans"


def test_a_figure_coordinated_with_another_counts_what_it_counts(analyze) -> None:
    a = analyze("The judge may impose two years in jail or closer to 15.")
    assert only(a, "15").unit == "year"
    a = analyze("The board can levy fines of up to 2% of sales or £3 million.")
    assert only(a, "£3 million").counted == "fines"


def test_a_figure_of_another_size_borrows_no_count(analyze) -> None:
    a = analyze("Envoys of 46 island nations met. They came here for a trillion.")
    assert only(a, "trillion").unit is None


def test_time_span_is_not_borrowed_as_a_count(analyze) -> None:
    a = analyze("There are fewer workers than seven years ago. The population grew by 100,000.")
    assert only(a, "100,000").unit is None


@pytest.mark.parametrize(
    ("text", "needle", "status"),
    [
        ("Over 600,000 Russian troops have been killed or wounded.", "600,000", "casualties"),
        ("The North pledged to provide about 10,000 troops.", "10,000", "pledge"),
        ("The army aims to recruit 5,000 volunteers.", "5,000", "target"),
        ("Russia recruits 25,000 new soldiers a month.", "25,000", "rate"),
        ("The estimate is double the previous figures.", "double", "past"),
        ("They sent a total of 400 engineers.", "400", "total"),
        ("Officials counted 3,000 soldiers.", "3,000", "estimate"),
        ("Inflation is far above the central bank's 2 percent target.", "2 percent", "target"),
        ("The ministry said 163 people had sought treatment.", "163", "estimate"),  # no aim
        # money lost, or jobs, is no toll; soldiers lost are
        ("Shareholders lost about $40 million in the collapse.", "40", "estimate"),
        ("About 800 miners lost their jobs.", "800", "estimate"),
        ("The stock has lost about 12% since May.", "12%", "estimate"),
        ("The regiment lost 2,000 soldiers in the offensive.", "2,000", "casualties"),
        # a pledge or target outranks its rate
        ("Lenders pledged $50 billion a year by 2030.", "50", "pledge"),
        # money given is past; to be given, a pledge
        ("The bank provided $4 billion in loans in 2023.", "4", "past"),
        ("The fund has donated $9 million so far.", "9", "past"),
        ("The bank will provide $4 billion in loans.", "4", "pledge"),
        # a commitment with a deadline, or a hope, is a target
        ("The utility will cut its coal use by 40 percent by 2030.", "40", "target"),
        ("Officials hope to buy 12 new trains by the end of the year.", "12", "target"),
        # the noun a figure is "of" says what it is; so does a relative clause on its noun
        ("The fund attracted pledges of $40 million.", "40", "pledge"),
        ("The city set a goal of 2,000 new homes.", "2,000", "target"),
        ("The 5,000 troops the army plans to send are ready.", "5,000", "target"),
        ("It has 40% of the 3,000 homes the city hopes to build.", "3,000", "target"),
        # those who pledge or agree are no pledge; what is pledged is
        ("Three donors pledged $5 million.", "Three", "estimate"),
        ("About 52% of voters agreed.", "52%", "estimate"),
        ("Some 900 tents were promised.", "900", "pledge"),
        # so does the noun a to-infinitive hangs from
        ("The council ran on a promise to build 800 homes.", "800", "pledge"),
        ("The board backed a plan to close 12 branches.", "12", "target"),
        # a verb coordinated with its own object is another act, not a casualty
        ("The storm killed 12 people and flooded 300 homes.", "300", "estimate"),
        # a state or a forecast with a date is no target
        ("He will be 35 by the end of the year.", "35", "estimate"),
        ("The population will reach 10 billion by 2050.", "10", "estimate"),
    ],
)
def test_status(analyze, text, needle, status) -> None:
    assert only(analyze(text), needle).status == status


@pytest.mark.parametrize(
    "text",
    [
        "The treaty was signed in 2019.",
        "She died on September 8 in Dar es Salaam.",
        "The meeting starts at 10:30 a.m.",
        "He finished first in the race.",
        "Their seats were in Section 427 Row 21.",
        "Call 555-123-4567 for tickets.",
        "Music from the 1980s is back.",
        "The iPhone 11 sold well.",
        "No one came to the meeting.",
        "The S&P 500 closed higher.",
        "Sales peaked in the first half of 2019.",
        "Security changed after 9/11.",
        "The city was No. 19 on the list.",
        "The sum included a 2022 loan round the bank did not record.",
        "Callers can ring the hotline on 0300 123 4567.",
        # digits between a word for one thing and a singular noun name that thing
        "A neighbour made a 911 call.",
        "Crews inspected the first 737 jet.",
    ],
)
def test_not_quantities(analyze, text) -> None:
    assert analyze(text).quantities == []


def test_example_story_figures(analyze, examples_dir) -> None:
    meta = {json.loads(line)["path"]: json.loads(line)
            for line in (examples_dir / "nk-troops" / "articles.jsonl").read_text().splitlines()}
    path = "north-korea-sent-at-least-3000-soldiers.txt"
    a = analyze((examples_dir / "nk-troops" / path).read_text(),
                published_at=meta[path]["published_at"])
    first = only(a, "at least 3,000")
    assert (first.value_low, first.change, first.hedge, first.unit) == (3000, ">", "at least",
                                                                         "soldier")
    pledge = only(a, "10,000 troops")
    assert (pledge.change, pledge.status, pledge.counted) == ("~", "pledge", "troops")
    assert a.times[pledge.time].resolved == "2024-12-01"  # "by December"
    casualties = only(a, "600,000")
    assert (casualties.change, casualties.status, casualties.counted) == (
        ">", "casualties", "Russian troops")
    assert only(a, "1,500").counted == "special forces personnel"


def test_statement_and_time_linking() -> None:
    q = Quantity(span=Span("3,000", 30, 35), value_low=3000, sentence=Span("x" * 60, 0, 60))
    wide = Statement(sentence=Span("x", 0, 60), content=Span("x", 20, 60))
    narrow = Statement(sentence=Span("x", 0, 60), content=Span("x", 25, 40))
    elsewhere = Statement(sentence=Span("x", 0, 60), content=Span("x", 40, 60))
    assert statement_of(q, [elsewhere, wide, narrow]) == 2
    assert statement_of(q, [elsewhere]) is None
    near = TimeExpr(Span("on Monday", 40, 49), resolved="2024-10-21")
    far = TimeExpr(Span("in June", 2, 9), resolved="2024-06-01")
    unresolved = TimeExpr(Span("weeks", 36, 41))
    outside = TimeExpr(Span("today", 70, 75), resolved="2024-10-23")
    assert time_of(q, [far, unresolved, near, outside]) == 2
    assert time_of(q, [outside]) is None
