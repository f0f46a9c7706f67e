"""Quantities extractor: figures from the parse, linked to their statement and as-of time."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc

from claimledger.extract.corrections import in_correction
from claimledger.extract.numbers import find_quantities
from claimledger.extract.registry import extractor
from claimledger.model import Analysis, Quantity, Span, Statement, TimeExpr

# Words before a figure that make it the baseline of a change, with its own time.
_BASELINE = re.compile(
    r"\b(?:from|than|compared (?:with|to)|versus|vs\.?)(?: (?:a|an|the|its) [a-z]+ of)?\s*$", re.I
)
_BASELINE_REACH = 40  # characters before the figure searched


@extractor("quantities")
def extract_quantities(doc: Doc, analysis: Analysis) -> None:
    """Fill `analysis.quantities`, each tied to the statement holding it and its as-of time."""
    text = analysis.article.text
    found = [
        d.quantity
        for d in find_quantities(doc)
        if d.quantity.sentence is None or not in_correction(text, d.quantity.sentence.start)
    ]
    for q in found:
        q.statement = statement_of(q, analysis.statements)
        q.time = time_of(q, analysis.times, found)
        analysis.quantities.append(q)


def statement_of(q: Quantity, statements: list[Statement]) -> int | None:
    """Index of the statement whose content holds the quantity (the narrowest), else None."""
    best: int | None = None
    for i, s in enumerate(statements):
        if s.content.start <= q.span.start and q.span.end <= s.content.end and (
                best is None or s.content.end - s.content.start
                < statements[best].content.end - statements[best].content.start):
            best = i
    return best


def time_of(q: Quantity, times: list[TimeExpr], others: Sequence[Quantity] = ()) -> int | None:
    """Index of the as-of time: the nearest resolved time expression in the same sentence that
    is not past a baseline figure ("27,000, up from 12,000 on Tuesday": Tuesday is the 12,000's)."""
    if q.sentence is None:
        return None
    sent = q.sentence
    rivals = [o for o in others if o is not q and o.sentence == sent]
    best: tuple[int, int] | None = None
    for i, t in enumerate(times):
        if t.resolved is None or not (sent.start <= t.span.start and t.span.end <= sent.end):
            continue
        gap = _gap(q, t)
        if any(q.span.end <= o.span.start and o.span.end <= t.span.start and _baseline(o, sent)
               for o in rivals):
            continue
        if best is None or gap < best[0]:
            best = (gap, i)
    return best[1] if best else None


def _baseline(q: Quantity, sent: Span) -> bool:
    """Is this the figure a change is measured from ("up from 12,000", "compared with 40")?"""
    at = q.span.start - sent.start
    before = sent.text[max(0, at - _BASELINE_REACH) : at]
    return _BASELINE.search(before) is not None


def _gap(q: Quantity, t: TimeExpr) -> int:
    return max(t.span.start - q.span.end, q.span.start - t.span.end, 0)
