"""How an attribution leans: asserts, denies, speculates or asks."""

from __future__ import annotations

import re

from spacy.tokens import Span as TokenSpan
from spacy.tokens import Token

from claimledger.extract.attribution.lexicon import (
    BELIEF_VERBS,
    CLAIM_NOUNS,
    DENY_PHRASALS,
    DENY_VERBS,
    DISMISSIVE_WORDS,
    DISPUTABLE_PRONOUNS,
    DISPUTED_NOUNS,
    EVIDENCE_NOUNS,
    EXPECTATION_VERBS,
    HEARSAY_VERBS,
    HEDGE_WORDS,
    INSISTING_VERBS,
    LABEL_VERBS,
    QUESTION_VERBS,
    REPORT_NOUNS,
    REPRESENTATIVE_NOUNS,
    REQUEST_NOUNS,
    SPECULATE_VERBS,
    SPECULATIVE_MODALS,
    TRUTHFUL_WORDS,
    UNSUPPORTING_VERBS,
    WARNING_VERBS,
    WRONGDOING_VERBS,
)
from claimledger.model import Stance

_WORDS = re.compile(r"[a-z]+")
# The end of the content's first sentence: "?" there makes the statement a question.
_NOT_GUILTY = re.compile(r"(?:not guilty|innocent)\b", re.I)  # "pleaded not guilty to fraud"
_FIRST_STOP = re.compile(r"[.?!](?=[”\"’')\s]|$)")
_MISLEMMATISED = {"rated": "rate"}  # the small pipeline's lemma of "rated" is "rat"
# A label that a claim is untrue: "calling the figure “simply not accurate”".
_NOT_TRUE = re.compile(rf"\b(?:not|never|hardly)\s+(?:[a-z]+\s+)?(?:{'|'.join(TRUTHFUL_WORDS)})\b")
_ASKING = frozenset(["whether", "if", "how", "what", "when", "why", "who", "where"])
# Whom one who speaks for another says something of: the one spoken for ("he", "my client").
_SPOKEN_FOR = frozenset({"he", "she", "it", "they", "client"})
# Verbs with which evidence is there, had, seen or found: none of it disputes a claim.
_EVIDENCE_VERBS = frozenset({"be", "have", "see", "find"})
_REQUEST_MARKS = frozenset({"that", "so"})  # "asked that he be held", "asked ... so they can"
_COMPLEMENT_DEPS = frozenset({"dobj", "xcomp", "ccomp", "attr", "acomp", "oprd"})
_NOBODY = frozenset({"nobody", "none", "nothing", "noone"})
_PAST_AUX = frozenset({"did", "had", "has", "have", "was", "were"})  # "did not", "had never"


def stance_of(cue: Token, content: TokenSpan | None, content_text: str) -> Stance:
    """Deny for denial verbs (not of a request), a dismissive label or a claim called false;
    question (not a request to do something), then speculate (a hedging verb, or "may"/"might"
    heading what was said, unless the cue warns or threatens); else assert."""
    lemma = _MISLEMMATISED.get(cue.lower_, cue.lemma_.lower())
    lowered = content_text.lower()
    words = set(_WORDS.findall(lowered))
    particles = {f"{lemma} {c.lower_}" for c in cue.children if c.dep_ in ("prt", "advmod")}
    root = _head_word(content) if content is not None else None
    sentences = _sentences(content) if content is not None else []
    heads = [w for p in sentences for w in _said_in(_head_word(p), cue)]
    if _unsaid(cue) or _disbelieved(cue, BELIEF_VERBS):
        return "deny"
    if not _negated(cue) and (  # "had never told the board the figures were false": unsaid
        (lemma in DENY_VERBS and not (root is not None and _refusal(cue, root)))
        or (lemma in LABEL_VERBS and (words & DISMISSIVE_WORDS or _NOT_TRUE.search(lowered)))
        or (root is not None and particles & DENY_PHRASALS and _a_claim(root))
        or any(_disputes(h) or _denies_wrongdoing(h) for h in heads)
        or (lemma == "plead" and _NOT_GUILTY.match(content_text) is not None)
        or (lemma in INSISTING_VERBS and root is not None and _negated(root))
        or (root is not None and _denied_for(cue, root))
    ):
        return "deny"
    stop = _FIRST_STOP.search(content_text)
    if (lemma in QUESTION_VERBS and not _request(cue)) or (
        stop is not None and stop.group() == "?"
    ):
        return "question"
    if lemma in SPECULATE_VERBS or _hearsay(cue) or _disbelieved(cue, EXPECTATION_VERBS):
        return "speculate"  # "no longer expects to finish by March": a forecast, no denial
    if lemma not in WARNING_VERBS and root is not None and (_modal_hedge(root) or _hedged(root)):
        return "speculate"  # a warning or threat of what might happen asserts the warning
    return "assert"


