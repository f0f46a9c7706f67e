"""Speakers resolved within one article: canonical names and speaker kinds."""

from __future__ import annotations

import pytest

from claimledger.model import Analysis, Statement

pytestmark = pytest.mark.slow


def by_cue(analysis: Analysis, cue: str) -> Statement:
    found = [s for s in analysis.statements if s.cue is not None and s.cue.text == cue]
    assert len(found) == 1, [(s.cue, s.speaker) for s in analysis.statements]
    return found[0]


def test_title_and_honorific_resolve_to_the_full_name(analyze) -> None:
    a = analyze(
        "Defense Secretary Lloyd J. Austin III confirmed that troops had arrived. "
        "Mr. Austin told reporters that the situation was serious."
    )
    assert by_cue(a, "confirmed").speaker_entity == "Lloyd J. Austin III"
    told = by_cue(a, "told")
    assert told.speaker.text == "Mr. Austin"
    assert told.speaker_entity == "Lloyd J. Austin III" and told.speaker_kind == "person"


def test_pronoun_resolves_to_the_last_person_speaking(analyze) -> None:
    a = analyze(
        "Maria Gonzalez said that the vote was delayed. "
        "She added that the count would resume on Friday."
    )
    added = by_cue(a, "added")
    assert added.speaker.text == "She" and added.speaker_entity == "Maria Gonzalez"


@pytest.mark.parametrize(
    "text",
    [
        "Talvik Labs's former finance chief testified on Monday that the accounts were false. "
        "Mara Ilves, who served as Talvik's chief financial officer until 2023, told the court "
        "she had been pressured.",
        "Mara Ilves, the chief financial officer of Talvik Labs, resigned in May. The company's "
        "former finance chief said on Monday that the accounts were false.",
    ],
)
def test_a_definite_role_phrase_is_the_person_named_with_that_role(analyze, text: str) -> None:
    st = analyze(text).statements[0]
    assert (st.speaker_entity, st.speaker_kind) == ("Mara Ilves", "person")


def test_a_role_phrase_is_not_a_person_of_another_field(analyze) -> None:
    st = analyze(
        "Mara Ilves, the marketing chief of Talvik Labs, resigned in May. The company's "
        "former finance chief said on Monday that the accounts were false."
    ).statements[0]
    assert st.speaker_entity != "Mara Ilves"


@pytest.mark.parametrize(
    ("text", "place", "speaker"),
    [
        (
            "Pell, speaking to supporters in Fenwater on Saturday morning, said he was not "
            'going anywhere. "We will accept the result," he said.',
            "Fenwater",
            "Pell",
        ),
        ('Most of Harwell\'s precincts reported late. "We are ahead," he said.', "Harwell", None),
        (
            'Ballots from the Fenwater district arrived late. "We are ahead," he said.',
            "Fenwater",
            None,
        ),
    ],
)
def test_a_name_used_as_a_place_is_no_he(
    analyze, text: str, place: str, speaker: str | None
) -> None:
    a = analyze(text)
    assert a.statements[-1].speaker_entity == speaker
    assert {e.name: e.kind for e in a.entities}[place] == "place"


def test_a_person_shown_to_be_one_keeps_a_he_beside_a_place(analyze) -> None:
    a = analyze(
        'Turnout in Harwell\'s district was high, Mr. Harwell said. "We are ahead," he said.'
    )
    assert a.statements[-1].speaker_entity == "Harwell"


@pytest.mark.parametrize(
    "text",
    [
        "The Daily Planet's own review of the court files found that 40 people had been paid.",
        "Our analysis of the court files found that 40 people had been paid.",
        "A tally of county ballots compiled by The Planet puts the margin at 412 votes.",
        "A count by the Daily Planet found that 40 people had been paid.",
        "The Planet's own count found that 40 people had been paid.",
    ],
)
def test_a_review_by_the_article_s_own_outlet_is_the_outlet_speaking(analyze, text: str) -> None:
    st = analyze(text, outlet="The Daily Planet").statements[0]
    assert (st.speaker_entity, st.speaker_kind) == ("The Daily Planet", "outlet")


def test_a_review_by_another_body_stays_its_report(analyze) -> None:
    st = analyze(
        "The Pentagon's own review found that the jets were safe.", outlet="The Daily Planet"
    ).statements[0]
    assert (st.speaker_entity, st.speaker_kind) == ("Pentagon", "report")


def test_an_analysis_by_another_outlet_stays_its_report(analyze) -> None:
    st = analyze(
        "An analysis by the Harbour Planet found that the jets were safe.",
        outlet="The Daily Planet",
    ).statements[0]
    assert st.speaker_kind == "report" and st.speaker_entity != "The Daily Planet"


@pytest.mark.parametrize(
    ("text", "entity", "kind"),
    [
        (
            "American officials said the count was rising. They said 2,500 troops had arrived.",
            "American officials",
            "anonymous",
        ),
        (
            "The ministry said the border was closed. It added that trucks would be turned back.",
            "ministry",
            "government",
        ),
        # a group is not what "they" means after a person spoke
        ("Ann Lee said the troops were tired. They said they wanted to go home.", None, "unknown"),
    ],
)
def test_they_and_it_resolve_to_the_group_speaking_just_before(
    analyze, text: str, entity: str | None, kind: str
) -> None:
    second = analyze(text).statements[1]
    assert (second.speaker_entity, second.speaker_kind) == (entity, kind)


def test_who_speaks_for_a_person_even_unnamed(analyze) -> None:
    """ "who" is the nurse; a nurse the article never names is an unnamed source, as "one
    Workers' Alliance MP" is (a person of that kind is a named one)."""
    st = by_cue(analyze("The reporter spoke to a nurse who said the ward was full."), "said")
    assert (st.speaker_entity, st.speaker_kind) == ("nurse", "anonymous")


def test_his_words_are_the_last_person_s(analyze) -> None:
    a = analyze("Ann Lee spoke on Monday. Her statement said the bridge would close.")
    st = by_cue(a, "said")
    assert (st.speaker_entity, st.speaker_kind) == ("Ann Lee", "person")


def test_first_person_outside_quotes_is_the_writer(analyze) -> None:
    a = analyze("We believe the bridge should stay open.", outlet="The Daily Planet")
    st = by_cue(a, "believe")
    assert (st.speaker_entity, st.speaker_kind) == ("The Daily Planet", "outlet")


