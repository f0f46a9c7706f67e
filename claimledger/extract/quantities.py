"""Quantities extractor: figures from the parse, linked to their statement and as-of time."""

from __future__ import annotations

from spacy.tokens import Doc

from claimledger.extract.numbers import find_quantities
from claimledger.extract.registry import extractor
from claimledger.model import Analysis, Quantity, Statement, TimeExpr


@extractor("quantities")
def extract_quantities(doc: Doc, analysis: Analysis) -> None:
    """Fill `analysis.quantities`, each tied to the statement holding it and its as-of time."""
    for described in find_quantities(doc):
        q = described.quantity
        q.statement = statement_of(q, analysis.statements)
        q.time = time_of(q, analysis.times)
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


def time_of(q: Quantity, times: list[TimeExpr]) -> int | None:
    """Index of the as-of time: the nearest resolved time expression in the same sentence."""
    if q.sentence is None:
        return None
    sent = q.sentence
    best: tuple[int, int] | None = None
    for i, t in enumerate(times):
        if t.resolved is None or not (sent.start <= t.span.start and t.span.end <= sent.end):
            continue
        gap = max(t.span.start - q.span.end, q.span.start - t.span.end, 0)
        if best is None or gap < best[0]:
            best = (gap, i)
    return best[1] if best else None