def rebuts(said: TokenSpan, earlier: TokenSpan) -> bool:
    """Does what was said flatly deny what another said just before, that very thing not
    having happened: "voters were turned away" answered by "Nobody was turned away" or "they
    were not turned away" (not "wages did not rise" after "prices rose": another subject)?"""
    head, before = _head_word(said), _head_word(earlier)
    if head.pos_ != "VERB" or head.lemma_ != before.lemma_ or _negated(before):
        return False
    if _particles(head) != _particles(before) or _complements(head) != _complements(before):
        return False  # "turned away" is not "turned down"; "want schools" not "want to bus"
    subject, earlier_subject = _subject(head), _subject(before)
    if subject is None or earlier_subject is None or _nobody(earlier_subject):
        return False
    if _nobody(subject):
        return True
    same = subject.lemma_.lower() == earlier_subject.lemma_.lower() or subject.pos_ == "PRON"
    return same and _negated(head)


def _particles(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ == "prt"}


def _complements(verb: Token) -> set[tuple[str, str]]:
    return {(c.dep_, c.lemma_.lower()) for c in verb.children if c.dep_ in _COMPLEMENT_DEPS}


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _nobody(subject: Token) -> bool:
    """ "nobody", "none", "no one", "no voter": a subject that says it happened to no one."""
    return subject.lower_ in _NOBODY or any(
        c.dep_ == "det" and c.lower_ == "no" for c in subject.children
    )


def _negated(word: Token) -> bool:
    """Does the word carry its own negation ("did not steal", "had never told")?"""
    return any(c.dep_ == "neg" for c in word.children)


def _denied_for(cue: Token, root: Token) -> bool:
    """ "His lawyers said he never saw the data", "a spokesman said it did not store card
    numbers": one who speaks for another, saying that one never did a thing, denies it (a
    speaker saying so of themself may only tell of their life: "had never seen such a crowd")."""
    speaker = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    subject = _subject(root)
    if speaker is None or speaker.lemma_.lower() not in REPRESENTATIVE_NOUNS:
        return False
    if subject is None or subject.lower_ not in _SPOKEN_FOR:
        return False
    if any(c.dep_ in ("ccomp", "xcomp") and c.left_edge.lower_ in _ASKING for c in root.children):
        return False  # "he did not know when it would reopen": no answer, no denial
    aux = {c.lower_ for c in root.children if c.dep_ in ("aux", "auxpass")}
    if aux - _PAST_AUX:
        return False  # "he would never resign": a vow, not a denial
    past = root.tag_ in ("VBD", "VBN")  # "never comments on rumours": a habit, not a denial
    return any(
        c.dep_ == "neg" and ((c.lower_ == "never" and past) or "did" in aux) for c in root.children
    )


def _disbelieved(cue: Token, verbs: frozenset[str]) -> bool:
    """ "does not think so", "no longer expects to finish": a belief or expectation the speaker
    holds no longer, or not now ("did not expect" tells of a past surprise)."""
    if cue.lemma_.lower() not in verbs:
        return False
    if any(c.dep_ == "advmod" and c.lower_ == "longer" and _negated(c) for c in cue.children):
        return True
    aux = {c.lower_ for c in cue.children if c.dep_ == "aux"}
    present = cue.tag_ in ("VBZ", "VBP") or bool(aux & {"do", "does"})
    return present and _negated(cue)


