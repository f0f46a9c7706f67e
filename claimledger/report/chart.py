"""Geometry of a measure's chart: each figure by claimant over time, with its bound drawn.

Drawn as inline SVG by the templates (no JavaScript, works offline): an exact figure is a dot,
"about" a dot with whiskers, a stated range a bar from low to high, "at least" a bar open
upwards (fading to an arrow), "up to" a bar open downwards.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

PALETTE = ("#1f5fa8", "#c2410c", "#15803d", "#7e22ce", "#b91c1c", "#0e7490", "#a16207", "#be185d")
OTHER = "#6b7280"
WIDTH, HEIGHT = 1000, 300
OPEN_BAR = 22  # pixels of solid bar before an open bound fades to its arrow
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 16, 40
MAX_LEGEND = len(PALETTE)


@dataclass
class Mark:
    """One figure on the chart; `shape` is point, approx, range, open_up or open_down."""

    shape: str
    x: float
    y: float  # the stated value (or the low end of a range)
    y2: float  # the other end: high of a range, arrow tip of an open bound, whisker of "about"
    color: str
    href: str
    title: str


@dataclass
class Chart:
    """Everything the SVG template needs, in pixel units of a WIDTH x HEIGHT view box."""

    marks: list[Mark] = field(default_factory=list)
    x_ticks: list[tuple[float, str]] = field(default_factory=list)
    y_ticks: list[tuple[float, str]] = field(default_factory=list)
    legend: list[tuple[str, str]] = field(default_factory=list)
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right: int = WIDTH - RIGHT
    top: int = TOP
    bottom: int = HEIGHT - BOTTOM


def measure_chart(figures: list[dict[str, Any]], href: Callable[[dict[str, Any]], str]) -> Chart:
    """Lay out `figures` (rows of `readmodel.quantities`) by date and value."""
    chart = Chart()
    plotted = [f for f in figures if _value(f) is not None]
    if not plotted:
        return chart
    colors = _colors(plotted)
    chart.legend = _legend(plotted, colors)
    step = _nice_step(max(_highest(f) for f in plotted) * 1.15 / 5)
    top_value = step * math.ceil(max(_highest(f) for f in plotted) * 1.15 / step)
    y_of = _scale(0, top_value, chart.bottom, chart.top)
    chart.y_ticks = [(y_of(step * i), compact(step * i)) for i in range(round(top_value / step) + 1)]
    x_of, chart.x_ticks = _x_axis(plotted, chart)
    for f, x in zip(plotted, x_of, strict=True):
        chart.marks.append(_mark(f, x, y_of, chart, colors.get(f["claimant"], OTHER), href(f)))
    return chart


def compact(v: float) -> str:
    """Axis labels: 3000 -> '3k', 1500000 -> '1.5M'."""
    for size, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(v) >= size:
            return f"{v / size:.1f}".rstrip("0").rstrip(".") + suffix
    return f"{v:g}"


def _value(f: dict[str, Any]) -> float | None:
    if f["change"] == "<" and f["value_high"] is not None:
        return f["value_high"]
    return f["value_low"] if f["value_low"] is not None else f["value_high"]


def _highest(f: dict[str, Any]) -> float:
    return max(v for v in (f["value_low"], f["value_high"]) if v is not None)


def _mark(f: dict[str, Any], x: float, y_of: Callable[[float], float], chart: Chart,
          color: str, href: str) -> Mark:
    value = _value(f)
    assert value is not None
    shape, y, y2 = "point", y_of(value), y_of(value)
    if f["is_range"] and f["value_low"] is not None and f["value_high"] is not None:
        shape, y, y2 = "range", y_of(f["value_low"]), y_of(f["value_high"])
    elif f["change"] == ">":
        shape, y2 = "open_up", max(chart.top, y - 2.5 * OPEN_BAR)
    elif f["change"] == "<":
        shape, y2 = "open_down", min(chart.bottom, y + 2.5 * OPEN_BAR)
    elif f["change"] == "~":
        shape, y2 = "approx", y_of(value * 1.05)
    when = f["date"] or "undated"
    title = f"{f['claimant']}: {f['figure']} ({f['text']}), {f['outlet'] or 'unknown outlet'}, {when}"
    return Mark(shape, x, y, y2, color, href, title)


def _colors(figures: list[dict[str, Any]]) -> dict[str, str]:
    """The busiest claimants get the palette; the rest share grey."""
    counts: dict[str, int] = {}
    for f in figures:
        counts[f["claimant"]] = counts.get(f["claimant"], 0) + 1
    ranked = sorted(counts, key=lambda c: (-counts[c], c))
    return dict(zip(ranked[:MAX_LEGEND], PALETTE, strict=False))


def _legend(figures: list[dict[str, Any]], colors: dict[str, str]) -> list[tuple[str, str]]:
    legend = list((c, name) for name, c in colors.items())
    if any(f["claimant"] not in colors for f in figures):
        legend.append((OTHER, "other sources"))
    return legend


def _x_axis(figures: list[dict[str, Any]], chart: Chart) -> tuple[list[float], list[tuple[float, str]]]:
    """X positions by date (undated figures in a column at the left), spread within a day."""
    days = [_ordinal(f["date"]) for f in figures]
    dated = [d for d in days if d is not None]
    has_undated = len(dated) < len(days)
    lo, hi = (min(dated), max(dated)) if dated else (0, 0)
    if hi - lo < 2:
        lo, hi = lo - 1, hi + 1
    inner_left = chart.left + (70 if has_undated else 30)
    x_of = _scale(lo, hi, inner_left, chart.right - 30)
    slots: dict[int | None, int] = {}
    seen: dict[int | None, int] = {}
    for d in days:
        slots[d] = slots.get(d, 0) + 1
    xs = []
    for d in days:
        i = seen[d] = seen.get(d, -1) + 1
        spread = min(12.0, 60.0 / max(1, slots[d]))
        base = chart.left + 35 if d is None else x_of(d)
        xs.append(base + (i - (slots[d] - 1) / 2) * spread)
    ticks = (  # no dates at all (texts without a publication date): no date ticks
        [(x_of(d), dt.date.fromordinal(d).isoformat()) for d in _date_ticks(lo, hi)]
        if dated
        else []
    )
    if has_undated:
        ticks.insert(0, (chart.left + 35, "undated"))
    return xs, ticks


def _date_ticks(lo: int, hi: int) -> list[int]:
    step = max(1, math.ceil((hi - lo) / 5))
    return list(range(lo, hi + 1, step))


def _ordinal(day: str | None) -> int | None:
    try:
        return dt.date.fromisoformat(day[:10]).toordinal() if day else None
    except ValueError:
        return None


def _scale(d0: float, d1: float, r0: float, r1: float) -> Callable[[float], float]:
    span = (d1 - d0) or 1
    return lambda v: round(r0 + (v - d0) / span * (r1 - r0), 1)


def _nice_step(raw: float) -> float:
    """The round number (1, 2, 2.5 or 5 times a power of ten) at or above `raw`."""
    if raw <= 0:
        return 1.0
    mag = 10 ** math.floor(math.log10(raw))
    return next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
