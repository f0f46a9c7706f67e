"""Find direct quotations by their marks, tolerating the unbalanced marks real articles hold."""

from __future__ import annotations

import re

# Curly and doubled-backtick marks say which end they are; a straight mark (" or '') is read
# from its neighbours: space before and a word after opens, a word or punctuation before closes.
_MARKS = re.compile(r"``|''|’’|[“”\"‘’']|\n")
# British house style quotes with single marks: ‘...,’ she said. A ’ may be an apostrophe
# ("don’t", "workers’ rights"), so it closes only where an apostrophe could not stand.
_SINGLES = frozenset("‘’'")
# A typewriter ' opens only before a letter and counts only if it closes in its paragraph: it
# is far more often an apostrophe ("the '90s", "rock 'n' roll" aside).
_ASCII_SINGLE = "'"
_OPENERS = frozenset({"“", "``"})
_CLOSERS = frozenset({"”", "’’"})
_CLAUSE_END = frozenset(",.?!")


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Character ranges of top-level quotations, marks included; no quote crosses a paragraph.

    Inner single-quoted phrases stay inside their quote. An opener left unclosed ends with its
    line; a closer with no opener closes a quote begun at the start of its paragraph (the tail of
    a quote running over several paragraphs). A stray mark so costs at most one quote.
    """
    quotes: list[tuple[int, int]] = []
    open_at: int | None = None
    single = False  # the open quote is a single-marked one: double marks inside it are inner
    line_start = 0
    for m in _MARKS.finditer(text):
        mark, at = m.group(), m.start()
        if mark == "\n":
            if open_at is not None and not _typed_single(text, open_at):
                quotes.append(_trimmed(text, open_at, at))
            open_at, single = None, False
            line_start = m.end()
            continue
        if mark in _SINGLES or single:
            if open_at is None and mark in "‘'" and _opens(text, mark, at, m.end(), False):
                open_at, single = at, True
            elif single and mark == _closer_of(text, open_at) and _closes_single(text, at):
                quotes.append((open_at, m.end()))  # type: ignore[arg-type]
                open_at, single = None, False
            continue  # an apostrophe, or a mark inside the other kind of quote
        if _opens(text, mark, at, m.end(), open_at is not None):
            if open_at is not None:  # a new opener while open: the old quote lost its closer
                quotes.append(_trimmed(text, open_at, at))
            open_at = at
        elif open_at is not None:
            quotes.append((open_at, m.end()))
            open_at = None
        elif text[line_start:at].strip():
            quotes.append((_skip_space(text, line_start), m.end()))
    if open_at is not None and not _typed_single(text, open_at):
        quotes.append(_trimmed(text, open_at, len(text)))
    return [q for q in quotes if text[q[0] : q[1]].strip("“”\"`'’ \n")]


def single_marked(text: str, at: int) -> bool:
    """Does the quote at `at` open with a single mark (‘ or one ')? A speaker goes on in the
    marks they began with: a paper's single-quoted subheading after “...,” she said is not hers."""
    return text[at] == "‘" or _typed_single(text, at)


def _typed_single(text: str, at: int) -> bool:
    """Does the quote open at `at` with one typewriter ' (not the doubled '' some papers use)?"""
    return text[at] == _ASCII_SINGLE and text[at + 1 : at + 2] != _ASCII_SINGLE


def _closer_of(text: str, open_at: int) -> str:
    """The mark that closes a single-marked quote: ’ for ‘, ' for '."""
    return _ASCII_SINGLE if _typed_single(text, open_at) else "’"


def _closes_single(text: str, at: int) -> bool:
    """Does this ’ close a single-marked quote? After a clause's punctuation always (‘Yes,’
    she said); after a word only with no word glued on ("don’t") and not a plural's possessive
    running on ("the workers’ rights")."""
    before = text[at - 1] if at else " "
    after = text[at + 1 : at + 3]
    if before in _CLAUSE_END or before in "?!;:":
        return True
    if after[:1].isalnum():
        return False
    return not (before == "s" and after[:1] == " " and after[1:2].islower())


def _opens(text: str, mark: str, start: int, end: int, is_open: bool) -> bool:
    """Is this mark an opening one?"""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if mark == "‘":
        return (before.isspace() or before in '([{—–-“"') and not after.isspace()
    if mark == _ASCII_SINGLE:
        return (before.isspace() or before in '([{—–-“"') and after.isalpha()
    if mark in _OPENERS:  # unless typed for a closer: "“It's unusual,“ said Noble."
        return not (is_open and before in _CLAUSE_END and (after.isspace() or after in ".,"))
    if mark in _CLOSERS:
        return False
    if before.isspace() or before in "([{—–-":
        return not after.isspace()
    if after.isspace() or after in ".,;:!?)":
        return False
    return not is_open


def _skip_space(text: str, start: int) -> int:
    while start < len(text) and text[start].isspace():
        start += 1
    return start


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """An unclosed quote ends where its paragraph (or the next quote) begins, minus whitespace."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
