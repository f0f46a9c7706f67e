"""Attributions from a parsed article: quotes and reported speech joined into Statements."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc, Token

from claimledger.extract.attribution.bounds import (
    SIDES,
    Layout,
    bound_model,
    candidates,
    cue_candidates,
)
from claimledger.extract.attribution.frames import Frame, verb_frames
from claimledger.extract.attribution.lexicon import LABEL_VERBS, MEDIUM_NOUNS
from claimledger.extract.attribution.lines import (
    asked_lines,
    colon_frames,
    headline_frames,
    letter_frames,
    line_end,
    line_start,
    next_line,
    signature_frames,
    transcript_frames,
)
from claimledger.extract.attribution.quotes import find_quotes, single_marked
from claimledger.extract.attribution.stance import rebuts, stance_of
from claimledger.model import Span, Statement
from claimledger.nlp.components import DATELINE

BLOCK_CHARS = 50_000  # a text longer than this is read in blocks of about this size
# Between a speaker's words and their next quote: "“A,” he said. “B.”" (same paragraph).
_JOIN_GAP = re.compile(r"[\s,.;:—–-]*")
# A word runs straight into the quote: a title or phrase the sentence names ("said on CNN's
# “State of the Union”"), not the speaker's next words ("“...,” he said, and “a con”").
_RUN_ON = re.compile(r"\b(?!(?:and|or|but|nor|that)\b)[\w’']+\s*\Z", re.IGNORECASE)
_RUN_ON_REACH = 40  # characters before a quote searched for the word running into it
# A wire story's dateline opening its first paragraph: "LIMA, Peru — ", "WASHINGTON (AP) - ",
# "LOS ANGELES, Sept. 28 (UPI) — ".
_EDGE_MARKS = ",;—–―-"
_EMPHASIS = "*_"  # Markdown's bold and italic marks
_NOUNS = frozenset({"NOUN", "PROPN", "PRON"})
_CLOSING_GAP = re.compile(r"[\s,]*(?:\S+\s+){0,4}?")  # quote mark to cue: " she ", ", Ms. Lee "
_SENTENCE_END = re.compile(r"[.!?]")
# Verbs that close a quote as its speaker's own words: “...?” she asked, “...,” he added.
_SAYING = frozenset(
    {
        "say",
        "ask",
        "add",
        "tell",
        "reply",
        "respond",
        "answer",
        "write",
        "shout",
        "exclaim",
        "wonder",
        "insist",
        "tweet",
        "joke",
        "quip",
        "recall",
    }
)
_INTRODUCES = re.compile(r"\s*[:,]?\s*")  # between a cue and the quote it opens
_OPENERS = _NOUNS | {"DET", "ADJ", "NUM"}  # words what was said may open with
_WHEN_ENTS = frozenset({"DATE", "TIME"})
# Words of a day named right after a cue: "said on Monday", "said late Thursday night".
_DAY_WORDS = frozenset(
    {
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "yesterday",
        "tonight",
        "morning",
        "afternoon",
        "evening",
        "night",
        "late",
        "early",
        "last",
        "this",
        "week",
        "earlier",
    }
)
_FOLLOW_ON_DEPS = frozenset({"advcl", "conj"})
_CONTRAST_MARKS = frozenset({"while", "whereas", "although", "though"})
_MAIN_CLAUSE_DEPS = frozenset({"ROOT", "conj", "parataxis"})
_QUOTE_CHARS = frozenset("“”\"'’`")
_SPLIT_LEAD = re.compile(r"[\s,]*")  # the first half runs straight into speaker or cue
_SETTING_POS = frozenset({"ADP", "SCONJ", "ADV", "CCONJ"})
_REBUTTAL_REACH = 3  # statements back that a flat denial may answer
_ASIDE_MIN_WORDS = 2  # words before ", he said." that make a content of their own
_SPLIT_GAP = 80  # characters between the halves of a quote the cue interrupts, at most


def find_statements(doc: Doc) -> list[Statement]:
    """Every attribution in the article, in text order, with spans into `doc.text`.

    A very long text is read in blocks cut between paragraphs: frames are matched with quotes
    and with each other pairwise, which must not grow with the square of a whole book."""
    text = doc.text  # built afresh by spaCy on every access: read it once
    if len(text) <= BLOCK_CHARS:
        return _statements_in(doc, text)
    found = []
    for start, end in _blocks(doc, text):
        part = doc[start:end].as_doc()
        at = doc[start].idx
        found += [_shifted(st, text, at) for st in _statements_in(part, part.text)]
    return found


def _blocks(doc: Doc, text: str) -> list[tuple[int, int]]:
    """Token ranges of about `BLOCK_CHARS` characters, cut where a line begins a sentence (or,
    in a text with no line breaks, at any sentence)."""
    cuts, begun = [0], 0
    for sent in doc.sents:
        size = sent.start_char - begun
        opens_line = sent.start_char > 0 and text[sent.start_char - 1] == "\n"
        if size >= 2 * BLOCK_CHARS or (size >= BLOCK_CHARS and opens_line):
            cuts.append(sent.start)
            begun = sent.start_char
    return list(zip(cuts, cuts[1:] + [len(doc)], strict=True))


def _shifted(st: Statement, text: str, at: int) -> Statement:
    """A statement found in a block, its spans moved to the whole text."""

    def move(span: Span | None) -> Span | None:
        return None if span is None else Span.of(text, span.start + at, span.end + at)

    return replace(
        st,
        sentence=move(st.sentence),
        content=move(st.content),
        speaker=move(st.speaker),
        cue=move(st.cue),
    )


def _statements_in(doc: Doc, text: str) -> list[Statement]:
    """The attributions of one Doc (an article, or a block of a very long one)."""
    quotes = find_quotes(text)
    inside = quote_flags(doc, quotes)
    nested: list[Frame] = []
    frames = rule_frames(doc, text, quotes, inside, nested)
    if frames:
        layout = Layout(doc, inside)
        _redraw_bounds(layout, frames)
        freed = _no_longer_nested(nested, frames)
        _redraw_bounds(layout, freed)
        frames = sorted(frames + freed, key=lambda f: f.content[0])
    asked = asked_lines(text)  # what the writer asks (a heading's question) no one claims
    frames = [f for f in frames if not any(s <= f.head.idx < e for s, e in asked)]
    frames += [f for f in colon_frames(doc, text, quotes) if not _told(f, frames)]
    frames.sort(key=lambda f: f.content[0])
    layout_made = headline_frames(doc, text) + signature_frames(doc, text, quotes)
    layout_made += letter_frames(doc, text)
    frames = _outermost_of(layout_made, frames)
    frames = _outermost_of(transcript_frames(doc, text), frames)  # a turn's "I think" is its
    return _with_rebuttals(doc, [_statement(doc, text, f, quotes) for f in frames])


def _with_rebuttals(doc: Doc, statements: list[Statement]) -> list[Statement]:
    """Statements, those that flatly deny what another speaker said just before made deny:
    "voters were turned away", then "“Nobody was turned away,” said the clerk"."""
    found = list(statements)
    for k, st in enumerate(statements):
        speaker = _speaker_word(doc, st)
        if st.stance != "assert" or speaker is None:
            continue
        said = doc.char_span(st.content.start, st.content.end, alignment_mode="expand")
        for earlier in statements[max(0, k - _REBUTTAL_REACH) : k]:
            other = _speaker_word(doc, earlier)
            if other is None or other == speaker:
                continue
            claim = doc.char_span(
                earlier.content.start, earlier.content.end, alignment_mode="expand"
            )
            if said and claim and rebuts(said, claim):
                found[k] = replace(st, stance="deny")
                break
    return found


def _speaker_word(doc: Doc, st: Statement) -> str | None:
    """The head of a statement's speaker ("Hester" of "Megan Hester, an organizer"), to tell
    speakers apart; none for a pronoun, who may be anyone named before."""
    if st.speaker is None:
        return None
    words = doc.char_span(st.speaker.start, st.speaker.end, alignment_mode="expand")
    if not words or words.root.pos_ == "PRON":
        return None
    return words.root.lower_


def _told(frame: Frame, frames: list[Frame]) -> bool:
    """Does another frame already hold what `frame` says (a quote its cue follows)?"""
    start, end = frame.content
    return any(f.content[0] < end and start < f.content[1] for f in frames)


def _redraw_bounds(layout: Layout, frames: list[Frame]) -> None:
    """Let the boundary model move each cue's end and each content's start and end."""
    model = bound_model()
    speaking = [  # where each attribution of a main clause begins: its speaker, else its cue
        (layout.start_char[min(f.cue[0], f.source[0] if f.source else f.cue[0])], f)
        for f in frames
        if f.head.dep_ in _MAIN_CLAUSE_DEPS
    ]
    for frame in frames:
        limit = _next_speaker(layout, speaking, frame)
        ends = cue_candidates(layout, frame.cue, frame.head.i, frame.content)
        if frame.source is not None and frame.source[0] >= frame.cue[1]:  # "said [Ann Lee]"
            ends = [c for c in ends if c.token <= frame.source[0]]
        cue_end = model.best(ends)
        start, end = frame.content
        options = [
            candidates(layout, frame.content, frame.cue, frame.head.i, s, frame.direct)
            for s in SIDES
        ]
        options[1] = [c for k, c in enumerate(options[1]) if k == 0 or c.chars <= limit]
        if all(options):  # both or neither: empty when the content holds no whole token
            start, end = (model.best(o).chars for o in options)
        if cue_end.token < layout.n and layout.start_char[frame.cue[0]] <= start < cue_end.chars:
            start = layout.start_char[cue_end.token]  # "went on to say [that ...]"
        end = _before_the_speaker(layout, frame, start, end)
        if start < end:
            frame.content = (_past_the_date(layout, cue_end.token, start, end), end)
        frame.cue = (frame.cue[0], cue_end.token)


def _before_the_speaker(layout: Layout, frame: Frame, start: int, end: int) -> int:
    """Where what was said ends when its speaker follows it before the cue: "Five were killed
    in the city, the governor, Ann Lee, said" (the parser joined the governor to the city)."""
    if frame.source is None or end > layout.start_char[frame.cue[0]]:
        return end
    k = frame.source[0]
    if not start < layout.start_char[k] < end or any(layout.quote[k : frame.cue[0]]):
        return end  # a speaker inside or after a quote is no tail of reported speech
    while k > 0 and layout.punct[k - 1]:
        k -= 1
    return layout.end_char[k - 1] if k > 0 and layout.start_char[k - 1] >= start else end


