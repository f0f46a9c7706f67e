"""Attribution frames from the dependency parse: cue verb, its speaker and what was said."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import DEP, LEMMA, LOWER, POS
from spacy.symbols import ADJ, NOUN, VERB
from spacy.tokens import Doc, Token

from claimledger.extract.attribution.cuemodel import cue_model, is_candidate, quoted_sentences
from claimledger.extract.attribution.lexicon import (
    CLAIM_NOUNS,
    CONTENT_DEPS,
    CUE_VERBS,
    DENY_VERBS,
    EVALUATION_NOUNS,
    FIGURE_SIGNS,
    FINDING_NOUNS,
    HEARER_VERBS,
    HEARSAY_VERBS,
    INTENTION_NOUNS,
    INVERTING_VERBS,
    MEDIUM_NOUNS,
    PROCEDURE_NOUNS,
    QUESTION_VERBS,
    RAISING_VERBS,
    REPORT_NOUNS,
    SOURCE_PREPOSITIONS,
    SPEECH_VERBS,
    SPREAD_VERBS,
    STANCE_ADJECTIVES,
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
_ADVERB_POS = frozenset({"ADV", "PART"})
_TIME_ENTS = frozenset({"DATE", "TIME"})
_LET_US = frozenset({"'s", "’s", "us"})
_DEMONSTRATIVES = frozenset({"that", "this"})
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "ccomp", "xcomp", "attr"})
_TIME_NOUNS = frozenset({"time", "moment", "occasion"})  # "for the first time": when, not what
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
_COMPOUND_AUX = frozenset({"had", "would", "could", "might", "should", "will", "has", "have"})
_NOBODY = frozenset({"nobody", "none", "noone"})
_NAMING = frozenset({"name", "identify", "quote"})  # "asked not to be named / identified"
_NAMING_VERBS = frozenset({"call", "name", "dub", "style"})
_IDENTITY_NOUNS = frozenset({"name", "identity"})  # "asked that her name not be used"
_REQUEST_VERBS = frozenset({"ask", "request"})  # "a group calling itself X"
_PARTICIPLE_REACH = 12  # tokens after a claim noun its "fueled by X" may stand, at most
_ASIDE_MARKS = frozenset({",", "—", "–"})
_ASIDE_OPENERS = frozenset({"mark", "cc"})  # "as X said", "and X said": part of the aside
_DASHES = frozenset({"—", "–", "--"})
_ASIDE_TAIL = 4  # words allowed between an aside's cue and its closing dash ("said last week")
# Prepositions PolNeAR counts as part of the cue when they follow the verb: "called for X".
_CUE_PREPOSITIONS = frozenset({"for", "about", "on", "to", "of", "against", "with"})
# Prepositions whose object is what a verb with no other complement comments on or aims at:
# "commented on X", "pointed to X", "railed against X", "agreed with X".
_CONTENT_PREPOSITIONS = frozenset({"of", "for", "about", "on", "to", "against", "with"})
# Prepositions of a charge whose target, the verb's object, belongs to it: "accused X of Y".
_CHARGE_PREPOSITIONS = frozenset({"of", "for"})
# Prepositions after an evaluation noun that name what it is about: "support for X".
_EVALUATION_PREPOSITIONS = frozenset({"of"})
# Verbs of quoting: in a sentence holding a quotation, their "of" / "about" phrase is the topic
# of the quoted words, not what was said ("“...,” she said of the plan").
_QUOTING_VERBS = frozenset({"say", "add", "tell", "write"})
# Asides that end a content after a comma: non-restrictive relatives, and appositions to names.
_TAIL_DEPS = frozenset({"relcl"})
_NAME_TAIL_DEPS = frozenset({"appos"})  # only after a name: ", the former governor"
_TAIL_MARKS = frozenset({","})
# Nouns a writer sums up what was said with, after a comma: ", a stance that angered fans".
_GLOSS_NOUNS = frozenset(
    {
        "stance",
        "move",
        "position",
        "remark",
        "comment",
        "view",
        "claim",
        "assertion",
        "message",
        "reference",
        "sentiment",
        "statement",
        "warning",
        "charge",
        "jab",
        "swipe",
        "signal",
    }
)
# Nouns `_noun_complement` finds what was said of: no other noun opens a frame.
_COMPLEMENTED_NOUNS = CLAIM_NOUNS | INTENTION_NOUNS | EVALUATION_NOUNS
# Clauses an "according to" phrase hung on vouches past, for the sentence they are part of:
# a conjunct ("X has surged and, according to Y, has pulled ahead") and a clausal subject
# ("What won, according to Y, was the whiteboard").
_VOUCHED_CLAUSE_DEPS = frozenset({"conj", "csubj"})
# Children that make a verb of showing or reading one of saying: a clause or a label said.
_SAID_DEPS = frozenset({"ccomp", "xcomp", "oprd", "acomp", "attr"})


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
    model = cue_model()
    quoted = quoted_sentences(doc)
    for i in _openers(doc, inside_quote):
        token = doc[i]
        if (token.lemma_ in SOURCE_PREPOSITIONS and token.dep_ == "prep") or (
            token.lower_ == "according" and token.dep_ == "ROOT"  # a misparse, handled there
        ):
            frame = _according_frame(token)
        elif token.lower_ == "in" and token.dep_ == "prep" and token.is_sent_start:
            frame = _finding_frame(token)
        elif (
            is_candidate(token)
            and not _supposed(token)
            and not _discourse_marker(token)
            and not _asks_anonymity(token)
            and not _unspoken(token)
            and not _expected_to_say(token, inside_quote)
            and not _asked_about(token)
            and not _self_named(token)
            and not _by_procedure(token)
            and not _a_deed(token)
            and (
                model.is_cue(token, inside_quote[i], quoted[i])
                or _sourced_aside(token)
                or _put_at(token)
                or _expected_words(token, inside_quote)
            )
        ):
            frame = _verb_frame(token, inside_quote)
        elif token.pos_ == "NOUN":
            frame = _noun_frame(token)
        elif token.pos_ == "ADJ" and token.dep_ == "acomp":
            frame = _adjective_frame(token)
        else:
            frame = None
        if frame is None:
            continue
        if frame.content[0] < frame.content[1]:
            frames.append(frame)
        elif frame.source is not None:
            bare.append(frame)
    return frames, bare


def _openers(doc: Doc, inside_quote: list[bool]) -> list[int]:
    """The tokens a frame rule may open at, read from the Doc's arrays: verbs, "according"
    and "in", the cue nouns and the adjectives after "be". A Token made for every word costs,
    and most words are none of these."""
    strings = doc.vocab.strings
    pos, dep, lower, lemma = doc.to_array([POS, DEP, LOWER, LEMMA]).T.tolist()
    words = {strings[w] for w in ("according", "in")}
    sources = {strings[w] for w in SOURCE_PREPOSITIONS}
    acomp = strings["acomp"]
    nouns: dict[int, bool] = {}  # by lemma: does the noun head a claim, intention or view?
    found = []
    for i, (p, d, w, lem) in enumerate(zip(pos, dep, lower, lemma, strict=True)):
        if inside_quote[i]:
            continue  # speech reported inside a quote belongs to the quote's speaker
        if p == NOUN and lem not in nouns:
            nouns[lem] = strings[lem].lower() in _COMPLEMENTED_NOUNS
        if (
            p == VERB
            or (p == NOUN and nouns[lem])
            or (p == ADJ and d == acomp)
            or w in words
            or lem in sources
        ):
            found.append(i)
    return found


def _unspoken(verb: Token) -> bool:
    """A verb nobody said anything with: an imperative opening its sentence ("Thank you for
    following", "Read more") or one whose subject is no one ("No government has endorsed
    that figure", "Nobody has claimed it")."""
    subject = next(
        (c for c in verb.children if c.dep_ in SUBJECT_DEPS and not _quote_tail(c)), None
    )
    if subject is None:
        return verb.dep_ == "ROOT" and verb.tag_ in ("VB", "VBP") and verb.i == verb.sent.start
    return subject.lower_ in _NOBODY or any(
        c.dep_ == "det" and c.lower_ == "no" for c in subject.children
    )


def _asked_about(verb: Token) -> bool:
    """A question the writer asks with the verb, its auxiliary before its subject: "How do I
    know if I'm affected?", "Can I claim compensation?" (an explainer's headings)."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    last = next((t for t in reversed(verb.sent) if not t.is_space), verb)
    return (
        verb.dep_ == "ROOT"
        and subject is not None
        and last.text == "?"
        and any(c.dep_ == "aux" and c.i < subject.i for c in verb.children)
    )


def _self_named(verb: Token) -> bool:
    """ "A group calling itself Night Lynx": a name taken, not something said."""
    return (
        verb.lemma_ in _NAMING_VERBS
        and any(c.dep_ == "dobj" and c.lower_.endswith(("self", "selves")) for c in verb.children)
        and any(c.dep_ == "oprd" and c.pos_ == "PROPN" for c in verb.children)
    )


def _expected_to_say(verb: Token, inside_quote: list[bool]) -> bool:
    """ "X was expected to tell jurors that ...", "is said to have told ...": the belief nobody
    owns hangs on X's own words, which are the statement (X the speaker, the belief a hedge)."""
    if verb.lemma_ not in HEARSAY_VERBS or not any(c.dep_ == "auxpass" for c in verb.children):
        return False
    return any(
        c.dep_ == "xcomp"
        and c.lemma_ in SPEECH_VERBS
        and any(p.dep_ == "ccomp" or inside_quote[p.i] for p in _content_parts(c, inside_quote))
        for c in verb.children
    )


def _expected_words(verb: Token, inside_quote: list[bool]) -> bool:
    """The words of saying an "X was expected to tell ..." hangs on: a cue in any context."""
    return verb.dep_ == "xcomp" and _expected_to_say(verb.head, inside_quote)


def _asks_anonymity(verb: Token) -> bool:
    """ "who asked not to be named", "who declined to be identified", "requested anonymity",
    "asked that her name not be used": why a source goes unnamed, not something it said."""
    for child in verb.children:
        if child.dep_ == "dobj" and child.lemma_.lower() == "anonymity":
            return True
        if (
            child.dep_ == "ccomp"
            and verb.lemma_ in _REQUEST_VERBS
            and any(g.dep_ == "nsubjpass" and g.lemma_ in _IDENTITY_NOUNS for g in child.children)
        ):
            return True
        if (
            child.dep_ == "xcomp"
            and child.lemma_.lower() in _NAMING
            and any(c.dep_ == "auxpass" for c in child.children)
        ):
            return True
    return False


def _by_procedure(verb: Token) -> bool:
    """ "612 had been confirmed by laboratory testing": a passive whose agent is a test or an
    examination states a finding nobody voiced."""
    return any(
        g.dep_ == "pobj" and g.lemma_.lower() in PROCEDURE_NOUNS
        for c in verb.children
        if c.dep_ == "agent"
        for g in c.children
    )


def _a_deed(verb: Token) -> bool:
    """A verb of saying used for a deed, no words said: a thing shown to someone ("showed the
    map to the court"), a text read out by nobody named ("as the ruling was read")."""
    if any(c.dep_ in _SAID_DEPS for c in verb.children):
        return False  # "showed the court that ...", "was read as a warning"
    lemma = verb.lemma_.lower()
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if lemma == "show":
        return bool(objects) and any(_an_audience(c) for c in verb.children)
    return lemma == "read" and not objects and _passive_without_agent(verb)


def _an_audience(prep: Token) -> bool:
    """ "to jurors", "to the court", "to Ann Lee": people something is shown to (not "rentals
    to Acme Media", "a rise to 5%", which the parser may hang on the verb too)."""
    return (
        prep.dep_ == "prep"
        and prep.lower_ == "to"
        and any(
            g.dep_ == "pobj" and (g.pos_ == "NOUN" or g.ent_type_ == "PERSON")
            for g in prep.children
        )
    )


def _passive_without_agent(verb: Token) -> bool:
    """A passive verb whose doer goes unnamed: "the verdict was read"."""
    deps = {c.dep_ for c in verb.children}
    return "auxpass" in deps and "agent" not in deps


def _put_at(verb: Token) -> bool:
    """ "The organisers put the turnout at 250,000": an estimate given, a verb of saying here."""
    return verb.lemma_ == "put" and any(
        c.dep_ == "prep" and c.lower_ == "at" and any(g.like_num for g in c.subtree)
        for c in verb.children
    )


def _discourse_marker(verb: Token) -> bool:
    """ "That said, ...", "Having said that, ...", "That being said, ...": a turn in the
    writer's argument, nobody's statement (a clause of "say" whose only argument is the
    demonstrative, opening its sentence or clause and closed by a comma)."""
    if verb.lemma_ != "say" or verb.dep_ == "ROOT":
        return False
    arguments = [c for c in verb.children if c.dep_ in _ARGUMENT_DEPS]
    if not arguments or any(c.lower_ not in _DEMONSTRATIVES for c in arguments):
        return False
    doc, first, last = verb.doc, verb.left_edge.i, verb.right_edge.i
    opens = first == verb.sent.start or doc[first - 1].dep_ in ("cc", "punct")
    return opens and last + 1 < len(doc) and doc[last + 1].text == ","


def _supposed(verb: Token) -> bool:
    """ "Let's say ...", "let us suppose ...": a supposition, nobody's statement."""
    return verb.head.lemma_ == "let" and any(
        c.dep_ == "nsubj" and c.lower_ in _LET_US for c in verb.children
    )


def cue_range(verb: Token, content_start: int | None = None) -> TokRange:
    """The cue: the verb with adjacent auxiliaries, negation and adverbs ("no longer") on its
    left, and on its right the particles, times, media and prepositions that precede what was
    said ("said Tuesday", "said in a statement", "called for", "wrote on Twitter")."""
    start = verb.i
    lefts = {
        c.i: _adverb_start(c) for c in verb.lefts if c.dep_ in _CUE_LEFT_DEPS and c.tag_ != "WRB"
    }
    while start - 1 in lefts:
        start = lefts[start - 1]
    end = verb.i + 1
    rights = {c.left_edge.i: c for c in verb.rights}
    while end in rights and end != content_start:
        child = rights[end]
        if child.dep_ in _CUE_RIGHT_DEPS or _is_medium(child) or _is_time(child):
            end = child.right_edge.i + 1
            if content_start is not None and verb.i < content_start < end:
                end = content_start  # "said in a statement [that ...]": the clause is what was said
        elif child.dep_ == "prep" and child.lower_ in _CUE_PREPOSITIONS and not _is_when(child):
            end = child.i + 1  # "called for" / "spoke about": the object is what was said
        else:
            break
    return start, end


def _adverb_start(word: Token) -> int:
    """Where a word before the cue begins its phrase, if only adverbs make it: "no longer
    expects", "long ago said" (not a phrase that runs over the subject: "In fact, Lee did")."""
    start = word.left_edge.i
    if all(t.pos_ in _ADVERB_POS for t in word.doc[start : word.i]):
        return start
    return word.i


def _is_time(token: Token) -> bool:
    """A bare time right after the cue: "said Tuesday", "said Sunday night"."""
    return token.dep_ == "npadvmod" and token.ent_type_ in _TIME_ENTS


def _is_when(prep: Token) -> bool:
    """A time phrase: "on Monday", "for the first time" say when, not what about."""
    return any(
        g.dep_ == "pobj" and (g.ent_type_ in _TIME_ENTS or g.lemma_.lower() in _TIME_NOUNS)
        for g in prep.children
    )


def _is_medium(prep: Token) -> bool:
    """Where it was said: "in a statement", "in an interview", "on Twitter"."""
    if prep.dep_ != "prep" or prep.lower_ not in ("in", "on"):
        return False
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None:
        return False
    if prep.lower_ == "on":
        return obj.pos_ == "PROPN" and obj.ent_type_ not in _TIME_ENTS
    return obj.lemma_.lower() in MEDIUM_NOUNS


def subtree_range(token: Token) -> TokRange:
    """A token's subtree as a contiguous token range (edges, not `.subtree` order)."""
    return token.left_edge.i, token.right_edge.i + 1


def _speaker_range(speaker: Token, verb: Token) -> TokRange:
    """The speaker's phrase; a noun the cue modifies ends where the cue's clause begins, and
    a clause set off by a comma after it is an aside ("Marco Rubio, speaking in Miami,")."""
    start, end = subtree_range(speaker)
    doc = speaker.doc
    while start < speaker.i and doc[start].is_punct:  # a closing quote hung on the name
        start += 1
    while start > 1 and doc[start - 1].text == "-" and doc[start - 2].head.i == verb.i:
        start = doc[start - 2].left_edge.i  # "The study's co - author": the title's first half
    if doc[end - 1].dep_ == "cc":  # "1 percent of Democrats and 3 percent of ...": two subjects
        second = next((c for c in verb.children if c.left_edge.i == end), None)
        if second is not None and second.dep_ in SUBJECT_DEPS:
            end = second.right_edge.i + 1
    if speaker.dep_ == "appos" and start > 1 and doc[start - 1].text == ",":
        before = doc[start - 2]  # "its chief doctor, Tom Ruiz": the role set off before him
        while before.head.i > before.i and before.head.i < start and before.dep_ != "appos":
            before = before.head
        if before.dep_ == "appos" and before.head.i == speaker.head.i:
            start = before.left_edge.i
    named = next((c for c in verb.children if c.left_edge.i == end and c.dep_ == "nsubj"), None)
    if named is not None and speaker.pos_ == "NOUN" and named.pos_ == "PROPN":
        end = named.right_edge.i + 1  # "The podcaster Dex Marlowe told": a title, then the name
    if verb.head.i == speaker.i < verb.i:
        cut = verb.left_edge.i
    else:
        asides = [c for c in speaker.rights if _speaker_aside(c)]
        cut = asides[0].left_edge.i if asides else end
        if doc[cut - 1].text not in _ASIDE_MARKS:
            return start, end
    while cut > speaker.i + 1 and doc[cut - 1].is_punct:
        cut -= 1
    return start, cut


def _speaker_aside(child: Token) -> bool:
    """A participle clause on any speaker, a relative clause on a common noun."""
    return child.dep_ == "acl" or (child.dep_ == "relcl" and child.head.pos_ == "NOUN")


def speaker_of(verb: Token) -> Token | None:
    """The speaker: the verb's subject, a passive's `by` agent, or a governing verb's subject."""
    passive = any(c.dep_ == "auxpass" for c in verb.children) or verb.tag_ == "VBN"
    if verb.lemma_ == "quote":  # "X was quoted by Y as saying", "Y quoted X as saying": X's
        quoted = next((c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")), None)
        if quoted is not None and any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children):
            return quoted
    for child in verb.children:
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    if _reduced_passive(verb):
        return None  # "hundreds feared missing": the hundreds are feared for, not fearing
    for child in verb.children:
        if _clause_as_subject(child) or _quote_tail(child) or child.is_punct:
            continue  # what was said, or a mark ("**Charity says ...**"), not who said it
        if child.dep_ == "nsubj" or (child.dep_ in SUBJECT_DEPS and not passive):
            return _past_a_hyphen(child)
        if _misread_subject(child):
            return child
        if child.dep_ == "nsubjpass" and verb.lemma_ == "quote":
            return child
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        return None  # "..., and the toll was expected to rise": expected by nobody named
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in _NOMINAL:
        return verb.head  # "emails showing that ...", "a super PAC backing Bush"
    if _main_verb_as_participle(verb):
        return verb.head
    inverted = _inverted_speaker(verb)
    if inverted is not None:
        return inverted
    reporter = _reporter_of_aside(verb)
    if reporter is not None:
        return speaker_of(reporter)
    if verb.tag_ == "VBN" and verb.dep_ == "advcl" and verb.i < verb.head.i:
        return None  # "Asked about the vote, Lee said ...": Lee was asked; who asked, unsaid
    if _asked_of_the_speaker(verb):
        return None
    head = verb
    while head.dep_ in _INHERIT_DEPS and head.head.i != head.i:
        head = head.head
        if head.pos_ in ("VERB", "AUX"):
            subject = next((c for c in head.children if c.dep_ in SUBJECT_DEPS), None)
            if subject is not None or head.dep_ != "conj":
                return subject  # else "X sought ... and took ..., saying": X's
    return None


def _asked_of_the_speaker(verb: Token) -> bool:
    """ "Lee said ... when asked whether the line started the fire": the question was put to
    Lee, by someone unnamed; it is not Lee's question."""
    return (
        verb.lemma_ in QUESTION_VERBS
        and verb.dep_ == "advcl"
        and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)
        and any(c.dep_ == "ccomp" for c in verb.children)
    )


def _main_verb_as_participle(verb: Token) -> bool:
    """A subject's own verb the parser read as a participle on it, mostly after an
    apposition: "Vexa Labs, a drug maker, estimated that sales would fall" (the noun left as
    the sentence's root, or as the subject of a later verb). Only a verb with a listener takes
    a that-clause as a participle: "The mayor, told that ..., left"."""
    return (
        verb.dep_ == "acl"
        and verb.tag_ in ("VBN", "VBD")
        and verb.head.dep_ in ("ROOT", "nsubj")
        and verb.head.pos_ in ("NOUN", "PROPN")
        and verb.lemma_ not in HEARER_VERBS
        and not any(c.dep_ in ("auxpass", "aux") for c in verb.children)
        and any(c.dep_ == "ccomp" for c in verb.children)
    )


def _reduced_passive(verb: Token) -> bool:
    """A headline's passive with its auxiliary left out, "hundreds feared missing", "two
    believed dead": a participle with a subject, a predicate and no auxiliary."""
    return (
        verb.tag_ == "VBN"
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
        and any(c.dep_ == "oprd" for c in verb.children)
        and any(c.dep_ in SUBJECT_DEPS for c in verb.children)
        and not any(c.dep_ == "dobj" for c in verb.children)  # "Trump called Clinton a ..."
    )


def _clause_as_subject(child: Token) -> bool:
    """A reported clause the parser took for the cue's subject ("Two of the injured remain in
    hospital, its chief doctor said": "remain" as the subject of "said")."""
    return (
        child.dep_ == "nsubj"
        and child.pos_ in ("VERB", "AUX")
        and child.i < child.head.i
        and any(c.dep_ in SUBJECT_DEPS for c in child.children)  # a clause, with a subject
    )


def _misread_subject(child: Token) -> bool:
    """A noun phrase opening the sentence that the parser read as a bare verb clause, the
    cue's clausal subject: "Aid workers in Lusimbe said ..." ("Aid" a verb, "workers" its
    object); a clause cannot be a subject without "to", "-ing" or a subject of its own."""
    return (
        child.dep_ == "csubj"
        and child.tag_ == "VB"
        and child.i == child.sent.start
        and not any(c.dep_ in ("aux", "mark") or c.dep_ in SUBJECT_DEPS for c in child.children)
    )


def _quote_tail(subject: Token) -> bool:
    """A quote's last words the parser made a second subject of the cue: in "“There is none.
    Not one,” Lee said", "one" closes the quote and Lee, past the closing mark, speaks."""
    doc = subject.doc
    return subject.dep_ in SUBJECT_DEPS and any(
        c.dep_ in SUBJECT_DEPS
        and c.i > subject.right_edge.i
        and any(t.is_quote for t in doc[subject.right_edge.i + 1 : c.left_edge.i])
        for c in subject.head.children
    )


def _inverted_speaker(verb: Token) -> Token | None:
    """ "“Is it safe?” asked a resident.": right after a closing quote, the verb's last word
    group is who spoke, though the parser took it for the one asked."""
    doc = verb.doc
    if verb.i == 0 or not doc[verb.i - 1].is_quote or verb.lemma_.lower() not in INVERTING_VERBS:
        return None
    if verb.dep_ != "ROOT" or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    after = obj.right_edge.i + 1
    return obj if after == len(doc) or doc[after].is_punct or doc[after].is_space else None


def _past_a_hyphen(subject: Token) -> Token:
    """The parser may cut a hyphenated title into subjects of their own ("said co - author
    James Lee": "co", "-" and "Lee"): the speaker is the name the pieces run into."""
    doc, verb = subject.doc, subject.head
    if subject.i + 2 >= len(doc) or doc[subject.i + 1].text != "-":
        return subject
    named = doc[subject.i + 2]
    while named.dep_ == "compound" and named.head.i > named.i:
        named = named.head  # "author James Lee": the name the title's words lead into
    return named if named.head.i == verb.i and named.dep_ in SUBJECT_DEPS else subject


def _reporter_of_aside(verb: Token) -> Token | None:
    """The cue a participle set off by a comma after a reported clause, or a second verb of
    saying joined to it, belongs to, though the parser hung it on the clause: "She denied that
    the company had cut corners, calling the claim absurd" is hers, not the company's; so is
    "He denied a report that the firm was failing, calling it untrue"."""
    clause = verb.head
    if clause.i > verb.i:
        return None
    if clause.dep_ == "ccomp":
        reporter = clause.head
    elif clause.dep_ in ("acl", "relcl") and _marked_that(clause) and clause.head.dep_ == "dobj":
        reporter = clause.head.head  # "denied [a report [that ...]], calling it ..."
    else:
        return None
    if reporter.lemma_.lower() not in CUE_VERBS | DENY_VERBS:
        return None
    if verb.tag_ == "VBG" and verb.dep_ == "advcl" and verb.doc[verb.i - 1].text == ",":
        return reporter
    # "said the targets were a fantasy and accused ministers ...": the parser joined the second
    # verb of saying to the reported clause, whose subject cannot say anything
    subject = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
    speaks = subject is not None and (
        subject.pos_ in ("PROPN", "PRON") or subject.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
    )
    if (
        verb.dep_ == "conj"
        and verb.lemma_.lower() in CUE_VERBS
        and (not speaks or _tense_apart(clause, verb))
    ):
        return reporter
    return None


def _tense_apart(clause: Token, verb: Token) -> bool:
    """A second verb in the simple past after a reported clause in a compound tense is the
    reporter's, not the clause's: "said the coast guard had acted swiftly and blamed
    smugglers" (the coast guard "had acted"; the one who "blamed" is who said it)."""
    compound = any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in _COMPOUND_AUX for c in clause.children
    )
    return compound and verb.tag_ == "VBD" and not any(c.dep_ == "aux" for c in verb.children)


