"""Find the figures of a sentence: value, range, scale, currency or unit, and written bound."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from claimledger.extract.numbers.lexicon import (
    AGE_NOUNS,
    CASED_UNITS,
    CURRENCY_NAMES,
    CURRENCY_PREFIX,
    DOLLAR_QUALIFIER,
    FRACTION,
    FRACTIONS,
    GLUED_ONLY,
    HEDGES,
    MULTIPLIERS,
    PASSING_VERBS,
    POST_HEDGES,
    PREPOSITION_BOUNDS,
    RISING_WITH_UP,
    SCALE_ABBREV,
    SCALES,
    SHARE_UNITS,
    SMALL,
    TITLE_CASE_CURRENCY,
    UNITS,
    VAGUE_PLURALS,
)
from claimledger.extract.numbers.words import (
    Figure,
    is_number_word,
    read_token,
    scale_of,
    words_value,
)

# The rest of a token holding a whole range: "%-49" in "42%-49", "-$7" in "5-$7".
_GLUED_RANGE = re.compile(r"^(?P<mid>[^\d\-–]*)[-–](?P<right>\D{0,3}\d.*)$")
_RANGE_LINKS = {"to", "-", "–", "—", "and", "or", "through"}
_TENS = {20, 30, 40, 50, 60, 70, 80, 90}
_FINITE = {"VBD", "VBZ", "VBP", "MD"}  # a finite verb between two figures starts a new clause
_FROM_TO_GAP = 6  # tokens between a "from" figure and its "to" figure: a unit, a date
_MAX_HEDGE = max(len(h.split()) for h in HEDGES)


@dataclass
class Found:
    """One figure in the text, before it is judged (filters) and described (attach)."""

    doc: Doc = field(repr=False, compare=False)
    first: int  # token index of the first token of the figure (currency or number)
    last: int  # token index of the last number token
    end: int  # token index after the figure and its unit
    start_char: int
    end_char: int
    low: float
    high: float | None = None
    is_range: bool = False
    digits: bool = True  # written with digits, not words
    currency: str | None = None
    unit: str | None = None  # measurement unit or "percent"
    suffix: str = ""  # unrecognised letters glued to the digits ("s", "th", "pm")
    prefix: str = ""  # unrecognised letters glued before the digits ("S", "R")
    change: str = "="
    hedge: str | None = None
    hedge_start: int | None = None  # char offset where a bound written before begins
    multiplier: bool = False  # "double the previous figures"
    scaled: bool = False  # a scale word or abbreviation was applied
    parts: tuple[Found, Found] | None = None  # "from X to Y": the two figures the range joins


def find_figures(sent: SpacySpan) -> list[Found]:
    """Every figure in the sentence, ranges merged and bounds attached, in text order."""
    doc = sent.doc
    found: list[Found] = []
    i = sent.start
    while i < sent.end:
        fig = _figure_at(doc[i], sent.end)
        if fig is None:
            i += 1
            continue
        found.append(fig)
        i = fig.end
    found = _merge_ranges(found, sent)
    for f in found:
        for part in (f, *(f.parts or ())):
            _attach_bound(part, sent)
    return found


def _figure_at(tok: Token, limit: int) -> Found | None:
    """A figure starting at this token, read with its scale, currency and unit."""
    doc = tok.doc
    fig = read_token(tok.text) if any(c.isdigit() for c in tok.text) else None
    if fig is not None:
        return _digit_figure(tok, fig, limit)
    lower = tok.lower_
    if lower in VAGUE_PLURALS and tok.i + 1 < limit:
        return _vague_figure(tok, limit)
    if lower in MULTIPLIERS and tok.i + 1 < limit and doc[tok.i + 1].lower_ in ("the", "that"):
        f = Found(tok.doc, tok.i, tok.i, tok.i + 1, tok.idx, tok.idx + len(tok), float(MULTIPLIERS[lower]),
                  digits=False, multiplier=True)
        f.unit = "times"
        return f
    if lower == "half" and tok.i + 2 < limit and doc[tok.i + 1].lower_ in ("a", "an") and (
            _starts_words(doc[tok.i + 2])):
        return _half_of(tok, limit)
    if lower == "half" or (lower in ("a", "an") and tok.i + 1 < limit
                           and doc[tok.i + 1].lower_ in FRACTIONS):
        return _share_figure(tok, limit)
    if (is_number_word(lower) and lower.split("-")[0] in SMALL) or (
            lower in ("a", "an") and tok.i + 1 < limit and _starts_words(doc[tok.i + 1])):
        return _word_figure(tok, limit)
    return None


def _half_of(tok: Token, limit: int) -> Found | None:
    """ "half a million", "half a dozen": the words after "half", halved."""
    f = _word_figure(tok.doc[tok.i + 1], limit)
    if f is not None:
        f.low, f.first, f.start_char = f.low / 2, tok.i, tok.idx
    return f


def _starts_words(tok: Token) -> bool:
    """True for "dozen", "hundred", "million" and the like after "a"."""
    return tok.lower_ in ("dozen", "hundred", "thousand", "million", "billion", "trillion")


def _digit_figure(tok: Token, fig: Figure, limit: int) -> Found:
    start = tok.idx + fig.num_start
    f = Found(tok.doc, tok.i, tok.i, tok.i + 1, start, tok.idx + fig.num_end, fig.value)
    pre = fig.prefix.lower()
    if pre in CURRENCY_PREFIX:
        f.currency = CURRENCY_PREFIX[pre]
        f.start_char = tok.idx
    elif pre.rstrip("-") == "sub":
        f.hedge, f.change, f.start_char = "sub", "<", tok.idx
    elif pre.rstrip("-") == "minus":
        f.low, f.start_char = -abs(f.low), tok.idx
    elif pre and tok.i > 0 and tok.doc[tok.i - 1].text == "$" and "$" + pre in CURRENCY_PREFIX:
        f.currency, f.first = CURRENCY_PREFIX["$" + pre], tok.i - 1  # "$" "US55,931,000"
        f.start_char = tok.doc[tok.i - 1].idx
    elif pre:
        f.prefix = fig.prefix
    if fig.sign == "~":
        f.hedge, f.change = "~", "~"
    elif fig.sign == "+":
        f.change = "up"
    suffix = fig.suffix
    bracket = suffix.find(")")  # "(121ft)-long": the bracket closes the figure
    if bracket >= 0:
        suffix = suffix[:bracket]
    end = tok.idx + len(tok.text) - len(fig.suffix) + len(suffix)
    glued = _glued_range(f, suffix)
    if glued is not None:
        suffix = glued
        f.end_char = end - len(suffix)
    scale = _glued_scale(suffix)
    if scale is not None:
        f.low *= scale[0]
        f.scaled = True
        suffix = scale[1]
        f.end_char = end - len(suffix)
    if suffix and not suffix[0].isalnum() and suffix.rstrip(".") in CURRENCY_PREFIX:
        f.currency = CURRENCY_PREFIX[suffix.rstrip(".")]
        f.end_char = end - (len(suffix) - len(suffix.rstrip(".")))
    elif suffix:
        unit = _unit_word(suffix.lstrip("-"), glued=True)
        if unit:
            f.unit, f.end_char = unit, end
        else:
            f.suffix = suffix
    after = tok.doc[tok.i + 1] if tok.i + 1 < limit else None
    if glued is not None and after is not None and after.text == "%" and after.idx == f.end_char:
        f.end, f.end_char = tok.i + 2, after.idx + 1
    _extend_right(f, limit)
    _currency_before(f)
    return f


def _glued_range(f: Found, suffix: str) -> str | None:
    """A range written as one token ("42%-49", "5-$7", "5bn-7bn"): sets the high end, scales
    the low end like the high one unless it has its own scale, and returns what is left."""
    m = _GLUED_RANGE.match(suffix)
    right = read_token(m["right"]) if m else None
    if m is None or right is None or right.sign or (
            right.prefix and right.prefix.lower() not in CURRENCY_PREFIX):
        return None
    low_scale, high_scale = _glued_scale(m["mid"]), _glued_scale(right.suffix)
    high = right.value * (high_scale[0] if high_scale else 1.0)
    low = f.low * (low_scale or high_scale or (1.0, ""))[0]
    if high <= low:
        return None  # "24-7", a score "3-1": not a range
    f.low, f.high, f.is_range, f.scaled = low, high, True, bool(low_scale or high_scale)
    rest = high_scale[1] if high_scale is not None else right.suffix
    return rest or (low_scale[1] if low_scale is not None else m["mid"])


def _glued_scale(suffix: str) -> tuple[float, str] | None:
    """ "bn" in "2.5bn", "m" in "5.4m" (longest abbreviation first): scale and what remains."""
    for abbrev in sorted(SCALE_ABBREV, key=len, reverse=True):
        if suffix.startswith(abbrev):
            rest = suffix[len(abbrev):]
            if rest == "" or not rest[0].isalpha():
                return SCALE_ABBREV[abbrev], rest
    return None


def _vague_figure(tok: Token, limit: int) -> Found | None:
    """ "tens of thousands", "dozens of", "millions of": a range of one order of magnitude."""
    doc = tok.doc
    base = float(VAGUE_PLURALS[tok.lower_])
    last = tok.i
    nxt = doc[tok.i + 1]
    if nxt.lower_ == "of" and tok.i + 2 < limit and doc[tok.i + 2].lower_ in VAGUE_PLURALS:
        base *= VAGUE_PLURALS[doc[tok.i + 2].lower_]
        last = tok.i + 2
    elif nxt.lower_ != "of" and nxt.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return None
    end_tok = doc[last]
    f = Found(tok.doc, tok.i, last, last + 1, tok.idx, end_tok.idx + len(end_tok), base, base * 10,
              is_range=True, digits=False)
    _extend_right(f, limit)
    return f


def _word_figure(tok: Token, limit: int) -> Found | None:
    """A run of number words ("three", "a dozen", "four hundred million", "two-thirds")."""
    doc = tok.doc
    j = tok.i + 1
    while j < limit and (is_number_word(doc[j].lower_) or (
            doc[j].lower_ == "and" and j + 1 < limit and is_number_word(doc[j + 1].lower_)
            and doc[j - 1].lower_ == "hundred") or (
            doc[j].text == "-" and j + 1 < limit and _hyphen_joins(doc[j - 1], doc[j + 1]))):
        j += 1
    words = [t.text for t in doc[tok.i:j]]
    value = words_value(words)
    if value is None:
        return None
    last = doc[j - 1]
    f = Found(tok.doc, tok.i, j - 1, j, tok.idx, last.idx + len(last), value, digits=False)
    if _negated_one(f, limit):
        f.low, f.start_char = 0.0, doc[tok.i - 1].idx
    k = j + 1 if j + 1 < limit and doc[j].text == "-" else j  # "two-thirds"
    if k < limit and doc[k].lower_ in FRACTIONS and doc[j - 1].lower_ != "a":
        f.low = value * FRACTIONS[doc[k].lower_]
        f.unit, f.last, f.end, f.end_char = FRACTION, k, k + 1, doc[k].idx + len(doc[k])
    elif [t.lower_ for t in doc[j:min(j + 3, limit)]] == ["and", "a", "half"]:
        f.low += 0.5  # "two and a half years"
        f.last, f.end, f.end_char = j + 2, j + 3, doc[j + 2].idx + len(doc[j + 2])
    _extend_right(f, limit)
    return f


def _negated_one(f: Found, limit: int) -> bool:
    """ "found nothing, not one case": a lone "one" after "not" counts none, unless a larger
    count follows ("not one but two")."""
    doc = f.doc
    return f.first == f.last and doc[f.first].lower_ == "one" and f.first > 0 and (
        doc[f.first - 1].lower_ == "not") and not (f.end < limit and doc[f.end].lower_ == "but")


def _hyphen_joins(left: Token, right: Token) -> bool:
    """ "forty-three", "six-million", "One-hundred": one number across a hyphen; not
    "one-two punch"."""
    if right.lower_ in SCALES:
        return is_number_word(left.lower_)
    return SMALL.get(left.lower_, 0) in _TENS and 0 < SMALL.get(right.lower_, 0) < 10


def _share_figure(tok: Token, limit: int) -> Found | None:
    """ "a third of", "a quarter of", "half of", "half the": a share of what follows; not "the
    first half of", which names a period."""
    doc = tok.doc
    frac = tok if tok.lower_ == "half" else doc[tok.i + 1]
    after = doc[frac.i + 1].lower_ if frac.i + 1 < limit else ""
    if frac.lower_ not in FRACTIONS or after not in ("of", "the") or (
            frac != tok and after != "of"):
        return None
    if frac == tok and tok.i > 0 and doc[tok.i - 1].pos_ in ("DET", "ADJ", "NUM"):
        return None
    whole = frac.i + 2  # "a quarter of a million people": a number, not a share of one
    if after == "of" and whole + 1 < limit and doc[whole].lower_ in ("a", "an") and (
            _starts_words(doc[whole + 1])):
        f = _word_figure(doc[whole], limit)
        if f is not None:
            f.low, f.first, f.start_char = f.low * FRACTIONS[frac.lower_], tok.i, tok.idx
            return f
    return Found(doc, tok.i, frac.i, frac.i + 1, tok.idx, frac.idx + len(frac),
                 FRACTIONS[frac.lower_], digits=False, unit=FRACTION)