def _next_speaker(layout: Layout, speaking: list[tuple[int, Frame]], frame: Frame) -> int:
    """Where the next attribution of a main clause after a content begins: a content does not
    run on into it ("... were injured; by Monday the ministry said ..."), though it may take in
    a clause hung on its words ("..., whom he called ...")."""
    return min(
        (at for at, f in speaking if f is not frame and at >= frame.content[1]),
        default=layout.end_char[-1],
    )


def _past_the_date(layout: Layout, cue_end: int, start: int, end: int) -> int:
    """Where what was said begins after a day named right after the cue: "said on Friday
    [profits had fallen]", "said Thursday [sales rose]", "said on Monday [prices would rise]"
    (the parser hangs the day on the noun after it, or the noun on the day): neither the day
    nor a subject the parse left out."""
    k = cue_end + (cue_end < layout.n and layout.lower[cue_end] == "on")
    first = k
    while k < layout.n and layout.ent[k] in _WHEN_ENTS and layout.lower[k] in _DAY_WORDS:
        k += 1
    at = bisect_left(layout.start_char, start)
    if k == first or k >= layout.n or layout.ent[k] in _WHEN_ENTS or layout.end_char[k] >= end:
        return start  # no day right after the cue (all of it), or nothing said after it
    if at < cue_end:
        return start
    if at <= k:  # the content opens with the day: it begins after it
        return layout.start_char[k] if layout.pos[k] in _OPENERS else start
    if all(layout.pos[j] in _NOUNS for j in range(k, at)):  # "on Friday profits" left behind
        return layout.start_char[k]
    return start


