"""Quantities from the parse: find figures, drop non-quantities, describe the rest."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from claimledger.extract.numbers.describe import (
    anchor,
    as_written,
    change_of,
    clause_subject,
    concept_words,
    counted_tokens,
    moves_between,
    names_its_own_subject,
    possible_bound,
    rate_of,
    share_of,
    status_of,
    unit_name,
    unit_words_of,
    whole_of,
)
from claimledger.extract.numbers.figures import Found, bound_after, find_figures
from claimledger.extract.numbers.filters import is_quantity
from claimledger.extract.numbers.lexicon import INCREMENT_WORDS, RATE_NOUNS, SHARE_UNITS
from claimledger.model import Quantity, Span

# How many sentences back a bare figure may borrow the counted noun of an earlier one, and how
# many times larger or smaller it may be: "46 countries ... a trillion" counts no countries.
_ELISION_SENTENCES = 2
_ELISION_RATIO = 100
# Words before a figure that make it a level reached, not an amount moved ("rose 5% to $7").
_LEVEL_WORDS = {"to", "at", "from", "of"}


@dataclass
class Described:
    """A Quantity plus what only the evaluation needs: unit words and concept words."""

    quantity: Quantity
    unit_words: str | None  # the counted phrase, lemmatised ("first-team player")
    concept: list[str]
    rate: str | None  # what the figure is per: a time ("month") or a unit ("gallon")
    sentence_index: int
    falling: bool = False  # range written high to low ("from $75 to $45"), held sorted
    # a move written as a range ("fell from 6,808 to 2,960"): its start and end figure, which
    # a reader takes apart (NewsQuant scores the range)
    ends: tuple[Quantity, Quantity] | None = None


def find_quantities(doc: Doc) -> list[Described]:
    """Every quantity the text claims, in text order."""
    out: list[Described] = []
    text = doc.text  # built anew on every access: read it once
    for n, sent in enumerate(doc.sents):
        moved: tuple[Found, Described] | None = None  # the last rise or fall in the sentence
        for f in find_figures(sent):
            if not is_quantity(f, sent):
                continue
            described = _describe(f, sent, n, text)
            if moved is not None and _shares_move(moved[0], f, moved[1], described, text):
                if described.quantity.change == "=" and not described.quantity.hedge:
                    described.quantity.change = moved[1].quantity.change
                described.concept = _gapped_subject(moved[0], f, text) or described.concept
            if described.quantity.change in ("up", "down"):
                moved = (f, described)
            whole = whole_of(f)
            paired = _coordinated_with(f, out, n)
            if out and _converts(out[-1], described, text):
                _inherit(described, out[-1])
            elif paired is not None and described.quantity.counted is None and (
                    described.quantity.unit not in SHARE_UNITS):  # "5% of its workforce"
                _count_alike(described, paired)
            elif whole is not None:
                _count_of_whole(described, whole, out, n)
            elif described.quantity.unit is None and (
                    not names_its_own_subject(f) or _subject_counted_before(f, out, n)):
                _borrow_counted(described, out, n)
            if f.parts is not None and moves_between(f):
                described.ends = _ends(described, f.parts, sent, n, text)
            out.append(described)
    return out


def _describe(f: Found, sent: SpacySpan, n: int, text: str) -> Described:
    doc = f.doc
    counted = counted_tokens(f, sent)
    end_tok = f.end
    if counted and counted[-1].i >= f.end:
        end_tok = counted[-1].i + 1
    rate = rate_of(f, end_tok, sent)
    end_char = doc[end_tok - 1].idx + len(doc[end_tok - 1]) if end_tok > f.end else f.end_char
    if rate is not None:
        end_tok = bound_after(f, rate[1], sent.end)  # "$1.3 trillion a year or more"
        end_char = doc[end_tok - 1].idx + len(doc[end_tok - 1])
    start = f.hedge_start if f.hedge_start is not None else f.start_char
    change = "up" if f.multiplier else f.change
    if change == "=":
        change = possible_bound(f) or change
    moved = change_of(f, sent)
    if moved is not None and change == "=":
        change = moved  # a written bound outranks the direction: "up about 19 per cent" is "~"
    unit = unit_name(f, counted)
    measured = counted or share_of(f)  # what a percentage is the level of: "Inflation rose to"
    if unit is not None and rate is not None:
        unit = f"{unit} per {rate[0]}"
    q = Quantity(
        span=Span.of(text, start, max(end_char, f.end_char)),
        value_low=f.low if f.high is None else min(f.low, f.high),
        value_high=f.high if f.high is None else max(f.low, f.high),
        is_range=f.is_range,
        change=change,  # type: ignore[arg-type]
        hedge=f.hedge,
        unit=unit,
        counted=_written(measured, text),
        status=status_of(f, measured, rate is not None and rate[0] in RATE_NOUNS),
        sentence=Span.of(text, sent.start_char, sent.end_char),
    )
    return Described(q, unit_words_of(counted), concept_words(f, counted, sent, text),
                     rate[0] if rate else None, n, falling=f.high is not None and f.high < f.low)


def _ends(d: Described, parts: tuple[Found, Found], sent: SpacySpan, n: int,
          text: str) -> tuple[Quantity, Quantity]:
    """The start and end figure of a move written "from X to Y", both in the range's unit ("from
    $75 a barrel to $45" is per barrel at both ends), else the start's ("from 4,100 cases to
    2,300", which the range then counts too, for figures after it to borrow); the start is the
    earlier, past figure."""
    start, end = (_describe(part, sent, n, text).quantity for part in parts)
    if d.quantity.unit is None:
        d.quantity.unit, d.quantity.counted = start.unit, start.counted
    for q in (start, end):
        q.unit = d.quantity.unit or q.unit or start.unit
        q.counted = q.counted or d.quantity.counted or start.counted
    start.status = "past"
    return start, end


def _written(tokens: list[Token], text: str) -> str | None:
    return text[tokens[0].idx : tokens[-1].idx + len(tokens[-1])] if tokens else None


def _shares_move(first: Found, f: Found, moved: Described, d: Described, text: str) -> bool:
    """ "fell 17.7% at A, 5.5% at B and 5% at C": a later figure in the same unit, with no verb
    or level word ("to", "at") of its own, nor the base of an increment, is another amount of
    the same rise or fall."""
    doc = f.doc
    if d.quantity.change not in ("=", moved.quantity.change):
        return False
    if text[moved.quantity.span.end:d.quantity.span.start].split() == [",", "or"]:
        return True  # "rose 161.36 points, or 0.6%": the same move restated in another unit
    if d.quantity.unit != moved.quantity.unit:
        return False
    if doc[f.first - 1].lower_ in _LEVEL_WORDS:
        return False
    if doc[first.end].lower_ in INCREMENT_WORDS:
        return False  # "$50 billion more than the $300 billion": the base, not another amount
    return not any(t.pos_ in ("VERB", "AUX") for t in doc[first.end:f.first])


def _gapped_subject(first: Found, f: Found, text: str) -> list[str]:
    """ "down 2.3%, Burlington by 2.6%", "4% and fats and oils 6%": the nouns opening a gapped
    clause, after the last comma (else the first "and") between the two figures, name what the
    later figure is about."""
    between = list(f.doc[first.end:f.first])
    commas = [k for k, t in enumerate(between) if t.text in (",", ";")]
    ands = [k for k, t in enumerate(between) if t.lower_ == "and"]
    cut = commas[-1] if commas else ands[0] if ands else None
    if cut is None:
        return []
    return as_written((t for t in between[cut + 1:] if t.pos_ in ("NOUN", "PROPN")), text)


def _converts(prev: Described, d: Described, text: str) -> bool:
    """ "7.5 million crowns (US $1.1 million)": a figure in brackets restating the one before."""
    gap = text[prev.quantity.span.end:d.quantity.span.start]
    return prev.sentence_index == d.sentence_index and gap.strip() == "("


def _inherit(d: Described, prev: Described) -> None:
    """A restated figure keeps the bound, status and concept of the one it converts."""
    q, p = d.quantity, prev.quantity
    if q.change == "=":
        q.change, q.hedge = p.change, p.hedge
    q.status = p.status
    d.concept = prev.concept
    if q.unit is None:
        q.unit, q.counted, d.unit_words = p.unit, p.counted, prev.unit_words


def _borrow_counted(d: Described, earlier: list[Described], n: int) -> None:
    """A bare figure counts what the nearest earlier count did ("2,500 ... now 3,000")."""
    for prev in reversed(earlier):
        if n - prev.sentence_index > _ELISION_SENTENCES:
            return
        p = prev.quantity
        if p.counted and p.unit and p.status != "rate" and " per " not in p.unit and (
                p.unit not in RATE_NOUNS  # "seven years ago ... grown by 100,000"
        ) and _comparable(p.value_low, d.quantity.value_low):
            d.quantity.counted, d.quantity.unit = p.counted, p.unit
            d.unit_words = prev.unit_words
            return


def _coordinated_with(f: Found, earlier: list[Described], n: int) -> Described | None:
    """The figure of its sentence a figure is coordinated with ("five years in prison or closer
    to 20", "up to 4% of turnover or £17.5 million"), whose phrase its own hangs from."""
    a = anchor(f)
    while f.hedge_start is not None and f.hedge_start <= a.head.idx and a.head.i < f.first and (
            a.head != a):  # a verb of passing may head the clause: "topped $2 billion"
        a = a.head  # "or [closer to] 20": the bound may carry the attachment
    if a.dep_ != "conj":
        return None
    at = a.head.idx
    return next((d for d in earlier if d.sentence_index == n
                 and d.quantity.span.start <= at < d.quantity.span.end), None)


def _count_alike(d: Described, other: Described) -> None:
    """A figure coordinated with another counts what it counts, in its unit unless it has one."""
    d.quantity.counted = other.quantity.counted
    if d.quantity.unit is None:
        d.quantity.unit, d.unit_words = other.quantity.unit, other.unit_words


def _count_of_whole(d: Described, whole: Token, earlier: list[Described], n: int) -> None:
    """A part ("of which 790 were confirmed") counts what its whole's figure counts, and borrows
    nothing from a sentence before: "96 deaths. Cases total 3,562, of which 790 ..." are cases."""
    if d.quantity.unit is not None:
        return
    for prev in earlier:
        p = prev.quantity
        if prev.sentence_index == n and p.span.start <= whole.idx < p.span.end and p.counted:
            d.quantity.counted, d.quantity.unit = p.counted, p.unit
            d.unit_words = prev.unit_words


def _subject_counted_before(f: Found, earlier: list[Described], n: int) -> bool:
    """ "5.6 million customers were affected, up from 2.3 million": the subject of a bare
    figure's clause is what an earlier figure of its sentence counts, so it counts that too."""
    subject = clause_subject(f)
    return subject is not None and any(
        d.sentence_index == n and d.quantity.span.start <= subject.idx < d.quantity.span.end
        for d in earlier)


def _comparable(a: float, b: float) -> bool:
    """Are two counts of a size one could be the other's update ("2,500 ... now 3,000")?"""
    low, high = sorted((abs(a), abs(b)))
    return low == 0 or high / low <= _ELISION_RATIO


__all__ = ["Described", "find_quantities"]
