"""Who said what: each attribution construction on a short sentence written for the test."""

from __future__ import annotations

import pytest

from claimledger.extract.attribution.quotes import find_quotes
from claimledger.model import Analysis, Statement

pytestmark = pytest.mark.slow


def only(analysis: Analysis, cue: str) -> Statement:
    """The one statement whose cue text is `cue`."""
    found = [s for s in analysis.statements if s.cue is not None and s.cue.text == cue]
    assert len(found) == 1, [(s.cue, s.content.text) for s in analysis.statements]
    return found[0]


def starting(analysis: Analysis, word: str) -> Statement:
    """The one statement whose cue starts with `word`, however far the cue runs on."""
    found = [s for s in analysis.statements if s.cue is not None and s.cue.text.startswith(word)]
    assert len(found) == 1, [(s.cue, s.content.text) for s in analysis.statements]
    return found[0]


def assert_traceable(analysis: Analysis) -> None:
    text = analysis.article.text
    for st in analysis.statements:
        for span in (st.content, st.cue, st.speaker, st.sentence):
            if span is not None:
                assert text[span.start : span.end] == span.text


# --- quote finding (no parse needed) ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        ("He said “yes” and “no.”", ["“yes”", "“no.”"]),
        ("“It went well,’’ she said.", ["“It went well,’’"]),  # a closing ’’
        ("``Fine,'' he said.", ["``Fine,''"]),
        ('"We won," she said, "again."', ['"We won,"', '"again."']),
        ("“No closer here.\nNext paragraph.", ["“No closer here."]),  # ends at its paragraph
        ("the end of a long quote.”\n", ["the end of a long quote.”"]),  # opener was earlier
        ("“A real ‘no-limits partnership,” he said.", ["“A real ‘no-limits partnership,”"]),
        ("“It is unusual,“ said Ann Lee.", ["“It is unusual,“"]),  # an opener typed to close
        # British single marks; an apostrophe ("don’t", "workers’ rights") closes nothing
        (
            "‘Nine votes is nine votes,’ she said. ‘I don’t mind.’",
            ["‘Nine votes is nine votes,’", "‘I don’t mind.’"],
        ),
        ("The workers’ rights were ‘not on the table’, she said.", ["‘not on the table’"]),
        # typewriter single marks: a quote only where it closes in its paragraph
        ("'We won,' she said. 'Again.'", ["'We won,'", "'Again.'"]),
        ("In the '90s it was the workers' turn.\nNo 'way", []),
        # a doubled '' opener left open still ends with its paragraph
        ("''And it's hard?\n\n''That's all,'' she said.", ["''And it's hard?", "''That's all,''"]),
        (
            "She said: ‘There is no deal, and anyone who says so is “briefing fantasy”.’",
            ["‘There is no deal, and anyone who says so is “briefing fantasy”.’"],
        ),
    ],
)
def test_find_quotes_tolerates_unbalanced_marks(text: str, quotes: list[str]) -> None:
    assert [text[s:e] for s, e in find_quotes(text)] == quotes


# --- direct quotes ---------------------------------------------------------------------


def test_direct_quote_with_cue_after(analyze) -> None:
    a = analyze("“The troops are in Russia,” Ann Lee said on Monday.")
    st = only(a, "said")
    assert st.direct and st.speaker.text == "Ann Lee"
    assert st.content.text == "“The troops are in Russia,”"
    assert_traceable(a)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"We found no errors in the accounts. None," the auditor said.', "the auditor"),
        ('"Nobody was hurt. Not one," the fire chief said.', "the fire chief"),
    ],
)
def test_quote_closing_on_a_fragment_keeps_its_speaker(analyze, text: str, speaker: str) -> None:
    st = only(analyze(text), "said")
    assert st.direct and st.speaker.text == speaker


def test_direct_quote_with_cue_before(analyze) -> None:
    st = only(analyze("Ann Lee said: “The troops are in Russia.”"), "said")
    assert st.direct and st.speaker.text == "Ann Lee"
    assert st.content.text == "“The troops are in Russia.”"


def test_quote_interrupted_by_its_cue_runs_from_first_to_last_part(analyze) -> None:
    st = only(analyze("“They are fair game,” Tom Ford said. “We will defend ourselves.”"), "said")
    assert st.speaker.text == "Tom Ford"
    assert st.content.text.startswith("“They are fair game,”")
    assert st.content.text.endswith("“We will defend ourselves.”")


@pytest.mark.parametrize(
    "text",
    [
        "“For a start,” she told the committee, “we will not send troops.”",
        '"If you look at it," Mr. Reyes said, "our positions are not so different."',
    ],
)
def test_quote_split_by_its_cue_in_one_sentence_is_one_content(analyze, text: str) -> None:
    a = analyze(text)
    (st,) = a.statements
    first, last = find_quotes(text)[0], find_quotes(text)[-1]
    assert st.direct
    assert (st.content.start, st.content.end) == (first[0], last[1])


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "After the court ruled last year, Mr. Hart said, most such laws were thought safe.",
            "said",
            "After the court ruled last year, Mr. Hart said, most such laws were thought safe",
        ),
        (
            "If turnout keeps falling, the analyst wrote, the party may lose both seats.",
            "wrote",
            "If turnout keeps falling, the analyst wrote, the party may lose both seats",
        ),
    ],
)
def test_cue_set_off_by_commas_inside_a_clause_takes_the_whole_clause(
    analyze, text: str, cue: str, content: str
) -> None:
    assert only(analyze(text), cue).content.text == content


def test_quote_in_one_sentence_and_its_speaker_in_the_next(analyze) -> None:
    a = analyze("“What exactly are they doing?” Mr. Ford told reporters at a base in Italy.")
    st = only(a, "told")
    assert st.direct and st.speaker.text == "Mr. Ford"
    assert st.content.text.startswith("“What exactly are they doing?”")
    assert st.stance == "question"


def test_closing_double_apostrophe_is_a_closing_mark(analyze) -> None:
    a = analyze("“He went tin-cupping early on,’’ she said, “and then from Iran.”")
    st = only(a, "said")
    assert st.direct and st.speaker.text == "she"
    assert st.content.text.startswith("“He went tin-cupping early on,’’")


def test_speech_inside_a_quote_is_not_a_second_statement(analyze) -> None:
    a = analyze("“I wouldn’t say they have run out of men,” the general said.")
    assert [s.cue.text for s in a.statements] == ["said"]


# --- reported speech -------------------------------------------------------------------


@pytest.mark.parametrize("verb", ["said", "noted", "indicated", "confirmed", "warned"])
def test_reported_speech_with_that(analyze, verb: str) -> None:
    st = only(analyze(f"Ann Lee {verb} that the troops had left the base."), verb)
    assert not st.direct and st.speaker.text == "Ann Lee"
    assert st.content.text == "that the troops had left the base"


def test_according_to(analyze) -> None:
    st = only(analyze("The troops left in May, according to the defense ministry."), "according to")
    assert st.speaker.text == "the defense ministry"
    assert st.content.text == "The troops left in May"


def test_a_poll_opening_the_sentence_is_its_source(analyze) -> None:
    st = only(
        analyze("In a Gallup poll released Monday, 52 percent of voters backed the plan."), "In"
    )
    assert st.speaker.text == "a Gallup poll released Monday" and st.speaker_kind == "report"
    assert st.content.text == "52 percent of voters backed the plan"


def test_a_lead_in_the_polls_is_no_statement(analyze) -> None:
    assert not analyze("Clinton has a wide lead in the polls.").statements


def test_possessive_office_as_speaker(analyze) -> None:
    st = only(analyze("The governor's office said the bridge would reopen."), "said")
    assert st.speaker.text == "The governor's office"


def test_passive_quoted_as_saying(analyze) -> None:
    a = analyze("The defense minister was quoted as saying that he expected more troops.")
    st = only(a, "was quoted as saying")
    assert st.speaker.text == "The defense minister"
    assert "he expected more troops" in st.content.text


def test_two_verbs_share_one_subject(analyze) -> None:
    a = analyze(
        "Ann Lee commented on the army's efforts to control information and reported "
        "relocations of the soldiers' families."
    )
    commented, reported = only(a, "commented on"), only(a, "reported")
    assert commented.speaker.text == reported.speaker.text == "Ann Lee"
    assert commented.content.text.startswith("the army's efforts")
    assert reported.content.text == "relocations of the soldiers' families"


def test_aside_after_the_clause(analyze) -> None:
    st = only(analyze("The talks have stalled, officials say."), "say")
    assert st.speaker.text == "officials"
    assert st.content.text == "The talks have stalled"


def test_a_word_quoted_inside_reported_speech_leaves_it_reported(analyze) -> None:
    a = analyze("The coach admitted he had called the plan “bold” in private.")
    st = only(a, "admitted")
    assert st.content.text == "he had called the plan “bold” in private" and not st.direct