def rule_frames(
    doc: Doc,
    text: str,
    quotes: list[tuple[int, int]],
    inside: list[bool],
    nested: list[Frame] | None = None,
) -> list[Frame]:
    """The frames the rules find, in text order: the guesses the boundary model starts from.
    Frames set aside as nested in another are added to `nested`."""
    frames, bare = verb_frames(doc, inside)
    for frame in frames:
        _keep_to_paragraph(text, frame)
        _grow_to_quotes(frame, quotes)
    frames = [f for f in frames if f.content[0] < f.content[1]]
    bare += _announcing(text, frames)
    frames += _introducing(text, bare, quotes) + _closing_asides(doc, bare)
    kept = _outermost(text, frames)
    if nested is not None:
        nested += [f for f in frames if not any(f is k for k in kept)]
    frames = kept
    _join_split_quotes(text, frames, quotes)
    _attach_orphan_quotes(doc, text, frames, bare, quotes)
    _run_on_paragraphs(text, frames, quotes)
    frames.sort(key=lambda f: f.content[0])
    return frames


def inside_quotes(doc: Doc) -> list[bool]:
    """Per token: does it sit strictly inside a quotation of the article?"""
    return quote_flags(doc, find_quotes(doc.text))


def _outermost_of(outer: list[Frame], frames: list[Frame]) -> list[Frame]:
    """Frames a layout gives, and those whose cue lies outside all of them, in text order."""
    if not outer:
        return frames
    kept = [
        f
        for f in frames
        if not any(
            (o.content[0] < f.content[1] and f.content[0] < o.content[1])  # overlapping
            or (o.source[0] <= f.cue[0] and f.head.idx < o.content[1])  # cue inside it
            for o in outer
        )
    ]
    return sorted(outer + kept, key=lambda f: f.content[0])


