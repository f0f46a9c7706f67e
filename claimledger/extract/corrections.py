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


def in_correction(text: str, start: int) -> bool:
    """Does the sentence starting at `start` belong to a correction notice, which runs on to
    the end of its paragraph ("Correction: An earlier version said 2,120. It has received
    212.": the figures of both sentences are the notice's, not the story's)?"""
    paragraph = text.rfind("\n", 0, start) + 1
    end = text.find("\n", start)
    return is_correction(text[paragraph : len(text) if end < 0 else end])