def _extend_right(f: Found, limit: int) -> None:
    """Take scale words, then a currency name or measurement unit, after the figure."""
    doc = f.doc
    j = f.end
    while j < limit:
        word = doc[j].text.rstrip(".") or doc[j].text
        scale = scale_of(word)
        if scale is None or (word in ("m", "M", "b", "B", "T", "k", "K")
                             and not _abbrev_is_scale(f, j, limit)):
            break
        if scale == 1e2 and f.low >= 100:
            break
        f.low *= scale
        f.scaled = True
        if f.high is not None:
            f.high *= scale
        f.last, j = j, j + 1
        f.end, f.end_char = j, doc[j - 1].idx + len(doc[j - 1])
    if f.currency or f.unit:
        return
    # currency name or code after the figure: "7.5 million Danish crowns", "110 JPY"
    for width in (2, 1):
        if j + width > limit:
            continue
        toks = doc[j:j + width]
        key = " ".join(t.lemma_.lower() for t in toks)
        text_key = " ".join(t.lower_ for t in toks)
        code = CURRENCY_NAMES.get(key) or CURRENCY_NAMES.get(text_key)
        if width == 1 and code is None and toks[0].text.upper() == toks[0].text:
            code = CURRENCY_PREFIX.get(toks[0].lower_) if len(toks[0]) == 3 or (
                toks[0].is_currency and toks[0].idx == f.end_char) else None  # "110 JPY", "450€"
        if code:
            f.currency = code
            f.end, f.end_char = j + width, toks[-1].idx + len(toks[-1])
            return
    glued = j < limit and doc[j].idx == f.end_char
    if glued and doc[j].text == "-" and j + 1 < limit:
        j += 1  # "6.1-inch", "1.8 billion-mile"
    for width in (3, 2, 1):
        if j + width > limit:
            continue
        toks = doc[j:j + width]
        unit = _unit_word(toks.text, glued=glued and width == 1) if width > 1 or \
            not toks[0].is_punct or toks[0].text in ("%", "°") else None
        if width > 1 and unit is None:
            unit = UNITS.get(" ".join(t.lower_ for t in toks))
        if unit and toks.text.lower() == "in" and not f.digits:
            unit = None  # "one-in-five": a ratio, not inches
        if unit:
            f.unit = unit
            f.end, f.end_char = j + width, toks[-1].idx + len(toks[-1])
            return
    _age(f, j, limit)