def quote_flags(doc: Doc, quotes: list[tuple[int, int]]) -> list[bool]:
    """Per token: does it sit strictly inside a quotation?"""
    flags = [False] * len(doc)
    if not quotes:
        return flags
    starts = [q[0] for q in quotes]
    idx, length = doc.to_array([IDX, LENGTH]).T.tolist()  # no Token objects: they cost
    for i, (at, n) in enumerate(zip(idx, length, strict=True)):
        k = bisect_left(starts, at + 1) - 1
        if k >= 0 and quotes[k][0] < at and at + n < quotes[k][1]:
            flags[i] = True
    return flags


def _keep_to_paragraph(text: str, frame: Frame) -> None:
    """Clip content to the cue's paragraph: a parse may run a clause across a paragraph break."""
    at = frame.head.idx
    para_start, para_end = line_start(text, at), line_end(text, at)
    start, end = frame.content
    if text[para_start:para_end].rstrip().endswith(":") and start >= para_end:
        # "... he said:" closing its paragraph introduces the next one
        para_end = next_line(text, para_end)[1]
    start, end = max(start, para_start), min(end, para_end)
    frame.content = (start, end) if start < end else (0, 0)
    if frame.source is not None:
        doc = frame.head.doc
        tokens = [
            t.i for t in doc[frame.source[0] : frame.source[1]] if para_start <= t.idx < para_end
        ]
        frame.source = (tokens[0], tokens[-1] + 1) if tokens else None