def _stranded(verb: Token) -> Token | None:
    """A name between a closing quote and the verb that the parser hung on the quote's last
    noun, leaving the verb without a subject: "“... our military,” Flynn, an aide, said"."""
    doc = verb.doc
    end = verb.i
    while end > 0 and doc[end - 1].is_punct and not doc[end - 1].is_quote:
        end -= 1
    if end == verb.i or end == 0:
        return None  # only a name set off from the verb by a comma
    top = doc[end - 1]
    while top.head.i < top.i and top.dep_ in ("appos", "compound", "amod", "det"):
        if doc[top.head.i].is_quote or any(t.is_quote for t in doc[top.head.i : top.i]):
            break
        top = top.head
    opening = top.left_edge.i
    while opening < top.i and doc[opening].is_quote:  # the parser may hang the mark on it
        opening += 1
    if top.pos_ != "PROPN" or opening == 0 or not doc[opening - 1].is_quote:
        return None
    return top


def _tail_speaker(verb: Token) -> Token | None:
    """A speaker set off by commas between a reported clause and its verb, which the parser
    joined to the clause's last noun: "Five were killed in the city, the governor, Ann Lee,
    said" (the governor, a conjunct of "city", left the verb with no subject); "... at the
    hospital, its chief doctor, Tom Ruiz, said" (Ruiz, an apposition to the hospital)."""
    doc = verb.doc
    end = verb.i
    while end > 0 and doc[end - 1].text == ",":
        end -= 1
    if end == verb.i or end == 0:
        return None
    top = doc[end - 1]
    while top.head.i > top.i and top.dep_ in ("compound", "flat"):
        top = top.head
    if top.dep_ == "appos" and top.head.dep_ in ("conj", "appos") and _set_off(top.head):
        top = top.head  # "the governor, Ann Lee": the governor, joined to the city
    if top.dep_ not in ("conj", "appos") or top.pos_ not in ("NOUN", "PROPN"):
        return None
    opening = top.left_edge.i
    reported = any(
        (c.dep_ == "ccomp" or _clause_as_subject(c)) and c.i < opening <= c.right_edge.i
        for c in verb.children
    )
    return top if reported and _set_off(top) else None