@pytest.mark.parametrize(
    ("text", "entity", "kind"),
    [
        ("Ann Lee's campaign manager, Bob Stone, said the race was close.", "Bob Stone", "person"),
        (
            "Senator Ann Lee's spokeswoman Maria Gomez said the bill would pass.",
            "Maria Gomez",
            "person",
        ),
        ("Ann Lee's office said the bill would pass.", "Ann Lee", "person"),  # speaks for her
        (
            "Ann Lee spoke on Monday. Lee campaign spokesman Bob Stone said it was close.",
            "Bob Stone",
            "person",
        ),
        (  # a name inside a clause on the speaker phrase is not the speaker's
            "Several judges handling lawsuits about Ann Lee's emails said they must go.",
            "Several judges",
            "anonymous",
        ),
    ],
)
def test_a_named_speaker_is_not_the_one_whose_aide_they_are(
    analyze, text: str, entity: str, kind: str
) -> None:
    st = by_cue(analyze(text), "said")
    assert (st.speaker_entity, st.speaker_kind) == (entity, kind)


def test_she_is_not_the_man_who_spoke_last(analyze) -> None:
    a = analyze(
        "Ms. Ann Lee said the bridge was closed. Mr. Bob Stone said it was safe. "
        "She said repairs would take a year. He added that traffic would be diverted."
    )
    assert [s.speaker_entity for s in a.statements] == ["Ann Lee", "Bob Stone"] * 2


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        pytest.param(
            '"We will rebuild," Mayor Carla Ruiz told the council.\n\nHer deputy, Omar Haddad, '
            "arrived an hour late. He said the money had not arrived.",
            "Omar Haddad",
            id="a person introduced since the last speaker",
        ),
        pytest.param(
            "Senator Paul Okoro said the bill would pass.\n\nHis aide, Dana Whit, stayed in the "
            "chamber. She said the votes were there.",
            "Dana Whit",
            id="she after a man spoke",
        ),
        pytest.param(
            "Ann Lee said the vote was delayed. When Ben Ortiz arrived, he said the count was fair.",
            "Ben Ortiz",
            id="the subject of a clause opening the sentence",
        ),
        pytest.param(
            "Ben Ortiz said the vote was delayed. Ann Lee ended her speech early.\n\nHer rival, "
            "Carl Dunn, arrived late. She said the count was fair.",
            "Ann Lee",
            id="not the man an earlier her speech tells of",
        ),
        pytest.param(
            "Ben Ortiz said the count was slow.\n\nHis rival, Carl Dunn, carried the north. He "
            "said the result was fair.",
            "Ben Ortiz",
            id="not his rival",
        ),
        pytest.param(
            'Ann Lee spoke on Monday.\n\n"Ben Ortiz has lost," Lee said. "Carl Dunn will win." '
            "She added that the count was over.",
            "Ann Lee",
            id="not a name inside a quotation",
        ),
    ],
)
def test_he_or_she_is_the_person_a_sentence_since_the_last_speaker_was_about(
    analyze, text: str, entity: str
) -> None:
    st = analyze(text).statements[-1]
    assert st.speaker.text.lower() in ("he", "she")
    assert (st.speaker_entity, st.speaker_kind) == (entity, "person")


def test_a_word_the_tagger_ran_into_a_name_is_not_the_name(analyze) -> None:
    # the headline's verb joins the name once; the article names her twice without it
    a = analyze(
        "Black Lawmakers Rip Ann Lee As A Fraud\n\n"
        "Ann Lee said the vote was rigged. Ann Lee added that she would appeal."
    )
    assert [s.speaker_entity for s in a.statements] == ["Ann Lee", "Ann Lee"]
    assert "Rip Ann Lee" not in {e.name for e in a.entities}


def test_two_names_the_tagger_ran_together_stand_for_neither(analyze) -> None:
    a = analyze(
        "Ann Lee Slams Bob Stone Over Taxes\n\nAnn Lee said taxes were too high. Ann Lee added "
        "that she would cut them. Bob Stone said she was wrong. Bob Stone added that it was fair."
    )
    assert [s.speaker_entity for s in a.statements] == ["Ann Lee"] * 2 + ["Bob Stone"] * 2


def test_a_surname_is_the_person_the_article_names_more_often(analyze) -> None:
    a = analyze(
        "John Smith said the mill would stay open. John Smith added that wages would rise. "
        "The rally was organized by Mary Smith, his sister. Smith said the town would thrive."
    )
    assert [s.speaker_entity for s in a.statements] == ["John Smith"] * 3


def test_a_full_name_given_first_stays_the_name(analyze) -> None:
    a = analyze(
        "Rafael Ortega Salinas spoke on Monday. Mr. Ortega Salinas said exports "
        "would grow. Mr. Ortega Salinas added that talks would resume."
    )
    assert {s.speaker_entity for s in a.statements} == {"Rafael Ortega Salinas"}


def test_role_appositive_keeps_only_the_name(analyze) -> None:
    a = analyze(
        "Park Sun-won, a member of the parliamentary intelligence committee, noted that "
        "training had begun."
    )
    st = by_cue(a, "noted")
    assert st.speaker_entity == "Park Sun-won" and st.speaker_kind == "person"


@pytest.mark.parametrize(
    ("text", "cue", "entity", "kind"),
    [
        (
            "The plan was opposed by Jane Roe, who said that it would fail.",
            "said",
            "Jane Roe",
            "person",
        ),
        (
            "Farmers met the Agriculture Ministry, which warned that prices would rise.",
            "warned",
            "Agriculture Ministry",
            "government",
        ),
    ],
)
def test_relative_pronoun_speaker_is_its_antecedent(
    analyze, text: str, cue: str, entity: str, kind: str
) -> None:
    st = by_cue(analyze(text), cue)
    assert st.speaker.text in ("who", "which")  # the span stays where the words are
    assert (st.speaker_entity, st.speaker_kind) == (entity, kind)


def test_headline_surname_resolves_to_the_full_name_given_later(analyze) -> None:
    a = analyze(
        "Sanders: Brexit’s Message Could Draw Trump Support.\n\n"
        "Senator Bernie Sanders said on Monday that the vote was a warning."
    )
    headline = by_cue(a, ":")
    assert headline.speaker_kind == "person" and headline.speaker_entity == "Bernie Sanders"