def _introducing(text: str, bare: list[Frame], quotes: list[tuple[int, int]]) -> list[Frame]:
    """Cues with no content that close their paragraph with a colon ("the mayor said:"):
    the next paragraph is what was said."""
    found = []
    for frame in bare:
        para_end = line_end(text, frame.head.idx)
        if para_end == len(text) or not text[frame.head.idx : para_end].rstrip().endswith(":"):
            continue
        start, end = next_line(text, para_end)
        while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:"):
            end -= 1  # the full stop is nobody's words
        if start < end:
            frame.content = (start, end)
            _grow_to_quotes(frame, quotes)
            _run_on_after(text, frame, quotes)
            found.append(frame)
    for frame in found:
        bare.remove(frame)
    return found


def _announcing(text: str, frames: list[Frame]) -> list[Frame]:
    """Frames whose content only names what follows, at their paragraph's end: "issued the
    following statement on Tuesday:" (the next paragraphs are what was said), taken out of
    `frames` to be read as cues with nothing said yet."""
    found = []
    for frame in frames:
        start, end = frame.content
        para_end = line_end(text, end)
        if para_end == len(text) or not text[end:para_end].rstrip().endswith(":"):
            continue
        words = frame.head.doc.char_span(start, end, alignment_mode="expand")
        if words is not None and words.root.lemma_.lower() in MEDIUM_NOUNS:
            found.append(frame)
    for frame in found:
        frames.remove(frame)
    return found


def _run_on_after(text: str, frame: Frame, quotes: list[tuple[int, int]]) -> None:
    """A quote a colon introduces that opens each paragraph and closes only in the last runs
    on to there: 'It read:¶"A.¶"B."' says A and B."""
    ends = {q[1]: k for k, q in enumerate(quotes)}
    k = ends.get(frame.content[1])
    while frame.direct and k is not None and k + 1 < len(quotes):
        q_start, q_end = quotes[k]
        n_start, n_end = quotes[k + 1]
        if (
            text[q_end - 1] in _QUOTE_CHARS
            or not _fills_paragraph(text, q_start, q_end)
            or not _fills_paragraph(text, n_start, n_end)
            or next_line(text, line_end(text, q_end))[0] != n_start
        ):
            break
        frame.content = (frame.content[0], n_end)
        k += 1


def _closing_asides(doc: Doc, bare: list[Frame]) -> list[Frame]:
    """Cues with no content that close their sentence after a comma, the words before being
    what was said though the parser found no verb there ("People like Scott, he said.")."""
    found = []
    for frame in bare:
        sent = frame.head.sent
        first = min(frame.cue[0], frame.source[0]) if frame.source else frame.cue[0]
        tail = doc[max(frame.cue[1], frame.source[1] if frame.source else 0) : sent.end]
        if (
            first - sent.start >= _ASIDE_MIN_WORDS + 1
            and doc[first - 1].text == ","
            and doc[sent.start].pos_ not in _SETTING_POS  # not "In a 1963 speech, he declared"
            and all(t.is_punct or t.is_space for t in tail)
        ):
            start = doc[sent.start].idx
            frame.content = (start, doc[first - 1].idx)
            found.append(frame)
    for frame in found:
        bare.remove(frame)
    return found


def _grow_to_quotes(frame: Frame, quotes: list[tuple[int, int]]) -> None:
    """Content touching a quote takes in the whole quote, marks included; that makes it direct."""
    start, end = frame.content
    for q_start, q_end in quotes:
        if q_start < end and start < q_end:
            start, end = min(start, q_start), max(end, q_end)
            frame.direct = True
    frame.content = (start, end)


def _outermost(text: str, frames: list[Frame]) -> list[Frame]:
    """Drop frames whose cue lies inside another frame's content or cue ("released emails
    showing"): PolNeAR nests nothing.

    A speaker's follow-on clause ("..., she said, adding that ...") that a content swallowed
    is split off first: the earlier content ends before it and the clause stands on its own."""
    for frame in frames:
        if not _follow_on(frame):
            continue
        at = (_second_speaker(frame.head) or frame.head.left_edge).idx
        for other in frames:
            if (
                other is not frame
                and other.head.idx < at
                and other.content[0] < at < other.content[1]
            ):
                other.content = (other.content[0], _end_before(text, at))
    kept = []
    for frame in frames:
        cue_at = frame.head.idx
        if not any(
            o is not frame
            and (
                o.content[0] <= cue_at < o.content[1]
                or (o.head.i != frame.head.i and o.cue[0] <= frame.head.i < o.cue[1])
            )
            for o in frames
        ):
            kept.append(frame)
    return kept