def _set_off(noun: Token) -> bool:
    """Is a noun phrase set off by a comma from the words before it?"""
    opening = noun.left_edge.i
    return opening > 0 and noun.doc[opening - 1].text == ","


def _verb_frame(verb: Token, inside_quote: list[bool]) -> Frame:
    """Frame of a cue verb: content from its complements, or the clause it interrupts."""
    parts = _content_parts(verb, inside_quote)
    speaker = None
    if verb.lemma_ not in RAISING_VERBS:
        speaker = speaker_of(verb) or _stranded(verb) or _tail_speaker(verb)
    start = None
    medium = _medium_saying(parts, inside_quote) or _quoted_as(verb, parts, inside_quote)
    if medium is not None:  # "issued a statement saying ...": the cue runs to "saying"
        parts = _content_parts(medium, inside_quote)
        start = min(c.left_edge.i for c in parts)
        end = _without_trailing_aside(verb.doc, start, max(c.right_edge.i for c in parts) + 1)
        return Frame(
            cue=(cue_range(verb, start)[0], medium.i + 1),
            head=verb,
            content=_chars(verb.doc, start, end),
            source=_speaker_range(speaker, verb) if speaker is not None else None,
        )
    aside = _aside_before(verb, speaker)
    if aside is not None:
        content = aside
    elif parts:
        start = min(c.left_edge.i for c in parts)
        start = _lost_subject(verb, parts, start)
        end = max(c.right_edge.i for c in parts) + 1
        if start > verb.i and speaker is not None and _parenthetical(verb, speaker, start):
            start = verb.sent.start  # "X, Hebert said, Y": the words around the cue are one
        if end > verb.i:
            end = _with_trailing_preps(verb, end)
        end = _without_trailing_aside(verb.doc, start, end)
        content = _chars(verb.doc, start, end)
    elif verb.dep_ == "parataxis" or (
        verb.dep_ == "advcl" and (verb.i > verb.head.i or _as_clause(verb))
    ):
        clause = verb.head
        while clause.dep_ == "xcomp":  # "were preparing to fight, as alleged by Kyiv"
            clause = clause.head
        content = _clause_without(clause, _aside_range(verb, speaker))
    else:
        content = (0, 0)  # filled later if a quote stands next to it
    source = _speaker_range(speaker, verb) if speaker is not None else None
    return Frame(cue=cue_range(verb, start), head=verb, content=content, source=source)