def _denies_wrongdoing(head: Token) -> bool:
    """ "Lee did not steal a dime", "we never misled anyone": saying a wrong was not done
    denies the accusation of it."""
    return head.lemma_.lower() in WRONGDOING_VERBS and _negated(head)


def _sentences(content: TokenSpan) -> list[TokenSpan]:
    """The content cut at sentence starts: a quote of several sentences may deny in any."""
    cuts = [t.i for t in content[1:] if t.is_sent_start]
    edges = [content.start, *cuts, content.end]
    return [content.doc[a:b] for a, b in zip(edges, edges[1:], strict=False) if a < b]


def _said_in(head: Token, cue: Token) -> list[Token]:
    """A sentence's head, or, where the cue heads it (a quote its cue splits: '“A,” she said.
    “B.”'), the clauses the cue says there."""
    return [c for c in cue.children if c.dep_ == "ccomp"] if head.i == cue.i else [head]


def _head_word(content: TokenSpan) -> Token:
    """The content's head, not a closing mark the parser hung outside it (`Span.root` may
    pick the full stop of '... was “absolutely untrue.”')."""
    return next(
        (
            t
            for t in content
            if not t.is_punct and not (content.start <= t.head.i < content.end and t.head.i != t.i)
        ),
        content.root,
    )


def _disputes(head: Token) -> bool:
    """Does what was said call a claim false, or say the evidence does not bear it out ("our
    review does not support that figure", "There is no evidence that ...")?"""
    return _called_false(head) or _unsupported(head) or _no_evidence(head) or _unsaid(head)


def _unsupported(head: Token) -> bool:
    """ "does not support that figure"; "the figure was not supported by any data"."""
    if head.lemma_ not in UNSUPPORTING_VERBS or not any(c.dep_ == "neg" for c in head.children):
        return False
    return any(c.dep_ in ("dobj", "nsubjpass") and _a_claim(c) for c in head.children)


def _no_evidence(head: Token) -> bool:
    """ "There is no evidence that ...", "zero evidence for", "The claim has no basis", "we
    found no proof", "we have not seen any evidence that ...": none had, seen or found."""
    if head.lemma_ not in _EVIDENCE_VERBS:
        return False
    held_not = head.lemma_ != "be" and _negated(head)  # "is not evidence of" calls it weak
    return any(
        c.dep_ in ("attr", "dobj")
        and c.lemma_.lower() in EVIDENCE_NOUNS
        and (held_not or any(g.lower_ in ("no", "zero") for g in c.children))
        for c in head.children
    )


def _unsaid(cue: Token) -> bool:
    """ "I never said all of them were caused by it": saying one did not say it disowns it."""
    if cue.lemma_.lower() not in ("say", "claim") or cue.tag_ not in ("VB", "VBD", "VBN"):
        return False  # "isn't saying", "wouldn't say": declining to say, not disowning
    aux = {c.lower_ for c in cue.children if c.dep_ == "aux"}
    if aux - {"did", "do", "does", "has", "have", "had"}:
        return False  # "she'd never say ...": a guess at what someone would say
    if any(c.left_edge.lower_ in _ASKING for c in cue.children if c.dep_ in ("ccomp", "advcl")):
        return False  # "did not say whether he would resign": no answer, no denial
    return any(
        c.dep_ == "neg" and (c.lower_ == "never" or aux & {"did", "do", "does"})
        for c in cue.children
    )