def test_a_quoted_label_inside_what_was_said_stays_the_speakers_words(analyze) -> None:
    st = only(analyze("The senator called the merger a “reckless” gamble by the board."), "called")
    assert st.direct


def test_described_as_a_quoted_label(analyze) -> None:
    a = analyze("Defense Secretary Tom Ford described the situation as “very, very serious.”")
    st = only(a, "described")
    assert st.speaker.text == "Defense Secretary Tom Ford"
    assert st.direct and "“very, very serious.”" in st.content.text


def test_as_alleged_by(analyze) -> None:
    a = analyze("The soldiers were preparing to fight, as alleged by Kyiv.")
    st = only(a, "alleged")
    assert st.speaker.text == "Kyiv"
    assert st.content.text == "The soldiers were preparing to fight"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Ann Lee accused the army of preparing to send more troops.",
            "the army of preparing to send more troops",  # the charge's target
        ),
        (  # the parser hangs "of ..." on "the president"
            "Republicans accused the president of politicizing the tragedy.",
            "the president of politicizing the tragedy",
        ),
    ],
)
def test_accused_of(analyze, text: str, content: str) -> None:
    assert only(analyze(text), "accused").content.text == content


def test_let_us_say_is_a_supposition_not_a_statement(analyze) -> None:
    assert analyze("Let's say you think a degree will cost $160,000.").statements == []


@pytest.mark.parametrize(
    "text",
    [
        "That said, the bridge has flaws.",
        "Having said that, the team still has a chance.",
        "That being said, the plan has flaws.",
        "All that said, the plan has flaws.",
    ],
)
def test_that_said_is_the_writers_turn_not_a_statement(analyze, text: str) -> None:
    assert analyze(text).statements == []


def test_said_that_with_its_own_subject_is_still_a_statement(analyze) -> None:
    st = only(analyze("Mr. Li said that, adding that the bridge was safe."), "said")
    assert st.speaker.text == "Mr. Li" and st.content.text == "that"


def test_scare_quote_label_is_not_speech(analyze) -> None:
    a = analyze("The two countries have formed a ‘no-limits partnership’ in recent years.")
    assert a.statements == []


def test_subject_spreading_reports_that_is_their_source(analyze) -> None:
    a = analyze(
        "For months, the provincial and federal governments have fueled reports that "
        "the mine would close."
    )
    st = only(a, "reports")
    assert st.speaker.text == "the provincial and federal governments"
    assert st.speaker_kind == "government"
    assert st.content.text == "that the mine would close"


def test_reports_fueled_by_a_party_name_that_party(analyze) -> None:
    a = analyze(
        "There have been reports of the delays, fueled by two ministries, that the "
        "harbour would shut."
    )
    st = starting(a, "reports")
    assert st.speaker.text == "two ministries"
    assert st.content.text == "that the harbour would shut"


def test_unowned_reports_are_their_own_source(analyze) -> None:
    st = only(analyze("Reports that the mayor would resign spread quickly."), "Reports")
    assert st.speaker_kind == "report" and st.content.text == "that the mayor would resign"


def test_a_report_in_a_paper_is_the_paper_s(analyze) -> None:
    text = "A report in The Financial Times that the company would be sold spread quickly."
    st = only(analyze(text), "report")
    assert st.speaker.text == "The Financial Times" and st.speaker_kind == "outlet"


def test_possessed_claim_noun(analyze) -> None:
    a = analyze("The senator's claim that the count was rigged drew sharp replies.")
    st = only(a, "claim")
    assert st.speaker.text == "The senator" and st.content.text == "that the count was rigged"


def test_adjective_of_belief(analyze) -> None:
    st = only(analyze("The engineers are confident that the bridge will reopen."), "are confident")
    assert st.speaker.text == "The engineers" and st.content.text == "that the bridge will reopen"


def test_aside_between_dashes_attributed_at_its_end(analyze) -> None:
    a = analyze(
        "Given the heavy losses the company has suffered — over 9,000 jobs cut, analysts "
        "recently estimated — the board is now looking for a buyer."
    )
    st = only(a, "recently estimated")
    assert st.speaker.text == "analysts" and st.content.text == "over 9,000 jobs cut"


def test_quoted_on_a_day_saying_takes_the_clause_not_the_day(analyze) -> None:
    a = analyze("The country's interior minister was quoted on Tuesday saying he expected arrests.")
    assert [s.content.text for s in a.statements] == ["he expected arrests"]
    assert a.statements[0].speaker.text == "The country's interior minister"


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "Ann Lee said in a statement that the plant was safe.",
            "said in a statement",
            "that the plant was safe",
        ),
        ("Ann Lee called for an inquiry into the fire.", "called for", "an inquiry into the fire"),
    ],
)
def test_cue_takes_in_time_medium_and_preposition(
    analyze, text: str, cue: str, content: str
) -> None:
    assert only(analyze(text), cue).content.text == content


def test_when_asked_is_not_part_of_the_cue(analyze) -> None:
    a = analyze("When asked about the fire, Ann Lee said the plant was safe.")
    assert "when" not in " ".join(s.cue.text.lower() for s in a.statements)


def test_quote_after_a_sentence_the_parser_ran_on_continues_the_speaker(analyze) -> None:
    a = analyze("A lot of shops should have closed,'' Mr. Hedge said. ''Ours is the exception.''")
    st = only(a, "said")
    assert st.content.text.endswith("''Ours is the exception.''")


def test_a_question_the_writer_asks_is_nobodys_statement(analyze) -> None:
    a = analyze("How do I know if my account was hit?\n\nThe bank says it will write to customers.")
    assert [s.cue.text for s in a.statements] == ["says"]
    assert analyze("Can I claim a refund?").statements == []


def test_a_name_taken_is_not_something_said(analyze) -> None:
    a = analyze("A group calling itself Red Hand said it set the fire.")
    assert [s.cue.text for s in a.statements] == ["said"]


# --- stance ----------------------------------------------------------------------------


def test_dismissed_as_fake_news_is_a_denial(analyze) -> None:
    a = analyze("The Kremlin has previously dismissed the claims as “fake news.”")
    st = only(a, "has previously dismissed")
    assert st.stance == "deny" and st.speaker.text == "The Kremlin"


def test_described_as_groundless_rumors_is_a_denial(analyze) -> None:
    a = analyze("A UN representative described them as “groundless rumors” during a meeting.")
    assert only(a, "described").stance == "deny"


def test_described_as_serious_is_not_a_denial(analyze) -> None:
    a = analyze("The minister described the situation as “very serious.”")
    assert only(a, "described").stance == "assert"


def test_has_denied_is_a_denial(analyze) -> None:
    st = only(analyze("Russia has denied earlier reports on the troops."), "has denied")
    assert st.stance == "deny" and st.content.text == "earlier reports on the troops"


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Ann Lee suggested that the army could be short of men.", "suggested"),
        ("Ann Lee speculated that the army was short of men.", "speculated"),
        ("Ann Lee said that the army may be short of men.", "said"),
        ("Ann Lee said the deal could collapse next week.", "said"),
        ("The club are thought to be ready to raise their bid.", "are thought"),
        ("The coach is understood to be frustrated.", "is understood"),
        ("The court is expected to set a new hearing date.", "is expected"),
        ("Ann Lee said the cost was likely to be small.", "said"),
        ("Ann Lee said prices would probably rise.", "said"),
    ],
)
def test_speculation(analyze, text: str, cue: str) -> None:
    assert only(analyze(text), cue).stance == "speculate"


def test_a_likelihood_set_off_after_the_claim_hedges_only_its_aside(analyze) -> None:
    st = only(analyze("Officials said the army had sent 900 troops, likely for combat."), "said")
    assert st.stance == "assert"


def test_hedge_found_when_the_parser_made_the_stop_the_root() -> None:
    """A hand-built parse of a kind the small parser makes: the stop is the sentence's root,
    so `Span.root` of what was said is the stop; the hedge is on the verb of what was said."""
    import spacy
    from spacy.tokens import Doc

    from claimledger.extract.attribution.stance import stance_of

    words = ["He", "went", "on", "to", "say", "“", "prices", "may", "rise", ".", "”"]
    heads = [1, 9, 1, 4, 1, 1, 8, 8, 4, 9, 1]
    deps = ["nsubj", "dep", "prt", "aux", "xcomp", "punct", "nsubj", "aux", "ccomp"]
    deps += ["ROOT", "punct"]
    lemmas = ["he", "go", "on", "to", "say", "“", "price", "may", "rise", ".", "”"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, lemmas=lemmas)
    content = doc[5:11]
    assert content.root.i == 9  # the stop: what `Span.root` gives here
    assert stance_of(doc[4], content, content.text) == "speculate"