def _lost_subject(verb: Token, parts: list[Token], start: int) -> int:
    """Where a reported clause begins whose subject the parser hung on the cue: "said between
    600 and 750 people were on board" ("between ... people" a phrase of "said", "were" a clause
    with no subject)."""
    clause = next((p for p in parts if p.dep_ == "ccomp" and p.left_edge.i == start), None)
    if clause is None or start <= verb.i or any(c.dep_ in SUBJECT_DEPS for c in clause.children):
        return start
    lost = [c for c in verb.rights if c.i < start and c.dep_ in ("prep", "dobj", "npadvmod")]
    if not lost or lost[0].left_edge.i != verb.i + 1 or _is_time(lost[0]) or _is_when(lost[0]):
        return start
    has_noun = any(t.pos_ in ("NOUN", "PROPN", "NUM") for t in verb.doc[lost[0].i : start])
    return lost[0].left_edge.i if has_noun else start


def _parenthetical(verb: Token, speaker: Token, content_start: int) -> bool:
    """Is the cue with its speaker set off by commas inside a sentence, its content resuming
    right after: "After the ruling, Hebert said, most laws ...", "And Trump, said Sunshine, ..."."""
    doc = verb.doc
    cue_start, cue_end = cue_range(verb, content_start)
    start = min(cue_start, speaker.left_edge.i)
    end = max(cue_end, speaker.right_edge.i + 1)
    return (
        start - 1 > verb.sent.start
        and doc[start - 1].text == ","
        and end == content_start - 1
        and doc[end].text == ","
    )