def test_surname_first_names_resolve_from_the_family_name(analyze) -> None:
    a = analyze(
        "Lee Seong-kweun, a lawmaker, said that families were moved. "
        "Lee noted that the army controls information."
    )
    assert by_cue(a, "noted").speaker_entity == "Lee Seong-kweun"


@pytest.mark.parametrize(
    ("text", "cue", "entity", "kind"),
    [
        ("The Kremlin dismissed the reports.", "dismissed", "Kremlin", "government"),
        ("Kyiv said that the troops had crossed.", "said", "Kyiv", "government"),
        (
            "The South Korean presidential office warned that it would respond.",
            "warned",
            "South Korean presidential office",
            "government",
        ),
        (
            "U.S. officials, speaking anonymously, said that losses were high.",
            "said",
            "U.S. officials",
            "anonymous",
        ),
        (  # parsed as "Spain" and "North Macedonia experts": the experts speak
            "Both Spain and North Macedonia experts said the move was a mistake.",
            "said",
            "Spain and North Macedonia experts",
            "anonymous",
        ),
        ("The Lee campaign said the poll was wrong.", "said", "Lee campaign", "organization"),
        ("The ad says the senator voted twice.", "says", "ad", "report"),
        (
            "Federal investigators said the fire was set.",
            "said",
            "Federal investigators",
            "anonymous",
        ),
        ("Her daughter said the family was relieved.", "said", "Her daughter", "person"),
        (
            "The Charlotte Observer reported a loss.",
            "reported",
            "Charlotte Observer",
            "organization",
        ),
        ("According to Politico, the vote was delayed.", "According to", "Politico", "outlet"),
        (
            "Russia and its allies said the vote was rigged.",
            "said",
            "Russia and its allies",
            "government",
        ),
        (
            "Reports suggested that the army had recruited interpreters.",
            "suggested",
            "Reports",
            "report",
        ),
        (  # the name beside the common noun is who speaks
            "The mining company Southern Copper said its operations were not affected.",
            "said",
            "Southern Copper",
            "organization",
        ),
        ("Protesters said the police had moved in.", "said", "Protesters", "anonymous"),
        (  # one origin per body: the bank's analysts are not another bank's
            "Analysts at Morgan Stanley said the price looked full.",
            "said",
            "Morgan Stanley analysts",
            "anonymous",
        ),
        (
            "The city of Phoenix said the advertisement broke the law.",
            "said",
            "city of Phoenix",
            "government",
        ),
        ("The woman said she had waited for hours.", "said", "woman", "person"),
        (  # several of a role, unnamed, are a group, not one person
            "Party leaders said the vote would be held on Friday.",
            "said",
            "Party leaders",
            "anonymous",
        ),
        (  # a report is its author's
            "The bill would cost $20 billion, according to an estimate by the Congressional "
            "Budget Office.",
            "according to",
            "Congressional Budget Office",
            "report",
        ),
        (
            "A report released Tuesday by the Department of Homeland Security found that "
            "records were lost.",
            "found",
            "Department of Homeland Security",
            "report",
        ),
        (
            "A study published Wednesday in The BMJ found that sleep matters.",
            "found",
            "BMJ",
            "report",
        ),
        ("A new poll in Iowa shows the senator ahead.", "shows", "new poll", "report"),
        (
            "According to figures from the state agriculture department, the harvest doubled.",
            "According to",
            "state agriculture department",
            "report",
        ),
        (
            "According to a report in The Financial Times, the company will be sold.",
            "According to",
            "Financial Times",
            "report",
        ),
        (  # a name begins with a capital
            "The nonpartisan Congressional Budget Office said the plan would cost more.",
            "said",
            "Congressional Budget Office",
            "government",
        ),
        (  # the noun beside a name says what it is, whatever the tagger took the name for
            "The Spanish newspaper Diario Levante reported that the club had made an offer.",
            "reported",
            "Diario Levante",
            "outlet",
        ),
        ("Local media reported that three people were hurt.", "reported", "Local media", "outlet"),
        (  # a possessor is not the body the phrase names
            "Belmark's state news agency BNA said the talks had failed.",
            "said",
            "Belmark's state news agency BNA",
            "outlet",
        ),
        ("The recall notice said the heaters could overheat.", "said", "recall notice", "report"),
        (  # an outlet that saw documents did not write them
            "According to documents seen by Reuters, the firm paid the consultant.",
            "According to",
            "documents",
            "report",
        ),
        (  # a name in Title Case, not reporters
            "On Monday, Reporters Without Borders said three journalists were held.",
            "said",
            "Reporters Without Borders",
            "organization",
        ),
        (  # the capital a sentence opens with names nothing
            "Officials in Moscow said the strike hit a power plant.",
            "said",
            "Moscow officials",
            "anonymous",
        ),
    ],
)
def test_bodies_governments_anonymous_sources_and_reports(
    analyze, text: str, cue: str, entity: str, kind: str
) -> None:
    st = by_cue(analyze(text), cue)
    assert (st.speaker_entity, st.speaker_kind) == (entity, kind)


def test_entities_and_mentions_strip_honorifics_and_possessives(analyze) -> None:
    a = analyze(
        "President Vladimir V. Putin spoke on Monday. Mr. Putin’s need for troops is growing, "
        "Ann Lee said."
    )
    names = {e.name for e in a.entities}
    assert "Vladimir V. Putin" in names
    assert not any(n.startswith(("Mr.", "President")) or n.endswith("’s") for n in names)
    putin = next(e for e in a.entities if e.name == "Vladimir V. Putin")
    assert "Putin" in putin.aliases
    for m in a.mentions:
        assert a.article.text[m.span.start : m.span.end] == m.span.text