@pytest.mark.parametrize("verb", ["warned", "threatened"])
def test_a_warning_of_what_might_happen_asserts(analyze, verb: str) -> None:
    a = analyze(f"The office {verb} that it might consider sending more aid.")
    assert only(a, verb).stance == "assert"


def test_could_not_says_what_did_not_happen(analyze) -> None:
    assert (
        only(analyze("Ann Lee said she could not attend the hearing."), "said").stance == "assert"
    )


def test_plain_statement_asserts(analyze) -> None:
    assert only(analyze("Ann Lee said that the army was short of men."), "said").stance == "assert"


def test_asked_is_a_question(analyze) -> None:
    st = only(analyze("Ann Lee asked whether the troops had left."), "asked")
    assert st.stance == "question"


def test_asking_someone_to_act_is_no_question(analyze) -> None:
    st = only(analyze("The moderator asked the candidates to discuss their own ideas."), "asked")
    assert st.stance == "assert"


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The union, which had asked that the vote be delayed, lost.", "had asked"),
        ("The senator wrote to the bank asking for an explanation of the fees.", "asking for"),
        ("The chief asked anyone who left to sign in online so staff can find them.", "asked"),
    ],
)
def test_asking_that_something_be_done_or_for_something_is_no_question(
    analyze, text: str, cue: str
) -> None:
    assert only(analyze(text), cue).stance == "assert"


@pytest.mark.parametrize(
    ("text", "cue", "stance"),
    [
        # a forecast given up is still a forecast, no denial of a figure or a claim
        (
            "The club no longer expects to sign the striker before June.",
            "no longer expects",
            "speculate",
        ),
        (
            "The board does not expect the bridge to reopen this year.",
            "does not expect",
            "speculate",
        ),
        ("Ann Lee doesn't believe the survey is reliable.", "doesn't believe", "deny"),
    ],
)
def test_not_or_no_longer_believing_or_expecting(analyze, text: str, cue: str, stance: str) -> None:
    assert only(analyze(text), cue).stance == stance


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("Her attorney said she never signed the lease.", "deny"),
        ("A spokeswoman for the bank said it did not sell the accounts.", "deny"),
        # not one who speaks for her, a promise, a habit: no denial
        ("Her brother said she never came home that night.", "assert"),
        ("The club's spokesman said it would never sell the ground.", "assert"),
        ("His lawyer said he never comments on rumours.", "assert"),
    ],
)
def test_one_speaking_for_another_denies_what_that_one_never_did(
    analyze, text: str, stance: str
) -> None:
    assert only(analyze(text), "said").stance == stance


def test_not_having_expected_is_a_surprise_not_a_denial(analyze) -> None:
    text = "The farmers did not expect the river to rise so fast."
    assert only(analyze(text), "did not expect").stance == "assert"


def test_could_only_is_a_limit_not_a_guess(analyze) -> None:
    st = only(analyze("Ann Lee said she could only comment on her own findings."), "said")
    assert st.stance == "assert"


@pytest.mark.parametrize(
    "text",
    [
        "The court rejected a request to unseal the file.",
        "The ministry denied entry to the reporters.",
        "The clinic rejected 310 of the samples.",  # things counted are no claims
        "The other forms were rejected.",  # a refusal the writer tells of, by no one named
    ],
)
def test_refusing_a_request_is_no_denial(analyze, text: str) -> None:
    assert [s.stance for s in analyze(text).statements] == ["assert"]


# --- the example story -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The Kremlin said the claims were “completely untrue.”", "said"),
        ("Mr. Peskov told reporters that the report was “absolutely untrue.”", "told"),
        ("The company pushed back against the report.", "pushed back against"),
        ("Beijing brushed off the accusations.", "brushed off"),
        ("The army dismissed the figures, calling them exaggerated.", "calling"),
        ("The club denied that it had offered 20 million euros for him.", "denied"),
        ("The company denied that it had requested a bailout.", "denied"),
        ("The former treasurer pleaded not guilty to fraud.", "pleaded"),
        ("The agency said the figure was not accurate.", "said"),
        ("“Our review does not support that figure,” the company said.", "said"),
        (
            "“Three deaths are confirmed. The figure of seven is not accurate,” the agency said.",
            "said",
        ),
        ("“There is no evidence that the vaccine caused 3,000 deaths,” said Dr. Salgado.", "said"),
        ("“The post said the shot killed 3,000 people. That is false,” said Maya Brandt.", "said"),
        ("The agency said on Wednesday that the number was wrong.", "said"),
        ("The group said that the figure was not supported by any official data.", "said"),
        ('VeriFact said the figure "has no basis in any official data."', "said"),
        ("VeriFact, the fact-checking desk, rated the claim False.", "rated"),
        ("“Three thousand appears nowhere in our data. It is simply made up,” Reyes said.", "said"),
        ("“I never said all of them were caused by the shot,” Marlowe wrote.", "wrote"),
        ("“We do not accept those figures,” the council said.", "said"),
        ("“My client did not cheat anyone,” his lawyer said.", "said"),
        ("The mayor insisted that she had never met the developer.", "insisted"),
        ("“That estimate is not based on any of our records,” the council said.", "said"),
        (
            "“We have not seen any evidence that our pipes leaked,” the utility's chief said.",
            "said",
        ),
        ("The airline said it had found no evidence its pilots were at fault.", "said"),
        ("The club denied two reports of a takeover.", "denied"),
        ("“There is no evidence of fraud,” the clerk said. “None at all.”", "said"),  # split
        ("The accusations were rejected.", "were rejected"),
    ],
)
def test_calling_a_claim_false_or_brushing_it_off_is_a_denial(analyze, text: str, cue: str) -> None:
    assert only(analyze(text), cue).stance == "deny"


@pytest.mark.parametrize(
    "text",
    [
        "The union said workers at the plant were locked out on Monday. "
        "“No one was locked out,” the company said.",
        "Residents said the river flooded the lower town. "
        "“It did not flood the town,” the mayor said.",
    ],
)
def test_a_flat_rebuttal_of_another_speakers_claim_is_a_denial(analyze, text: str) -> None:
    first, second = analyze(text).statements
    assert (first.stance, second.stance) == ("assert", "deny")


@pytest.mark.parametrize(
    "text",
    [
        "The union said prices rose. The bank said wages did not rise.",  # another subject
        "Ann Lee said parents want good schools. “Nobody wants to bus their kids,” Lee said.",
        "Ann Lee said the audit was finished. “It was not finished,” she said later.",
    ],
)
def test_a_negation_after_a_claim_is_no_rebuttal_of_another_thing_or_by_the_same_speaker(
    analyze, text: str
) -> None:
    assert [s.stance for s in analyze(text).statements] == ["assert", "assert"]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("She said it was wrong to blame the workers.", "said"),
        ("His department shrugged off the prosecutions.", "shrugged off"),
        ("He said how absurd that would be.", "said"),
        ("He said it was not right to blame the workers.", "said"),
        ("He said he did not support the plan.", "said"),
        ("He said there was no doubt that the plan would work.", "said"),
        ("She said she had never seen such a crowd.", "said"),
        ("Ann Lee had never told the council that the figures were wrong.", "had never told"),
        ("The ministry did not deny the report.", "did not deny"),
    ],
)
def test_criticism_or_ignoring_is_no_denial(analyze, text: str, cue: str) -> None:
    assert only(analyze(text), cue).stance != "deny"


def test_example_story_statements(analyze, examples_dir) -> None:
    text = (
        examples_dir / "nk-troops" / "us-says-north-korean-troops-are-in-russia.txt"
    ).read_text()
    a = analyze(text)
    assert_traceable(a)
    by = {(s.speaker_entity, s.stance) for s in a.statements}
    assert ("Lloyd J. Austin III", "question") in by  # “What exactly are they doing?”
    assert ("Russia", "deny") in by  # "Russia has denied earlier reports"
    assert ("Victor Cha", "assert") in by
    kinds = {s.speaker_entity: s.speaker_kind for s in a.statements}
    assert kinds["U.S. officials"] == "anonymous"
    assert kinds["Russia"] == "government"
    # "the real ‘no-limits partnership’" sits inside Mr. Cha's quote: no statement of its own
    assert not any("no-limits" in s.content.text and not s.direct for s in a.statements)
    # the Title Case headline "U.S. Says ..." keeps its speaker; "both ... experts" are experts
    assert ("U.S.", "government") in {(s.speaker_entity, s.speaker_kind) for s in a.statements}
    assert kinds["Russia and North Korea experts"] == "anonymous"
    # "But they made no estimate ..." right after American officials spoke is theirs
    assert only(a, "made no estimate of").speaker_entity == "American officials"


# --- content boundaries and prepositional content ----------------------------------------