def _medium_saying(parts: list[Token], inside_quote: list[bool]) -> Token | None:
    """In "released a statement saying X", the participle on the medium that carries X."""
    if len(parts) != 1 or parts[0].dep_ != "dobj" or parts[0].lemma_.lower() not in MEDIUM_NOUNS:
        return None
    medium = parts[0]
    for child in medium.rights:
        if (
            child.dep_ == "acl"
            and child.tag_ == "VBG"
            and child.i == medium.i + 1
            and child.lemma_.lower() in CUE_VERBS  # "tweets saying", not "tweets attempting"
        ):
            inner = [c for c in child.children if c.dep_ in CONTENT_DEPS and c.i > child.i]
            if inner and _content_parts(child, inside_quote):
                return child
    return None


def _quoted_as(verb: Token, parts: list[Token], inside_quote: list[bool]) -> Token | None:
    """In "was quoted as saying X" (or "media quoted the minister as saying X"), the participle
    that carries X."""
    if parts and not (verb.lemma_ == "quote" and all(p.dep_ == "dobj" for p in parts)):
        return None
    for prep in verb.rights:
        if prep.dep_ == "prep" and prep.lower_ == "as":
            for child in prep.children:
                if (
                    child.dep_ == "pcomp"
                    and child.lemma_.lower() in CUE_VERBS
                    and _content_parts(child, inside_quote)
                ):
                    return child
    return None


