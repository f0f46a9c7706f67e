"""Attributions a line's layout makes, not its grammar: "Name: claim" headlines, transcript
turns, quotes signed with a dash ("“...” ― Name"), quotes a name and a colon introduce
("Pollster Ann Lee: “...”") and letters under "A message from Name"."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from claimledger.extract.attribution.frames import Frame
from claimledger.extract.attribution.lexicon import CUE_VERBS, HEADLINE_KICKERS, SECTION_LABELS

# "Sanders: Clinton Email Story Has Moved." A short label, a colon, then the claim.
_LABELLED = re.compile(r"[ \t\"“]*(?P<label>[^\n:]{1,60}?)[ \t]*:[ \t]+(?P<rest>\S[^\n]*)")
# "Floods Kill Dozens in Kano, Police Say": the claim, a comma, a short speaker, the verb.
_SAYS_LAST = re.compile(
    r"[ \t]*(?P<rest>\S[^\n]*?),[ \t]+(?P<label>[^\n,]{1,60}?)[ \t]+(?P<cue>[A-Z][a-z]+)[ \t.]*"
)
_MAX_LABEL_WORDS = 5
_MAX_TRANSCRIPT_WORDS = 3
_MAX_NAME_WORDS = 7  # "Frank Newport and Jim Harter", "Republican pollster Daron Shaw"
_LINE = re.compile(r"[^\n]*")
_BLANK = re.compile(r"\s*")
_TURN = re.compile(
    r"^[ \t\"“]*(?P<label>[A-Z][A-Z .'’-]{1,40}?)[ \t]*:[ \t]+(?P<rest>\S[^\n]*)", re.M
)
# Labels that name who speaks: a name or an organisation, not a time, count or kicker.
_SPEAKER_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_NOT_SPEAKER_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
_SPEAKER_POS = frozenset({"PROPN", "NOUN"})
_WHEN_ENTS = frozenset({"DATE", "TIME"})
# A heading naming a letter's writer: "A message from Ann Lee, Chief Executive", "An open
# letter from the board:".
_FROM_LINE = re.compile(
    r"^[ \t]*(?P<cue>(?:An?|The|Our)[ \t]+(?:[A-Za-z]+[ \t]+)?(?:message|letter|note|update)"
    r"[ \t]+from)[ \t]+(?P<name>[^\n,:]{2,60}?)[ \t]*(?:[,(][^\n]{0,80})?:?[ \t]*$",
    re.M | re.I,
)
# A line that is one question the writer asks, no quote in it, as explainers head their
# sections: "What about the hackers who say they hold the data?", "**Can I get a refund?**".
_ASKED_LINE = re.compile(
    r"^[ \t#*_]*(?:what|why|how|who|whom|whose|which|when|where|is|are|was|were|do|does|did"
    r"|can|could|will|would|should|shall|may|might|must|has|have|had)\b[^\n.!?“”\"]*\?[ \t*_]*$",
    re.M | re.I,
)
_OPENING_MARKS = frozenset("“\"‘'")
_CLOSING_MARKS = frozenset("”\"’'")
# After a quote, on its line or alone on the next: "― Sonya Herridge", "- Sanders, in Iowa."
_SIGNATURE = re.compile(
    r"[ \t\u00a0]*(?P<dash>―|—|–|--?)[ \t\u00a0]*(?P<name>[^\n(,\"“”]{1,60}?)[ \t\u00a0.]*(?:[(,][^\n\"“”]*)?"
)


def asked_lines(text: str) -> list[tuple[int, int]]:
    """The lines that are the writer's questions (an explainer's headings): what one reports
    ("the hackers who say ...") is asked about, no one's claim."""
    return [m.span() for m in _ASKED_LINE.finditer(text)]