def test_prepositional_content_after_pointing_verb(analyze) -> None:
    st = only(analyze("The senator pointed to the rising cost of rent."), "pointed to")
    assert st.speaker.text == "The senator"
    assert st.content.text == "the rising cost of rent"


def test_told_listener_stays_out_of_content(analyze) -> None:
    st = only(analyze("The mayor told reporters that the bridge would reopen."), "told")
    assert st.content.text == "that the bridge would reopen"


def test_statement_saying_extends_the_cue(analyze) -> None:
    text = "The company issued a statement saying that the plant would close in May."
    st = only(analyze(text), "issued a statement saying")
    assert st.speaker.text == "The company"
    assert st.content.text == "that the plant would close in May"


def test_a_medium_s_participle_that_says_nothing_leaves_the_cue_alone(analyze) -> None:
    st = only(analyze("The mayor posted a video attempting to calm the city."), "posted")
    assert st.content.text == "a video attempting to calm the city"


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (  # a participle after the content
            "The governor said the budget was balanced, adding that taxes would not rise.",
            ("said", "the budget was balanced"),
            ("adding", "that taxes would not rise"),
        ),
        (  # the speaker's second verb
            "He said the attacks had helped his campaign and warned that the party would split.",
            ("said", "the attacks had helped his campaign"),
            ("warned", "that the party would split"),
        ),
    ],
)
def test_follow_on_clause_of_one_speaker_is_a_statement_of_its_own(
    analyze, text: str, first: tuple[str, str], second: tuple[str, str]
) -> None:
    a = analyze(text)
    for cue, content in (first, second):
        assert only(a, cue).content.text == content
    assert_traceable(a)


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            "The state police said Friday they had found two bodies, and the fire marshal's "
            "office said four homes were lost.",
            ("The state police", "they had found two bodies"),
            ("the fire marshal's office", "four homes were lost"),
        ),
        (
            "The water board said it had tested 40 wells, and the county's health office said "
            "six were unsafe.",
            ("The water board", "it had tested 40 wells"),
            ("the county's health office", "six were unsafe"),
        ),
    ],
)
def test_a_second_speaker_joined_by_and_is_not_part_of_the_first_s_words(
    analyze, text: str, first: tuple[str, str], second: tuple[str, str]
) -> None:
    a = analyze(text)
    assert [(s.speaker.text, s.content.text) for s in a.statements] == [first, second]
    assert_traceable(a)


def test_participle_on_a_noun_has_that_noun_as_speaker(analyze) -> None:
    a = analyze("There were emails showing that the agency knew of the threat.")
    st = only(a, "showing")
    assert st.speaker.text == "emails" and st.content.text == "that the agency knew of the threat"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Marco Rubio, speaking at a rally in Miami, said the race was open.", "Marco Rubio"),
        ("The lawyers, who filed the complaint on Monday, said the law was void.", "The lawyers"),
    ],
)
def test_a_clause_set_off_after_the_speaker_is_not_the_speaker(
    analyze, text: str, speaker: str
) -> None:
    assert only(analyze(text), "said").speaker.text == speaker


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("She denied that the company had cut corners, calling the claim absurd.", "calling"),
        ("The minister said the army had retreated, citing heavy losses.", "citing"),
        ("Ann Lee said the targets were a fantasy and accused ministers of lying.", "accused"),
    ],
)
def test_a_participle_after_a_reported_clause_is_the_reporter_s(
    analyze, text: str, cue: str
) -> None:
    a = analyze(text)
    assert only(a, cue).speaker.text == a.statements[0].speaker.text


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "State media quoted the minister as saying the talks were useful.",
            "the minister",
            "the talks were useful",
        ),
        (
            "Molina was quoted by Marca as saying the club was looking at young talent.",
            "Molina",
            "the club was looking at young talent",
        ),
    ],
)
def test_the_one_quoted_as_saying_speaks_not_the_outlet_quoting(
    analyze, text: str, speaker: str, content: str
) -> None:
    (st,) = analyze(text).statements
    assert (st.speaker.text, st.content.text) == (speaker, content)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“The effect was large,” said co-author James Lee.", "co-author James Lee"),
        (
            "The study's co-author, James Lee, said the effect was large.",
            "The study's co-author, James Lee",
        ),
    ],
)
def test_a_hyphenated_title_stays_with_its_name(analyze, text: str, speaker: str) -> None:
    assert only(analyze(text), "said").speaker.text == speaker


def test_two_subjects_the_parser_split_are_one_speaker(analyze) -> None:
    text = "Just 1 percent of Democrats and 3 percent of liberals said they would vote Green."
    st = only(analyze(text), "said")
    assert st.speaker.text == "Just 1 percent of Democrats and 3 percent of liberals"


def test_speaker_of_a_conjunct_without_subject_is_found_further_up(analyze) -> None:
    a = analyze(
        "The senator sought to calm his supporters and took a heckler in stride, "
        "saying the man had a right to speak."
    )
    assert only(a, "saying").speaker.text == "The senator"


def test_a_statement_saying_is_one_statement(analyze) -> None:
    a = analyze("Officials released emails showing that the agency knew of the threat.")
    assert len(a.statements) == 1, a.statements


def test_a_cue_the_redrawn_content_leaves_out_stands_on_its_own(analyze) -> None:
    # the rules' content for "shared" holds "which Mr. Ailes denies"; the boundary model ends it
    # at "allegations", and the denial is a statement of its own again
    a = analyze(
        "After the board shared the full details of the allegations, which Mr. Ailes denies, "
        "the talk of a walkout ended."
    )
    assert only(a, "shared").content.text == "the full details of the allegations"
    denial = only(a, "denies")
    assert denial.stance == "deny" and denial.speaker_entity == "Ailes"


def test_non_restrictive_relative_clause_ends_content(analyze) -> None:
    text = "The mayor said the vote was delayed by the storm, which flooded the hall."
    st = only(analyze(text), "said")
    assert st.content.text == "the vote was delayed by the storm"


def test_according_to_covers_both_conjuncts(analyze) -> None:
    text = "The firm lost money last year and, according to the filing, cut its staff."
    st = only(analyze(text), "according to")
    assert st.speaker.text == "the filing"
    assert st.content.text.startswith("The firm lost money last year")


def test_according_to_in_a_clausal_subject_covers_the_sentence(analyze) -> None:
    text = "What sank the bill, according to two aides, was the cost of the tunnel."
    st = only(analyze(text), "according to")
    assert st.speaker.text == "two aides"
    assert st.content.text.startswith("What sank the bill")
    assert st.content.text.endswith("was the cost of the tunnel")


def test_quote_continuing_in_next_paragraph_joins_the_speaker(analyze) -> None:
    text = "“We will build it,” the mayor said.\n\n“It will take two years.”"
    a = analyze(text)
    st = only(a, "said")
    assert st.content.text == "“We will build it,” the mayor said.\n\n“It will take two years.”"
    assert_traceable(a)


def test_a_british_quote_is_the_speaker_s_whole_and_nothing_inside_speaks(analyze) -> None:
    """ "‘A. B,’ she said. ‘C.’": one statement by her; the "who says otherwise" inside the
    quote is her words, not a speaker."""
    a = analyze(
        "Helena Marsh spoke on Saturday. ‘There is no deal. Nobody has been offered a job, and "
        "anybody who says otherwise is “briefing fantasy”,’ she said. ‘We haven’t even sat down.’"
    )
    st = only(a, "said")
    assert st.direct and st.speaker.text == "she"
    assert st.content.text.startswith("‘There is no deal.")
    assert st.content.text.endswith("‘We haven’t even sat down.’")
    assert [s.cue.text for s in a.statements] == ["said"]


@pytest.mark.parametrize("mark", ["“", '"'])
def test_a_paragraph_left_open_runs_on_into_the_attributed_one(analyze, mark: str) -> None:
    """The convention for a quote over paragraphs: each opens, only the last closes, and the
    cue comes after it; the first paragraph is the speaker's too, not lost."""
    close = "”" if mark == "“" else '"'
    text = (
        "Castellan spoke after the decision.\n\n"
        f"{mark}We will do what it takes. Inflation is too high.\n\n"
        f"{mark}We expect it to fall by December,{close} she said."
    )
    a = analyze(text)
    st = only(a, "said")
    assert st.content.text.startswith(f"{mark}We will do what it takes.")
    assert st.content.text.endswith(f"by December,{close}") and len(a.statements) == 1
    assert_traceable(a)


def test_quoted_words_win_over_the_topic_of_said(analyze) -> None:
    st = starting(analyze("“It will not work,” the mayor said of the plan."), "said")
    assert st.direct and st.speaker.text == "the mayor"
    assert st.content.text == "“It will not work,”"