def _age(f: Found, j: int, limit: int) -> None:
    """ "a 66-year-old", "18 months old", "Smith, 45,", "aged 30", "aged between 20 and 41": the
    figure is an age."""
    doc = f.doc
    noun = doc[j] if j < limit else None
    if noun is not None and noun.lemma_.lower() in AGE_NOUNS:
        k = j + 1 + (j + 1 < limit and doc[j + 1].text == "-")
        if k < limit and doc[k].lower_ == "old":
            f.unit = f"{noun.lemma_.lower()} of age"
            f.end, f.end_char = k + 1, doc[k].idx + len(doc[k])
        return
    prev = doc[f.first - 1] if f.first > 0 else None
    if prev is None or f.is_range or not f.low.is_integer() or not 0 < f.low < 120:
        return
    between_commas = prev.text == "," and f.first >= 2 and doc[f.first - 2].pos_ == "PROPN" \
        and (j >= len(doc) or doc[j].text in (",", ".", ";"))
    opens_range = prev.lower_ in ("between", "from") and f.first >= 2  # "aged between 20 and 41"
    aged = doc[f.first - 2] if opens_range else prev
    if between_commas or aged.lower_ == "aged":
        f.unit = "year of age"


def _abbrev_is_scale(f: Found, j: int, limit: int) -> bool:
    """ "m"/"bn" after a figure is a scale with money or before a counted noun, else a unit."""
    doc = f.doc
    if f.currency or _currency_token_before(doc, f.first) is not None:
        return True
    nxt = doc[j + 1] if j + 1 < limit else None
    return nxt is not None and nxt.pos_ in ("NOUN", "PROPN")


