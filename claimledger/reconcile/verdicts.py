"""Verdicts from bounds and as-of times: agree, conflict, evolved, denied, single."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from claimledger.model import Verdict

FUTURE = frozenset({"pledge", "target", "forecast", "plan", "projection", "goal", "expected"})
# the text itself says a figure replaces an earlier one ("double the previous figures")
EVOLUTION = re.compile(
    r"\b(?:previous(?:ly)?|earlier (?:estimate|figure|report)s?|up from|down from|revised|"
    r"doubled?|tripled?|trebled|halved|risen|rose|grown|increased|decreased|fallen|"
    r"latest (?:estimate|figure)s?|updated?)\b",
    re.I,
)
ABOUT = 0.1  # "about 10,000" covers 9,000 to 11,000


@dataclass(frozen=True)
class Figure:
    """One member number of a measure, as the verdict logic needs it."""

    low: float
    high: float | None
    change: str
    status: str
    as_of: str | None  # ISO date: the quantity's resolved time, else publication date
    evolved_cue: bool = False

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
        """Pledges and targets speak of the future; they do not contradict estimates."""
        return "future" if self.status in FUTURE else "current"


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


def verdict(figures: list[Figure], denied: bool = False) -> Verdict:
    """One verdict for a measure: a denial first, then conflict, evolution, agreement.

    Linear in the number of figures: figures of one horizon and as-of time conflict when their
    tightest bounds cross; across times, disjoint bounds mean the figure evolved.
    """
    if denied:
        return "denied"
    if len(figures) < 2:
        return "single"
    groups: dict[tuple[str, str | None], list[Figure]] = {}
    for f in figures:
        groups.setdefault((f.horizon, f.as_of), []).append(f)
    if any(_disjoint(g) and not any(f.evolved_cue for f in g) for g in groups.values()):
        return "conflict"
    horizons: dict[str, list[Figure]] = {}
    for f in figures:
        horizons.setdefault(f.horizon, []).append(f)
    if any(_disjoint(h) for h in horizons.values()) or any(
        f.evolved_cue or f.change in ("up", "down") for f in figures
    ):
        return "evolved"
    if all(len(h) < 2 for h in horizons.values()):
        return "single"
    return "agree"


def _disjoint(figures: list[Figure]) -> bool:
    """Some two of these figures cannot both be true."""
    return max(f.interval[0] for f in figures) > min(f.interval[1] for f in figures)


def statement_verdict(stances: list[str]) -> Verdict:
    """Statements of one proposition: denied if any party denies it, else agree or single."""
    if "deny" in stances:
        return "denied"
    return "agree" if len(stances) > 1 else "single"