@pytest.mark.parametrize(
    "text",
    [
        "“We will not close the plant,” the mayor said on WXYZ’s “Morning Report.”",
        "“We will not close the plant,” the mayor said in an interview on “Morning Report.”",
    ],
)
def test_a_quoted_title_after_the_cue_is_not_the_speaker_s_words(analyze, text: str) -> None:
    st = starting(analyze(text), "said")
    assert st.content.text == "“We will not close the plant,”"


def test_the_speaker_s_next_quote_after_a_quoted_title_still_joins(analyze) -> None:
    text = (
        "“We will not close the plant,” the mayor said on “Morning Report.” "
        "“It employs four hundred people.”"
    )
    st = starting(analyze(text), "said")
    assert st.content.text.startswith("“We will not close")
    assert st.content.text.endswith("“It employs four hundred people.”")


def test_quoted_fragments_of_reported_speech_stay_together(analyze) -> None:
    st = only(analyze("The mayor said the plan was “reckless” and “a waste of money.”"), "said")
    assert st.content.text.startswith("the plan was “reckless”")
    assert st.content.text.endswith("“a waste of money.”")


@pytest.mark.parametrize("name", ["Hale", "Quinn", "Mendez"])
def test_a_speaker_right_after_the_quote_is_the_name_without_the_marks(analyze, name: str) -> None:
    """The parser hangs the closing mark on the name, or the name on the quote's last noun."""
    text = (
        "“He is absolutely right. There is a severe disconnect between this White House and "
        f"our military,” {name}, a top Lee surrogate, said Thursday morning on Fox News."
    )
    st = starting(analyze(text), "said")
    assert st.speaker.text == f"{name}, a top Lee surrogate"
    assert st.content.text.startswith("“He is absolutely right.")


@pytest.mark.parametrize(
    "dateline",
    [
        "LIMA, Peru — ",
        "WASHINGTON (AP) - ",
        "LOS ANGELES, Sept. 28 (UPI) — ",
        "Port Ellis, 21 November 2025 - ",  # a press release's
        "Lima, May 3, 2025 — ",
    ],
)
def test_a_wire_dateline_is_not_part_of_what_was_said(analyze, dateline: str) -> None:
    text = f"{dateline}A strong earthquake struck the coast early Tuesday, officials said."
    st = only(analyze(text), "said")
    assert st.content.text == "A strong earthquake struck the coast early Tuesday"


def test_a_phrase_set_off_after_the_cue_is_not_what_was_said(analyze) -> None:
    text = (
        "The death toll from the floods has risen to 62, emergency officials said on Thursday, "
        "up from 40 reported two days earlier."
    )
    st = only(analyze(text), "said")
    assert st.content.text == "The death toll from the floods has risen to 62"


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        (
            "Vexa Labs, a drug maker based in Ohio, estimated on Tuesday that sales would fall.",
            "estimated",
            "Vexa Labs, a drug maker based in Ohio",
        ),
        (
            "Ilse Marr, a spokeswoman for the port, estimated on Friday that 300 containers "
            "were lost.",
            "estimated",
            "Ilse Marr, a spokeswoman for the port",
        ),
        (  # the firm left as the subject of "counting"
            "Tessel Analytics, a weather modeling firm, estimated on Friday that crop losses "
            "would be between $300 million and $500 million, not counting damage to barns, "
            "fences and other farm buildings.",
            "estimated",
            "Tessel Analytics, a weather modeling firm",
        ),
    ],
)
def test_a_subject_with_an_apposition_still_speaks(
    analyze, text: str, cue: str, speaker: str
) -> None:
    """The parser may read the verb after "X, a firm," as a participle on X."""
    st = only(analyze(text), cue)
    assert st.speaker.text == speaker and st.content.text.startswith("that ")


def test_a_subject_misread_as_a_verb_clause_still_speaks(analyze) -> None:
    text = "Aid workers in Harlow said queues at the clinics stretched for hours."
    assert only(analyze(text), "said").speaker.text == "Aid workers in Harlow"


def test_a_test_or_examination_confirming_a_fact_is_no_speaker(analyze) -> None:
    text = (
        "The hospital said 40 patients were admitted on Friday, of which 12 had been confirmed "
        "by blood tests."
    )
    assert [s.cue.text for s in analyze(text).statements] == ["said"]
    assert analyze("The diagnosis was confirmed by a biopsy last week.").statements == []


def test_a_passive_with_its_own_subject_borrows_no_speaker(analyze) -> None:
    text = (
        "Flash floods have killed at least 40 people, the agency said on Tuesday, and the toll "
        "was expected to rise."
    )
    a = analyze(text)
    assert only(a, "said").speaker.text == "the agency"
    assert all(s.speaker is None for s in a.statements if s.cue.text != "said")


@pytest.mark.parametrize(
    ("headline", "speaker", "content"),
    [
        ("Floods Kill Dozens in Kano, Police Say", "Police", "Floods Kill Dozens in Kano"),
        (
            "Tech Giant in Talks to Buy Chip Designer, Report Says",
            "Report",
            "Tech Giant in Talks to Buy Chip Designer",
        ),
    ],
)
def test_a_headline_ending_with_who_says_it(
    analyze, headline: str, speaker: str, content: str
) -> None:
    st = starting(analyze(f"{headline}\n\nThe talks began in March."), "Say")
    assert (st.speaker.text, st.content.text) == (speaker, content)


def test_a_headline_ending_in_a_verb_not_of_saying_is_no_statement(analyze) -> None:
    a = analyze("Storm Hits Coast, Thousands Flee\n\nThe storm weakened overnight.")
    assert not [s for s in a.statements if s.cue.text == "Flee"]


def test_said_in_a_statement_that_takes_the_clause_on_the_statement(analyze) -> None:
    text = (
        "The Dairy Farmers Association said in a statement that the study “unfairly demonizes” "
        "foods that families rely on."
    )
    st = starting(analyze(text), "said")
    assert st.content.text == "that the study “unfairly demonizes” foods that families rely on"
    assert st.speaker.text == "The Dairy Farmers Association"


def test_a_correction_notice_retracts_its_sayings_and_figures(analyze) -> None:
    a = analyze(
        "Police said two people had died.\n\n"
        "Correction: An earlier version of this story said that four people had died. The "
        "agency has received 212 reports, officials said.\n\nThe agency logged 210 reports."
    )
    assert [s.content.text for s in a.statements] == ["two people had died"]
    # the notice runs to the end of its paragraph: its second sentence is no story figure
    assert [q.span.text for q in a.quantities] == ["two people", "210 reports"]


def test_a_quote_opening_with_a_one_word_sentence_is_what_the_cue_before_it_says(
    analyze,
) -> None:
    st = only(analyze("The minister said: “No. The bill passed.”"), "said")
    assert (st.content.text, st.direct) == ("“No. The bill passed.”", True)


def test_a_quote_followed_by_its_own_cue_is_not_the_last_speaker_s(analyze) -> None:
    a = analyze('Ann Lee said the targets were "a fantasy". "Where are the plumbers?" she asked.')
    assert only(a, "said").content.text == 'the targets were "a fantasy"'
    assert (only(a, "asked").content.text, only(a, "asked").stance) == (
        '"Where are the plumbers?"',
        "question",
    )


def test_the_writer_s_gloss_after_a_comma_is_not_what_was_said(analyze) -> None:
    a = analyze("The chairman said the club would not sell, a stance that angered fans.")
    assert only(a, "said").content.text == "the club would not sell"


def test_it_was_reported_that_reports_the_clause(analyze) -> None:
    a = analyze("It was reported last week that a second club was watching the player.")
    assert starting(a, "was reported").content.text == "that a second club was watching the player"


def test_said_in_a_statement_that_after_another_paragraph_is_not_the_whole_sentence(
    analyze,
) -> None:
    text = (
        "Norvale said it would cut jobs.\n\n"
        "The company said in a statement that the restructuring would save money."
    )
    st = starting(analyze(text), "said in")
    assert (st.cue.text, st.content.text) == (
        "said in a statement",
        "that the restructuring would save money",
    )


def test_markdown_bold_marks_are_no_speaker_and_no_words(analyze) -> None:
    a = analyze("**Union says pay 'far too low' as mayor rejects strike threats**")
    st = only(a, "says")
    assert st.speaker.text == "Union"
    assert not st.content.text.endswith("*")
    text = "**Farmers say losses 'much worse' as minister denies drought claims**"
    assert only(analyze(text), "denies").content.text == "drought claims"