def headline_frames(doc: Doc, text: str) -> list[Frame]:
    """The article's first line read as "Speaker: claim" or "Claim, Speaker Says", the
    headline forms of an attribution."""
    line = next((m for m in _LINE.finditer(text) if m.group().strip()), None)
    if line is None:
        return []
    m = _LABELLED.fullmatch(text, *line.span())
    label = m and doc.char_span(*m.span("label"), alignment_mode="expand")
    if label and _names_a_speaker(label):
        return _label_frame(doc, text, m, label)
    m = _SAYS_LAST.fullmatch(text, *line.span())
    label = m and doc.char_span(*m.span("label"), alignment_mode="expand")
    cue = m and doc.char_span(*m.span("cue"), alignment_mode="expand")
    if not (label and cue and _names_a_speaker(label) and cue[0].lemma_.lower() in CUE_VERBS):
        return []
    return [
        Frame(
            cue=(cue.start, cue.end),
            head=cue[0],
            content=m.span("rest"),
            source=(label.start, label.end),
        )
    ]


def transcript_frames(doc: Doc, text: str) -> list[Frame]:
    """A transcript's turns, "TAPPER: Do you think ...": the label speaks the line."""
    frames = []
    for m in _TURN.finditer(text):
        label = doc.char_span(*m.span("label"), alignment_mode="expand")
        if label and _transcript_speaker(label, text):
            frames += _label_frame(doc, text, m, label)
    return frames


def _label_frame(doc: Doc, text: str, m: re.Match[str], label: Span) -> list[Frame]:
    """The frame of one "Label: words" line: the colon is the cue, the rest what was said."""
    colon = doc.char_span(m.end("label"), m.start("rest"), alignment_mode="expand")
    cue = next((t for t in colon if t.text == ":"), None) if colon is not None else None
    if cue is None:
        return []
    rest_end = m.end("rest")
    while rest_end > m.start("rest") and text[rest_end - 1].isspace():
        rest_end -= 1
    return [
        Frame(
            cue=(cue.i, cue.i + 1),
            head=cue,
            content=(m.start("rest"), rest_end),
            source=(label.start, label.end),
        )
    ]


def _transcript_speaker(label: Span, text: str) -> bool:
    """A transcript's capitalised speaker label, named in ordinary case elsewhere in the
    article ("TAPPER:" and "Jake Tapper"): not a kicker such as "UPDATE:"."""
    words = [t.text for t in label if not t.is_punct]
    if not words or len(words) > _MAX_TRANSCRIPT_WORDS or not all(w.isupper() for w in words):
        return False
    return all(re.search(rf"\b{re.escape(w.title())}\b", text) for w in words if len(w) > 1)


_KICKERS = frozenset({"fact check", "fact-check", "reality check", "what we know", "in brief"})
_LABEL_ENDS = HEADLINE_KICKERS | SECTION_LABELS  # a label ending in one names no speaker


def _names_a_speaker(label: Span) -> bool:
    """A short label with no verb, naming a person, body or group."""
    words = [t for t in label if not t.is_punct]
    if not words or len(words) > _MAX_LABEL_WORDS or not words[0].text[0].isupper():
        return False
    if words[-1].lower_ in _LABEL_ENDS or " ".join(t.lower_ for t in words) in _KICKERS:
        return False  # "UPDATE:", "Fact check:", "Video analysis:", "Funding:", "Next steps:"
    if any(t.pos_ in ("VERB", "AUX") for t in words):
        return False
    ents = {t.ent_type_ for t in words if t.ent_type_}
    if ents & _NOT_SPEAKER_ENTS:
        return False
    return bool(ents & _SPEAKER_ENTS) or label.root.pos_ in _SPEAKER_POS


def signature_frames(doc: Doc, text: str, quotes: list[tuple[int, int]]) -> list[Frame]:
    """A quote signed by a dash and a name after it, on its own line or on the next one."""
    frames = []
    for q_start, q_end in quotes:
        at, end = q_end, line_end(text, q_end)
        if not text[at:end].strip():  # the signature may stand alone on the next line
            if text[line_start(text, q_start) : q_start].strip():
                continue  # only a quote that is its paragraph
            at, end = next_line(text, end)
        m = _SIGNATURE.fullmatch(text, at, end)
        if m is None:
            continue
        name = doc.char_span(*m.span("name"), alignment_mode="expand")
        dash = doc.char_span(*m.span("dash"), alignment_mode="expand")
        if name is None or not dash or not _names_a_speaker(name):
            continue
        frames.append(_signed(dash, name, q_start, q_end))
    return frames