def _unit_word(text: str, glued: bool) -> str | None:
    """The measurement unit a surface form names; bare one-letter forms only when glued."""
    if text in CASED_UNITS:
        return CASED_UNITS[text]
    lower = text.lower()
    if lower in GLUED_ONLY and not glued:
        return None
    return UNITS.get(lower)


def _currency_token_before(doc: Doc, i: int) -> tuple[str, int] | None:
    """Currency written as separate tokens before token i: "$", "US $", "HK$", "USD"."""
    if i == 0:
        return None
    prev = doc[i - 1]
    code = CURRENCY_PREFIX.get(prev.lower_)
    if code is None or (prev.is_alpha and prev.text.upper() != prev.text
                        and prev.text not in TITLE_CASE_CURRENCY):
        return None
    first = i - 1
    qualifier = doc[i - 2] if i >= 2 else None
    if prev.text == "$" and qualifier is not None and qualifier.lower_ in DOLLAR_QUALIFIER and (
            not qualifier.whitespace_ or len(qualifier) > 1 and qualifier.text.isupper()):
        code, first = DOLLAR_QUALIFIER[doc[i - 2].lower_], i - 2
    return code, first


def _currency_before(f: Found) -> None:
    doc = f.doc
    if f.currency:
        return
    hit = _currency_token_before(doc, f.first)
    if hit is not None:
        f.currency, f.first = hit[0], hit[1]
        f.start_char = doc[hit[1]].idx


