"""Verdicts from bounds and as-of times: agree, conflict, evolved, denied, single."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from claimledger.model import Verdict

FUTURE = frozenset({"pledge", "target", "forecast", "plan", "projection", "goal", "expected"})
# the text itself says a figure replaces an earlier one ("double the previous figures", "down
# slightly from the peak")
EVOLUTION = re.compile(
    r"\b(?:previous(?:ly)?|earlier (?:estimate|figure|report)s?|(?:up|down)(?: \w+ly)? from|revised|"
    r"doubled?|tripled?|trebled|halved|risen|rose|grown|increased|decreased|fallen|fell|"
    r"lowered|raised|reduced|slashed|dropped|climbed|jumped|since been|"
    r"latest (?:estimate|figure)s?|updated?)\b",
    re.I,
)
SHARE_UNITS = frozenset({"percent", "fraction"})
ABOUT = 0.1  # "about 10,000" covers 9,000 to 11,000
# Hedges the extractor keeps as exact ("as many as" is "=" in NewsQuant) that a verdict reads
# as a ceiling: "as many as 9 million" does not conflict with "4.2 million".
CEILING_HEDGES = frozenset({"as many as", "as much as"})


@dataclass(frozen=True)
class Figure:
    """One member number of a measure, as the verdict logic needs it."""

    low: float
    high: float | None
    change: str
    status: str
    as_of: str | None  # ISO date: the quantity's resolved time, else publication date
    evolved_cue: bool = False
    share: bool = False  # a percentage or fraction: never a rival of a count or an amount

    @property
    def interval(self) -> tuple[float, float]:
        """The values the figure allows, given its bound ("at least 3,000" -> [3000, inf))."""
        if self.high is not None:
            return self.low, self.high
        if self.change == "~":
            return self.low * (1 - ABOUT), self.low * (1 + ABOUT)
        if self.change == ">":
            return self.low, math.inf
        if self.change == "<":
            return 0.0, self.low
        return self.low, self.low

    @property
    def horizon(self) -> str:
        """Pledges and targets speak of the future; they do not contradict estimates. A share
        ("a third of the missing") neither contradicts nor confirms a count ("560 missing")."""
        when = "future" if self.status in FUTURE else "current"
        return f"{when} share" if self.share else when


def compatible(a: Figure, b: Figure) -> bool:
    """Both figures can be true at once."""
    (a_lo, a_hi), (b_lo, b_hi) = a.interval, b.interval
    return a_lo <= b_hi and b_lo <= a_hi


def relation(a: Figure, b: Figure) -> str | None:
    """agree | conflict | evolved between two figures, None when they speak of different things."""
    if a.horizon != b.horizon:
        return None
    if compatible(a, b):
        return "agree"
    moved = "up" in (a.change, b.change) or "down" in (a.change, b.change)
    if a.as_of != b.as_of or a.evolved_cue or b.evolved_cue or moved:
        return "evolved"
    return "conflict"


Scope = tuple[str, str]  # (horizon, as_of) of a group of figures; ALL spans every one
ALL = "*"
UNDATED = ""


@dataclass(frozen=True)
class Bounds:
    """What a scope of figures allows together, so one more figure is judged against one row."""

    lo: float = -math.inf  # the highest lower bound
    hi: float = math.inf  # the lowest upper bound
    n: int = 0
    cue: bool = False  # some figure says it replaces an earlier one

    def add(self, f: Figure, cue: bool) -> Bounds:
        lo, hi = f.interval
        return Bounds(max(self.lo, lo), min(self.hi, hi), self.n + 1, self.cue or cue)

    def state(self, scope: Scope) -> str | None:
        """One date's figures conflict when their bounds cross; across dates the figure
        evolved; two or more compatible figures agree."""
        horizon, as_of = scope
        disjoint = self.lo > self.hi
        if horizon == ALL:
            return None
        if as_of != ALL:
            return "conflict" if disjoint else None
        if disjoint:
            return "evolved"
        return "agree" if self.n >= 2 else None


def scopes(f: Figure) -> list[tuple[Scope, bool]]:
    """The scopes a figure counts in, each with the cue it brings there. A figure the text says
    replaced or was replaced ("down from 300") is no rival of its date's others, nor does it
    excuse their clash: it joins only the all-dates scopes."""
    moved = f.change in ("up", "down")
    dated = [] if f.evolved_cue else [((f.horizon, f.as_of or UNDATED), False)]
    return [*dated, ((f.horizon, ALL), False), ((ALL, ALL), f.evolved_cue or moved)]


def fold(bounds: Mapping[Scope, Bounds], figures: Iterable[Figure]) -> dict[Scope, Bounds]:
    """The scopes these figures change, folded into the `bounds` known so far."""
    out: dict[Scope, Bounds] = {}
    for f in figures:
        for scope, cue in scopes(f):
            out[scope] = out.get(scope, bounds.get(scope, Bounds())).add(f, cue)
    return out


def decide(total: Bounds, states: set[str | None]) -> Verdict:
    """The verdict from the all-figures scope and the states of the others: conflict first,
    then evolution, then agreement."""
    if total.n < 2:
        return "single"
    if "conflict" in states:
        return "conflict"
    if "evolved" in states or total.cue:
        return "evolved"
    return "agree" if "agree" in states else "single"


def verdict(figures: list[Figure], denied: bool = False) -> Verdict:
    """One verdict for a measure: a denial first, then conflict, evolution, agreement.

    Figures of one horizon and as-of time conflict when their tightest bounds cross; across
    times, disjoint bounds mean the figure evolved. The same fold runs incrementally on the
    stored bounds of a claim (`claim_bounds`).
    """
    if denied:
        return "denied"
    bounds = fold({}, figures)
    return decide(bounds.get((ALL, ALL), Bounds()), {b.state(s) for s, b in bounds.items()})


def statement_verdict(previous: Verdict | None, stance: str) -> Verdict:
    """A proposition claim after one more statement: denied once any party denies it."""
    if previous == "denied" or stance == "deny":
        return "denied"
    return "single" if previous is None else "agree"