def test_example_story_speakers(analyze, examples_dir) -> None:
    text = (examples_dir / "nk-troops" / "north-korea-sent-at-least-3000-soldiers.txt").read_text()
    a = analyze(text)
    speakers = {(s.speaker_entity, s.speaker_kind) for s in a.statements}
    assert ("John Kirby", "person") in speakers
    assert ("Park Sun-won", "person") in speakers
    assert ("Kremlin", "government") in speakers
    assert ("U.S. officials", "anonymous") in speakers
    assert ("reports", "report") in speakers
    # "he noted" right after Austin's statement is Austin's
    noted = [s for s in a.statements if s.speaker is not None and s.speaker.text == "he"]
    assert noted and noted[0].speaker_entity == "Lloyd Austin"
    stances = {s.speaker_entity: s.stance for s in a.statements}
    assert stances["Kremlin"] == "deny"
    # "revealed for the first time that ...": the time phrase is neither cue nor content
    revealed = by_cue(a, "revealed")
    assert revealed.content.text.startswith("that North Korea has dispatched")


def test_role_phrase_resolves_to_the_person_introduced_with_that_role_and_country(analyze) -> None:
    a = analyze(
        "President Mira Kovac of Poland spoke on Monday. Finance Minister Ivan Petrov said "
        "taxes would rise. “We will not give up,” the Polish leader said. "
        "She added that talks would resume. The minister said more loans were needed."
    )
    entity = {s.speaker.text: s.speaker_entity for s in a.statements if s.speaker}
    assert entity["the Polish leader"] == "Mira Kovac"
    assert entity["She"] == "Mira Kovac"
    assert entity["The minister"] == "Ivan Petrov"


def test_a_kindred_role_or_an_untagged_name_beside_the_role_is_the_person(analyze) -> None:
    a = analyze(
        "Assistant District Attorney Laura Pettibone told the jury the defendant had lied. "
        "The prosecutor said the evidence was overwhelming.\n\n"
        "The club's coach, Ana Ruiz, praised the team."
    )
    entity = {s.speaker.text: (s.speaker_entity, s.speaker_kind) for s in a.statements}
    assert entity["The prosecutor"] == ("Laura Pettibone", "person")
    assert entity["The club's coach, Ana Ruiz"] == ("Ana Ruiz", "person")


def test_role_phrase_of_another_country_stays_unresolved(analyze) -> None:
    a = analyze("President Mira Kovac of Poland spoke. The Czech leader said talks had failed.")
    st = by_cue(a, "said")
    assert st.speaker_kind == "person" and st.speaker_entity == "Czech leader"


@pytest.mark.parametrize(
    "text",
    [
        "“They knew these houses would fall,” said Juana Quispe, 54, whose home was destroyed.",
        "“They knew these houses would fall,” said Juana Quispe, who lost her home.",
    ],
)
def test_a_name_with_an_age_or_a_who_clause_is_a_person(analyze, text: str) -> None:
    st = by_cue(analyze(text), "said")
    assert (st.speaker_entity, st.speaker_kind) == ("Juana Quispe", "person")


@pytest.mark.parametrize(
    ("text", "cue", "entity", "kind"),
    [
        pytest.param(
            "The mining company Southern Copper said its operations were not affected. "
            "The company denied that any of its workers had been hurt.",
            "denied",
            "Southern Copper",
            "organization",
            id="the company that spoke just before",
        ),
        pytest.param(
            "The mining company Southern Copper said its operations were not affected. "
            "The agency warned that the road was closed.",
            "warned",
            "agency",
            "government",
            id="an agency is no company",
        ),
        pytest.param(
            "The Food and Drug Administration on Friday approved the first pill for the "
            "disease.\n\nSome experts cautioned that the trials were small. Dr. Ann Lee, a "
            "psychiatrist, noted that the drug had not been compared with older ones.\n\n"
            "The agency declined to approve the drug for a broader condition, saying the "
            "evidence was insufficient.",
            "declined",
            "Food and Drug Administration",
            "government",
            id="the agency paragraphs later",
        ),
        pytest.param(
            "A report released Tuesday by the Department of Homeland Security found that "
            "records were lost. The department disputed the findings.",
            "disputed",
            "Department of Homeland Security",
            "government",
            id="the department a report was by",
        ),
        pytest.param(
            "Northwind is in talks to buy Lumora, The Wall Street Journal reported on Monday. "
            "A deal could be announced next week, the newspaper said.",
            "said",
            "Wall Street Journal",
            "outlet",
            id="the newspaper that reported",
        ),
        pytest.param(
            "Regulators are likely to scrutinize the deal, according to two people briefed on "
            "the talks. One of them said the company had hired lawyers.",
            "said",
            "two people",
            "anonymous",
            id="one of them",
        ),
    ],
)
def test_a_body_or_group_named_before_is_who_speaks_again(
    analyze, text: str, cue: str, entity: str, kind: str
) -> None:
    st = by_cue(analyze(text), cue)
    assert (st.speaker_entity, st.speaker_kind) == (entity, kind)


@pytest.mark.parametrize(
    "text",
    [
        "A senior official, who asked not to be named, said the talks had stalled.",
        "One senior backbencher, speaking on condition of anonymity, said the vote was close.",
        "A former employee, speaking anonymously, said the machines were unsafe.",
    ],
)
def test_a_source_unnamed_by_request_is_anonymous(analyze, text: str) -> None:
    assert by_cue(analyze(text), "said").speaker_kind == "anonymous"


def test_a_speaker_with_a_plain_aside_is_not_anonymous(analyze) -> None:
    a = analyze("The mayor, speaking at a news conference, said the bridge was safe.")
    assert by_cue(a, "said").speaker_kind == "person"


def test_an_unnamed_spokesperson_speaks_for_the_body_that_just_spoke(analyze) -> None:
    a = analyze(
        "The Environment Agency says the river will peak on Friday. "
        "A spokesperson said crews were ready."
    )
    assert by_cue(a, "said").speaker_entity == "Environment Agency spokesperson"


def test_a_spokesman_after_a_body_spoke_is_its_not_one_named_later(analyze) -> None:
    """ "A spokesman" right after the harbour police spoke is theirs, though a spokesman of
    another body is named in the next paragraph."""
    a = analyze(
        "The harbour police have said their launch was not near the yacht. "
        "A spokesman said it had been a mile away.\n\n"
        "Port authority spokesman Tom Ruiz said the search would go on."
    )
    spokesman = [s for s in a.statements if s.speaker.text == "A spokesman"][0]
    assert spokesman.speaker_entity == "harbour police spokesman"