def _called_false(head: Token) -> bool:
    """Does what was said call a claim false: "the claims were completely untrue", "it was
    inaccurate", "the figure is not accurate"?"""
    if _made_up(head):
        subject = _subject(head)
        return subject is not None and (_a_claim(subject) or subject.lower_ in DISPUTABLE_PRONOUNS)
    if head.lemma_ != "be" or any(c.dep_ in ("aux", "xcomp", "ccomp") for c in head.children):
        return False  # "how absurd that would be", "it was wrong [to blame them]"
    subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
    if subject is None or not (_a_claim(subject) or subject.lower_ in DISPUTABLE_PRONOUNS):
        return False
    said = [c for c in head.children if c.dep_ in ("acomp", "attr")]
    negated = any(c.dep_ == "neg" for c in head.children)
    return any(  # the predicate's own words: "completely untrue", "fake news", "not accurate"
        t.lower_ in DISMISSIVE_WORDS or (negated and t.lower_ in TRUTHFUL_WORDS) or _made_up(t)
        for c in said
        for t in (c, *(g for g in c.children if g.dep_ in ("amod", "compound", "advmod")))
    )


def _made_up(word: Token) -> bool:
    """ "It is simply made up", "the figure is made up"."""
    return word.lower_ == "made" and any(c.lower_ == "up" for c in word.children)


def _a_claim(noun: Token) -> bool:
    """A claim, report or figure someone may deny."""
    lemma = noun.lemma_.lower()
    return lemma in CLAIM_NOUNS or lemma in REPORT_NOUNS or lemma in DISPUTED_NOUNS


def _refusal(cue: Token, root: Token) -> bool:
    """Is what was rejected a request or things, not a claim: "rejected a request to ...",
    "rejected 4,700 ballots" (things counted), "the rest were rejected" (the writer tells of
    a refusal by no one named)? Not a verb: "denied that it had offered ..." denies
    the offer was made."""
    if root.pos_ not in ("NOUN", "PROPN", "NUM"):
        return False
    if root.lemma_.lower() in REQUEST_NOUNS:
        return True
    counted = root.pos_ == "NUM" or any(c.dep_ == "nummod" for c in root.children)
    unnamed = any(c.dep_ == "auxpass" for c in cue.children) and not any(
        c.dep_ == "agent" for c in cue.children
    )
    return (counted or unnamed) and not _a_claim(root)


def _hearsay(cue: Token) -> bool:
    """ "X is thought to be ...", "is understood to ...", "is said to ...": a belief nobody
    owns is a guess, whoever reports it; so are the words "X is expected to tell" someone."""
    if cue.dep_ == "xcomp" and cue.head.i != cue.i and _hearsay(cue.head):
        return True
    return (
        cue.lemma_.lower() in HEARSAY_VERBS
        and any(c.dep_ == "auxpass" for c in cue.children)
        and not any(c.dep_ in ("agent", "neg") for c in cue.children)
    )


def _request(cue: Token) -> bool:
    """Is the cue asking someone to do something ("asked the candidates to discuss ..."), that
    something be done ("asked that he be detained") or for something ("asking for a full
    account")? An indirect question opens with "if", "whether" or a wh-word instead."""
    return any(
        (
            c.dep_ in ("xcomp", "ccomp")
            and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
        )
        or (c.dep_ == "ccomp" and c.i > cue.i and c.left_edge.lower_ in _REQUEST_MARKS)
        or (c.dep_ == "prep" and c.lower_ == "for")
        for c in cue.children
    )


def _modal_hedge(root: Token) -> bool:
    """The content's main clause carries "may", "might" or an unnegated "could" ("the deal
    could collapse"; "could not attend" says what did not happen, "could only" a limit)."""
    hedges = SPECULATIVE_MODALS
    if not _negated(root) and not _limited(root):
        hedges = hedges | {"could"}
    return any(c.dep_ == "aux" and c.lower_ in hedges for c in root.children)


def _limited(root: Token) -> bool:
    """ "she could only speak to her own analysis": "only" makes "could" a limit of what
    someone can do, not a guess at what may happen."""
    return any(c.dep_ == "advmod" and c.lower_ == "only" for c in root.children)


def _hedged(root: Token) -> bool:
    """The content's main clause is hedged by a word of likelihood: "the hit was likely to be
    modest", "prices will probably rise"; not by one set off after it ("had sent 1,500 troops,
    likely for combat" asserts the sending)."""
    return any(
        c.dep_ in ("acomp", "advmod") and c.lower_ in HEDGE_WORDS and not c.nbor(-1).is_punct
        for c in root.children
    )