def _sourced_aside(verb: Token) -> bool:
    """ "..., as alleged by Kyiv": a verb of saying in an `as` clause with its source named is
    an attribution however rare the verb is in training."""
    return (
        verb.lemma_.lower() in CUE_VERBS
        and _as_clause(verb)
        and any(c.dep_ == "agent" for c in verb.children)
    )


def _as_clause(verb: Token) -> bool:
    """ "As X reported, ...": a cue in an `as` clause vouches for the clause it hangs on."""
    return any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)


def _aside_before(verb: Token, speaker: Token | None) -> CharRange | None:
    """Words set off by dashes and attributed at their end: "— over 400,000, officials
    estimated —": the content is the aside up to the comma before the speaker."""
    if speaker is None or speaker.i > verb.i:
        return None
    doc = verb.doc
    sent = verb.sent
    tail = doc[verb.i + 1 : min(sent.end, verb.i + 1 + _ASIDE_TAIL)]
    if not any(t.text in _DASHES for t in tail):
        return None  # no closing dash (most cues): the opening one is not looked for
    speaker_start = speaker.left_edge.i
    opening = [t.i for t in doc[sent.start : speaker_start] if t.text in _DASHES]
    if not opening:
        return None
    if speaker_start - 1 <= opening[-1] or doc[speaker_start - 1].text != ",":
        return None
    start, end = _chars(doc, opening[-1] + 1, speaker_start)
    return (start, end) if start < end else None


def _content_parts(verb: Token, inside_quote: list[bool]) -> list[Token]:
    """The verb's children that carry what was said, all on one side of it.

    A passive's or raising verb's subject is part of what is said ("X is expected to ...",
    "X appears to ..."); a listener alone ("told reporters") is not content. With parts on
    both sides, the right side, unless the left is a clause and the right only a quoted name
    or a phrase set off by a comma ("X rose, officials said, up from 40 reported earlier").
    """
    hearer = verb.lemma_ in HEARER_VERBS
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    subject_is_content = (passive and verb.lemma_ != "quote" and not hearer) or (
        verb.lemma_ in RAISING_VERBS
    )
    parts = [
        c
        for c in verb.children
        if c.dep_ in CONTENT_DEPS
        or (subject_is_content and c.dep_ in SUBJECT_DEPS)
        or _clause_as_subject(c)
    ]
    if any(p.dep_ == "ccomp" for p in parts):  # "It was reported that ...": "it" says nothing
        parts = [p for p in parts if not (p.dep_ in SUBJECT_DEPS and p.lower_ == "it")]
    if verb.lemma_ in QUESTION_VERBS:  # "was asked if ...": the question is what was said
        parts += [c for c in verb.rights if c.dep_ == "advcl" and _marked_if(c)]
    listeners = [c for c in parts if c.dep_ == "dobj"] if hearer else []
    if hearer:  # the listener alone is not what was said: "told reporters"
        parts = [c for c in parts if c.dep_ != "dobj"]
    if not parts:  # "said in a statement that ...", the clause hung on the statement
        parts = [
            clause
            for prep in verb.rights
            if _is_medium(prep)
            for medium in prep.children
            if medium.dep_ == "pobj"
            for clause in medium.rights
            if clause.dep_ in ("acl", "relcl") and _marked_that(clause)
        ]
    if not parts and not (
        verb.lemma_ in _QUOTING_VERBS and any(inside_quote[t.i] for t in verb.sent)
    ):
        # "commented on ...", "accused X of ...", "blamed X for ..."
        parts = _prep_objects(verb)
        # the one accused or blamed is part of the charge: "accused [X of Y]", also where the
        # parser hangs the charge on X
        parts = [
            c
            for c in listeners
            if any(
                p.head.lower_ in _CHARGE_PREPOSITIONS and p.head.i == c.right_edge.i + 1
                for p in parts
            )
            or any(g.dep_ == "prep" and g.lower_ in _CHARGE_PREPOSITIONS for g in c.rights)
        ] + parts
    if verb.lemma_ == "put" and all(c.lower_ == "it" for c in parts) and not _put_at(verb):
        return []  # "as X put it, ...": what was said is the clause around; "put it at 200" a figure
    more = _more_of_it(verb)
    if more is not None and any(c.dep_ == "ccomp" and c.i < verb.i for c in parts):
        return [more]
    left = [c for c in parts if c.i < verb.i]
    right = [c for c in parts if c.i > verb.i]
    if left and right and not (subject_is_content and len(left) == 1):
        if (
            any(c.dep_ == "ccomp" for c in left)
            and all(
                (c.pos_ == "PROPN" and inside_quote[c.i])  # a quoted name: said on “Meet the Press”
                or (
                    _participle(c)
                    and not any(g.dep_ in SUBJECT_DEPS for g in c.children)
                    and any(t.is_punct for t in verb.doc[verb.i + 1 : c.left_edge.i])
                )
                or _writers_gloss(c)
                for c in right
            )
        ):  # ", up from 40 reported a day earlier": a phrase set off after the cue
            return left
        return right
    return parts