def test_a_name_the_tagger_cut_after_a_connector_runs_on(analyze) -> None:
    """The tagger split "... Co-operation and | Development" into two names."""
    a = analyze(
        "The Organisation for Economic Co-operation and Development, which tracks the "
        "numbers, has said donors provided $115.9 billion in 2022."
    )
    assert a.statements[0].speaker_entity == (
        "Organisation for Economic Co-operation and Development"
    )


def test_the_kind_word_is_the_body_that_just_spoke_as_what_it_spoke_as(analyze) -> None:
    """A campaign group whose name ends in "Network" is no broadcaster: "the group" and "the
    network" after it are that group, an organization."""
    a = analyze(
        "The Clean Rivers Network says only a third of the money is new. "
        "The rest, the group argues, is old aid. The network said it would publish its data."
    )
    kinds = {(s.speaker.text, s.speaker_kind, s.speaker_entity) for s in a.statements}
    assert kinds == {
        ("The Clean Rivers Network", "organization", "Clean Rivers Network"),
        ("the group", "organization", "Clean Rivers Network"),
        ("The network", "organization", "Clean Rivers Network"),
    }


def test_the_statement_is_the_body_that_issued_it(analyze) -> None:
    a = analyze(
        "Meridian Chemicals said on Tuesday it would pay residents. "
        "“We believe this is the right scheme,” the statement said."
    )
    st = [s for s in a.statements if s.speaker.text == "the statement"][0]
    assert (st.speaker_entity, st.speaker_kind) == ("Meridian Chemicals", "organization")


def test_a_role_beside_a_name_tells_who_she_or_he_can_be(analyze) -> None:
    a = analyze(
        "Spokeswoman Ann Lee said the plant was safe. "
        "The company's chairman, Tom Ruiz, said it would reopen. “We are ready,” she said."
    )
    assert [s.speaker_entity for s in a.statements] == ["Ann Lee", "Tom Ruiz", "Ann Lee"]


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        pytest.param(
            "Grace Okonkwo, the hospital's director, spoke on Monday.\n\n"
            "“Were the wards full?” asked Peter Lindqvist, a council member.\n\n"
            "“They were,” she replied.",
            "Grace Okonkwo",
            id="the woman who answers a man's question",
        ),
        pytest.param(
            "Daniel Brandt, the plant manager, said the leak was small. Judge Helen Moreau "
            "ruled that his evidence could stand, but he later conceded the leak had lasted "
            "a week.",
            "Daniel Brandt",
            id="he after a woman was named",
        ),
    ],
)
def test_a_first_name_tells_who_he_or_she_can_be(analyze, text: str, entity: str) -> None:
    assert analyze(text).statements[-1].speaker_entity == entity


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("Maria Keller's lawyer said the charges were false.", "Maria Keller's lawyer"),
        ("The attorney for Maria Keller said she would appeal.", "attorney for Maria Keller"),
        ("Tom Ruiz's daughter told reporters he was at home.", "Tom Ruiz's daughter"),
        (
            "Ivan Petrov, Ms. Keller's lawyer, spoke first.\n\nMaria Keller's lawyer said the "
            "charges were false.",
            "Ivan Petrov",
        ),
        ("A spokeswoman for Maria Keller said she would appeal.", "Maria Keller"),
    ],
)
def test_a_person_s_lawyer_or_daughter_is_not_that_person(analyze, text: str, entity: str) -> None:
    st = analyze(text).statements[-1]
    assert (st.speaker_entity, st.speaker_kind) == (entity, "person")


def test_no_one_named_of_the_pronoun_s_sex_leaves_it_unresolved(analyze) -> None:
    a = analyze("Peter Lindqvist and Tom Ruiz were at the meeting. “It was long,” she said.")
    st = by_cue(a, "said")
    assert st.speaker.text == "she" and st.speaker_entity is None


def test_a_lede_s_unnamed_role_is_the_person_named_with_it_soon_after(analyze) -> None:
    a = analyze(
        "A county supervisor said at least seven people had died.\n\n"
        "“I have spoken with families,” Supervisor Raymond Pellegrini told a meeting."
    )
    assert [s.speaker_entity for s in a.statements] == ["Raymond Pellegrini"] * 2


def test_a_source_unnamed_on_purpose_is_not_the_one_named_later(analyze) -> None:
    a = analyze(
        "A Republican senator, speaking on condition of anonymity, said the bill would fail.\n\n"
        "Senator John Smith said he would vote for it."
    )
    first = a.statements[0]
    assert (first.speaker_kind, first.speaker_entity) == ("anonymous", "Republican senator")


def test_its_body_is_the_body_that_just_spoke(analyze) -> None:
    a = analyze("Korvania dismissed the summit. Its foreign ministry said the deal would be void.")
    st = by_cue(a, "said")
    assert (st.speaker_entity, st.speaker_kind) == ("Korvania foreign ministry", "government")


def test_according_to_show_insiders_and_they_after_them(analyze) -> None:
    a = analyze(
        "As a TV host, Ann Lee demeaned guests, according to show insiders. They said she "
        "mocked them on air."
    )
    according = by_cue(a, "according to")
    assert according.speaker.text == "show insiders" and according.speaker_kind == "anonymous"
    said = by_cue(a, "said")
    assert (said.speaker_entity, said.speaker_kind) == ("insiders", "anonymous")


@pytest.mark.parametrize(
    "text",
    [
        "Aid workers in Varen said the queues were long on Tuesday.",
        "Aid officials in the eastern province said two clinics had closed.",
    ],
)
def test_a_sentence_opening_noun_read_as_a_verb_keeps_its_place(analyze, text: str) -> None:
    """The parser reads "Aid workers in X" as a command, "Aid [workers]": they are aid workers,
    not any workers."""
    st = analyze(text).statements[0]
    assert st.speaker_entity.lower().startswith("aid ") and st.speaker_kind == "anonymous"


