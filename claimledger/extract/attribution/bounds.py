"""A learned choice of where a cue ends and where its content starts and ends.

The rules of `frames.py` give a first guess; the parse often hangs a reporter's gloss on what
was said (", as he faces ...", "before sketching ...") or cuts it short ("want their money
back"), and PolNeAR's cues keep some words after the verb ("called for", "went on to say")
but not others ("said of"). A conditional logit, trained on PolNeAR's train split by
`train.py` and shipped as `bound_weights.json`, scores each candidate boundary near the guess
(where a constituent opens or punctuation stands) and keeps the best; the guess is one of them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import repeat

from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, IS_PUNCT, IS_QUOTE, IS_STOP, LENGTH, LOWER, POS
from spacy.tokens import Doc

from claimledger.extract.attribution.lexicon import FIGURE_SIGNS

BOUND_WEIGHTS_FILE = "bound_weights.json"
SIDES = ("start", "end")
# Signed distance from the rule's guess, in tokens, as coarse buckets.
_DISTANCE_BUCKETS = ((0, "0"), (1, "1"), (3, "2-3"), (10, "4-10"))
_CUE_REACH = 6  # tokens past the cue's head its end may move to: "went on to say"
# Constituents whose first word says what they add: "as he faces", "before", "and", "on".
_WORDED_DEPS = frozenset({"prep", "mark", "cc", "advmod", "npadvmod", "agent"})
# Cue heads whose content ends with their own phrase: a noun's or adjective's complement.
_PHRASE_BOUND = frozenset({"NOUN", "PROPN", "ADJ"})
_ATTRS = [LOWER, POS, DEP, HEAD, IS_PUNCT, IS_QUOTE, IS_STOP, IDX, LENGTH, ENT_TYPE]


@dataclass(frozen=True)
class Candidate:
    """One place a boundary could go, with what the parse says about it."""

    token: int  # the cue or content ends before, or the content starts at, this token index
    chars: int  # the boundary as a character offset into `doc.text`
    features: list[str]


class Layout:
    """The token attributes the features read, pulled out of the Doc once per article."""

    def __init__(self, doc: Doc, inside_quote: list[bool]) -> None:
        strings = doc.vocab.strings
        array = doc.to_array(_ATTRS).reshape(len(doc), len(_ATTRS))
        lower, pos, dep, _, punct, quote, stop, idx, length, ent = array.T.tolist()
        head = array[:, _ATTRS.index(HEAD)].view("int64").tolist()  # offsets to the head
        # each distinct key looked up once: an article repeats its words and labels
        names = {k: strings[k] if k else "" for k in {*lower, *pos, *dep, *ent}}
        self.n = len(doc)
        self.lower = [names[k] for k in lower]
        self.pos = [names[k] for k in pos]
        self.dep = [names[k] for k in dep]
        self.ent = [names[k] for k in ent]
        self.head = [i + h for i, h in enumerate(head)]
        self.punct = [bool(p) for p in punct]
        self.quote = [bool(q) for q in quote]
        self.start_char = idx
        self.end_char = [i + n for i, n in zip(idx, length, strict=True)]
        self.word = [self.lower[i] if punct[i] or stop[i] else self.pos[i] for i in range(self.n)]
        self._left_edge: dict[int, int] = {}  # these two filled on demand
        self._opened: dict[int, int] = {}
        self.sent_start = [False] * self.n
        self.sent_end = [0] * self.n
        self.sent_begin = [0] * self.n
        for sent in doc.sents:
            self.sent_start[sent.start] = True
            self.sent_begin[sent.start : sent.end] = [sent.start] * len(sent)
            self.sent_end[sent.start : sent.end] = [sent.end] * len(sent)
        self.inside = inside_quote
        self.lemma: dict[tuple[int, int], str] = {}  # cue head lemmas, filled on demand
        self.doc = doc

    def left_edge(self, at: int) -> int:
        """The first token of token `at`'s subtree, read from the parse only for the tokens
        asked about: a Token costs, and the boundaries near cues are a small part of a text."""
        edge = self._left_edge.get(at)
        if edge is None:
            edge = self._left_edge[at] = self.doc[at].left_edge.i
        return edge

    def token_at(self, char: int, end: bool) -> int:
        """The token holding character `char` (for an end, the one holding `char - 1`)."""
        span = self.doc.char_span(char - end, char - end + 1, alignment_mode="expand")
        return span.start if span is not None and len(span) else -1

    def edge_char(self, at: int, side: str) -> int:
        """The character where a content ending before (or starting at) token `at` ends (or
        starts), stray punctuation other than quote marks left out: "said X." ends at X."""
        if side == "end":
            at -= 1
            while at > 0 and self.stray(at):
                at -= 1
            return self.end_char[at]
        while at < self.n - 1 and self.stray(at):
            at += 1
        return self.start_char[at]

    def stray(self, at: int) -> bool:
        """Is token `at` punctuation a content's edge leaves out: not a quote mark, nor a sign
        that belongs to a figure ("reached 58%")?"""
        return self.punct[at] and not self.quote[at] and self.lower[at] not in FIGURE_SIGNS

    def opened_after(self, at: int) -> int:
        """The constituent opening at token `at`, or the one a comma there sets off."""
        first = self.opened(at)
        if self.punct[first] and at + 1 < self.n:
            first = self.opened(at + 1)  # ", which ...": what the comma sets off
        return first

    def opened(self, at: int) -> int:
        """The largest constituent opening at token `at` (asked of the same tokens for each
        side of each content in a sentence: kept)."""
        if at not in self._opened:
            token = at
            while self.head[token] != token and self.left_edge(self.head[token]) == at:
                token = self.head[token]
            self._opened[at] = token
        return self._opened[at]

    def is_boundary(self, at: int) -> bool:
        """Does a sentence, or a constituent hung on an earlier word, open at token `at`, or
        punctuation stand before it?"""
        if at <= 0 or at >= self.n:
            return at == self.n
        if self.punct[at - 1] or self.sent_start[at]:
            return True
        first = self.opened(at)
        return self.left_edge(at) == at and self.head[first] < at and not self.punct[first]


def candidates(
    layout: Layout,
    content: tuple[int, int],
    cue: tuple[int, int],
    head: int,
    side: str,
    direct: bool,
) -> list[Candidate]:
    """Boundaries the content's `side` may move to: its rule guess first, then each place in
    its sentence where a constituent opens or punctuation stands, never across the cue."""
    start, last = layout.token_at(content[0], False), layout.token_at(content[1], True)
    if start < 0 or last < start:
        return []
    end = last + 1
    around = start < cue[0] < end  # content on both sides of its cue: only the far part moves
    if side == "end":
        reach = layout.sent_end[last]
        if layout.pos[head] in _PHRASE_BOUND:  # "[claim that X] drew replies": not past it
            reach = min(reach, max(end, layout.doc[head].right_edge.i + 1))
        guess, high = end, (cue[0] if end <= cue[0] else reach)
        low = cue[1] + 1 if around else start + 1
    else:
        guess, low = start, (cue[1] if start >= cue[1] else layout.sent_begin[start])
        high = cue[0] if around else end - 1
    lemma = _cue_lemma(layout, cue)
    cut = layout.dep[layout.opened_after(guess)] if guess < layout.n else "EOS"
    places = [(guess, content[1] if side == "end" else content[0])]
    for at in range(low, high + 1):
        if at != guess and layout.is_boundary(at):
            places.append((at, layout.edge_char(at, side)))
    return [
        Candidate(at, chars, _features(layout, at, guess, side, direct, lemma, cut))
        for at, chars in places
    ]


def _cue_lemma(layout: Layout, cue: tuple[int, int]) -> str:
    if cue not in layout.lemma:
        layout.lemma[cue] = layout.doc[cue[0] : cue[1]].root.lemma_.lower()
    return layout.lemma[cue]


def _bucket(distance: int) -> str:
    sign = "+" if distance > 0 else "-" if distance < 0 else ""
    for limit, name in _DISTANCE_BUCKETS:
        if abs(distance) <= limit:
            return sign + name
    return sign + "far"


def _features(
    layout: Layout, at: int, guess: int, side: str, direct: bool, lemma: str, cut: str
) -> list[str]:
    """What the parse says about a content boundary: the words either side, the constituent
    opening there and what it hangs on, quotes, how far it is from the rule's guess, what
    opens at the guess (moving past a relative clause is not moving past an object), and what
    opens there for this cue's verb ("said X, as" and "called for X, as" end differently)."""
    dist = _bucket(at - guess)
    prev = layout.word[at - 1] if at > 0 else "BOS"
    nxt = layout.word[at] if at < layout.n else "EOS"
    # each named with its side as it is made: renaming them all after cost a fifth of the time
    feats = [
        f"{side}:d={dist}",
        f"{side}:p={prev}",
        f"{side}:n={nxt}",
        f"{side}:pn={prev}|{nxt}",
        f"{side}:d|dir={dist}|{direct}",
        f"{side}:g={cut}|{dist[0] if at != guess else '0'}",
    ]
    if at < layout.n:
        first = layout.opened_after(at)
        dep = layout.dep[first]
        feats += [
            f"{side}:c={dep}",
            f"{side}:c|d={dep}|{dist}",
            f"{side}:c|h={dep}|{layout.pos[layout.head[first]]}",
            f"{side}:c|n={dep}|{nxt}",
            f"{side}:q={layout.inside[at - 1] if at else False}|{layout.inside[at]}",
            f"{side}:sent={layout.sent_start[at]}",
        ]
        if dep in _WORDED_DEPS:
            feats.append(f"{side}:cw={dep}|{layout.lower[first]}")
        feats += [f"{side}:lem|c={lemma}|{dep}", f"{side}:lem|n={lemma}|{layout.word[at]}"]
    else:
        feats.append(f"{side}:eos")
    if at > 0:
        feats.append(f"{side}:pq={layout.quote[at - 1]}|{layout.punct[at - 1]}")
    feats.append(f"{side}:lem|d={lemma}|{dist}")
    return feats


