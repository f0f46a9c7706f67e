"""The NewsQuant scorer (CQE matching rules) on a tiny sample written for the test."""

from __future__ import annotations

import pytest

from claimledger.eval.quantities import (
    Tag,
    concepts_match,
    gold_tag,
    newsquant_unit,
    predict,
    score,
)


def test_gold_tag_reads_ranges_and_concepts() -> None:
    t = gold_tag({"value": "1.0-1.5", "change": "down", "normalized_unit": "Celsius",
                  "referred_concepts": "world temperatures, sea"})
    assert t == Tag((1.0, 1.5), "celsius", "down", ("world", "temperatures", "sea"))
    assert gold_tag({"value": "-5.0", "change": "=", "normalized_unit": "yard",
                     "referred_concepts": "-"}).value == -5.0


def test_concepts_partial_and_complete() -> None:
    assert concepts_match(["Tesla", "shares"], ["tesla", "shares"]) == (True, True)
    assert concepts_match(["Tesla", "shares"], ["shares"]) == (False, True)
    assert concepts_match(["Dell"], ["-"]) == (False, False)


def test_score_counts_each_kind() -> None:
    gold = [Tag(3000.0, "soldier", ">", ("North", "Korea")),
            Tag((25.0, 30.0), "percentage", "=", ("growth",)),
            Tag(7.0, "day", "=", ("-",))]
    pred = [Tag(3000.0, "soldier", ">", ("Korea",)),  # all but complete concept
            Tag((25.0, 30.0), "dollar", "~", ("growth",)),  # value + complete concept
            Tag(99.0, "day", "=", ("-",))]  # wrong value: a false positive
    s = score([(gold, pred)])
    assert s["value"] == {"P": 66.7, "R": 66.7, "F1": 66.7}
    assert s["value+unit"]["F1"] == 33.3
    assert s["value+change"]["F1"] == 33.3
    assert s["value+concept_partial"]["F1"] == 66.7
    assert s["value+concept_complete"]["F1"] == 33.3


def test_score_empty_is_zero() -> None:
    assert score([([], [])])["value"] == {"P": 0.0, "R": 0.0, "F1": 0.0}


def test_units_in_newsquant_vocabulary() -> None:
    assert newsquant_unit("USD", None, None) == "dollar"
    assert newsquant_unit("percent", None, None) == "percentage"
    assert newsquant_unit("USD per barrel", None, None) == "dollar per barrel"
    assert newsquant_unit("player", "first-team player", None) == "first-team player"
    assert newsquant_unit(None, None, None) == "-"


@pytest.mark.slow
def test_falling_range_scored_in_text_order() -> None:
    [tags] = predict(["Oil fell from $75 per barrel to $45.88."])
    assert [t.value for t in tags] == [(75.0, 45.88)]