def test_a_dateline_is_not_part_of_the_speaker(analyze) -> None:
    text = "KYIV, Ukraine — Ukraine's air force said on Sunday that it had shot down 20 drones."
    st = only(analyze(text), "said")
    assert st.speaker.text == "Ukraine's air force"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "LONDON, Feb 6 (Reuters) - Acme Corp said on Thursday it would cut 500 jobs.",
            "Acme Corp",
        ),
        (
            "BERLIN, March 3 (Reuters) - Germany's economy ministry said growth would slow.",
            "Germany's economy ministry",
        ),
        ("Live updates\n\n18:12 - Harbour Police say two people have died.", "Harbour Police"),
    ],
)
def test_a_wire_dateline_or_a_live_blog_time_is_not_the_speaker(
    analyze, text: str, speaker: str
) -> None:
    assert analyze(text).statements[0].speaker.text == speaker


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The bank said on Friday profits had fallen.", "profits had fallen"),
        ("The company said Thursday sales rose 5%.", "sales rose 5%"),
        ("The minister said on Monday prices would rise.", "prices would rise"),
        ("The mayor said Tuesday night that the bridge was safe.", "that the bridge was safe"),
    ],
)
def test_a_day_after_the_cue_is_neither_said_nor_leaves_the_subject_out(
    analyze, text: str, content: str
) -> None:
    assert starting(analyze(text), "said").content.text == content


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The ministry said the inflation rate fell to 3.5%.", "the inflation rate fell to 3.5%"),
        ("Sales rose 5%, the company said.", "Sales rose 5%"),
    ],
)
def test_a_percent_sign_ending_what_was_said_is_kept(analyze, text: str, content: str) -> None:
    assert only(analyze(text), "said").content.text == content


def test_a_claim_set_against_the_first_by_while_is_a_statement_of_its_own(analyze) -> None:
    text = (
        "Ukraine's air force said that it had shot down 20 of 25 drones overnight, while Moscow "
        "claimed its forces had struck military targets in the region."
    )
    a = analyze(text)
    assert only(a, "said").content.text == "that it had shot down 20 of 25 drones overnight"
    claimed = only(a, "claimed")
    assert claimed.speaker.text == "Moscow"
    assert claimed.content.text == "its forces had struck military targets in the region"


def test_according_to_parsed_as_the_root_still_names_the_source(analyze) -> None:
    text = (
        "According to conservative radio host Tom Baker, the move reeks of “fear” and desperation."
    )
    st = only(analyze(text), "According to")
    assert st.speaker.text == "conservative radio host Tom Baker"
    assert st.content.text == "the move reeks of “fear” and desperation"


def test_as_x_put_it_takes_the_clause_not_it(analyze) -> None:
    st = starting(
        analyze("As a city memo put it, the main requirement is a “lawful source of income.”"),
        "put",
    )
    assert st.speaker.text == "a city memo"
    assert st.content.text.startswith("the main requirement is")


def test_words_before_a_closing_he_said_are_what_he_said(analyze) -> None:
    a = analyze("“We need people of substance.”\n\nPeople like Okafor, he said.")
    assert only(a, "said").content.text == "People like Okafor"


def test_a_setting_before_a_closing_he_said_is_not_what_he_said(analyze) -> None:
    a = analyze("In a speech last July, he said.")
    assert all(s.content.text != "In a speech last July" for s in a.statements)


def test_colon_ending_a_paragraph_introduces_the_next(analyze) -> None:
    a = analyze("In a speech on Friday, the mayor said:\n\nThe bridge will reopen in May.")
    st = only(a, "said")
    assert st.speaker.text == "the mayor"
    assert st.content.text == "The bridge will reopen in May"
    assert_traceable(a)


def test_as_clause_cue_vouches_for_the_main_clause(analyze) -> None:
    st = only(analyze("As the newspaper reported, the factory will close in June."), "reported")
    assert st.speaker.text == "the newspaper"
    assert st.content.text == "the factory will close in June"


def test_indirect_question_after_asked(analyze) -> None:
    st = only(analyze("The singer was asked by a fan if she would tour again."), "was asked")
    assert st.speaker.text == "a fan"
    assert st.content.text == "if she would tour again"


# --- boundaries the learned model redraws -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "Later, Ann Lee went on to say that the tax would hurt farmers.",
            "went on to say",
            "that the tax would hurt farmers",
        ),
        (
            "Ann Lee expressed concern that the tax would hurt farmers.",
            "expressed concern",
            "that the tax would hurt farmers",
        ),
        (
            "Tom Ford made clear that he would not run again.",
            "made clear",
            "that he would not run again",
        ),
    ],
)
def test_cue_runs_on_over_words_before_the_content(
    analyze, text: str, cue: str, content: str
) -> None:
    """The content starts where the longer cue ends, never inside it."""
    assert only(analyze(text), cue).content.text == content


def test_time_between_cue_and_content_leaves_the_content_whole(analyze) -> None:
    st = starting(analyze("Ann Lee said Tuesday that the plant was safe."), "said")
    assert st.speaker.text == "Ann Lee" and st.content.text == "that the plant was safe"


def test_for_the_first_time_is_when_not_what(analyze) -> None:
    st = only(
        analyze("Officials revealed for the first time that the dam had cracked."), "revealed"
    )
    assert (st.cue.text, st.content.text) == ("revealed", "that the dam had cracked")


def test_a_blank_line_ends_a_sentence_but_a_wrapped_line_does_not(nlp) -> None:
    doc = nlp("9:30 p.m.\n\nAnn Lee says the count\nwill resume on Friday.")
    assert [s.text.strip() for s in doc.sents] == [
        "9:30 p.m.",
        "Ann Lee says the count\nwill resume on Friday.",
    ]


def test_a_title_case_line_is_one_sentence(nlp) -> None:
    doc = nlp(
        "Photo by Ann Lee\n\nU.S. Says Rebel Troops Are in the Capital\n\nThe Pentagon confirmed it."
    )
    assert [s.text.strip() for s in doc.sents] == [
        "Photo by Ann Lee",
        "U.S. Says Rebel Troops Are in the Capital",
        "The Pentagon confirmed it.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Two more were found, coast guard spokesman Lt. Cmdr. Ray Dunn said on Sunday.",
        "Two more were found, Supt. Ray Dunn said on Sunday.",
        "Two more were found, Lt.-Col. Ray Dunn said on Sunday.",
        "Two more were found on Sunday, coast guard spokesman Lt. Cmdr. Ray Dunn said, bringing "
        "the total to 82.\n",
    ],
)
def test_an_abbreviated_rank_ends_no_sentence_before_its_name(nlp, analyze, text: str) -> None:
    assert len(list(nlp(text).sents)) == 1
    st = only(analyze(text), "said")
    assert st.speaker_entity == "Ray Dunn" and st.content.text.startswith("Two more were found")


@pytest.mark.parametrize(
    "text",
    [
        "The operator said it had logged a fault on the line at 3:05 p.m. Sunday, an hour "
        "before the first call.",
        "Forecasters said a flood watch would run from 6 a.m. Thursday through 9 p.m. Friday, "
        "with rain of up to 4 inches expected.",
        "The board said the polls would close at 8 p.m. local time, as planned.",
    ],
)
def test_a_clock_time_ends_no_sentence_the_words_after_it_carry_on(nlp, analyze, text: str) -> None:
    """The full stop of "p.m." cut the sentence there, losing what followed."""
    assert len(list(nlp(text).sents)) == 1
    st = analyze(text).statements[0]
    assert st.content.text.rstrip(".").endswith(text.rstrip(".")[-12:])


def test_a_clock_time_at_a_sentence_s_end_still_ends_it(nlp) -> None:
    text = "The vote closed at 9 p.m. The mayor conceded an hour later."
    assert [s.text for s in nlp(text).sents] == [
        "The vote closed at 9 p.m.",
        "The mayor conceded an hour later.",
    ]


def test_a_rank_written_without_stops_is_no_part_of_the_name(analyze) -> None:
    """British style: "Lt Cdr Ray Dunn" is Ray Dunn, the same person as "Lt. Cmdr. Ray Dunn"."""
    st = only(analyze("Lt Cdr Ray Dunn said the search would go on."), "said")
    assert st.speaker_entity == "Ray Dunn"


def test_headline_speaker_with_an_abbreviation(analyze) -> None:
    st = only(analyze("Photo by Ann Lee\n\nU.S. Says Rebel Troops Are in the Capital"), "Says")
    assert st.speaker.text == "U.S."
    assert st.content.text == "Rebel Troops Are in the Capital"


def test_liveblog_timestamp_is_not_the_speaker(analyze) -> None:
    a = analyze("9:30 p.m.\n\nDonald Trump says he may move to the South if he loses.")
    st = only(a, "says")
    assert st.speaker.text == "Donald Trump"
    assert st.content.text == "he may move to the South if he loses"


# --- attributions the layout makes ---------------------------------------------------------


def test_headline_speaker_colon_claim(analyze) -> None:
    a = analyze(
        "Sanders: Brexit’s Message Could Draw Trump Support.\n\nThe senator spoke on Monday."
    )
    st = only(a, ":")
    assert st.speaker.text == "Sanders"
    assert st.content.text == "Brexit’s Message Could Draw Trump Support."
    assert_traceable(a)


