"""Numbers that are not quantities: years, dates, times of day, ordinals, identifiers, phones."""

from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from claimledger.extract.numbers.figures import Found
from claimledger.extract.numbers.lexicon import MONTHS, WEEKDAYS

_PHONE = re.compile(r"(?:\+\d{1,3}[\s.-])?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}")
_CLOCK_WORDS = {"am", "pm", "a.m.", "p.m.", "gmt", "utc", "et", "est", "edt", "bst", "cet",
                "o'clock", "hrs", "hours,"}
# Nouns whose number names one item rather than counts: "Section 427", "row 21", "No. 5".
_ID_NOUNS = {"section", "row", "seat", "page", "chapter", "article", "number", "no", "no.",
             "category", "phase", "level", "grade", "room", "flight", "route", "line", "gate",
             "platform", "apartment", "unit", "suite", "box", "item", "resolution", "stage",
             "act", "episode", "season", "volume", "vol", "exhibit", "zip", "code", "highway",
             "interstate", "building", "floor", "block", "lot", "case", "bill", "order",
             "week", "day", "game", "round", "match", "hole", "step", "version", "tier", "class"}
# Words before a figure that quantify one thing: "a 911 call", "the first 737 jet".
_ONE_THING = {"a", "an", "another", "each", "every"}
_PRONOUN_ONE = {"no", "the", "this", "that", "each", "any", "every", "which", "someone",
                "anyone", "everyone", "only"}


def is_quantity(f: Found, sent: SpacySpan) -> bool:
    """False for a number that names a date, a time, an item or a list position."""
    if f.multiplier:
        return True
    if f.suffix or f.prefix:
        return False  # "1980s", "21st", "10pm", "S22", "F-35"
    if f.currency or f.unit:
        return not _is_phone(f, sent)
    doc = sent.doc
    first, last = doc[f.first], doc[f.last]
    prev = doc[f.first - 1] if f.first > sent.start else None
    nxt = doc[f.end] if f.end < sent.end else None
    if _is_year(f, first):
        return False
    if _leading_zero(first.text):
        return False  # "0800 555 0199", "007": a number dialled or a code, never a count
    if _near_calendar(prev) or _near_calendar(nxt):
        return False
    if nxt is not None and nxt.lower_ in _CLOCK_WORDS:
        return False
    if ":" in first.text or (nxt is not None and nxt.text == ":" and f.end + 1 < sent.end
                             and doc[f.end + 1].like_num):
        return False
    if last.ent_type_ == "ORDINAL":
        return False
    if f.digits and "," not in first.text and (
            _names_item(prev, nxt, last.head) or _names_one(f, prev, nxt)):
        return False
    if first.lower_ == "one" and not f.is_range and f.end == f.first + 1 and _pronoun_one(f, sent):
        return False
    if f.first == sent.start and nxt is not None and nxt.text in (".", ")"):
        return False  # list marker "1." / "2)"
    return not _is_phone(f, sent)


def _is_year(f: Found, tok) -> bool:  # type: ignore[no-untyped-def]
    """A bare four-digit figure a year reads as: "in 2019", "since 1985", "2018 sales", "a 2024
    funding round" (an "a" quantifies no count of 2,024)."""
    text = tok.text
    if not (f.digits and len(text) == 4 and text.isdigit()):
        return False
    value = int(text)
    if 1900 <= value <= 2100:
        return tok.ent_type_ not in ("CARDINAL", "QUANTITY", "MONEY", "PERCENT") or \
            tok.i == 0 or tok.doc[tok.i - 1].lower_ in ("in", "since", "by", "until", "of", "a", "an")
    return 1000 <= value < 1900 and tok.ent_type_ == "DATE"


def _leading_zero(text: str) -> bool:
    """Digits opening with a zero before another digit ("0800"): written so only as a code."""
    return len(text) > 1 and text[0] == "0" and text[1].isdigit()


def _near_calendar(tok) -> bool:  # type: ignore[no-untyped-def]
    return tok is not None and tok.lower_.rstrip(".") in MONTHS | WEEKDAYS and (
        tok.text[0].isupper())


def _names_item(prev: Token, nxt: Token | None, head: Token) -> bool:
    """True when a word next to the number names the item it numbers ("Section 427",
    "iPhone 11", "COVID-19", "787 Dreamliner", "575 Wilbraham Road"); a name before a common
    noun the number counts does not ("24 Senate seats", "Clinton 3 points")."""
    if prev is not None:
        if prev.lower_ in _ID_NOUNS and prev.pos_ in ("NOUN", "PROPN"):
            return True
        if prev.text == "." and prev.i > 0 and prev.doc[prev.i - 1].lower_ in _ID_NOUNS and (
                not prev.doc[prev.i - 1].whitespace_):
            return True  # "No. 19", "Vol. 3": the abbreviation split from its full stop
        named = prev.pos_ == "PROPN" or any(c.isupper() for c in prev.text[1:])
        # "Clinton 3 points": a person before a count, not a product line
        person = prev.ent_type_ == "PERSON" and prev.doc[prev.i + 1].ent_type_ != "PERSON" and (
            nxt is not None and nxt.pos_ == "NOUN")
        if named and not prev.is_sent_start and prev.ent_type_ not in ("GPE", "NORP") and (
                prev.text.replace("&", "").isalpha()) and not person:  # "S&P 500"
            return True
    return nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper() and (
        nxt.ent_type_ not in ("NORP", "GPE")) and not nxt.text.endswith("s") and (
        head.pos_ != "NOUN" or nxt.ent_type_ != "ORG")


def _names_one(f: Found, prev: Token | None, nxt: Token | None) -> bool:
    """ "a 911 call", "the first 737 jet": digits between a word that quantifies one thing and
    the singular noun they modify name that one thing, they count none of it (a count of more
    than one would take the plural)."""
    return prev is not None and (prev.lower_ in _ONE_THING or prev.ent_type_ == "ORDINAL") and (
        nxt is not None and nxt.tag_ == "NN" and f.doc[f.last].head == nxt) and (
        nxt.dep_ not in ("compound", "amod", "nmod") and f.low > 1 and not f.is_range)


def _pronoun_one(f: Found, sent: SpacySpan) -> bool:
    """ "no one", "the one", "one another": "one" as a pronoun, not a count."""
    doc = sent.doc
    prev = doc[f.first - 1] if f.first > sent.start else None
    nxt = doc[f.end] if f.end < sent.end else None
    if prev is not None and prev.lower_ in _PRONOUN_ONE:
        # "only one company" counts; "no one", "the only one", "this one" stand for a noun
        return not (prev.lower_ == "only" and nxt is not None and nxt.pos_ == "NOUN")
    if nxt is not None and nxt.lower_ in ("another", "day", "time", "way"):
        return True
    return nxt is None or nxt.pos_ in ("VERB", "AUX", "PUNCT", "PRON", "ADP") and nxt.lower_ != "of"


def _is_phone(f: Found, sent: SpacySpan) -> bool:
    text = sent.text
    rel_start, rel_end = f.start_char - sent.start_char, f.end_char - sent.start_char
    return any(m.start() <= rel_start and rel_end <= m.end() for m in _PHONE.finditer(text))
