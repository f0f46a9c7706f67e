"""claimledger's custom spaCy components, added to the statistical pipeline."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

PARAGRAPH_BREAKS = "paragraph_breaks"
# A blank line, not a single line break: hard-wrapped text breaks lines inside sentences.
_BREAK_NEWLINES = 2


@Language.component(PARAGRAPH_BREAKS)
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line ends a sentence: the parser would run a timestamp, a heading or a
    byline on into the next paragraph ("9:30 p.m.\\n\\nTrump says ...": "p.m." says)."""
    for token in doc[1:]:
        before = doc[token.i - 1]
        if before.is_space and before.text.count("\n") >= _BREAK_NEWLINES and not token.is_space:
            token.is_sent_start = True
    return doc


def add_components(nlp: Language) -> None:
    """Add our components once, where they belong in the statistical pipeline."""
    if PARAGRAPH_BREAKS not in nlp.pipe_names:
        where = {"before": "parser"} if "parser" in nlp.pipe_names else {"first": True}
        nlp.add_pipe(PARAGRAPH_BREAKS, **where)