@pytest.mark.parametrize(
    "text",
    [
        "Monday’s Morning Email: The Debate Is Tonight.\n\nGood morning.",  # a dated kicker
        "BREAKING: The Bridge Has Reopened.\n\nTraffic is moving.",  # a genre, not a speaker
        "Fact check: No, the vaccine did not kill 3,000 people\n\nIt is false.",  # a desk's label
        "Ann Lee spoke.\n\nThe pattern is clear: the troops are in Russia.",  # not a headline
    ],
)
def test_colon_that_names_no_speaker_is_no_statement(analyze, text: str) -> None:
    assert not [s for s in analyze(text).statements if s.cue.text == ":"]


def test_transcript_turn_is_its_speakers_words(analyze) -> None:
    a = analyze(
        "Jake Tapper interviewed the governor.\n\n"
        "TAPPER: Do you think he has campaigned as a healer?\n\n"
        "UPDATE: The interview aired on Sunday."
    )
    st = only(a, ":")
    assert st.speaker.text == "TAPPER" and st.speaker_entity == "Jake Tapper"
    assert st.content.text == "Do you think he has campaigned as a healer?"
    assert st.stance == "question"


@pytest.mark.parametrize(
    "text",
    [
        "“He represents our greatest shame.” ― Sonya Herridge\n“Next.” ― Ann Lee",
        "Voters wrote in.\n\n“He represents our greatest shame.”\n\n- Sonya Herridge, Miami.",
    ],
)
def test_quote_signed_with_a_dash_and_a_name(analyze, text: str) -> None:
    a = analyze(text)
    st = next(s for s in a.statements if s.speaker and s.speaker.text == "Sonya Herridge")
    assert st.direct and st.cue.text in ("―", "-")
    assert st.content.text == "“He represents our greatest shame.”"
    assert_traceable(a)


def test_a_letter_under_a_heading_naming_its_writer_is_theirs(analyze) -> None:
    """A company's or campaign's post: "A message from Ann Lee, Chief Executive" over quoted
    paragraphs that each open with a mark and the last closes."""
    text = (
        "A message from Ann Lee, Chief Executive\n\n"
        "“I want to apologise to every one of our members.\n\n"
        "“We have failed you. We will put it right.”\n\n"
        "Members can call the helpline."
    )
    a = analyze(text)
    st = only(a, "A message from")
    assert st.speaker.text == "Ann Lee" and st.direct
    assert st.content.text.startswith("“I want") and st.content.text.endswith("right.”")
    assert_traceable(a)


def test_a_message_heading_over_unquoted_text_is_no_attribution(analyze) -> None:
    a = analyze("A message from Ann Lee\n\nThe helpline is open from Monday.")
    assert not [s for s in a.statements if s.cue is not None and "message" in s.cue.text]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The verdict came from pollster Carl Bialik: “Keep on contacting voters.”",
            "pollster Carl Bialik",
        ),
        ("Here is Clinton in December 1992: “Our new direction must rest on the past.”", "Clinton"),
        (
            "The verdict came from Daron Shaw and Ann Lee: “Upsets are common.”",
            "Daron Shaw and Ann Lee",
        ),
    ],
)
def test_a_quote_a_name_and_a_colon_introduce_is_that_names(
    analyze, text: str, speaker: str
) -> None:
    """Roundups and newsletters introduce a quote with a name and a colon, no verb."""
    a = analyze(text)
    st = only(a, ":")
    assert st.speaker.text == speaker and st.direct and st.content.text.startswith("“")
    assert_traceable(a)


@pytest.mark.parametrize(
    "text",
    [
        "The slogan was everywhere in Ohio: “Make it work.”",  # a place is no speaker
        "Senator Ann Lee praised Tom Ruiz: “A very good reporter.”",  # praised, by Lee
        "He told viewers on CNN: “We will win.”",  # a medium, not the speaker
        "“Upsets are common,” Ann Lee said of Daron Shaw: “and expected.”",  # a cue holds it
    ],
)
def test_a_colon_after_a_name_that_does_not_speak_is_no_attribution(analyze, text: str) -> None:
    a = analyze(text)
    assert not [s for s in a.statements if s.cue is not None and s.cue.text == ":"]


@pytest.mark.parametrize(
    ("text", "entity", "content"),
    [
        (
            "Five people were killed in the city, the governor, Ann Lee, said.",
            "Ann Lee",
            "Five people were killed in the city",
        ),
        (  # the paragraph before leads the parser to take "remain" for the subject of "said"
            "That claim has since been repeated by several websites, often with the phrase "
            '"according to reports".\n\nTwo of the injured remain in a serious condition at '
            "Lakeside General Hospital, its medical director, Tom Ruiz, said on Tuesday.",
            "Tom Ruiz",
            "Two of the injured remain in a serious condition at Lakeside General Hospital",
        ),
    ],
)
def test_a_speaker_set_off_by_commas_before_the_cue_is_not_what_was_said(
    analyze, text: str, entity: str, content: str
) -> None:
    st = only(analyze(text), "said")
    assert st.speaker_entity == entity and st.content.text == content


def test_a_single_quoted_subheading_is_no_more_of_the_double_quoted_speaker(analyze) -> None:
    """A paper's subheading in single marks after ''...,'' she said is not her going on; a
    paragraph quoted in the marks she began with is."""
    a = analyze(
        "''If I were younger, I'd retrain,'' she said.\n\n'A tough decision.'\n\n"
        "‘We will win,’ he said.\n\n‘And win again.’"
    )
    she, he = sorted(a.statements, key=lambda s: s.content.start)
    assert she.content.text == "''If I were younger, I'd retrain,''"
    assert he.content.text.endswith("‘And win again.’")


@pytest.mark.parametrize(
    "opening",
    [
        "The charity released a statement on Saturday. It read:",
        "The charity issued the following statement on Saturday:",
    ],
)
def test_a_quote_a_colon_introduces_runs_over_its_paragraphs(analyze, opening: str) -> None:
    """Each paragraph opens the quote and only the last closes it: all of it was said, in
    the speaker's words."""
    a = analyze(
        f'{opening}\n\n"Survivors describe a patrol boat nearby.\n\n'
        '"The trawler sank within minutes."\n\nThe coast guard denies it.'
    )
    st = next(s for s in a.statements if s.content.text.startswith('"Survivors'))
    assert st.direct and st.content.text.endswith('"The trawler sank within minutes."')
    assert st.speaker.text in ("It", "The charity")


@pytest.mark.parametrize(
    "text",
    [
        "No government has endorsed that figure.",
        "Nobody has claimed the attack.",
        "Thank you for following our coverage.",
    ],
)
def test_what_no_one_said_is_no_statement(analyze, text: str) -> None:
    """A subject that is no one, or an imperative to the reader, says nothing."""
    assert analyze(text).statements == []


@pytest.mark.parametrize(
    "text",
    [
        "The prosecutor showed the letter to the jury.",
        "The courtroom fell silent as the sentence was read.",
    ],
)
def test_a_thing_shown_or_a_text_read_out_is_no_statement(analyze, text: str) -> None:
    assert analyze(text).statements == []


def test_a_headlines_fear_of_more_leaves_the_news_to_the_writer(analyze) -> None:
    """ "..., officials fear more": the toll before is reported news, not what they fear."""
    a = analyze("Storm kills 12 on the coast, officials fear more\n\nThe storm weakened.")
    st = only(a, "fear")
    assert (st.speaker.text, st.content.text) == ("officials", "more")


def test_a_headlines_passive_without_its_auxiliary_has_no_speaker(analyze) -> None:
    """ "hundreds feared missing": the hundreds are feared for; they were a claimant."""
    a = analyze("Dozens dead, hundreds feared missing after ferry sinks")
    assert all(s.speaker is None for s in a.statements)


def test_asked_before_a_speaker_is_a_question_put_to_them_not_by_them(analyze) -> None:
    a = analyze("Asked about the strike, Ann Lee said the target had been a depot.")
    assert starting(a, "Asked").speaker is None
    assert only(a, "said").speaker_entity == "Ann Lee"


def test_a_question_put_to_a_speaker_after_their_words_is_not_theirs(analyze) -> None:
    a = analyze(
        "“We don't know yet,” the operator's spokeswoman said when asked whether its line had "
        "sparked the blaze."
    )
    assert only(a, "asked").speaker is None
    assert only(a, "said").speaker.text == "the operator's spokeswoman"
    # guard: a question the speaker asks stays theirs
    a = analyze("The senator asked whether the line had been inspected.")
    assert only(a, "asked").speaker.text == "The senator"


