"""Attribution frames from the dependency parse: cue verb, its speaker and what was said."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from claimledger.extract.attribution.lexicon import (
    CONTENT_DEPS,
    CUE_VERBS,
    HEARER_VERBS,
    RAISING_VERBS,
    SOURCE_PREPOSITIONS,
    SUBJECT_DEPS,
)

# Token ranges are [start, end) token indices; content is a character range so that it can
# grow to the quote marks around it, which the tokenizer may have split off oddly.
TokRange = tuple[int, int]
CharRange = tuple[int, int]

# Dependencies through which a cue verb with no subject of its own borrows its head's subject:
# "commented on ... and reported ...", "was quoted as saying", "noted, cautioning that ...".
_INHERIT_DEPS = frozenset({"conj", "xcomp", "advcl", "pcomp", "prep"})
_CUE_LEFT_DEPS = frozenset({"aux", "auxpass", "neg", "advmod"})
_CUE_RIGHT_DEPS = frozenset({"prt", "advmod"})


@dataclass
class Frame:
    """One attribution before it becomes a Statement: token ranges and a character range."""

    cue: TokRange
    head: Token  # the cue's main word, for stance and sentence
    content: CharRange
    source: TokRange | None = None
    direct: bool = False


def verb_frames(doc: Doc, inside_quote: list[bool]) -> tuple[list[Frame], list[Frame]]:
    """Frames for cue verbs and "according to"; second, cues with a speaker but no content yet."""
    frames: list[Frame] = []
    bare: list[Frame] = []
    for token in doc:
        if inside_quote[token.i]:
            continue  # speech reported inside a quote belongs to the quote's speaker
        if token.lemma_ in SOURCE_PREPOSITIONS and token.dep_ == "prep":
            frame = _according_frame(token)
        elif token.lemma_.lower() in CUE_VERBS and token.pos_ == "VERB":
            frame = _verb_frame(token, inside_quote)
        else:
            frame = None
        if frame is None:
            continue
        if frame.content[0] < frame.content[1]:
            frames.append(frame)
        elif frame.source is not None:
            bare.append(frame)
    return frames, bare


def cue_range(verb: Token, content_start: int | None = None) -> TokRange:
    """The cue: the verb with adjacent auxiliaries, negation and adverbs on its left, and on its
    right the particles and manner/time modifiers that precede what was said ("said Tuesday",
    "said in a statement")."""
    start = verb.i
    lefts = {c.i for c in verb.lefts if c.dep_ in _CUE_LEFT_DEPS}
    while start - 1 in lefts:
        start -= 1
    end = verb.i + 1
    rights = {c.left_edge.i: c for c in verb.rights if c.dep_ in _CUE_RIGHT_DEPS}
    while end in rights and end != content_start:
        end = rights[end].right_edge.i + 1
    return start, end


def subtree_range(token: Token) -> TokRange:
    """A token's subtree as a contiguous token range (edges, not `.subtree` order)."""
    return token.left_edge.i, token.right_edge.i + 1


def speaker_of(verb: Token) -> Token | None:
    """The speaker: the verb's subject, a passive's `by` agent, or a governing verb's subject."""
    passive = any(c.dep_ == "auxpass" for c in verb.children) or verb.tag_ == "VBN"
    for child in verb.children:
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    for child in verb.children:
        if child.dep_ == "nsubj" or (child.dep_ in SUBJECT_DEPS and not passive):
            return child
        if child.dep_ == "nsubjpass" and verb.lemma_ == "quote":
            return child
    head = verb
    while head.dep_ in _INHERIT_DEPS and head.head is not head:
        head = head.head
        if head.pos_ in ("VERB", "AUX"):
            return next((c for c in head.children if c.dep_ in SUBJECT_DEPS), None)
    return None