def _no_longer_nested(nested: list[Frame], frames: list[Frame]) -> list[Frame]:
    """Nested frames the boundary model freed: the content or cue that held their cue was
    redrawn without it, and their own content overlaps no frame kept."""
    return [
        f
        for f in nested
        if not any(
            o.content[0] <= f.head.idx < o.content[1]
            or o.cue[0] <= f.head.i < o.cue[1]
            or (o.content[0] < f.content[1] and f.content[0] < o.content[1])
            for o in frames
        )
    ]


def _follow_on(frame: Frame) -> bool:
    """A cue verb in a clause hung after its governor's words: "..., adding that ...",
    "..., suggesting ...", "... and said that ...": a participle or a conjunct with a content
    of its own."""
    head = frame.head
    return (
        head.pos_ == "VERB"
        and (
            head.dep_ == "conj"
            or (head.dep_ in _FOLLOW_ON_DEPS and head.tag_ == "VBG")
            or _contrasted(head)
            or _second_speaker(head) is not None
        )
        and head.i > head.head.i
        and frame.content[0] > head.idx
    )


def _second_speaker(verb: Token) -> Token | None:
    """The ", and" joining a speaker of their own to what the first said, which the parser
    took for more of it: "The clerk said it had 40 ballots, and the board said 12 were void"
    (the coordinator is nobody's words)."""
    first = verb.left_edge
    if verb.dep_ != "ccomp" or first.dep_ == "mark" or first.i < 2:
        return None  # "..., and that the board had said ...": still the first speaker's
    joining = verb.doc[first.i - 1]
    if joining.pos_ != "CCONJ" or verb.doc[first.i - 2].text != ",":
        return None
    return joining if any(c.dep_ == "nsubj" for c in verb.children) else None


def _contrasted(verb: Token) -> bool:
    """A clause of another speaker set against the first: "..., while Moscow claimed ..."."""
    return (
        verb.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ in _CONTRAST_MARKS for c in verb.children)
        and any(c.dep_ == "nsubj" for c in verb.children)
    )


def _end_before(text: str, at: int) -> int:
    """The end of the text before `at`, less spaces and the comma or dash that set it off."""
    while at > 0 and (text[at - 1].isspace() or text[at - 1] in ",;—–-"):
        at -= 1
    return at


def _join_split_quotes(text: str, frames: list[Frame], quotes: list[tuple[int, int]]) -> None:
    """A quote the cue interrupts is one content: "“A,” she told X, “B.”" runs from A to B."""
    starts = {q[0]: k for k, q in enumerate(quotes)}
    for frame in frames:
        k = starts.get(frame.content[0])
        if not frame.direct or not k:
            continue
        a_start, a_end = quotes[k - 1]
        first = min(frame.cue[0], frame.source[0]) if frame.source else frame.cue[0]
        opening = frame.head.doc[first].idx  # where the speaker or the cue begins
        gap = text[a_end : frame.content[0]]
        if (
            a_end <= opening
            and _SPLIT_LEAD.fullmatch(text[a_end:opening])
            and len(gap) <= _SPLIT_GAP
            and "\n" not in gap
            and not any(f.content[0] < a_end and a_start < f.content[1] for f in frames)
        ):
            frame.content = (a_start, frame.content[1])