def _merge_ranges(found: list[Found], sent: SpacySpan) -> list[Found]:
    """Join "25,000 to 30,000", "between 10 and 12", "5-10W", "three or four" into ranges."""
    doc = sent.doc
    out: list[Found] = []
    for f in found:
        prev = out[-1] if out else None
        dated = prev is not None and _year_like(prev) and len(out) > 1 and _from_to(out[-2], f, doc)
        if dated:
            out.pop()  # "from 20 mpg in 2008 to 29 mpg": the year inside dates the start
            prev = out[-1]
        if prev is not None and not prev.is_range and not f.is_range and (
                dated or _linked(prev, f, doc) or _from_to(prev, f, doc)):
            if prev.currency is None and f.currency is not None:
                prev.currency = f.currency
            if prev.unit is None and f.unit is not None:
                prev.unit = f.unit
            if not prev.scaled and f.scaled and 0 < prev.low < 1000 <= f.low:
                prev.low *= _scale_gap(prev.low, f.low)
            if _after_from(prev, doc):
                prev.parts = (replace(prev), f)
            if f.low != prev.low:  # "2-2" is one value twice, not a range
                prev.high, prev.is_range = f.low, True
            prev.last, prev.end, prev.end_char = f.last, f.end, f.end_char
            prev.suffix = prev.suffix or f.suffix
            continue
        out.append(f)
    return out


def _after_from(f: Found, doc: Doc) -> bool:
    """Does "from" open the figure, a bound between them or not ("from up to 252 miles")? The
    range it starts may be a start and an end figure rather than a span of values."""
    words = [t.lower_ for t in doc[max(0, f.first - _MAX_HEDGE - 1):f.first]]
    return any(words[-n - 1] == "from" and (n == 0 or " ".join(words[-n:]) in HEDGES)
               for n in range(min(_MAX_HEDGE + 1, len(words))))


def _scale_gap(low: float, high: float) -> float:
    """ "1 to 2 thousand", "$2.5 to $3 billion": the scale the first figure left unsaid."""
    scale = 1.0
    while low * scale * 10 <= high:
        scale *= 1000 if low * scale * 1000 <= high else 10
    return scale


def _linked(a: Found, b: Found, doc: Doc) -> bool:
    """True when only a range word stands between two figures that read as one range."""
    between = doc[a.end:b.first]
    if _year_like(a) != _year_like(b) or (a.first > 0 and doc[a.first - 1].lower_ == "by"):
        return False  # "from 2008 to 29", "increased by $43.6 billion to $419.2 billion"
    if (a.unit or a.currency) and (b.unit or b.currency) and \
            (a.unit, a.currency) != (b.unit, b.currency):
        return False  # "plunged 4.28 percent to Y=28,030"
    if b.first == a.end and b.start_char > a.end_char and doc[a.end - 1].text.endswith("-"):
        return True
    if len(between) != 1 or between[0].lower_ not in _RANGE_LINKS:
        return False
    link = between[0].lower_
    if link == "—" and between[0].whitespace_ and doc[a.end - 1].whitespace_:
        return False  # "four in 10 — 38 percent": a spaced em dash sets off an aside
    if link == "and":
        return a.first > 0 and doc[a.first - 1].lower_ == "between"
    if link == "or":
        return not a.digits and not b.digits and b.low > a.low
    return not _sides(a, b, doc)