@pytest.mark.parametrize(
    "text",
    [
        "An official, who declined to be named, said talks had stalled.",
        "A diplomat who asked not to be identified said talks had stalled.",
        "One official, who requested anonymity, said talks had stalled.",
        "A guard, who asked that his name not be used, said the gate was open.",
        "A teacher, who asked that her identity be withheld, said classes had stopped.",
    ],
)
def test_why_a_source_goes_unnamed_is_not_a_statement(analyze, text: str) -> None:
    a = analyze(text)
    assert [s.cue.text for s in a.statements] == ["said"]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        (
            "“Every euro is new,” a spokeswoman said, calling the figure “simply not accurate.”",
            "calling",
        ),
        ("“There is zero evidence for 120 drones,” the official said.", "said"),
    ],
)
def test_a_figure_called_not_accurate_or_without_evidence_is_denied(
    analyze, text: str, cue: str
) -> None:
    assert only(analyze(text), cue).stance == "deny"


def test_a_subject_the_parser_hung_on_the_cue_stays_in_what_was_said(analyze) -> None:
    st = only(analyze("The agency said between 600 and 750 people were on board."), "said")
    assert st.content.text == "between 600 and 750 people were on board"


def test_a_second_verb_in_the_simple_past_after_a_compound_tense_is_the_speakers(
    analyze,
) -> None:
    """ "said the navy had acted “with speed” and blamed smugglers": the one who blamed is the
    spokesman, not the navy."""
    a = analyze(
        "Government spokesman Tom Ruiz said the navy had acted “with speed” and blamed "
        "smugglers for the deaths."
    )
    assert only(a, "blamed").speaker_entity == "Tom Ruiz"


def test_a_very_long_text_is_read_in_blocks_with_the_same_statements(
    nlp, monkeypatch: pytest.MonkeyPatch
) -> None:
    import claimledger.extract.attribution as attribution

    paragraphs = [
        f"“The bridge {k} will reopen,” the mayor said. Officials said repairs cost {k} million."
        for k in range(12)
    ]
    doc = nlp("\n\n".join(paragraphs))
    whole = attribution.find_statements(doc)
    monkeypatch.setattr(attribution, "BLOCK_CHARS", 300)
    blocks = attribution.find_statements(doc)
    assert len(whole) == 24 and blocks == whole
    for st in blocks:
        assert doc.text[st.content.start : st.content.end] == st.content.text


def test_a_wire_ledes_gloss_after_the_cue_is_not_what_was_said(analyze) -> None:
    """ "..., the office said on Thursday, the highest rate in six years": the figure is the
    office's statement; the phrase after the cue is the writer's comment on it."""
    st = only(
        analyze(
            "Consumer price inflation rose to 7.4% in March, up from 6.1% in February, the "
            "National Statistics Office said on Thursday, the highest rate in six years and "
            "far above the central bank's 2 percent target."
        ),
        "said",
    )
    assert (
        st.content.text
        == "Consumer price inflation rose to 7.4% in March, up from 6.1% in February"
    )


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Repairs could cost as much as $40 million, the port authority said on Monday, far "
            "above an estimate of $12 million issued a week earlier by the city.",
            "Repairs could cost as much as $40 million",
        ),
        (
            "The union had claimed that attendance reached nearly 64%, far above the figure of "
            "40% reported by the police. The police said the march was peaceful.",
            "that attendance reached nearly 64%",
        ),
    ],
)
def test_the_writers_comparison_after_a_claim_is_not_the_claimants(
    analyze, text: str, content: str
) -> None:
    """ "..., far above an estimate issued by Y": the writer sets the claim against another's;
    the claim ends before it, its figure whole."""
    assert analyze(text).statements[0].content.text == content


def test_a_participle_after_a_denied_report_is_the_denier_s(analyze) -> None:
    a = analyze(
        "Finance Minister Tomas Rilke on Monday denied a report that the government is "
        'preparing a bailout of Velgas, calling it "completely untrue."'
    )
    calling = only(a, "calling")
    assert calling.speaker.text == "Finance Minister Tomas Rilke" and calling.stance == "deny"


def test_a_content_does_not_run_into_the_next_speaker_s_clause(analyze) -> None:
    a = analyze(
        "The Baltra Press Agency reported on Sunday that 140 people were injured; by Monday "
        "the health ministry itself said 163 had sought treatment."
    )
    assert only(a, "reported").content.text == "that 140 people were injured"
    assert only(a, "said").content.text == "163 had sought treatment"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"Who is going to pay for all this?" asked one shopper.', "one shopper"),
        ('"Is it safe?" asked a resident.', "a resident"),
    ],
)
def test_a_speaker_after_the_verb_after_a_quote(analyze, text: str, speaker: str) -> None:
    st = only(analyze(text), "asked")
    assert st.speaker is not None and st.speaker.text == speaker and st.stance == "question"


def test_putting_a_figure_at_a_number_is_an_estimate_given(analyze) -> None:
    """ "The Civic Front put the turnout at 250,000": the organisers' claim, not the outlet's."""
    st = only(analyze("The Civic Front put the turnout at 250,000 on Sunday."), "put")
    assert st.speaker.text == "The Civic Front"
    assert st.content.text.startswith("the turnout at 250,000")


def test_putting_it_at_a_number_is_an_estimate_given(analyze) -> None:
    """ "By Friday the agency had put it at 40": "it" is the figure, not "as X put it"."""
    a = analyze("The toll kept rising. By Friday the agency had put it at 40.")
    st = starting(a, "had put")
    assert st.speaker.text == "the agency"
    assert st.content.text.endswith("40")


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        (
            "Ann Lee, the chief engineer, was expected to tell the panel that the bridge was safe.",
            "to tell",
            "Ann Lee, the chief engineer",
        ),
        (
            "The minister is said to have told aides that the plan was dead.",
            "to have told",
            "The minister",
        ),
    ],
)
def test_expected_to_tell_is_the_speakers_words_hedged(
    analyze, text: str, cue: str, speaker: str
) -> None:
    st = only(analyze(text), cue)
    assert st.speaker.text == speaker and st.stance == "speculate"
    assert st.content.text.startswith("that")


def test_expected_to_do_something_stays_a_belief_nobody_owns(analyze) -> None:
    st = only(analyze("The panel is expected to approve the bridge next week."), "is expected")
    assert st.speaker is None and st.stance == "speculate"


# --- the page's layout: subheadings, section labels, explainers' questions --------------


@pytest.mark.parametrize("gap", ["\n\n", "\n"])
def test_a_subheading_line_ends_its_sentence_and_keeps_the_name_after_it_whole(
    nlp, analyze, gap: str
) -> None:
    """The parser cut the firm's name after its first word ("Tasman | Energy said"), and a
    single line break ran the subheading into the sentence under it."""
    text = f"Insurer denies blame{gap}Tasman Energy said on Wednesday that it had found no fault."
    assert [s.text.strip() for s in nlp(text).sents] == [
        "Insurer denies blame",
        "Tasman Energy said on Wednesday that it had found no fault.",
    ]
    assert only(analyze(text), "said").speaker.text == "Tasman Energy"


def test_a_line_wrapped_before_a_capital_still_runs_on(nlp) -> None:
    text = (
        "The council said on Monday that the new bridge over the\n"
        "River Tay would open in May, two years later than planned.\n"
    )
    assert len(list(nlp(text).sents)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Funding: The relief appeal for the valley is 40% met.\n\nDonors met on Friday.",
        "Background: Floods Hit the Valley Twice in May\n\nThe river rose fast.",
        "Next steps: Crews will rebuild the levee by June.\n\nWork starts soon.",
    ],
)
def test_a_section_label_before_a_colon_names_no_speaker(analyze, text: str) -> None:
    """A report's section label is a topic: "Funding:" said nothing."""
    assert not [s for s in analyze(text).statements if s.cue.text == ":"]


def test_a_common_noun_for_people_before_a_colon_still_speaks(analyze) -> None:
    st = only(analyze("Police: Driver Was Drunk at the Wheel\n\nThe crash closed a road."), ":")
    assert st.speaker.text == "Police"


@pytest.mark.parametrize(
    "text",
    [
        "**What about the drivers who say they were never paid?**\n\nThe union met on Friday.",
        "## Which firms say they will cut jobs?\n\nTalks resume on Monday.",
        "Is the plant as safe as its owner claims?\n\nInspectors will decide.",
    ],
)
def test_a_question_the_writer_heads_a_section_with_is_no_ones_claim(analyze, text: str) -> None:
    """An explainer's heading asks; what it mentions someone saying is asked about."""
    assert analyze(text).statements == []


def test_a_question_after_a_claim_on_its_line_leaves_the_claim(analyze) -> None:
    st = only(analyze("Ann Lee said the plant was safe. Why would she doubt it?"), "said")
    assert st.speaker.text == "Ann Lee"