def _participle(verb: Token) -> bool:
    """A participle, or a past tense the tagger gave one, which its `by` agent shows:
    "..., well above the $2 billion issued by a rival firm"."""
    if verb.tag_ in ("VBN", "VBG"):
        return True
    return verb.tag_ == "VBD" and any(c.dep_ == "agent" for c in verb.children)


def _more_of_it(verb: Token) -> Token | None:
    """A comparative closing the cue's sentence right after it: in the headline "Floods kill
    40, officials fear more" the officials fear more deaths, and the 40 before is the news,
    not their words."""
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if after is None or after.head.i != verb.i or after.tag_ not in ("JJR", "RBR"):
        return None
    rest = verb.doc[after.right_edge.i + 1 : verb.sent.end]
    return after if all(t.is_punct or t.is_space for t in rest) else None


def _writers_gloss(part: Token) -> bool:
    """A verbless noun phrase set off by a comma after the cue: the writer's comment on the
    clause before it ("rose to 7.4%, the office said, the highest rate in six years")."""
    doc = part.doc
    words = doc[part.left_edge.i : part.right_edge.i + 1]
    return (
        part.pos_ in ("NOUN", "PROPN")
        and doc[part.left_edge.i - 1].text == ","
        and not any(t.pos_ in ("VERB", "AUX") for t in words)
    )


def _prep_objects(verb: Token) -> list[Token]:
    """Objects of the verb's of / for / about / on phrases: what is commented on or blamed for.

    A time is when it was said, not what: "was quoted on Tuesday saying ..."; the parser hangs
    a that-clause after "for the first time" on "time", and that clause is what was said."""
    objects = [
        g
        for c in verb.rights
        if c.dep_ == "prep" and c.lower_ in _CONTENT_PREPOSITIONS
        for g in c.children
        if g.dep_ in ("pobj", "pcomp") and g.ent_type_ not in _TIME_ENTS
    ]
    return [
        part
        for g in objects
        for part in (
            [c for c in g.rights if c.dep_ == "relcl" and c.left_edge.lower_ == "that"]
            if g.lemma_.lower() in _TIME_NOUNS
            else [g]
        )
    ]


def _with_trailing_preps(verb: Token, end: int) -> int:
    """Stretch the content over prepositions right after it: "X as “serious”", "Y of Z"."""
    for child in verb.rights:
        if child.dep_ == "prep" and child.i == end:
            end = child.right_edge.i + 1
    return end


def _without_trailing_aside(doc: Doc, start: int, end: int) -> int:
    """Drop an aside set off by a comma at the content's end: a non-restrictive relative
    clause (", which had been ...") or an appositive to a name (", the former governor") is
    the reporter's gloss, not part of what was said."""
    for token in doc[start:end]:
        aside = token.dep_ in _TAIL_DEPS or (
            token.dep_ in _NAME_TAIL_DEPS and token.head.pos_ == "PROPN"
        )
        if not aside or token.right_edge.i + 1 != end:  # the edge last: it makes a Token
            continue
        comma = token.left_edge.i - 1
        if comma > start and doc[comma].text in _TAIL_MARKS and start <= token.head.i < comma:
            return comma
    commas = [t.i for t in doc[start:end] if t.text in _TAIL_MARKS]
    if commas and commas[-1] + 2 < end:  # ", a stance that angered fans": the writer's gloss
        det, noun = doc[commas[-1] + 1], doc[commas[-1] + 2]
        if det.lower_ in ("a", "an") and noun.lemma_.lower() in _GLOSS_NOUNS:
            return commas[-1]
    return end


def _noun_frame(noun: Token) -> Frame | None:
    """A cue noun with its complement: "X's claim that ...", "reports, fueled by X, that ...",
    "his plan to ...", "their criticism of ..."; nobody named makes "reports" their own source."""
    content = _noun_complement(noun)
    if content is None:
        return None
    speaker = _noun_speaker(noun)
    if speaker is None and noun.lemma_.lower() in REPORT_NOUNS:
        speaker = (noun.i, noun.i + 1)
    if speaker is None:
        return None  # an unowned "plan to ..." is rarely anyone's attributed intention
    start, end = subtree_range(content)
    return Frame(
        cue=(noun.i, noun.i + 1), head=noun, content=_chars(noun.doc, start, end), source=speaker
    )