def cue_candidates(
    layout: Layout, cue: tuple[int, int], head: int, content: tuple[int, int]
) -> list[Candidate]:
    """Where the cue may end: the rule's end first, then each token end from its head up to a
    few words on, stopping after punctuation."""
    guess = cue[1]
    places = [guess]
    stop = min(layout.sent_end[head], head + 1 + _CUE_REACH)
    for at in range(max(cue[0], head) + 1, stop + 1):
        if at != guess:
            places.append(at)
        if at < layout.n and layout.punct[at]:
            break
    lemma = _cue_lemma(layout, cue)
    return [
        Candidate(
            at, layout.end_char[at - 1], _cue_features(layout, at, guess, head, lemma, content)
        )
        for at in places
    ]


def _cue_features(
    layout: Layout, at: int, guess: int, head: int, lemma: str, content: tuple[int, int]
) -> list[str]:
    """What the parse says about ending the cue before token `at`: the words either side,
    how the last word hangs on the cue's head, and whether the content begins there."""
    dist = _bucket(at - guess)
    last = at - 1
    depth = 0
    up = last
    while up != head and layout.head[up] != up and depth < 3:
        up, depth = layout.head[up], depth + 1
    hangs = f"{layout.pos[head]}|{depth if up == head else 'out'}|{layout.dep[last]}"
    last_w = f"{layout.dep[last]}|{layout.word[last]}|{layout.ent[last]}"
    if at < layout.n:
        next_w = f"{layout.dep[at]}|{layout.word[at]}|{layout.ent[at]}"
        next_lower, at_content = layout.lower[at], layout.start_char[at] == content[0]
    else:
        next_w, next_lower, at_content = "EOS", "EOS", False
    into = content[0] < layout.end_char[last] and layout.start_char[last] < content[1]
    return [  # named "cue:" as they are made
        f"cue:d={dist}",
        f"cue:last={last_w}",
        f"cue:next={next_w}",
        f"cue:lastnext={layout.word[last]}|{next_w}",
        f"cue:lem|d={lemma}|{dist}",
        f"cue:lem|last={lemma}|{layout.lower[last]}",
        f"cue:lem|next={lemma}|{next_lower}",
        f"cue:into={into}",
        f"cue:atcontent={at_content}",
        f"cue:hangs={hangs}",
        f"cue:hangs|d={hangs}|{dist}",
    ]


@dataclass(frozen=True)
class BoundModel:
    """Weights of the conditional logit over candidate boundaries."""

    weights: dict[str, float]

    def score(self, candidate: Candidate) -> float:
        """Unnormalised log-odds that `candidate` is the boundary the annotators would draw."""
        return sum(map(self.weights.get, candidate.features, repeat(0.0)))

    def best(self, options: list[Candidate]) -> Candidate:
        """The highest scoring boundary; the rule's guess, listed first, wins ties."""
        return max(options, key=self.score)

    def to_json(self) -> dict[str, object]:
        return {"weights": self.weights}


@lru_cache(maxsize=1)
def bound_model() -> BoundModel:
    """The shipped model, loaded once per process from the package data."""
    raw = json.loads(
        resources.files("claimledger.extract.attribution").joinpath(BOUND_WEIGHTS_FILE).read_text()
    )
    return BoundModel(raw["weights"])