def letter_frames(doc: Doc, text: str) -> list[Frame]:
    """A letter under a heading that names its writer, as companies and campaigns post them:
    "A message from Ann Lee, Chief Executive" over quoted paragraphs, each opening with a mark
    and the last closing: the paragraphs are hers."""
    frames = []
    for m in _FROM_LINE.finditer(text):
        name = doc.char_span(*m.span("name"), alignment_mode="expand")
        cue = doc.char_span(*m.span("cue"), alignment_mode="expand")
        body = _quoted_paragraphs(text, m.end())
        if name is not None and cue and body is not None and _names_a_speaker(name):
            frames.append(_signed(cue, name, *body))
    return frames


def _quoted_paragraphs(text: str, at: int) -> tuple[int, int] | None:
    """The run of paragraphs after `at` that each open with a quotation mark, up to the one
    that closes it: (start, end), or None when the next paragraph opens with none."""
    start, end = next_line(text, at)
    first = start
    while start < end and text[start] in _OPENING_MARKS:
        close = len(text[start:end].rstrip()) + start
        if text[close - 1] in _CLOSING_MARKS:
            return first, close
        start, end = next_line(text, end)
    return None


def _signed(cue: Span, name: Span, q_start: int, q_end: int) -> Frame:
    """The frame of a quote a mark and a name sign: the mark is the cue, the name the speaker."""
    return Frame(
        cue=(cue.start, cue.end),
        head=cue[0],
        content=(q_start, q_end),
        source=(name.start, name.end),
        direct=True,
    )


def colon_frames(doc: Doc, text: str, quotes: list[tuple[int, int]]) -> list[Frame]:
    """A quote a name introduces with a colon and no verb, as roundups and newsletters write:
    "The verdict came from pollster Ann Lee: “...”", "Here is Lee in 1992: “...”"."""
    frames = []
    for q_start, q_end in quotes:
        at = q_start
        while at > 0 and text[at - 1] in " \t\u00a0":
            at -= 1
        if at == 0 or text[at - 1] != ":":
            continue
        colon = doc.char_span(at - 1, at)
        name = colon and _name_before(colon[0])
        if name is not None:
            frames.append(_signed(colon, name, q_start, q_end))
    return frames


def _name_before(colon: Token) -> Span | None:
    """The named person, body or group a colon follows, past a date after it ("Clinton in
    December 1992:"), with its title and a name coordinated with it ("Ann Lee and Tom Ruiz")."""
    doc, k = colon.doc, colon.i - 1
    while k >= 0 and doc[k].ent_type_ in _WHEN_ENTS:
        k -= 1
    if 0 <= k < colon.i - 1 and doc[k].pos_ == "ADP":
        k -= 1  # "in December 1992"
    if k < 0 or doc[k].ent_type_ not in _SPEAKER_ENTS:
        return None
    chunks = {c.root.i: c for c in doc[max(0, k - 12) : k + 1].noun_chunks}
    chunk = chunks.get(k)
    if chunk is None or chunk.end != k + 1:
        return None
    first = doc[k].head if doc[k].dep_ == "conj" else None
    if first is not None and first.i in chunks and first.ent_type_ in _SPEAKER_ENTS:
        chunk = doc[chunks[first.i].start : k + 1]
    if len(chunk) > _MAX_NAME_WORDS or _spoken_to_or_through(chunk.root):
        return None  # a longer run is a headline's misparse ("Trump Praises Editor Ann Lee:")
    return chunk


def _spoken_to_or_through(name: Token) -> bool:
    """A name a verb of saying acts on ("Trump Praises Boyle: ‘...’") or a medium ("told
    viewers on CNN:"): the quote is not that name's."""
    head = name.head
    if name.dep_ == "pobj":
        return head.lower_ != "from"
    return name.dep_ in ("dobj", "dative") and head.lemma_.lower() in CUE_VERBS


def line_start(text: str, at: int) -> int:
    """Where the line holding `at` begins."""
    return text.rfind("\n", 0, at) + 1


def line_end(text: str, at: int) -> int:
    """Where the line holding `at` ends (its newline, or the end of the text)."""
    end = text.find("\n", at)
    return len(text) if end == -1 else end


def next_line(text: str, at: int) -> tuple[int, int]:
    """The first line with words after `at`, blank lines skipped: (start, end)."""
    start = _BLANK.match(text, at).end()
    return start, line_end(text, start)