def _attach_orphan_quotes(
    doc: Doc, text: str, frames: list[Frame], bare: list[Frame], quotes: list[tuple[int, int]]
) -> None:
    """A quote no frame claims continues the speaker just before it, or feeds an empty cue."""
    passed: dict[int, int] = {}  # frame -> the end of a quote its sentence names, unclaimed
    for q_start, q_end in quotes:
        if any(f.content[0] <= q_start < f.content[1] for f in frames):
            continue
        own = _closing_cue(doc, text, bare, q_end)
        if own is not None:  # “Where are the plumbers?” she asked: hers, not the last speaker's
            own.content, own.direct = (q_start, q_end), True
            bare.remove(own)
            frames.append(own)
            continue
        before = [f for f in frames if f.direct and f.head.idx < q_start >= f.content[1]]
        prev = max(before, key=lambda f: _frame_end(text, f, q_start), default=None)
        if prev is not None:
            end = max(_frame_end(text, prev, q_start), passed.get(id(prev), 0))
            if (
                _JOIN_GAP.fullmatch(text[end:q_start])
                and (
                    "\n" not in text[prev.content[1] : q_start]
                    or _fills_paragraph(text, q_start, q_end)
                )
                and single_marked(text, prev.content[0]) == single_marked(text, q_start)
            ):
                runs_on = _RUN_ON.search(text, max(0, q_start - _RUN_ON_REACH), q_start)
                if prev.content[1] <= doc[prev.cue[0]].idx and runs_on:
                    # after the cue, a quote a word runs into is named: said on “Meet the Press”
                    passed[id(prev)] = q_end
                else:
                    prev.content = (prev.content[0], q_end)
                continue
        cue = _bare_cue_for(doc, text, bare, q_start, q_end)
        if cue is not None:
            cue.content, cue.direct = (q_start, q_end), True
            bare.remove(cue)
            frames.append(cue)


def _run_on_paragraphs(text: str, frames: list[Frame], quotes: list[tuple[int, int]]) -> None:
    """A paragraph that opens a quote and leaves it open runs on into the next one, which
    opens again: “A.¶“B,” she said. says A and B (the cue after the last paragraph)."""
    starts = {q[0]: k for k, q in enumerate(quotes)}
    for frame in frames:
        k = starts.get(frame.content[0])
        while frame.direct and k:
            a_start, a_end = quotes[k - 1]
            between = text[a_end : frame.content[0]]
            if (
                text[a_end - 1] in _QUOTE_CHARS
                or between.strip()
                or "\n" not in between
                or not _fills_paragraph(text, a_start, a_end)
                or any(f.content[0] < a_end and a_start < f.content[1] for f in frames)
            ):
                break
            frame.content = (a_start, frame.content[1])
            k -= 1


def _closing_cue(doc: Doc, text: str, bare: list[Frame], q_end: int) -> Frame | None:
    """A content-less cue right after a quote, in the sentence the quote ends: “...,” she said."""
    for frame in bare:
        first = doc[frame.cue[0]]
        between = text[q_end : first.idx] if first.idx >= q_end else None
        if (
            between is not None
            and _CLOSING_GAP.fullmatch(between)
            and not _SENTENCE_END.search(between)
            and frame.source is not None
            and frame.head.lemma_.lower() in _SAYING
        ):
            return frame
    return None


def _fills_paragraph(text: str, q_start: int, q_end: int) -> bool:
    """Is the quote a paragraph of its own (a speaker's words running on over paragraphs)?"""
    before, after = text[line_start(text, q_start) : q_start], text[q_end : line_end(text, q_end)]
    return not before.strip() and not after.strip(" .,")


