"""How an attribution leans: asserts, denies, speculates or asks."""

from __future__ import annotations

import re

from spacy.tokens import Span as TokenSpan
from spacy.tokens import Token

from claimledger.extract.attribution.lexicon import (
    DENY_VERBS,
    DISMISSIVE_WORDS,
    LABEL_VERBS,
    QUESTION_VERBS,
    SPECULATE_VERBS,
    SPECULATIVE_MODALS,
    WARNING_VERBS,
)
from claimledger.model import Stance

_WORDS = re.compile(r"[a-z]+")
# The end of the content's first sentence: "?" there makes the statement a question.
_FIRST_STOP = re.compile(r"[.?!](?=[”\"’')\s]|$)")


def stance_of(cue: Token, content: TokenSpan | None, content_text: str) -> Stance:
    """Deny for denial verbs or a dismissive label; question, then speculate (a hedging verb, or
    "may"/"might" heading what was said, unless the cue warns or threatens); else assert."""
    lemma = cue.lemma_.lower()
    words = set(_WORDS.findall(content_text.lower()))
    if lemma in DENY_VERBS or (lemma in LABEL_VERBS and words & DISMISSIVE_WORDS):
        return "deny"
    stop = _FIRST_STOP.search(content_text)
    if lemma in QUESTION_VERBS or (stop is not None and stop.group() == "?"):
        return "question"
    if lemma in SPECULATE_VERBS:
        return "speculate"
    if lemma not in WARNING_VERBS and content is not None and _modal_hedge(content):
        return "speculate"  # a warning or threat of what might happen asserts the warning
    return "assert"


def _modal_hedge(content: TokenSpan) -> bool:
    """The content's main clause carries "may" or "might"."""
    root = content.root
    return any(c.dep_ == "aux" and c.lower_ in SPECULATIVE_MODALS for c in root.children)
