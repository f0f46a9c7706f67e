"""Quantities extractor: figures from the parse, linked to their statement and as-of time."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from claimledger.extract.corrections import in_correction
from claimledger.extract.numbers import find_quantities
from claimledger.extract.numbers.lexicon import REPORTING_VERBS
from claimledger.extract.registry import extractor
from claimledger.model import Analysis, Quantity, Span, Statement, TimeExpr

# Words before a figure that make it the baseline of a change, with its own time.
_AFTER_CUE = r"(?: (?:a|an|the|its)(?: [a-z]+ of)?)?\s*$"
_BASELINE = re.compile(rf"\b(?:from|than|compared (?:with|to)|versus|vs\.?){_AFTER_CUE}", re.I)
# ... that surely do: "up from 41 yesterday", not "investors from 74 countries".
_SURE_BASELINE = re.compile(
    rf"\b(?:(?:up|down) from|than|compared (?:with|to)|versus|vs\.?){_AFTER_CUE}", re.I
)
# Words opening a clause after a figure whose time dates that clause's event, not the figure:
# "said on Monday it was $4 million once a round in early 2024 was counted" ("when" and "while"
# date the figure; "after", "before" and "until" are as often prepositions of its own time),
# or a phrase set off by a comma: "fewer than 1 million, in an attack it detected last week"
_SUBORDINATOR = re.compile(
    r"\b(?:once|because|unless|if|although|though|whereas)\b"
    r"|,\s*(?:in|during|after|before|amid|following)\s",
    re.I,
)
# ... and what joins a second baseline to the first: "up from 2.3 million on Tuesday and the
# 'fewer than 1 million' on Monday"
_JOINED = re.compile(r"\b(?:and|or)(?: (?:a|an|the|its))?\s*[\"“‘']?$", re.I)
_POSSESSIVE = ("'s", "’s")
_BASELINE_REACH = 40  # characters before the figure searched
_AS_OF = re.compile(r"as of\b", re.I)  # names the time a figure stood at, before any other
# A clause counting from the time right after it: "since the campaign began | Monday".
_COUNTED_FROM = re.compile(r"\bsince(?: [^\W\d]+){0,3} $", re.I)
_WHEN_AFTER = re.compile(r"\W*when\b[^,;]*$", re.I)  # a clause on the time that holds the figure
# What stands between a start figure's time and the end figure: "from 6,808 on Thursday | to | 2,960".
_TO_END = re.compile(r"^\W*to\W*$", re.I)
# ... and what opens a start figure and closes the words after it: "from | 14,000 ... to | 6,808".
_FROM = re.compile(rf"\bfrom{_AFTER_CUE}", re.I)
_TO = re.compile(r"\bto\W*$", re.I)
_SUBJECTS = {"nsubj", "nsubjpass"}
# Clauses on a noun: a time in one dates that noun's event ("a breach disclosed on Monday").
_NOUN_CLAUSES = {"acl", "relcl"}


@extractor("quantities")
def extract_quantities(doc: Doc, analysis: Analysis) -> None:
    """Fill `analysis.quantities`, each tied to the statement holding it and its as-of time."""
    text = analysis.article.text
    found = [
        q
        for d in find_quantities(doc)
        for q in d.ends or (d.quantity,)
        if q.sentence is None or not in_correction(text, q.sentence.start)
    ]
    for q in found:
        q.statement = statement_of(q, analysis.statements)
        q.time = time_of(q, analysis.times, found, doc)
        if q.status == "estimate" and q.sentence and _sure_baseline(q, q.sentence, found):
            q.status = "past"  # "up from 2.3 million": the earlier figure, not a rival estimate
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


def time_of(q: Quantity, times: list[TimeExpr], others: Sequence[Quantity] = (),
            doc: Doc | None = None) -> int | None:
    """Index of the as-of time: the nearest resolved time expression in the same sentence that
    is not past a baseline figure ("27,000, up from 12,000 on Tuesday": Tuesday is the 12,000's)
    nor between a start figure and this, its end ("from 6,808 on Thursday to 2,960"), nor past
    the end of a move this figure starts ("from 14,000 on election night to 6,808 on Thursday":
    Thursday is the 6,808's), nor, for a baseline figure, before it (the time of the change it
    is the baseline of), nor, in the parse, of another event (`_of_another_event`). A time that
    names an event ("Monday's attack"), or that lies in a clause opened after the figure ("...
    once a round in early 2024 was counted"), dates a figure only when no other does, and one
    that says so ("as of March 4") before any other."""
    if q.sentence is None:
        return None
    sent = q.sentence
    rivals = [o for o in others if o is not q and o.sentence == sent]
    baseline = _sure_baseline(q, sent, rivals)
    best: tuple[bool, bool, int, int] | None = None
    for i, t in enumerate(times):
        if t.resolved is None or not (sent.start <= t.span.start and t.span.end <= sent.end):
            continue
        if baseline and t.span.start < q.span.start or _counted_from(t, q, sent):
            continue
        if any(q.span.end <= o.span.start < t.span.start and _baseline(o, sent) for o in rivals):
            continue
        if any(_starts_at(o, t, q, sent) or _ends_before(q, o, t, sent) for o in rivals):
            continue
        if doc is not None and _of_another_event(q, t, doc):
            continue
        rank = (
            _names_an_event(t, sent) or _in_later_clause(q, t, sent),
            not _AS_OF.match(t.span.text),
            _gap(q, t),
            i,
        )
        if best is None or rank < best:
            best = rank
    return best[-1] if best else None


def _starts_at(start: Quantity, t: TimeExpr, q: Quantity, sent: Span) -> bool:
    """Is the time the start figure's, between it and the end figure `q` of a move written "from
    6,808 on Thursday to 2,960"?"""
    return (start.span.end <= t.span.start and _baseline(start, sent)
            and _TO_END.match(sent.text[t.span.end - sent.start : q.span.start - sent.start])
            is not None)


def _ends_before(start: Quantity, end: Quantity, t: TimeExpr, sent: Span) -> bool:
    """Is the time past the end figure of a move from `start` ("from 14,000 on election night
    to 6,808 on Thursday")? It dates the end; the start stood before it."""
    if not start.span.end <= end.span.start <= t.span.start:
        return False
    gap = sent.text[start.span.end - sent.start : end.span.start - sent.start]
    return _TO.search(gap) is not None and _baseline(start, sent, _FROM)


def _of_another_event(q: Quantity, t: TimeExpr, doc: Doc) -> bool:
    """Does the time sit, on its way up the parse to the figure's clause, in a clause on another
    noun ("data stolen in a breach disclosed on Monday", "the office, which put the toll at six
    on Wednesday") or in a clause joined with a subject of its own ("but they warned it could be
    erased on Thursday")? It dates that event. A clause on the figure's own words ("the $1.2
    million agreed on Tuesday"), on a time ("the quarter ending in March"), after "with" ("with
    deployment expected by December") or on what gives the figure ("Figures released on Monday
    put the toll at 40") is still the figure's."""
    figure = doc.char_span(q.span.start, q.span.end, alignment_mode="expand")
    when = doc.char_span(t.span.start, t.span.end, alignment_mode="expand")
    if figure is None or when is None:
        return False
    above = {a.i for a in figure.root.ancestors} | {tok.i for tok in figure}
    node = when.root
    while node.i not in above and node.head != node:
        child, node = node, node.head
        if child.pos_ not in ("VERB", "AUX"):
            continue
        if child.dep_ == "conj" and any(c.dep_ in _SUBJECTS for c in child.children):
            return True
        if child.dep_ in _NOUN_CLAUSES and node.i not in above and node.pos_ in ("NOUN", "PROPN") \
                and node.ent_type_ not in ("DATE", "TIME") and not _absolute(child) \
                and not _gives_figure(node, above):
            return True
    return False


def _gives_figure(noun: Token, above: set[int]) -> bool:
    """Is the noun what gives the figure: the subject of a reporting verb above it, or in a phrase
    on one ("In a statement issued on Monday, the ministry said ...")?"""
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else noun.head
    return (noun.dep_ in _SUBJECTS or noun.dep_ == "pobj") and verb.i in above and (
        verb.lemma_.lower() in REPORTING_VERBS)


def _absolute(clause: Token) -> bool:
    """ "pledged 10,000 troops, with deployment expected by December": a participle on the noun
    of a verb's "with" is a clause of circumstance of that verb, not an event of its own."""
    noun = clause.head
    return clause.dep_ == "acl" and noun.dep_ == "pobj" and noun.head.lower_ == "with" and (
        noun.head.head.pos_ in ("VERB", "AUX"))


def _counted_from(t: TimeExpr, q: Quantity, sent: Span) -> bool:
    """A time a count runs from ("87 deaths since late January") is where it started, not when
    the figure stood: that is the time it was given, else publication."""
    before = sent.text[: t.span.start - sent.start]
    if _WHEN_AFTER.match(sent.text[t.span.end - sent.start : q.span.start - sent.start]):
        return False  # "since 2017, when some 5,000 cases were recorded": the 5,000 are 2017's
    return t.span.text.lower().startswith("since ") or _COUNTED_FROM.search(before) is not None


def _names_an_event(t: TimeExpr, sent: Span) -> bool:
    """A possessive time names the event it is of ("Monday's attack", "last week's shipwreck"),
    not when a figure was given; a decade ("the 1980's") is no possessive."""
    end = t.span.end - sent.start
    return t.span.text.endswith(_POSSESSIVE) or (
        not t.span.text[-1:].isdigit() and sent.text.startswith(_POSSESSIVE, end))


def _in_later_clause(q: Quantity, t: TimeExpr, sent: Span) -> bool:
    """Does a subordinate clause open between the figure and a time after it?"""
    between = sent.text[q.span.end - sent.start : t.span.start - sent.start]
    return t.span.start >= q.span.end and _SUBORDINATOR.search(between) is not None


def _baseline(q: Quantity, sent: Span, cue: re.Pattern[str] = _BASELINE) -> bool:
    """Is this the figure a change is measured from ("up from 12,000", "compared with 40")?"""
    at = q.span.start - sent.start
    before = sent.text[max(0, at - _BASELINE_REACH) : at]
    return cue.search(before) is not None


def _sure_baseline(q: Quantity, sent: Span, others: Sequence[Quantity]) -> bool:
    """Is this surely the figure a change is measured from ("up from 12,000"), or one joined to
    it ("up from 2.3 million on Tuesday and the 1 million on Monday")?"""
    if _baseline(q, sent, _SURE_BASELINE):
        return True
    before = [o for o in others if o.sentence == sent and o.span.end <= q.span.start]
    if not before:
        return False
    prev = max(before, key=lambda o: o.span.start)
    gap = sent.text[prev.span.end - sent.start : q.span.start - sent.start]
    return _JOINED.search(gap) is not None and _baseline(prev, sent, _SURE_BASELINE)


def _gap(q: Quantity, t: TimeExpr) -> int:
    return max(t.span.start - q.span.end, q.span.start - t.span.end, 0)
