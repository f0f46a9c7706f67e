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
    REQUEST_NOUNS,
    SPECULATE_VERBS,
    SPECULATIVE_MODALS,
    WARNING_VERBS,
)
from claimledger.model import Stance

_WORDS = re.compile(r"[a-z]+")
# The end of the content's first sentence: "?" there makes the statement a question.
_FIRST_STOP = re.compile(r"[.?!](?=[”\"’')\s]|$)")


def stance_of(cue: Token, content: TokenSpan | None, content_text: str) -> Stance:
    """Deny for denial verbs (not of a request) or a dismissive label; question (not a request
    to do something), then speculate (a hedging verb, or "may"/"might" heading what was said,
    unless the cue warns or threatens); else assert."""
    lemma = cue.lemma_.lower()
    words = set(_WORDS.findall(content_text.lower()))
    if (lemma in DENY_VERBS and not _refusal(content)) or (
        lemma in LABEL_VERBS and words & DISMISSIVE_WORDS
    ):
        return "deny"
    stop = _FIRST_STOP.search(content_text)
    if (lemma in QUESTION_VERBS and not _request(cue)) or (
        stop is not None and stop.group() == "?"
    ):
        return "question"
    if lemma in SPECULATE_VERBS:
        return "speculate"
    if lemma not in WARNING_VERBS and content is not None and _modal_hedge(content):
        return "speculate"  # a warning or threat of what might happen asserts the warning
    return "assert"


def _refusal(content: TokenSpan | None) -> bool:
    """Is what was rejected a request, not a claim ("rejected a request to ...")?"""
    return content is not None and content.root.lemma_.lower() in REQUEST_NOUNS


def _request(cue: Token) -> bool:
    """Is the cue asking someone to do something ("asked the candidates to discuss ...")?"""
    return any(
        c.dep_ in ("xcomp", "ccomp")
        and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
        for c in cue.children
    )


def _modal_hedge(content: TokenSpan) -> bool:
    """The content's main clause carries "may" or "might"."""
    root = content.root
    return any(c.dep_ == "aux" and c.lower_ in SPECULATIVE_MODALS for c in root.children)