def _bare_cue_for(doc: Doc, text: str, bare: list[Frame], q_start: int, q_end: int) -> Frame | None:
    """A content-less cue in the sentence that holds the quote's end or the one right after."""
    if not bare:
        return None
    q_sent = doc.char_span(q_start, q_end, alignment_mode="expand")
    if q_sent is None:
        return None
    last = q_sent[-1].sent
    candidates = {last.start}
    if last.end < len(doc):
        candidates.add(doc[last.end].sent.start)
    found = next((f for f in bare if f.head.sent.start in candidates), None)
    if found is None:  # "The minister said: “No. The bill passed.”": the cue opens the quote
        found = next(
            (
                f
                for f in bare
                if f.head.sent.start == q_sent[0].sent.start
                and _INTRODUCES.fullmatch(
                    text[doc[f.cue[1] - 1].idx + len(doc[f.cue[1] - 1]) : q_start]
                )
            ),
            None,
        )
    if found is None and _fills_paragraph(text, q_start, q_end) and q_sent.start > 0:
        # "Thane conceded shortly before 11am.¶‘The people have spoken. ...’": the quote
        # opening the next paragraph is what the speaker of a cue with nothing said said
        before = doc[q_sent.start - 1].sent.start
        found = next((f for f in bare if f.head.sent.start == before and f.source), None)
    return found


def _frame_end(text: str, frame: Frame, limit: int) -> int:
    """Where a frame's last part (its content, or the cue's sentence) ends before `limit`,
    spaces aside: a sentence the parser ran on into the next quote stops at that quote."""
    end = min(frame.head.sent.end_char, limit)
    while end > 0 and (text[end - 1].isspace() or text[end - 1] in _QUOTE_CHARS):
        end -= 1  # a sentence may end on the next quote's opening mark
    return max(frame.content[1], end)


def _statement(doc: Doc, text: str, frame: Frame, quotes: list[tuple[int, int]]) -> Statement:
    """Turn a frame into the Statement the rest of the ledger reads."""
    start, end = _unemphasised(text, *frame.content)
    start = _after_dateline(text, start, end)  # where the story was filed is nobody's words
    content_tokens = doc.char_span(start, end, alignment_mode="expand")
    cue = doc[frame.cue[0] : frame.cue[1]]
    speaker = doc[frame.source[0] : frame.source[1]] if frame.source else None
    sent = frame.head.sent
    return Statement(
        sentence=Span.of(text, sent.start_char, sent.end_char),
        content=Span.of(text, start, end),
        speaker=_trimmed(
            text, _after_dateline(text, speaker.start_char, speaker.end_char), speaker.end_char
        )
        if speaker
        else None,
        cue=_trimmed(text, cue.start_char, cue.end_char, marks=""),
        direct=_direct(frame, quotes, start, end),
        stance=stance_of(frame.head, content_tokens, text[start:end]),
    )


def _direct(frame: Frame, quotes: list[tuple[int, int]], start: int, end: int) -> bool:
    """Are what was said the speaker's own words? Not when the only quotes are phrases within
    reported words ('conceded he had written the “targets” on the board': the writer marks a
    word there; the speaker's words would open or close what was said), unless the cue gives
    a label, which the quote holds ("called the move a “reckless” gamble")."""
    if not frame.direct or frame.head.lemma_.lower() in LABEL_VERBS:
        return frame.direct
    within = [(a, b) for a, b in quotes if a < end and start < b]
    return not within or any(a <= start or end <= b for a, b in within)


def _unemphasised(text: str, start: int, end: int) -> tuple[int, int]:
    """A range without the Markdown emphasis marks at its edges ("**Charity says ...**"):
    layout, not words anyone said."""
    while start < end and text[start] in _EMPHASIS:
        start += 1
    while end > start and text[end - 1] in _EMPHASIS:
        end -= 1
    return start, end


def _trimmed(text: str, start: int, end: int, marks: str = _EDGE_MARKS) -> Span:
    """A span without the spaces (no-break ones too) and the `marks` the tokenizer left at its
    edges: "PolitiFact\xa0", "the public ―" (a dash alone may be a cue: "― Ann Lee")."""
    while start < end and (text[start].isspace() or text[start] in marks):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in marks):
        end -= 1
    return Span.of(text, start, end)


def _after_dateline(text: str, start: int, end: int) -> int:
    """Past a wire dateline opening the paragraph at `start` ("KYIV, Ukraine — "), if words
    follow it before `end`."""
    dateline = DATELINE.match(text, start, end) if start == line_start(text, start) else None
    return dateline.end() if dateline and dateline.end() < end else start
