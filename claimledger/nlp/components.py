"""claimledger's custom spaCy components, added to the statistical pipeline."""

from __future__ import annotations

import calendar
import itertools
import re
import statistics

import numpy as np
from spacy.attrs import IDX, NORM, ORTH
from spacy.language import Language
from spacy.tokens import Doc

PARAGRAPH_BREAKS = "paragraph_breaks"
TITLE_LINES = "title_lines"
WIRE_DATELINES = "wire_datelines"
CLOCK_TIMES = "clock_times"
# Where a wire story or press release was filed, opening a paragraph: "LIMA, Peru — ",
# "LONDON, Feb 6 (Reuters) - ", "Port Ellis, 21 November 2025 - ";
# or when a live blog's entry was posted: "18:12 - ", "9:45 a.m. — ".
DATELINE = re.compile(
    r"(?:[A-Z][A-Z.'’ -]*[A-Z.](?:,[^\n—–]{1,30}?)?(?: \([^)\n]{1,30}\))?"
    r"|\d{1,2}[:.]\d{2}(?: ?[ap]\.?m\.?)?(?: [A-Z]{2,4})?"
    # a press release's "Port Ellis, 21 November 2025 - ", "Oslo, May 3, 2025 — "
    r"|[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}, (?:\d{1,2} [A-Z][a-z]{2,8}\.?|[A-Z][a-z]{2,8}\.? \d{1,2},?)"
    r"(?: \d{4})?)"
    r" ?(?:—|–|--|-) ?(?=[A-Z“\"])"
)
_LINE_START = re.compile(r"^[^\S\n]*", re.M)
# A blank line, not a single line break: hard-wrapped text breaks lines inside sentences.
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")
_LINE = re.compile(r"[^\n]+")
_LINE_WORDS = re.compile(r"^[^\S\n]*(\S.*?)[^\S\n]*$", re.M)  # a line's text, its margins left out
_HEADING_SHARE = 0.5  # of the line under it or the median line, a subheading is shorter
_RUNS_ON = ",;:([-–—"  # a line ending in one of these goes on into the next
_LONG_WORD = re.compile(r"[^\W\d_][\w’'-]{3,}")  # four letters or more: "Says", not "of"
_TITLE_WORDS = (3, 30)  # a headline's length in words, fewest and most
_TITLE_SHARE = 0.75  # of its long words, at least this share capitalised
# Abbreviated ranks and titles the English tokenizer splits from their full stop: read as
# "Cmdr" and ".", the stop ended a sentence inside a name ("spokesman Lt. Cmdr. Nikos Dravos
# said" was cut after "Cmdr."). Kept whole and normalised to "mr.", the title the statistical
# model has learnt ends no sentence (their own words, "commander", still let it cut some).
TITLE_ABBREVIATIONS = (
    "Lt.", "Cmdr.", "Cdr.", "Capt.", "Col.", "Maj.", "Sgt.", "Brig.", "Cpl.", "Pvt.", "Insp.",
    "Supt.", "Det.", "Cmdt.", "Atty.", "Amb.", "Lt.-Col.", "Lt.-Gen.", "Maj.-Gen.", "Brig.-Gen.",
)  # fmt: skip
_TITLE_NORM = "mr."
# A clock time's "a.m." or "p.m." holds its own full stop, so the parser may end a sentence
# there; what follows it below shows the sentence goes on ("at 2:14 p.m. Sunday, minutes ...").
_CLOCK_ABBREVIATIONS = frozenset({"a.m.", "p.m."})
_DAYS_AND_MONTHS = frozenset(
    name.lower()
    for name in (*calendar.day_name, *calendar.day_abbr, *calendar.month_name, *calendar.month_abbr)
    if name
)
_TIME_ZONE = re.compile(r"[A-Z]{2,4}$")  # "ET", "GMT", "AEDT"


