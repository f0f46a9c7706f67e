"""Publication dates from whatever a feed or page gives, to ISO 8601."""

from __future__ import annotations

import datetime as dt
from typing import Any


def normalize_date(value: Any) -> str | None:
    """ISO date ("2024-10-23"), or ISO datetime when a time of day is given; None if unreadable."""
    if isinstance(value, dt.datetime):
        return _iso(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    if not text:
        return None
    try:
        return _iso(dt.datetime.fromisoformat(text.replace("Z", "+00:00")))
    except ValueError:
        pass
    import dateparser

    parsed = dateparser.parse(  # absolute dates only: "yesterday" names no day once stored
        text,
        settings={
            "PREFER_DAY_OF_MONTH": "first",
            "REQUIRE_PARTS": ["year"],
            "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
        },
    )
    return _iso(parsed) if parsed else None


def _iso(moment: dt.datetime) -> str:
    if moment.time() == dt.time(0, 0) and moment.tzinfo is None:
        return moment.date().isoformat()
    return moment.isoformat()
