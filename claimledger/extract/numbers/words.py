"""Read one figure: digits with separators and glued suffixes, or a run of number words."""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimledger.extract.numbers.lexicon import SCALE_ABBREV, SCALES, SMALL

# prefix (currency or sign) | number | suffix glued to it ("$2.5bn", "640bhp", "~45", "1/16")
_TOKEN = re.compile(
    r"^(?P<pre>[^\d+\-−~≈.]*?)(?P<sign>[+\-−~≈]?)"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?P<suf>.*)$"
)
_FRACTION = re.compile(r"^/(\d+)$")
# Denominators of shares written with a slash ("3/4", "1/16"); others read as dates or labels.
_DENOMINATORS = {2, 3, 4, 5, 8, 10, 16, 32, 64, 100}


@dataclass(frozen=True)
class Figure:
    """A number read from one token: where the digits sit inside it and what is glued on."""

    value: float
    num_start: int  # character offsets of the digits (and sign) within the token text
    num_end: int
    prefix: str
    sign: str
    suffix: str


def read_token(text: str) -> Figure | None:
    """The figure written in a token, if its text is digits plus at most a prefix and suffix."""
    m = _TOKEN.match(text)
    if m is None:
        return None
    value = float(m["num"].replace(",", ""))
    if m["sign"] in "-−" and m["sign"]:
        value = -value
    suffix = m["suf"]
    frac = _FRACTION.match(suffix)
    if frac:
        den = float(frac.group(1))
        if den not in _DENOMINATORS or value >= den:
            return None  # "9/11", "24/7", "4/20": a date or a label, not a share
        value, suffix = value / den, ""
    start = m.start("sign") if m["sign"] in ("+", "-", "−") and m["sign"] else m.start("num")
    return Figure(value, start, m.end("num") if not frac else len(text), m["pre"], m["sign"], suffix)


def scale_of(word: str) -> float | None:
    """The multiplier of a scale word or abbreviation ("million", "bn", "M"), if it is one."""
    if word in SCALE_ABBREV:
        return SCALE_ABBREV[word]
    return SCALES.get(word.lower())


def words_value(words: list[str]) -> float | None:
    """Value of a run of number words: "three hundred and twenty", "a million", "a dozen"."""
    total, current, seen = 0.0, 0.0, False
    for raw in words:
        for word in raw.lower().split("-"):
            if word in ("a", "an", "and", ""):
                if word in ("a", "an"):
                    current = current or 1.0
                continue
            if word in SMALL:
                current = current * SMALL[word] if word == "dozen" and current else (
                    current + SMALL[word])
            elif word == "hundred":
                current = (current or 1.0) * 100
            elif word in SCALES:
                total += (current or 1.0) * SCALES[word]
                current = 0.0
            else:
                return None
            seen = True
    return total + current if seen else None


def is_number_word(word: str) -> bool:
    """True for a cardinal word or a hyphenated compound of them ("twenty-five")."""
    parts = word.lower().split("-")
    return all(p in SMALL or p in SCALES for p in parts) and bool(parts[0])