@Language.component(PARAGRAPH_BREAKS)
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line ends a sentence, as does a short line's end: the parser would run a
    timestamp, a heading or a byline on into the next paragraph ("9:30 p.m.\\n\\nTrump says
    ...": "p.m." says)."""
    breaks = [m.end() for m in _BLANK_LINE.finditer(doc.text)]
    return _sentences_from(doc, breaks + _after_short_lines(doc.text))


def _after_short_lines(text: str) -> list[int]:
    """Where a line starts after a short one a single line break ends: a subheading or a label
    over its paragraph, not a line wrapped in mid-sentence ("Firm denies fault\\nThe firm said")."""
    lines = list(_LINE_WORDS.finditer(text))
    if len(lines) < 2:
        return []
    typical = statistics.median(len(line[1]) for line in lines)
    return [
        after.start(1)
        for line, after in itertools.pairwise(lines)
        if len(line[1]) < _HEADING_SHARE * max(typical, len(after[1]))
        and line[1][-1] not in _RUNS_ON
        and not after[1][0].islower()
        and text.count("\n", line.end(1), after.start(1)) == 1
    ]


@Language.component(WIRE_DATELINES)
def wire_datelines(doc: Doc) -> Doc:
    """A dateline is not part of the sentence after it: the parser would make the city the
    subject of what the story's first source said ("LONDON, Feb 6 (Reuters) - Acme said")."""
    text = doc.text
    ends = [m.end() for at in _LINE_START.finditer(text) if (m := DATELINE.match(text, at.end()))]
    return _sentences_from(doc, ends)


def _sentences_from(doc: Doc, offsets: list[int]) -> Doc:
    """Start a sentence at each character offset where a token begins."""
    if offsets:
        starts = doc.to_array(IDX)
        for end, at in zip(offsets, np.searchsorted(starts, offsets).tolist(), strict=True):
            if 0 < at < len(doc) and starts[at] == end:  # a token begins right there
                doc[at].is_sent_start = True
                _first_word_goes_on(doc, at)
    return doc


def _first_word_goes_on(doc: Doc, at: int) -> None:
    """A sentence's first word is no sentence alone: after a subheading the parser cut
    "Marlow | Freight said ...", leaving "Freight" to say it."""
    if at + 1 < len(doc) and doc[at].is_alpha and not doc[at + 1].is_space:
        doc[at + 1].is_sent_start = False


@Language.component(TITLE_LINES)
def title_lines(doc: Doc) -> Doc:
    """A line in Title Case is one sentence: every word is capitalised, so the parser reads any
    abbreviation in it as a sentence's end ("U.S. Says Troops Are in Russia": "U.S." alone)."""
    starts = doc.to_array(IDX)
    for line in _LINE.finditer(doc.text):
        if not _is_title(line.group()):
            continue
        first, stop = np.searchsorted(starts, [line.start(), line.end()]).tolist()
        for at in range(first + 1, stop):
            doc[at].is_sent_start = False
    return doc


def _is_title(line: str) -> bool:
    """Is this line a headline in Title Case, with no full stop to end it?"""
    words = line.split()
    if not _TITLE_WORDS[0] <= len(words) <= _TITLE_WORDS[1] or line.rstrip()[-1] in ".!?":
        return False
    long_words = _LONG_WORD.findall(line)
    capitals = sum(w[0].isupper() for w in long_words)
    return len(long_words) >= 2 and capitals >= _TITLE_SHARE * len(long_words)


@Language.component(CLOCK_TIMES)
def clock_times(doc: Doc) -> Doc:
    """A sentence does not end at a clock time's "a.m." or "p.m." that a day, a month, a time
    zone, a lower-case word, a number or a comma follows: the parser cut "near the line at 2:14
    p.m. Sunday, minutes before the first call" after "p.m.", losing what the utility said."""
    for tok in doc[:-1]:
        if tok.lower_ in _CLOCK_ABBREVIATIONS and _runs_on(doc[tok.i + 1].text):
            doc[tok.i + 1].is_sent_start = False
    return doc


def _runs_on(word: str) -> bool:
    """Does this word, right after a clock time, carry on the sentence the time is in?"""
    return (
        word.rstrip(".").lower() in _DAYS_AND_MONTHS
        or _TIME_ZONE.match(word) is not None
        or word[0].islower()
        or word[0].isdigit()
        or word[0] in ",;)–—"
    )


def add_components(nlp: Language) -> None:
    """Add our components once, where they belong in the statistical pipeline."""
    for title in TITLE_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(title, [{ORTH: title, NORM: _TITLE_NORM}])
    where = {"before": "parser"} if "parser" in nlp.pipe_names else {"first": True}
    for name in (PARAGRAPH_BREAKS, WIRE_DATELINES, TITLE_LINES, CLOCK_TIMES):
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, **where)