def _noun_complement(noun: Token) -> Token | None:
    """What a cue noun reports: its `that`-clause (which the parser may hang on the noun's
    verb, after it), its `to`-infinitive for intentions, its `of`-object for evaluations."""
    lemma = noun.lemma_.lower()
    if lemma in CLAIM_NOUNS or lemma in INTENTION_NOUNS:
        clauses = [c for c in noun.rights if c.dep_ in ("acl", "ccomp") and _marked_that(c)]
        if not clauses and noun.dep_ in ("attr", "dobj"):
            clauses = [c for c in noun.head.rights if c.i > noun.i and _marked_that(c)]
        if clauses:
            return clauses[0]
    if lemma in INTENTION_NOUNS:
        return next((c for c in noun.rights if c.dep_ == "acl" and _to_infinitive(c)), None)
    if lemma in EVALUATION_NOUNS:
        of = next(
            (c for c in noun.rights if c.dep_ == "prep" and c.lower_ in _EVALUATION_PREPOSITIONS),
            None,
        )
        return next((g for g in of.children if g.dep_ == "pobj"), None) if of else None
    return None


def _noun_speaker(noun: Token) -> TokRange | None:
    """Whose claim: the possessor, a `by` agent of a participle on it ("fueled by X"), a `from`
    or `by` phrase or the paper it is "in", or the subject of a verb that spreads it ("X fueled
    reports that ...")."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child.left_edge.i, child.i + 1
    doc = noun.doc
    reach = min(noun.right_edge.i + 1, noun.i + 1 + _PARTICIPLE_REACH)
    for token in doc[noun.i + 1 : reach]:
        if token.dep_ == "acl":  # "reports (of the moves), fueled by X"
            agent = next((g for g in token.children if g.dep_ == "agent"), None)
            obj = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent else None
            if obj is not None:
                return subtree_range(obj)
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in ("by", "from", "in"):
            obj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if obj is not None and (child.lower_ != "in" or obj.ent_type_ == "ORG"):
                return subtree_range(obj)  # "a report in The Financial Times", not "in May"
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in SPREAD_VERBS:
        subject = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return subtree_range(subject)
    return None


def _adjective_frame(adj: Token) -> Frame | None:
    """ "X is confident that ...", "X is critical of ...": belief or evaluation after "be"."""
    if adj.lemma_.lower() not in STANCE_ADJECTIVES:
        return None
    content = next((c for c in adj.rights if c.dep_ == "ccomp"), None)
    cue_end = adj.i + 1
    if content is None:
        prep = next((c for c in adj.rights if c.dep_ == "prep" and c.i == adj.i + 1), None)
        content = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep else None
        cue_end = adj.i + 2
    subject = next((c for c in adj.head.children if c.dep_ == "nsubj"), None)
    if content is None or subject is None:
        return None
    be = adj.head
    cue_start = cue_range(be)[0] if be.i < adj.i else adj.i
    start, end = subtree_range(content)
    return Frame(
        cue=(cue_start, cue_end),
        head=adj,
        content=_chars(adj.doc, start, end),
        source=subtree_range(subject),
    )


def _marked_that(clause: Token) -> bool:
    """Does the clause open with a complementiser "that" (the parser may hang it on an aux)?"""
    first = clause.left_edge
    return first.lower_ == "that" and first.dep_ == "mark"


def _marked_if(clause: Token) -> bool:
    """Does the clause open with "if" or "whether", as an indirect question does?"""
    return clause.left_edge.lower_ in ("if", "whether") and clause.left_edge.dep_ == "mark"


def _to_infinitive(clause: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.lefts)


def _according_frame(prep: Token) -> Frame | None:
    """ "according to X, ...": X is the source, the clause around the phrase is the content."""
    to = next((c for c in prep.children if c.lower_ == "to"), None)
    source = (  # "according to show insiders": the parser may read "show" as a verb
        next((c for c in to.children if c.dep_ in ("pobj", "pcomp")), None) if to else None
    )
    if to is None or source is None:
        return None
    if prep.head.i == prep.i:  # parsed as the root: "According to X, the move reeks of ..."
        doc = prep.doc
        comma = next((t for t in doc[source.i + 1 : prep.sent.end] if t.text == ","), None)
        if comma is None or prep.i != prep.sent.start:
            return None
        content = _chars(doc, comma.i + 1, prep.sent.end)
        return Frame(cue=(prep.i, to.i + 1), head=prep, content=content, source=(to.i + 1, comma.i))
    head = prep.head
    while head.dep_ in _VOUCHED_CLAUSE_DEPS and head.head.i != head.i:
        head = head.head  # "X has surged and, according to Y, has pulled ahead": both halves
    content = _clause_without(head, subtree_range(prep))
    return Frame(cue=(prep.i, to.i + 1), head=prep, content=content, source=subtree_range(source))


def _finding_frame(prep: Token) -> Frame | None:
    """ "In a CBS News poll, she led by 24 points": the poll is the source of its clause."""
    source = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if source is None or source.lemma_.lower() not in FINDING_NOUNS or prep.head.i < prep.i:
        return None
    content = _clause_without(prep.head, subtree_range(prep))
    return Frame(cue=(prep.i, prep.i + 1), head=prep, content=content, source=subtree_range(source))


def _aside_range(verb: Token, speaker: Token | None) -> TokRange:
    """A cue verb standing aside in a clause: from its speaker or cue to its right edge; what
    the parse hangs on its left ("After the ruling, [Hebert said], ...") is the clause's."""
    starts = [cue_range(verb)[0]] + [c.i for c in verb.lefts if c.dep_ in _ASIDE_OPENERS]
    if speaker is not None:
        starts.append(speaker.left_edge.i)
    return min(starts), verb.right_edge.i + 1


def _clause_without(head: Token, part: TokRange) -> CharRange:
    """The clause of `head` less the interrupting `part`: before it, after it, or around it."""
    doc = head.doc
    start, end = subtree_range(head)
    while end > start and (_loose_mark(doc[end - 1]) or doc[end - 1].is_space):
        end -= 1  # the full stop after "..., officials say." is nobody's words
    p_start, p_end = part
    if p_end >= end:
        end = p_start
    elif p_start <= start:
        start = p_end
    return _chars(doc, start, end)


def _chars(doc: Doc, start: int, end: int) -> CharRange:
    """Character range of a token range, without edge punctuation other than quote marks."""
    while start < end and _loose_mark(doc[start]) and not doc[start].is_quote:
        start += 1
    while end > start and _loose_mark(doc[end - 1]) and not doc[end - 1].is_quote:
        end -= 1
    if start >= end:
        return (0, 0)
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])


def _loose_mark(token: Token) -> bool:
    """Punctuation at an edge, not a sign that belongs to a figure ("fell to 3.5%")."""
    return token.is_punct and token.text not in FIGURE_SIGNS