def _verb_frame(verb: Token, inside_quote: list[bool]) -> Frame:
    """Frame of a cue verb: content from its complements, or the clause it interrupts."""
    parts = _content_parts(verb, inside_quote)
    speaker = None if verb.lemma_ in RAISING_VERBS else speaker_of(verb)
    start = None
    if parts:
        start = min(c.left_edge.i for c in parts)
        end = max(c.right_edge.i for c in parts) + 1
        if end > verb.i:
            end = _with_trailing_preps(verb, end)
        content = _chars(verb.doc, start, end)
    elif verb.dep_ == "parataxis" or (verb.dep_ == "advcl" and verb.i > verb.head.i):
        content = _clause_without(verb.head, verb)
    else:
        content = (0, 0)  # filled later if a quote stands next to it
    source = subtree_range(speaker) if speaker is not None else None
    return Frame(cue=cue_range(verb, start), head=verb, content=content, source=source)


def _content_parts(verb: Token, inside_quote: list[bool]) -> list[Token]:
    """The verb's children that carry what was said, all on one side of it.

    A passive's or raising verb's subject is part of what is said ("X is expected to ...",
    "X appears to ..."); a listener alone ("told reporters") is not content. With parts on
    both sides, the side holding a quotation wins, else the right side.
    """
    hearer = verb.lemma_ in HEARER_VERBS
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    subject_is_content = (passive and verb.lemma_ != "quote" and not hearer) or (
        verb.lemma_ in RAISING_VERBS
    )
    parts = [
        c
        for c in verb.children
        if c.dep_ in CONTENT_DEPS or (subject_is_content and c.dep_ in SUBJECT_DEPS)
    ]
    if hearer:  # the listener is not what was said: "accused Pyongyang of preparing to ..."
        parts = [c for c in parts if c.dep_ != "dobj"]
    parts = parts or _prep_objects(verb)  # "commented on ...", "accused X of ..."
    left = [c for c in parts if c.i < verb.i]
    right = [c for c in parts if c.i > verb.i]
    if left and right and not (subject_is_content and len(left) == 1):
        quoted_left = any(inside_quote[c.left_edge.i : c.right_edge.i + 1] for c in left)
        quoted_right = any(inside_quote[c.left_edge.i : c.right_edge.i + 1] for c in right)
        return left if quoted_left and not quoted_right else right
    return parts


def _prep_objects(verb: Token) -> list[Token]:
    """Objects of the verb's of / for / about / on phrases: what is commented on or blamed for."""
    return [
        g
        for c in verb.rights
        if c.dep_ == "prep" and c.lower_ in ("of", "for", "about", "on")
        for g in c.children
        if g.dep_ in ("pobj", "pcomp")
    ]


def _with_trailing_preps(verb: Token, end: int) -> int:
    """Stretch the content over prepositions right after it: "X as “serious”", "Y of Z"."""
    for child in verb.rights:
        if child.dep_ == "prep" and child.i == end:
            end = child.right_edge.i + 1
    return end


def _according_frame(prep: Token) -> Frame | None:
    """ "according to X, ...": X is the source, the clause around the phrase is the content."""
    to = next((c for c in prep.children if c.lower_ == "to"), None)
    source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if to is None or source is None or prep.head is prep:
        return None
    content = _clause_without(prep.head, prep)
    return Frame(cue=(prep.i, to.i + 1), head=prep, content=content, source=subtree_range(source))


def _clause_without(head: Token, part: Token) -> CharRange:
    """The clause of `head` less the interrupting `part`: before it, after it, or around it."""
    doc = head.doc
    start, end = subtree_range(head)
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1  # the full stop after "..., officials say." is nobody's words
    p_start, p_end = subtree_range(part)
    if p_end >= end:
        end = p_start
    elif p_start <= start:
        start = p_end
    return _chars(doc, start, end)


def _chars(doc: Doc, start: int, end: int) -> CharRange:
    """Character range of a token range, without edge punctuation other than quote marks."""
    while start < end and doc[start].is_punct and not doc[start].is_quote:
        start += 1
    while end > start and doc[end - 1].is_punct and not doc[end - 1].is_quote:
        end -= 1
    if start >= end:
        return (0, 0)
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
