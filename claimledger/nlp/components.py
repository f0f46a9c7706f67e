"""claimledger's custom spaCy components, added to the statistical pipeline."""

from __future__ import annotations

import re

import numpy as np
from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc

PARAGRAPH_BREAKS = "paragraph_breaks"
# A blank line, not a single line break: hard-wrapped text breaks lines inside sentences.
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")


@Language.component(PARAGRAPH_BREAKS)
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line ends a sentence: the parser would run a timestamp, a heading or a
    byline on into the next paragraph ("9:30 p.m.\\n\\nTrump says ...": "p.m." says)."""
    ends = [m.end() for m in _BLANK_LINE.finditer(doc.text)]
    if ends:
        starts = doc.to_array(IDX)
        for end, at in zip(ends, np.searchsorted(starts, ends).tolist(), strict=True):
            if 0 < at < len(doc) and starts[at] == end:  # a token begins right after it
                doc[at].is_sent_start = True
    return doc


def add_components(nlp: Language) -> None:
    """Add our components once, where they belong in the statistical pipeline."""
    if PARAGRAPH_BREAKS not in nlp.pipe_names:
        where = {"before": "parser"} if "parser" in nlp.pipe_names else {"first": True}
        nlp.add_pipe(PARAGRAPH_BREAKS, **where)
