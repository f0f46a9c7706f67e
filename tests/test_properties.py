"""Property: analysis of any text never raises, and every span points at its own text."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimledger.ingest import normalize_text

pytestmark = pytest.mark.slow

NEWSY = [
    "“We are ready,” the minister said.",
    "At least 3,000 troops, officials say, crossed on Wednesday.",
    "He denied it. ‘No,’’ she added",
    "between 10,000 and 12,000 people",
    "According to reports, about $2.5 billion was pledged by December.",
    " — ",
    "\n\n",
    "Mr. Smith",
    "“",
    "”",
    "1980s",
    "25,000 to 30,000 a month",
]

texts = st.lists(
    st.one_of(st.sampled_from(NEWSY), st.text(max_size=40)), min_size=1, max_size=12
).map("".join)


def spans_of(obj: Any) -> list[dict]:
    """Every {text, start, end} dict anywhere in the JSON contract."""
    found = []
    if isinstance(obj, dict):
        if {"text", "start", "end"} <= set(obj):
            found.append(obj)
        for value in obj.values():
            found += spans_of(value)
    elif isinstance(obj, list):
        for value in obj:
            found += spans_of(value)
    return found


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(raw=texts)
def test_analysis_never_raises_and_spans_hold(analyze, raw: str) -> None:
    text = normalize_text(raw)
    if not text:
        return
    result = analyze(text, published_at="2024-10-23").to_json()
    for span in spans_of(result):
        assert text[span["start"] : span["end"]] == span["text"]