def _sides(a: Found, b: Found, doc: Doc) -> bool:
    """ "ahead 47% to 44%": two shares written high to low, not opened by "from", are those of two
    sides (a poll, a vote), not a range of one share; a range is written low to high."""
    return (a.unit or b.unit) in SHARE_UNITS and b.low < a.low and not _after_from(a, doc)


def _from_to(a: Found, b: Found, doc: Doc) -> bool:
    """ "from $75 per barrel to $45.88", "from 21 mpg combined to 23", "from roughly 14,000 votes
    on election night to 6,808": a start and an end figure a few words apart, in the same unit
    (or the second leaving it unsaid)."""
    if not _after_from(a, doc) or b.first - a.end > _FROM_TO_GAP:
        return False
    if doc[b.first - 1].lower_ != "to" or _year_like(a) or _year_like(b):
        return False
    between = doc[a.end:b.first - 1]
    if any(t.tag_ in _FINITE or t.text in (",", ";", "(") for t in between):
        return False
    return (b.unit, b.currency) in ((None, None), (a.unit, a.currency))


def _year_like(f: Found) -> bool:
    text = f.doc[f.first].text
    return len(text) == 4 and text.isdigit() and 1900 <= int(text) <= 2100


def _attach_bound(f: Found, sent: SpacySpan) -> None:
    """The hedge written before ("at least", "up to") or after ("or more") the figure."""
    doc = sent.doc
    words = [t.lower_ for t in doc[max(sent.start, f.first - _MAX_HEDGE):f.first]]
    for n in range(min(_MAX_HEDGE, len(words)), 0, -1):
        phrase = " ".join(words[-n:])
        if phrase in HEDGES:
            if not _bounds(f, phrase, sent):
                break
            hedge_tok = doc[f.first - n]
            f.hedge, f.hedge_start = doc[f.first - n:f.first].text, hedge_tok.idx
            if f.change == "=":
                f.change = HEDGES[phrase]
            break
    if f.hedge is None and f.change == "=" and _passed(f, sent):
        verb = doc[f.first - 1]
        f.hedge, f.hedge_start, f.change = verb.text, verb.idx, ">"
    end = bound_after(f, f.end, sent.end)
    if end > f.end:
        f.end, f.end_char = end, doc[end - 1].idx + len(doc[end - 1])


def _bounds(f: Found, phrase: str, sent: SpacySpan) -> bool:
    """Does a hedge phrase before the figure bound it? Not "up to" after a verb it makes a rise
    ("might go up to $350 billion": the level reached), nor a preposition taking a lone "one"
    and its noun as object ("haggling over one headline number")."""
    doc = sent.doc
    last = phrase.split()[-1]
    if last in PREPOSITION_BOUNDS and f.low == 1 and not (f.digits or f.scaled or f.is_range) \
            and f.end < sent.end and doc[f.end].tag_ in ("NN", "NNP", "JJ"):
        return False
    verb_at = f.first - len(phrase.split()) - 1
    verb = doc[verb_at] if verb_at >= sent.start else None
    return not (phrase == "up to" and verb is not None and verb.pos_ == "VERB"
                and verb.lemma_.lower() in RISING_WITH_UP)


def _passed(f: Found, sent: SpacySpan) -> bool:
    """Is the figure the object of a verb of passing written right before it ("could exceed 50
    mph", "gusts topping 55 miles per hour", "topped 300 homes")? What is passed is a floor."""
    if f.first <= sent.start:
        return False
    verb = sent.doc[f.first - 1]
    if verb.pos_ != "VERB" or verb.lower_ not in PASSING_VERBS:
        return False
    top = next((t for t in sent.doc[f.first:f.end] if not f.first <= t.head.i < f.end), None)
    obj = top.head if top is not None and top.dep_ in ("nummod", "compound") else top
    return obj is not None and obj.dep_ == "dobj" and obj.head == verb


def bound_after(f: Found, at: int, limit: int) -> int:
    """Read a bound written at token `at`, after the figure or its rate ("3,000 or more",
    "$1.3 trillion a year or more"); the token after it, or `at` when there is none."""
    doc = f.doc
    after = [t.lower_ for t in doc[at:min(limit, at + 2)]]
    for n in (2, 1):
        phrase = " ".join(after[:n])
        if len(after) >= n and phrase in POST_HEDGES:
            if f.change == "=":  # "some 250,000 or so": the first bound written stands
                f.change, f.hedge = POST_HEDGES[phrase], phrase
            return at + n
    return at
