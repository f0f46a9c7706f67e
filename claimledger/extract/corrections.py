"""Correction notices: what an earlier version of the article wrongly said is no one's claim."""

from __future__ import annotations

import re

# "Correction: An earlier version of this blog said ...", "This article has been updated to
# correct ...", "Clarification: ..."
_NOTICE = re.compile(
    r"^\W*(?:correction|clarification)\s*[:—–-]"
    r"|\b(?:an earlier|a previous) version of this (?:article|story|report|blog|post|piece)\b"
    r"|\bthis (?:article|story|report|post) has been (?:updated|corrected|amended)\b",
    re.I,
)


def is_correction(sentence: str) -> bool:
    """Is this sentence the outlet's correction notice (its figures and sayings retracted)?"""
    return _NOTICE.search(sentence) is not None
