"""Statements that make the same proposition: shared quotes, or content words plus entities.

Lexical on purpose (no model to install, fast on two cores): lemma Jaccard over content words,
boosted by shared named places; a quoted phrase of three or more words repeated verbatim
(same speaker for shorter ones) is the same proposition. Blocking keys keep lookups local.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from claimledger.reconcile.text import (
    STOPWORDS,
    content_lemmas,
    quotes,
    stable_hash,
    verb_stem,
    words,
)
from claimledger.resolve.across import find_places
from claimledger.store import schema as t

MIN_WORDS = 3  # content words a statement needs before word overlap can match it
SKETCH = 4  # content words per statement used as blocking keys (bottom-k by hash)
SAME = 0.6  # lemma Jaccard that alone makes two statements one proposition
SAME_WITH_ENTITIES = 0.4  # ...when they also name the same places
# The figures a statement gives ("about 5.6 million", "1m"): two statements that both give
# figures and share none say different things, whatever words they share. Stored among the
# lemmas as "#5600000" (a token no word makes).
FIGURE = re.compile(
    r"(?<![\w.])(\d[\d,]*(?:\.\d+)?)(?:\s*(thousand|million|billion|trillion|bn|m|k)\b)?", re.I
)
SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9,
          "trillion": 1e12}
# The verb that says it, stored among the lemmas as "~deny" (a token no word makes): a short
# statement ("denies any wrongdoing") is the same only by the same speaker with the same verb;
# word overlap and blocking keys leave these tokens out.
CUE = "~"
NEGATIONS = frozenset({"not", "never", "no"})


@dataclass(frozen=True)
class Proposition:
    """What a statement's content says, reduced for comparison."""

    lemmas: frozenset[str]
    quotes: tuple[str, ...]
    places: frozenset[str]
    speaker: str | None

    @classmethod
    def of(cls, row: dict[str, Any]) -> Proposition:
        content = row["content_text"]
        found = quotes(content)
        if not found and row["direct"]:
            found = quotes(f"“{content}”")
        cue = frozenset(CUE + w for w in cue_stems(row.get("cue_text") or ""))
        return cls(
            frozenset(content_lemmas(content)) | figures_of(content) | cue,
            tuple(found),
            frozenset(p.entity for p in find_places(content)),
            row.get("canonical") or row.get("speaker_name") or row.get("speaker_text"),
        )

    @classmethod
    def stored(cls, row: Mapping[str, Any]) -> Proposition:
        """A proposition as `propositions` keeps it: compared without re-reading the text."""
        return cls(
            frozenset(row["lemmas"].split()),
            tuple(json.loads(row["quotes"])),
            frozenset(json.loads(row["places"])),
            row["speaker"],
        )

    def row(self, statement_id: int) -> dict[str, Any]:
        """The `propositions` row of a statement, computed once when it is reconciled."""
        return {
            "statement_id": statement_id,
            "lemmas": " ".join(sorted(self.lemmas)),
            "quotes": json.dumps(list(self.quotes), ensure_ascii=False),
            "places": json.dumps(sorted(self.places), ensure_ascii=False),
            "speaker": self.speaker,
        }

    def keys(self) -> list[str]:
        """Blocking keys: each quoted phrase, and a bottom-k sketch of the content words."""
        sketch = sorted(_words(self.lemmas), key=stable_hash)[:SKETCH]
        return [f"q:{q}"[:300] for q in self.quotes] + [f"w:{w}" for w in sketch]

    def same(self, other: Proposition) -> bool:
        """Both statements put forward the same proposition."""
        mine, theirs = _figures(self.lemmas), _figures(other.lemmas)
        if mine and theirs and not mine & theirs:
            return False  # "fewer than 1 million were affected" is not "5.6 million were"
        if self.quotes and other.quotes:
            for q in set(self.quotes) & set(other.quotes):
                if len(q.split()) >= 3 or (self.speaker and self.speaker == other.speaker):
                    return True
        here, there = _words(self.lemmas), _words(other.lemmas)
        if here and self.lemmas == other.lemmas and self.speaker and self.speaker == other.speaker:
            return True  # the one speaker saying it again in the same words, however short
        small, large = sorted((len(here), len(there)))
        if small < MIN_WORDS:
            return False  # too short to tell ("he said so")
        if small < SAME_WITH_ENTITIES * large:
            return False  # sizes alone keep the overlap under every bar (cheap, most pairs)
        shared = len(here & there)
        overlap = shared / (small + large - shared)
        if overlap >= SAME:
            return True
        return overlap >= SAME_WITH_ENTITIES and bool(self.places & other.places)

def figures_of(text: str) -> frozenset[str]:
    """The values of the figures a text gives, as lemma tokens ("#5600000")."""
    out = set()
    for m in FIGURE.finditer(text):
        value = float(m[1].replace(",", "")) * SCALES.get((m[2] or "").lower(), 1)
        out.add(f"#{value:g}")
    return frozenset(out)


def cue_stems(cue: str) -> frozenset[str]:
    """The verb stems of a cue, and whether it is negated: "denies", "has denied" and
    "denying" are all "deny"; "did not respond" is not "responded"."""
    out = set()
    for word in words(cue):
        w = word.lower().replace("’", "'")
        if w in NEGATIONS or w.endswith("n't"):
            out.add("not")
        elif len(w) > 2 and w not in STOPWORDS:
            out.add(verb_stem(w))
    return frozenset(out)


def _figures(lemmas: frozenset[str]) -> frozenset[str]:
    return frozenset(w for w in lemmas if w.startswith("#"))


def _words(lemmas: frozenset[str]) -> frozenset[str]:
    """The lemmas of what is said, not of the verb saying it."""
    return frozenset(w for w in lemmas if not w.startswith(CUE))


class PropositionMemo(dict[int, Proposition]):
    """Stored propositions by statement id, read once: a stored proposition never changes.

    The batch being reconciled is compared in memory, not loaded; rows of earlier batches of
    the same transaction may be, so a rollback must drop the memo (`reconcile.forget`).
    Past `limit`, the oldest entries the current load did not ask for go first.
    """

    def __init__(self, limit: int = 10_000) -> None:
        super().__init__()
        self.limit = limit

    def load(self, conn: Connection, ids: set[int]) -> None:
        """Read the propositions of `ids` not yet held."""
        missing = sorted(ids - self.keys())
        p = t.propositions
        for start in range(0, len(missing), 500):
            rows = conn.execute(select(p).where(p.c.statement_id.in_(missing[start : start + 500])))
            self.update((r.statement_id, Proposition.stored(r._mapping)) for r in rows)
        if len(self) > self.limit:  # oldest first, never what this batch is about to compare
            for old in [i for i in self if i not in ids][: len(self) - self.limit]:
                del self[old]