@pytest.mark.parametrize(
    ("text", "entity", "kind"),
    [
        pytest.param(
            "Corvel Brands said on Tuesday that it would close two plants.\n\n"
            "Corvel said the closures would save money.",
            "Corvel Brands",
            "organization",
            id="the first word of a company's name",
        ),
        pytest.param(
            "The Federal Maritime Commission said on Tuesday that the port was closed. "
            "The FMC said the inspections would take a week.",
            "Federal Maritime Commission",
            "government",
            id="initials, with the kind of the full name",
        ),
        pytest.param(
            "The International Rowing Federation said the race was cancelled. "
            "The IRF said the course was flooded.",
            "International Rowing Federation",
            "organization",
            id="initials of an organization",
        ),
        pytest.param(
            "The Hadley Foundation said it would fund the school. Maria Hadley spoke at the "
            "opening. Hadley said the money was a gift.",
            "Maria Hadley",
            "person",
            id="a person's name is no short name of a body",
        ),
    ],
)
def test_a_short_name_or_initials_are_the_body_named_in_full_before(
    analyze, text: str, entity: str, kind: str
) -> None:
    st = analyze(text).statements[-1]
    assert (st.speaker_entity, st.speaker_kind) == (entity, kind)


def test_a_short_name_two_bodies_share_stays_as_it_is(analyze) -> None:
    a = analyze(
        "Lumo Home said it would raise prices. Lumo Bank said rates would rise. "
        "Lumo said the plans were final."
    )
    assert a.statements[-1].speaker_entity == "Lumo"


@pytest.mark.parametrize(
    ("text", "entity", "kind"),
    [
        pytest.param(
            "Kestrel United said on Friday that the coach had resigned.\n\n"
            "The club said a successor would be named within a week.",
            "Kestrel United",
            "organization",
            id="the club that just spoke",
        ),
        pytest.param(
            "Orwell Motors said its sales fell by a fifth. The automaker said a new model "
            "would arrive in the spring.",
            "Orwell Motors",
            "organization",
            id="the automaker",
        ),
        pytest.param(
            "The Civil Aviation Authority said the runway would close for repairs. "
            "The regulator said flights would be diverted.",
            "Civil Aviation Authority",
            "government",
            id="the regulator",
        ),
        pytest.param(
            "Kestrel United said on Friday that the coach had resigned. Talks with Bramley "
            "Motors had stalled. The club said a successor would be named.",
            "club",
            "organization",
            id="not past another body named since",
        ),
    ],
)
def test_the_club_or_the_regulator_is_the_body_that_just_spoke(
    analyze, text: str, entity: str, kind: str
) -> None:
    st = analyze(text).statements[-1]
    assert (st.speaker_entity, st.speaker_kind) == (entity, kind)


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("Members of the hospital board said the ward would stay open.", "hospital board members"),
        ("Several members of the city council said the plan was rushed.", "city council members"),
        ("Some members of the public said they were worried.", "members"),
    ],
)
def test_members_of_a_body_keep_the_body(analyze, text: str, entity: str) -> None:
    st = analyze(text).statements[0]
    assert (st.speaker_entity, st.speaker_kind) == (entity, "anonymous")


def test_a_name_of_no_known_kind_is_the_company_that_speaks_next(analyze) -> None:
    """ "Lumen said ... the company said": one origin, an organization, not a second speaker
    called "company" (and Lumen's own statement learns its kind)."""
    a = analyze(
        "Lumen said on Monday that hackers had accessed the records of 4.2 million "
        "customers. Of those, 310,000 had their bank details exposed, the company said."
    )
    first, second = a.statements
    assert (second.speaker_entity, second.speaker_kind) == ("Lumen", "organization")
    assert (first.speaker_entity, first.speaker_kind) == ("Lumen", "organization")
    assert [(e.name, e.kind) for e in a.entities] == [("Lumen", "organization")]


@pytest.mark.parametrize(
    "text",
    [
        "The fund was backed by Dellacroix Capital. A spokesperson for Dellacroix declined to "
        "comment on Monday.",
        "Tarn Logistics said it had raised money from Orwell Capital. A spokesperson for Orwell "
        "declined to comment.",
    ],
)
def test_a_spokesperson_for_a_body_s_short_name_speaks_for_the_body(analyze, text: str) -> None:
    """ "A spokesperson for Dellacroix" after Dellacroix Capital was named is its spokesperson,
    not a person called Dellacroix (whatever the tagger took the short name for)."""
    a = analyze(text)
    name = a.statements[-1].speaker_entity
    assert name.endswith(" Capital spokesperson")
    assert [e.name for e in a.entities if e.kind == "person"] == [name]


def test_a_spokeswoman_for_a_person_is_still_that_person(analyze) -> None:
    a = analyze("Ann Lee criticised the plan. A spokeswoman for Lee said she would vote no.")
    assert (a.statements[-1].speaker_entity, a.statements[-1].speaker_kind) == ("Ann Lee", "person")


def test_a_lone_name_the_tagger_took_for_a_person_may_be_the_company_that_speaks_next(
    analyze,
) -> None:
    """A one-word name never shown to be a person's ("Halworth said", no first name, title or
    age) is "the company" that speaks right after it, not the group that spoke before."""
    a = analyze(
        "The Grey Lantern group said it held nine million files. Halworth said the claims were "
        "untrue. The company said it had seen no sign of a theft."
    )
    assert [(s.speaker_entity, s.speaker_kind) for s in a.statements[1:]] == [
        ("Halworth", "organization"),
        ("Halworth", "organization"),
    ]


def test_a_lone_name_shown_to_be_a_person_is_not_the_company(analyze) -> None:
    a = analyze(
        "The Grey Lantern group said it held nine million files. Ms. Halworth said the claims "
        "were untrue. The company said it had seen no sign of a theft."
    )
    assert a.statements[1].speaker_kind == "person"
    assert a.statements[2].speaker_entity != "Halworth"


@pytest.mark.parametrize("name", ["Halworth", "Tarrow"])
def test_a_spokesman_after_a_lone_name_spoke_is_its_not_the_firm_before(analyze, name: str) -> None:
    """ "Halworth disputed that. ... a spokesman said": Halworth's (whatever kind the tagger
    gave the name), not the firm whose figure it disputed."""
    a = analyze(
        "Ridgefield Analytics, a security firm, said as many as 4 million accounts were "
        f'exposed. {name} disputed that. "We do not accept that figure," a spokesman said.'
    )
    assert a.statements[-1].speaker_entity == f"{name} spokesman"


