"""The PolNeAR attribution scorer: brat reading, trimming, exact and overlap P/R/F1."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from claimledger.eval import eval_app
from claimledger.eval.attribution import predicted_spans
from claimledger.eval.polnear import Tally, read_brat, read_split, trim
from claimledger.extract.attribution.train import fit_choice
from claimledger.model import Span, Statement

TEXT = "“We will win,” Ann Lee said. Officials said that taxes would rise.\n"
# Attribution 1: content split over two segments, source and cue; attribution 2: no quote marks.
ANN = (
    "T1\tContent 0 14\t“We will win,”\n"
    "T2\tSource 15 22\tAnn Lee\n"
    "T3\tCue 23 27\tsaid\n"
    "T4\tAttribution 23 27\tsaid\n"
    "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2\n"
    "T5\tSource 29 38\tOfficials\n"
    "T6\tCue 39 43\tsaid\n"
    "T7\tContent 44 61;62 66\tthat taxes would\n"
    "rise\n"
    "T8\tAttribution 39 43\tsaid\n"
    "E2\tAttribution:T8 Source:T5 Cue:T6 Content:T7\n"
)


def test_trim_drops_quote_marks_whitespace_and_punctuation() -> None:
    assert trim(TEXT, 0, 14) == (1, 12)  # “We will win,” -> We will win
    assert TEXT[slice(*trim(TEXT, 14, 28))] == "Ann Lee said"


def test_read_brat_takes_first_to_last_segment_and_survives_multiline_text() -> None:
    gold = read_brat(ANN, TEXT)
    assert [TEXT[s:e] for s, e in gold.source] == ["Ann Lee", "Officials"]
    assert [TEXT[s:e] for s, e in gold.cue] == ["said", "said"]
    assert [TEXT[s:e] for s, e in gold.content] == ["We will win", "that taxes would rise"]


def test_read_brat_keeps_each_attributions_roles_together() -> None:
    linked = read_brat(ANN, TEXT).linked
    assert [{role: TEXT[s:e] for role, (s, e) in roles.items()} for roles in linked] == [
        {"content": "We will win", "cue": "said", "source": "Ann Lee"},
        {"source": "Officials", "cue": "said", "content": "that taxes would rise"},
    ]


def test_fit_choice_learns_which_candidate_is_right() -> None:
    # the right candidate carries "good" wherever it stands among the options
    data = [([["bias", "bad"], ["bias", "good"]], 1), ([["bias", "good"], ["bias", "bad"]], 0)]
    weights = fit_choice(data * 5, steps=100)
    assert weights["good"] > 0 > weights["bad"]


def test_read_split_uses_the_first_annotator_file(tmp_path) -> None:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "attributions" / "a_zz99.ann").write_text("", encoding="utf-8")
    (tmp_path / "attributions" / "a_aa11.ann").write_text(ANN, encoding="utf-8")
    [(name, text, gold)] = list(read_split(tmp_path))
    assert name == "a" and text == TEXT and len(gold.cue) == 2


def test_exact_and_overlap_scores() -> None:
    text = "aa bb cc dd ee ff gg hh"
    gold = [(0, 5), (12, 20)]  # "aa bb", "ee ff gg"
    tally = Tally()
    # an exact hit; "dd ee ff" with 2 of 3 words in one gold span; "hh", a miss
    tally.add(text, [(0, 5), (9, 17), (21, 23)], gold)
    figures = tally.figures()
    assert figures["exact"] == {"p": 33.3, "r": 50.0, "f1": 40.0}
    assert figures["overlap"]["p"] == pytest.approx(100 * (1 + 2 / 3 + 0) / 3, abs=0.1)
    # "ee ff gg" has 2 of its 3 words inside the prediction "dd ee ff"
    assert figures["overlap"]["r"] == pytest.approx(100 * (1 + 2 / 3) / 2, abs=0.1)


def test_a_wordless_span_overlaps_whole_when_inside_one_and_not_otherwise() -> None:
    text = "“Yes.” ― Ann Lee"
    dash = (7, 8)
    tally = Tally()
    tally.add(text, [dash, (1, 5)], [dash])  # the dash cue matched; "Yes" predicted, no gold
    assert tally.figures()["overlap"] == {"p": 50.0, "r": 100.0, "f1": 66.7}


def test_a_colon_cue_trimmed_to_nothing_matches_the_gold_colon_at_its_place_only() -> None:
    text = "He wrote: “No.” She wrote: “Yes.”"
    gold = [trim(text, 8, 9), trim(text, 25, 26)]  # both colon cues, as the gold reads them
    tally = Tally()
    tally.add(text, [trim(text, 8, 9), trim(text, 3, 3)], gold)  # one at a colon, one not
    assert tally.figures()["exact"] == {"p": 50.0, "r": 50.0, "f1": 50.0}
    assert tally.figures()["overlap"] == {"p": 50.0, "r": 50.0, "f1": 50.0}


def test_empty_predictions_score_zero_not_crash() -> None:
    tally = Tally()
    tally.add("x y", [], [(0, 1)])
    assert tally.figures()["exact"] == {"p": 0.0, "r": 0.0, "f1": 0.0}


def test_predicted_spans_trim_statements_like_gold() -> None:
    st = Statement(
        sentence=Span.of(TEXT, 0, 28),
        content=Span.of(TEXT, 0, 14),
        speaker=Span.of(TEXT, 15, 22),
        cue=Span.of(TEXT, 23, 27),
        direct=True,
    )
    pred = predicted_spans(TEXT, [st])
    assert pred.content == [(1, 12)] and pred.source == [(15, 22)] and pred.cue == [(23, 27)]


@pytest.mark.slow
def test_cli_prints_a_table_then_one_json_object_last(tmp_path) -> None:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "attributions" / "a_aa11.ann").write_text(ANN, encoding="utf-8")
    result = CliRunner().invoke(eval_app, ["attribution", str(tmp_path)])
    assert result.exit_code == 0, result.output
    last = json.loads(result.stdout.strip().splitlines()[-1])
    assert set(last) >= {"source", "cue", "content", "articles"}
    assert last["cue"]["exact"]["r"] == 100.0  # both "said" cues are found