def test_a_body_s_short_name_is_the_body_whatever_the_tagger_said(analyze) -> None:
    """ "Ashcombe & Pryor said ... Ashcombe said": one organization, so "the company" after a
    rival body spoke is still Ashcombe & Pryor."""
    a = analyze(
        "Ashcombe & Pryor said fewer than a million customers were affected. Vantor Group said it "
        "held 12 million records. Ashcombe said the claim was false. The company said it had "
        "found no evidence of a larger breach."
    )
    assert [(s.speaker_entity, s.speaker_kind) for s in a.statements[2:]] == [
        ("Ashcombe & Pryor", "organization")
    ] * 2
    assert ("Ashcombe", "person") not in [(e.name, e.kind) for e in a.entities]


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("British retailer Ashcombe & Pryor said sales had fallen.", "Ashcombe & Pryor"),
        ("The logistics firm Harwood Freight said it would appeal.", "Harwood Freight"),
    ],
)
def test_a_body_named_after_what_it_is_goes_by_its_name(analyze, text: str, entity: str) -> None:
    assert analyze(text).statements[0].speaker_entity == entity


@pytest.mark.parametrize(
    ("text", "entity", "kind"),
    [
        pytest.param(
            "Analysts at Peel Hunt said the hit would be modest.",
            "Peel Hunt analysts",
            "anonymous",
            id="people at a firm the tagger took for a person",
        ),
        pytest.param(
            "The Office of the Rail Commissioner confirmed the report. A spokesperson for the "
            "watchdog said it was reviewing the data.",
            "Office of the Rail Commissioner spokesperson",
            "person",
            id="a spokesperson for the body named before",
        ),
        pytest.param(
            "Transport Minister Ana Ruiz rejected the claim. Her ministry said the line would "
            "reopen on Monday.",
            "Ana Ruiz's ministry",
            "government",
            id="her ministry is a body, not the minister",
        ),
        pytest.param(
            "Senator Maria Keller criticised the plan. Her office said she would vote no.",
            "Maria Keller",
            "person",
            id="her office speaks for her",
        ),
        pytest.param(
            "Dorvania's neighbour, the Republic of Kelsa, said it would send aid.",
            "Republic of Kelsa",
            "government",
            id="a state set beside a person word",
        ),
        pytest.param(
            "Tarvik Labs, whose researchers said the sample was genuine, called the figure low.",
            "Tarvik Labs researchers",
            "anonymous",
            id="whose researchers are the firm's",
        ),
    ],
)
def test_people_of_a_body_and_a_person_s_body(analyze, text: str, entity: str, kind: str) -> None:
    st = [s for s in analyze(text).statements if s.speaker_entity == entity]
    assert [s.speaker_kind for s in st][-1:] == [kind]


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ('"We did not believe him," one juror said.', "one juror"),
        ("A forensic accountant testified that the figure was lower.", "forensic accountant"),
        (
            '"It was over," said a former federal prosecutor who asked not to be identified.',
            "former federal prosecutor",
        ),
        (
            "One shareholder, who spoke on condition of anonymity, said the board had failed. "
            '"It is the worst of both worlds," the investor said.',
            "One shareholder",
        ),
        (
            "Two bankers who know the firm, and who were not authorised to speak publicly, "
            "said the loan would fail.",
            "Two bankers",
        ),
    ],
)
def test_sources_unnamed_are_anonymous_whatever_they_are(analyze, text: str, entity: str) -> None:
    st = analyze(text).statements[-1]
    assert (st.speaker_entity, st.speaker_kind) == (entity, "anonymous")


def test_a_firm_the_tagger_took_for_a_person_is_a_body(analyze) -> None:
    """ "the logistics start-up Harwood Freight": a body, so "Harwood" later is the firm."""
    a = analyze(
        "Daniel Voss founded the logistics start-up Harwood Freight in 2018. Harwood once said "
        "it was worth $2 billion."
    )
    assert (a.statements[-1].speaker_entity, a.statements[-1].speaker_kind) == (
        "Harwood Freight",
        "organization",
    )
    assert ("Harwood Freight", "organization") in [(e.name, e.kind) for e in a.entities]


def test_the_company_is_not_a_person_of_unknown_kind_who_spoke_long_before(analyze) -> None:
    a = analyze(
        "Lumen said on Monday that hackers had accessed the records of customers. "
        + "The breach was found by engineers during a routine audit of old systems. " * 6
        + "The company said it was working with police."
    )
    assert a.statements[-1].speaker_entity != "Lumen"


def test_he_after_a_source_unnamed_on_purpose_is_that_source(analyze) -> None:
    """The anonymous officer's quote must not be credited, by name, to the mayor before him."""
    a = analyze(
        "Deputy mayor Anton Glisic said the council would set up a compensation fund.\n\n"
        "A police officer who patrols the district, speaking on condition of anonymity, said "
        'many of his colleagues were exhausted. "We worked 18-hour shifts," he said.'
    )
    quote = a.statements[-1]
    assert quote.speaker.text == "he"
    assert (quote.speaker_entity, quote.speaker_kind) == ("police officer", "anonymous")


def test_a_name_given_a_person_s_role_is_a_person_whatever_the_tagger_said(analyze) -> None:
    """The tagger's ORG "Marcus Hale": the role beside it makes him a person, so "Hale" is
    him and "He" after his quote is him, not the governor quoted before."""
    a = analyze(
        'Governor Ana Castellan said last month that the bank "will not hesitate to act."\n\n'
        '"This is a broad-based surge," said Marcus Hale, chief economist at Northbridge '
        "Capital. He said the bank would likely need to move by 50 basis points. Hale said a "
        "cut was far off."
    )
    hale = [(s.speaker_entity, s.speaker_kind) for s in a.statements[1:]]
    assert hale == [("Marcus Hale", "person")] * 3


def test_a_surname_followed_by_its_affiliation_is_the_person_named_before(analyze) -> None:
    a = analyze(
        "Priya Anand of Corran & Lowe called the decision a mistake. Anand, of Corran & Lowe, "
        "said the bank had already done too much."
    )
    assert (a.statements[-1].speaker_entity, a.statements[-1].speaker_kind) == (
        "Priya Anand",
        "person",
    )


def test_the_role_a_sentence_gives_a_person_names_them_later(analyze) -> None:
    a = analyze(
        "Davor Renko has been Veldania's interior minister for barely eight months. He again "
        'rejected reports that officers had fired rubber bullets. "There is no evidence of '
        'this," the minister said.'
    )
    assert a.statements[-1].speaker.text == "the minister"
    assert a.statements[-1].speaker_entity == "Davor Renko"


def test_an_attorney_for_someone_is_not_the_lawyer_named_before(analyze) -> None:
    a = analyze(
        "Kaine is a former civil rights lawyer. Kaine said the plan was sound. An attorney for "
        "Mills did not immediately respond to requests for comment."
    )
    assert a.statements[-1].speaker_entity != "Kaine"


@pytest.mark.parametrize(
    ("text", "entity", "kind"),
    [
        pytest.param("Mr Thane, 61, said he would stay on.", "Thane", "person", id="Mr, no stop"),
        pytest.param(
            "One senior figure said the party knew it was over.",
            "One senior figure",
            "anonymous",
            id="a senior figure is a person",
        ),
        pytest.param(
            "A spokesman for the Workers' Alliance said the talks would go on.",
            "Workers' Alliance spokesman",
            "anonymous",
            id="a spokesman for a body",
        ),
        pytest.param(
            "Turnout was 61.2 per cent.\n\nThe prime minister, Gregor Thane, conceded shortly "
            "before 11am. He said he would stay on as caretaker.",
            "Gregor Thane",
            "person",
            id="he after a name the parser made a root's apposition",
        ),
        pytest.param(
            "Dex Marlowe posted a video. Marlowe's supporters said it proved the risk was real.",
            "Marlowe's supporters",
            "anonymous",
            id="his supporters are not him",
        ),
        pytest.param(
            "Dex Marlowe posted again. Marlowe's follow-up post said the risk was real.",
            "Dex Marlowe",
            "person",
            id="a post is its author's, not an outlet's",
        ),
        pytest.param(
            "The Washington Post reported that the talks had failed.",
            "Washington Post",
            "outlet",
            id="a paper's name still is",
        ),
        pytest.param(
            "VeriFact, the Beacon's fact-checking desk, rated the claim False.",
            "VeriFact",
            "organization",
            id="not the owner of an apposition",
        ),
        pytest.param(
            "Corvane Biologics, which makes the vaccine, declined to comment. A company "
            'spokesperson said it would "let the data speak for itself."',
            "Corvane Biologics spokesperson",
            "person",
            id="which is said of no person",
        ),
        pytest.param(
            "It began with a single post.\n\nThe podcaster Dex Marlowe told his followers that "
            "3,000 people had died.",
            "Dex Marlowe",
            "person",
            id="a title before the name",
        ),
    ],
)
def test_speakers_of_british_and_social_media_coverage(
    analyze, text: str, entity: str, kind: str
) -> None:
    st = analyze(text).statements[-1]
    assert (st.speaker_entity, st.speaker_kind) == (entity, kind)


@pytest.mark.parametrize(
    "text",
    [
        "the national statistics office said prices rose.\n\nthe statistics office said they fell.",
        "# Dossier\n\n### the statistics office said (government)\n\n- *said*: the statistics office "
        "said prices rose",
    ],
)
def test_lower_case_bodies_and_a_dossier_fed_back_resolve_without_failing(
    analyze, text: str
) -> None:
    """A body named in lower case is no full name of another (it looped back on itself)."""
    assert all(s.speaker_entity for s in analyze(text).statements if s.speaker is not None)


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        pytest.param(
            "The seat went to Councillor Ivo Brandt after a long count. In a statement on "
            "Friday, the councillor said the result was fair.",
            "Ivo Brandt",
            id="the councillor",
        ),
        pytest.param(
            "Deputy Mayor Elena Ruiz led the count over Alderman Pavel Kostic on Tuesday. "
            "The alderman said he would ask for a recount.",
            "Pavel Kostic",
            id="the alderman",
        ),
    ],
)
def test_a_title_before_a_name_is_a_person_the_role_noun_names_later(
    analyze, text: str, entity: str
) -> None:
    """The tagger's ORG "Councillor Ivo Brandt" is a person, and "the councillor" is him."""
    a = analyze(text)
    assert (a.statements[-1].speaker_entity, a.statements[-1].speaker_kind) == (entity, "person")
    assert (entity, "person") in [(e.name, e.kind) for e in a.entities]


def test_he_after_a_person_a_sentence_opens_on_is_that_person(analyze) -> None:
    """ "For Tom Reed, ...": the person the new paragraph is about, not the man quoted before."""
    a = analyze(
        '"The water came in fast," said Samuel Okafor, a neighbour.\n\n'
        "For Tom Reed, the next step is a shelter in town. He said he had lost everything."
    )
    assert a.statements[-1].speaker_entity == "Tom Reed"


def test_a_first_name_and_surname_the_tagger_took_for_a_body_are_a_person(analyze) -> None:
    a = analyze(
        '"The water came in fast," said Samuel Okafor, a neighbour.\n\n'
        "For Dominic Pryce, the next step is a shelter in town. He said he had lost everything."
    )
    assert (a.statements[-1].speaker_entity, a.statements[-1].speaker_kind) == (
        "Dominic Pryce",
        "person",
    )


def test_the_board_is_the_board_named_before(analyze) -> None:
    st = analyze(
        "The Tolburg County Board of Supervisors on Monday approved the budget. The cuts will "
        "start in March, the board said."
    ).statements[-1]
    assert (st.speaker_entity, st.speaker_kind) == (
        "Tolburg County Board of Supervisors",
        "organization",
    )


def test_a_name_s_campaign_is_the_name_campaign(analyze) -> None:
    a = analyze(
        "The Brandt campaign said it had counted every ballot. Later, Brandt's campaign said "
        "the audit was flawed."
    )
    assert [s.speaker_entity for s in a.statements] == ["Brandt campaign"] * 2


def test_unnamed_paramedics_and_one_of_them_are_anonymous(analyze) -> None:
    a = analyze(
        "Three paramedics told the Ledger the road had been closed for hours. "
        '"We could not get through," one of them said.'
    )
    assert [(s.speaker_entity, s.speaker_kind) for s in a.statements] == [
        ("Three paramedics", "anonymous")
    ] * 2


def test_a_town_the_tagger_ran_into_a_name_is_not_part_of_it(analyze) -> None:
    st = analyze(
        "One of the attorneys, Curtis Lowe of Boise, said he expected hundreds more plaintiffs."
    ).statements[0]
    assert (st.speaker_entity, st.speaker_kind) == ("Curtis Lowe", "person")
