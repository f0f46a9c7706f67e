"""Describe a figure from the parse: what it counts, what it is about, its rise or fall, status."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from claimledger.extract.numbers.figures import Found
from claimledger.extract.numbers.lexicon import (
    CASUALTY_WORDS,
    COMPARED_INCREMENTS,
    DOWN_WORDS,
    FUTURE_MODALS,
    GIVING_WORDS,
    GLUED_ONLY,
    INCREMENT_WORDS,
    LOSS_WORDS,
    MONTHS,
    PAST_WORDS,
    PLEDGE_WORDS,
    POSSIBLE_BOUNDS,
    RATE_NOUNS,
    REPORTING_VERBS,
    SHARE_UNITS,
    TARGET_WORDS,
    TOTAL_WORDS,
    UNITS,
    UP_WORDS,
    WEEKDAYS,
    WHEN_OPENERS,
    WHEN_WORDS,
)

_NOUNISH = {"NOUN", "PROPN"}
# Nouns a figure is the level of without naming what it counts: "the number of X", "the figure".
_NUMBER_NOUNS = {"number", "total", "count", "tally", "figure", "estimate", "toll", "tot"}
_MODIFIER_POS = {"ADJ", "NOUN", "PROPN", "VERB"}
# Adverbs of degree and participles inside a noun phrase: "least developed", "most affected".
_GRADED_MODIFIERS = {"RBS", "RBR", "VBN", "VBG"}
_CONTENT_POS = {"NOUN", "PROPN", "ADJ"}
_SUBJECTS = {"nsubj", "nsubjpass"}
# Entity types of other amounts, never a concept word ("$US17,246,208 ($A25,474,373)").
_AMOUNT_ENTS = {"MONEY", "PERCENT", "QUANTITY"}
# Entity types of names, kept as concept words whatever part of speech the tagger gave them.
_NAME_ENTS = {"PERSON", "ORG", "GPE", "NORP"}
_PER_WORDS = {"a", "an", "per", "each", "every"}
# Prepositions opening a sentence with the whole its figures are parts of ("Of the dead, 41 ...").
_PARTITIVE_OPENERS = {"of", "among"}
# "a year earlier" dates a figure, it does not make it a rate.
_BEFORE_NOW = {"ago", "earlier", "later", "before", "after", "previously", "since"}
# Pronouns resolved to the nearest person named before them in the sentence.
_PERSONAL = {"he", "she"}
_THIRD_PERSON = {"it", "they", "he", "she"}
# How a figure's phrase hangs from its verb as an adverbial frame ("In the last three months").
_FRAME_PATH = {"pobj", "prep", "npadvmod", "advmod", "nummod"}
_FRAME_DEPS = {"prep", "npadvmod", "advmod"}
# A verb hanging from a noun: relative clause, participle after or before it.
_NOUN_CLAUSES = {"relcl", "acl", "amod"}
_CHANGE_DEPS = {"dobj", "npadvmod", "advmod", "nummod", "quantmod", "attr", "oprd", "nsubj"}


def anchor(f: Found) -> Token:
    """The figure's token whose head lies outside it: where the figure attaches to the parse."""
    tokens = list(f.doc[f.first:f.end])
    inside = {t.i for t in tokens}
    for t in tokens:
        if t.head.i not in inside or t.head == t:
            return t
    return tokens[-1]


def counted_tokens(f: Found, sent: SpacySpan) -> list[Token]:
    """The noun phrase the figure counts ("North Korean troops"), when it is written next to it."""
    doc = f.doc
    if f.multiplier:
        return _chunk_of(doc[f.end + 1]) if _follows_the(f) else []
    if f.currency or f.unit:
        return []
    last = doc[f.last]
    head = None
    if f.end < sent.end and doc[f.end].lower_ == "of":
        return _of_phrase(doc[f.end])
    if _dated_after(f, sent):
        head = None
    elif last.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "det", "npadvmod") and \
            last.head.pos_ in _NOUNISH and last.head.i >= f.end:
        head = last.head
    elif f.end < sent.end and _in_noun_phrase(doc[f.end]) and not (
            doc[f.end].ent_type_ == "DATE" and last.ent_type_ != "DATE"):  # "211,000 last week"
        j = f.end
        while j + 1 < sent.end and (_in_noun_phrase(doc[j + 1]) or doc[j + 1].text == "-"):
            j += 1
        head = doc[j] if doc[j].pos_ in _NOUNISH else None
    if head is None:
        return _number_of(f) or _whole_before(f, sent)
    before = [c for c in head.lefts if c.i < f.first and c.dep_ in ("amod", "compound")
              and c.i >= f.first - 2 and c.pos_ in _MODIFIER_POS]
    if any(t.like_num and doc[t.i - 1].is_punct for t in doc[f.end + 1:head.i]):
        return []  # "four in 10 — 38 percent": the noun belongs to the figure after the dash
    after = [t for t in doc[f.end:head.i + 1] if not t.is_punct or t.text == "-"]
    while after and (after[0].text == "-" or after[0].lower_ in INCREMENT_WORDS):
        after = after[1:]  # "five-year": the hyphen joins figure and noun; "three more bodies"
    return before + after


def _in_noun_phrase(tok: Token) -> bool:
    """A noun or a modifier of a noun after it, a graded one included: "46 least developed
    countries" counts the least developed, not all developed ones."""
    return tok.pos_ in _NOUNISH | {"ADJ"} or (
        tok.tag_ in _GRADED_MODIFIERS and tok.head.i > tok.i and tok.head.i - tok.i <= 2)


def _dated_after(f: Found, sent: SpacySpan) -> bool:
    """Does a time phrase follow the figure ("up from 41 yesterday", "79 last night")? It dates
    the figure, it is not what the figure counts."""
    doc = f.doc
    if f.end >= sent.end:
        return False
    nxt = doc[f.end]
    if nxt.lower_ in WHEN_WORDS:
        return True
    return nxt.lower_ in WHEN_OPENERS and f.end + 1 < sent.end and (
        doc[f.end + 1].lemma_.lower() in RATE_NOUNS | WEEKDAYS | MONTHS)


def _verb_above(f: Found) -> Token:
    """The nearest verb above the figure, else the root of its sentence."""
    node = anchor(f)
    while node.head != node and node.pos_ not in ("VERB", "AUX"):
        node = node.head
    return node


def clause_subject(f: Found) -> Token | None:
    """The subject of the nearest verb above the figure: "The number of homes destroyed" in
    "The number of homes destroyed rose to 240"; for a reporting verb, the number it puts a
    figure on ("put the number of dead at 40")."""
    node = _verb_above(f)
    if node.lemma_.lower() in REPORTING_VERBS:
        objects = [c for c in node.children if c.dep_ == "dobj" and not f.first <= c.i < f.end]
        if not objects:
            return None  # "Police said about 40,000": who gave the figure, not what it counts
        if objects[0].lemma_.lower() in _NUMBER_NOUNS:
            return objects[0]
    return next((c for c in node.children if c.dep_ in _SUBJECTS), None)


def _number_of(f: Found) -> list[Token]:
    """ "The number of firefighters ... fell to about 1,900": a bare figure counts what the
    clause's subject says it is the number of."""
    subject = clause_subject(f)
    if subject is None or subject.lemma_.lower() not in _NUMBER_NOUNS:
        return []
    of = next((c for c in subject.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    return _of_phrase(of) if of is not None else []


def _whole_before(f: Found, sent: SpacySpan) -> list[Token]:
    """ "Of the reported deaths, 41 were in the north": a bare figure after an opening partitive
    counts the whole it is a part of, not what an earlier sentence counted."""
    opener = sent[0]
    if opener.lower_ not in _PARTITIVE_OPENERS or opener.dep_ != "prep":
        return []
    comma = next((t.i for t in sent if t.text == ","), None)
    return _of_phrase(opener) if comma is not None and comma < f.first else []


def whole_of(f: Found) -> Token | None:
    """ "3,562 cases, of which 790 were confirmed": the word a part's "of which" clause hangs
    from, whose whole the part is a share of."""
    node = _verb_above(f)
    if node.dep_ != "relcl" or not any(
            c.dep_ == "prep" and c.lower_ == "of" and any(
                o.tag_ in ("WDT", "WP") for o in c.children) for c in node.children):
        return None
    return node.head


def names_its_own_subject(f: Found) -> bool:
    """Is a bare figure the amount of a subject noun of its own ("The population grew by
    100,000"), so it cannot count what an earlier figure counted?"""
    subject = clause_subject(f)
    return (
        subject is not None
        and subject.pos_ in _NOUNISH
        and subject.lemma_.lower() not in _NUMBER_NOUNS
        and not f.first <= subject.i < f.end  # the figure itself: "2,000 were hurt"
    )


def _follows_the(f: Found) -> bool:
    return f.end < len(f.doc) and f.doc[f.end].lower_ in ("the", "that")


def _of_phrase(of: Token) -> list[Token]:
    """ "of the troops" -> "troops"; the pobj with its modifiers."""
    objs = [c for c in of.children if c.dep_ == "pobj"]
    return _chunk_of(objs[0]) if objs else []


def _chunk_of(tok: Token) -> list[Token]:
    """The modifiers and head of the noun phrase headed at or above `tok`, minus determiners."""
    head = tok
    while head.pos_ not in _NOUNISH and head.head != head and head.head.i > head.i:
        head = head.head
    if head.pos_ not in _NOUNISH:
        return []
    lefts = [c for c in head.lefts if c.dep_ in ("amod", "compound", "nmod", "poss")
             and c.pos_ in _MODIFIER_POS]
    start = min([c.i for c in lefts] + [head.i])
    return [t for t in head.doc[start:head.i + 1] if not t.is_punct or t.text == "-"]


# How a figure hangs from the verb whose subject or object it measures ("rose to 7.4%").
_LEVEL_PATH = {"pobj", "prep", "dobj", "npadvmod", "advmod", "attr", "acomp", "quantmod"}
# How a participle with no subject of its own hangs from the clause whose subject it shares:
# "fell 6% before closing down 4.2%", "fell, closing down 4.2%".
_PARTICIPLE_DEPS = {"advcl", "pcomp"}


def share_of(f: Found) -> list[Token]:
    """What a percentage or points figure is the level or change of, when the unit names
    nothing: the noun it modifies ("a 2 percent target", "a 50 basis point increase"), else the
    object of the verb it hangs from ("raised its benchmark rate by 50 basis points"), else that
    verb's subject, or the object of the verb that governs it ("expects inflation to fall to
    4%"), when a common noun ("Inflation rose to 7.4%", "The deficit was 5.8 percent")."""
    if f.unit not in SHARE_UNITS:
        return []
    a = anchor(f)
    if a.dep_ in ("nummod", "compound", "amod", "quantmod", "nmod") and a.head.pos_ == "NOUN" \
            and a.head.i >= f.end:
        return [t for t in _chunk_of(a.head) if t.i >= f.end]  # "a 2 percent [target]"
    node = a
    while node.dep_ in _LEVEL_PATH and node.head.pos_ not in ("VERB", "AUX") and node.head != node:
        node = node.head
        if node.pos_ == "NOUN" and not node.ent_type_:
            return _chunk_of(node)  # "economic growth of 2 percent", "a deficit of 3 percent"
    verb = node.head
    if node.dep_ not in _LEVEL_PATH or verb.pos_ not in ("VERB", "AUX"):
        return []
    # a verb with no subject of its own takes its governor's: "was [5% contained]", "grew
    # and was 12% contained", "fell before closing down 4.2%" (not the object of "averaged 7.3
    # points while shooting 47%"); "expects inflation to fall" only the object
    above = _clause_above(verb)
    participle = verb.dep_ in _PARTICIPLE_DEPS and not any(
        c.dep_ in _SUBJECTS for c in verb.children)
    shares_subject = verb.dep_ in ("acomp", "conj") or participle
    for governor in (verb, above if verb.dep_ in ("xcomp", "ccomp") or shares_subject else None):
        if governor is None:
            continue
        objects = [] if participle and governor is above else [
            c for c in governor.children if c.dep_ == "dobj" and c.i != node.i
            and not f.first <= c.i < f.end]
        subjects = [c for c in governor.children if c.dep_ in _SUBJECTS]
        picked = objects or (subjects if governor is verb or shares_subject else [])
        if picked and picked[0].pos_ == "NOUN" and not picked[0].ent_type_:
            return _chunk_of(picked[0])
    return []


def _clause_above(verb: Token) -> Token:
    """The word a verb's clause hangs from, past the preposition of "before closing"."""
    head = verb.head
    return head.head if verb.dep_ == "pcomp" and head.pos_ == "ADP" else head


def rate_of(f: Found, after: int, sent: SpacySpan) -> tuple[str, int] | None:
    """What the figure is per and where that ends: a time ("a month", "per day") or, for an
    amount, a unit or noun ("$2.11 per gallon", "$1,271 an ounce", "63 cents per share")."""
    doc = f.doc
    if after + 1 >= sent.end or doc[after].lower_ not in _PER_WORDS:
        return None
    nxt = doc[after + 1]
    if nxt.lemma_.lower() in RATE_NOUNS:
        later = doc[after + 2].lower_ if after + 2 < sent.end else ""
        return None if later in _BEFORE_NOW else (nxt.lemma_.lower(), after + 2)
    if not (f.currency or f.unit):
        return None
    for width in (3, 2, 1):
        toks = doc[after + 1:min(after + 1 + width, sent.end)]
        unit = UNITS.get(toks.text.lower().rstrip(".")) if len(toks) == width else None
        if unit and (width > 1 or toks.text.lower() not in GLUED_ONLY):
            return unit, after + 1 + width
    if doc[after].lower_ == "per" and nxt.pos_ == "NOUN":
        return nxt.lemma_.lower(), after + 2
    return None


def change_of(f: Found, sent: SpacySpan) -> str | None:
    """ "up"/"down" for the amount of a rise or fall ("rose 5%", "down 1%") or an increment
    ("three more bodies"), "~" for a figure averaged ("averaged 7.3 points")."""
    doc = f.doc
    if f.end < sent.end and doc[f.end].lower_ in INCREMENT_WORDS:
        return INCREMENT_WORDS[doc[f.end].lower_]
    if f.end + 1 < sent.end and doc[f.end].lower_ in COMPARED_INCREMENTS and (
            doc[f.end + 1].lower_ == "than"):
        return COMPARED_INCREMENTS[doc[f.end].lower_]
    start = f.first
    if f.hedge_start is not None:
        while start > sent.start and doc[start - 1].idx >= f.hedge_start:
            start -= 1
    if start > sent.start:
        prev = doc[start - 1]
        if prev.lower_ in ("up", "down") and not _particle(prev, f):
            return prev.lower_
    a = anchor(f)
    head = a.head
    counter = head.head if a.dep_ == "nummod" and head.dep_ == "dobj" else head
    if counter.lemma_.lower() == "average" and counter.pos_ == "VERB":
        return "~"  # "has averaged 7.3 points", "averaging 15.9 degrees"
    if a.dep_ == "pobj" and head.lower_ == "by":
        head = head.head
    elif a.dep_ == "nummod" and head.dep_ == "npadvmod" and head.i > a.i and (
            head.lemma_.lower() not in RATE_NOUNS):
        head = head.head  # "rose 161.36 points", not "one month in, it fell behind"
    elif a.dep_ not in _CHANGE_DEPS or head.i > a.i and a.dep_ == "nsubj":
        return None
    lemma = head.lemma_.lower()
    if lemma in UP_WORDS and head.pos_ in ("VERB", "ADV", "ADJ"):
        return "up"
    if lemma in DOWN_WORDS and head.pos_ in ("VERB", "ADV", "ADJ"):
        return "down"
    return None


def moves_between(f: Found) -> bool:
    """Is a range opened by "from" the start and end of a move ("fell from 6,808 to 2,960",
    "from 20 mpg in 2008 to 29 mpg in 2020": a verb of rise or fall, or a time of the start's
    own) rather than a span of values ("prices range from $2 to $3")?"""
    if f.parts is None:
        return False
    start, end = f.parts
    doc = f.doc
    if any(t.ent_type_ in ("DATE", "TIME") for t in doc[start.end:end.first]):
        return True
    opener = next(t for t in reversed(doc[:start.first]) if t.lower_ == "from")
    verb = opener.head
    return verb.pos_ == "VERB" and verb.lemma_.lower() in UP_WORDS | DOWN_WORDS


def possible_bound(f: Found) -> str | None:
    """ "<" for "as many as 8 million records could be involved": a size stressed in a clause of
    what may be is its ceiling ("as few as" its floor); what did happen ("As many as 300 were on
    board") is that figure."""
    bound = POSSIBLE_BOUNDS.get((f.hedge or "").lower())
    if bound is None:
        return None
    node = _verb_above(f)
    return bound if any(c.tag_ == "MD" for c in node.children) else None


def _particle(word: Token, f: Found) -> bool:
    """Is "up" or "down" the particle of a verb acting on what the figure counts ("picking up four
    seats", "shot down 38 drones", "shot down 38 of 45"), not the direction of a move ("closed
    down 120 points")?"""
    if word.dep_ == "prt" or (f.end < len(f.doc) and f.doc[f.end].lower_ == "of"):
        return True
    a = anchor(f)
    obj = a if a.dep_ == "dobj" else a.head if a.dep_ in ("nummod", "quantmod", "compound") else None
    return obj is not None and obj.dep_ == "dobj" and obj.head == word.head and (
        word.head.pos_ == "VERB")


def clause_verbs(tok: Token) -> list[Token]:
    """The verbs above a token up to the root, with their coordinated verbs; a coordinated verb
    with an object of its own is another act ("killed 87 people and sickened 2,400")."""
    verbs: list[Token] = []
    node, child = tok, None
    while True:
        if node.pos_ in ("VERB", "AUX") and not (child is not None and child.dep_ == "conj"
                                                 and _has_object(node)):
            verbs.append(node)
            verbs.extend(c for c in node.children if c.dep_ == "conj" and c.pos_ == "VERB"
                         and not _has_object(c))
        if node.head == node:
            return verbs
        node, child = node.head, node


def _has_object(verb: Token) -> bool:
    """Does the verb take a direct object of its own?"""
    return any(c.dep_ == "dobj" for c in verb.children)


def status_of(f: Found, counted: list[Token], is_rate: bool) -> str:
    """pledge, target, rate, casualties, past, total or estimate, from the words around; a pledge
    or target outranks its rate ("pledged $300 billion a year" is a pledge)."""
    doc = f.doc
    a = anchor(f)
    verbs = clause_verbs(a) + _relative_verbs(counted)
    lemmas = {v.lemma_.lower() for v in verbs}
    following = list(doc[f.end:f.end + 3])  # "over 600,000 killed or wounded"
    near = {t.lemma_.lower() for t in counted + following} | {t.lower_ for t in counted}
    actor = _acted_by(a)  # "Three donors pledged", "52% agreed": who pledges, not a pledge
    aim = _aim_of([v for v in verbs if v != actor],
                  near - _verb_lemmas(actor) if actor is not None else near, a)
    if is_rate:
        return aim or "rate"
    cues = (lemmas | near) & CASUALTY_WORDS
    if cues and not (cues <= LOSS_WORDS and _lost_no_lives(f, verbs, counted)):
        return "casualties"
    if aim is not None:
        return aim
    if near & PAST_WORDS or any(_given(v) for v in verbs):
        return "past"
    before = {t.lower_ for t in doc[max(0, f.first - 3):f.first]}
    after = {t.lower_ for t in doc[f.end:f.end + 2]}
    if before & TOTAL_WORDS or "total" in after:
        return "total"
    return "estimate"


def _acted_by(a: Token) -> Token | None:
    """The verb whose active subject the figure is, or counts ("Three donors pledged $5
    million", "About 52% of voters agreed", "Two firms plan to build"): what it says of its
    subject is no pledge or aim of the figure."""
    node = a.head if a.dep_ in ("nummod", "quantmod") and a.head.pos_ in _NOUNISH else a
    return node.head if node.dep_ == "nsubj" and node.head.pos_ == "VERB" else None


def _lost_no_lives(f: Found, verbs: list[Token], counted: list[Token]) -> bool:
    """Is a loss one of money ("investors lost $5 million", "a loss of $2 million"), a share
    ("the stock has lost 12%") or something other than those counted ("1,100 employees lost
    their jobs"), so no toll?"""
    if f.currency or f.unit in SHARE_UNITS:
        return True
    return any(c.dep_ == "dobj" and c not in counted and not f.first <= c.i < f.end
               for v in verbs if v.lemma_.lower() == "lose" for c in v.children)


def _aim_of(verbs: list[Token], near: set[str], a: Token) -> str | None:
    """ "pledge" for a promise or a giving yet to come ("pledged to provide", "will donate", "a
    promise to hire"), "target" for an aim ("aims to cut it to 3%", "the bank's 2 percent
    target", "hope to secure", "a plan to build") or a commitment with a deadline ("will cut
    emissions by 70% by 2035")."""
    lemmas = {w for v in verbs for w in _verb_lemmas(v)}
    named = _of_noun(a) | _intending_nouns(verbs)
    if (lemmas | named) & PLEDGE_WORDS or any(v.lemma_.lower() in GIVING_WORDS and not _given(v)
                                    for v in verbs):
        return "pledge"
    aims = {w for v in verbs if v.lemma_.lower() != "seek" or any(
        c.dep_ == "xcomp" for c in v.children)  # "seeks to raise", not "sought treatment"
        for w in _verb_lemmas(v)}
    if (aims | named | (near - {"seek"})) & TARGET_WORDS or any(_deadline(v, a) for v in verbs):
        return "target"
    return None


def _intending_nouns(verbs: list[Token]) -> set[str]:
    """The lemmas of the nouns a to-infinitive above the figure hangs from: "ran on a promise to
    cut the tax by 8%", "a plan to hire 500 officers" are a pledge and a target."""
    return {v.head.lemma_.lower() for v in verbs
            if v.dep_ == "acl" and _infinitive(v) and v.head.pos_ in _NOUNISH}


def _verb_lemmas(verb: Token) -> set[str]:
    """The verb's lemma, and for a third-person form its written form less the "s", which the
    lemmatiser sometimes cuts too short ("hopes" -> "hop")."""
    lemmas = {verb.lemma_.lower()}
    if verb.tag_ == "VBZ" and verb.lower_.endswith("es"):
        lemmas.add(verb.lower_[:-1])
    return lemmas


def _relative_verbs(counted: list[Token]) -> list[Token]:
    """The verbs of a relative clause on what the figure counts, with the verbs they govern:
    "the 1.2 million people the ministry hopes to reach" are the ministry's aim."""
    if not counted:
        return []
    clauses = [c for c in counted[-1].children if c.dep_ == "relcl"]
    return clauses + [x for c in clauses for x in c.children if x.dep_ == "xcomp"]


def _of_noun(a: Token) -> set[str]:
    """The lemma of the noun whose "of" phrase holds the figure: "pledges of $4 million", "a
    goal of 1.2 million" are a pledge and a target whatever verb they hang from."""
    node = a.head if a.dep_ == "nummod" and a.head.pos_ in _NOUNISH else a  # "of 2,000 homes"
    of = node.head
    if node.dep_ == "pobj" and of.lower_ == "of" and of.head.pos_ == "NOUN":
        return {of.head.lemma_.lower()}
    return set()


def _given(verb: Token) -> bool:
    """Is a verb of giving done ("provided", "has donated", "was disbursed"), not yet to come?"""
    if verb.lemma_.lower() not in GIVING_WORDS:
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.tag_ in ("MD", "TO") for c in auxes):
        return False
    return verb.tag_ == "VBD" or verb.tag_ == "VBN" and any(
        c.lemma_.lower() == "have" or c.tag_ == "VBD" for c in auxes)


def _deadline(verb: Token, a: Token) -> bool:
    """ "will cut its emissions by 70% by 2035": an act on an object other than the figure, under a
    modal of commitment, with a date to meet; not a forecast ("will reach 10 billion by 2050")
    nor a state ("will be 35 by the end of the year")."""
    if verb.pos_ != "VERB" or not any(c.dep_ == "aux" and c.lower_ in FUTURE_MODALS
                                      for c in verb.children):
        return False
    if not any(c.dep_ == "dobj" and c not in (a, a.head) for c in verb.children):
        return False
    return any(c.dep_ == "prep" and c.lower_ == "by" and any(
        o.dep_ == "pobj" and o.ent_type_ == "DATE" for o in c.children) for c in verb.children)


def concept_words(f: Found, counted: list[Token], sent: SpacySpan, text: str) -> list[str]:
    """The words naming what the figure is about: the noun it modifies or whose prepositional
    phrase holds it, its "of" phrase, the object of the verb an adverbial figure hangs from and
    the clause subject, else the nearest noun phrase before it; whitespace-delimited as written."""
    a = anchor(f)
    if _is_one_of(f):
        return []  # "one of the best speakers" picks a member of the set it names
    skip = {t.i for t in counted} | set(range(f.first, f.end))
    words: list[Token] = []
    while a.head.i in skip and a.head.i >= f.end and a.head != a:
        a = a.head  # "a grounding for three months": the counted noun carries the attachment
    while a.dep_ == "conj" and a.head.pos_ in _NOUNISH | {"NUM"}:
        a = a.head  # "came back at 4 ppb and 2 ppb": a second conjunct shares the first's role
    verb = _adverbial_of(a)
    if counted and counted[-1].lemma_.lower() in RATE_NOUNS and _opens_clause(a, verb):
        return []  # "In the last three months the firm ...": a frame set before the subject
    head = a.head
    if a.dep_ == "pobj" and head.head.pos_ in _NOUNISH:
        words += _chunk_of(head.head)
    elif head.pos_ in _NOUNISH and head.i not in skip and head != a:
        while head.dep_ in ("nmod", "compound") and head.head.pos_ in _NOUNISH and (
                head.head.i > head.i):
            head = head.head  # "a 1.8 billion-mile (2.8bn km) journey": past the other unit
        words += _chunk_of(head)
        for prep in (c for c in head.children if c.dep_ == "prep" and c.i > head.i):
            words += _of_phrase(prep)
    if verb is not None:  # "pulled the healthcare sector 0.68 percent lower": what moved
        words += [w for c in verb.children if c.dep_ == "dobj" for w in _chunk_of(c)]
    for t in f.doc[f.first:f.end]:
        words += [w for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                  for w in _of_phrase(c)]
    subject = _subject_of(a)
    if subject is not None:  # a named subject the tagger misread ("OHSU" as an adjective)
        words += _chunk_of(subject) or ([subject] if subject.ent_type_ else [])
    if not words:
        words = _nearest_noun_before(f, sent)
    return as_written((t for t in words if t.i not in skip and _is_concept_word(t)), text)


def _is_concept_word(t: Token) -> bool:
    """A content word that is not an amount, or a name the tagger gave another part of speech."""
    if t.is_stop and t.pos_ != "PROPN":
        return False
    return t.pos_ in _CONTENT_POS and t.ent_type_ not in _AMOUNT_ENTS or t.ent_type_ in _NAME_ENTS


def _adverbial_of(tok: Token) -> Token | None:
    """The verb a figure's adverbial phrase hangs from ("had a shot from 30 yards"), if any."""
    node = tok
    while node.dep_ in _FRAME_PATH and node.head.pos_ not in ("VERB", "AUX"):
        node = node.head
    if node.dep_ not in _FRAME_DEPS or node.head.pos_ not in ("VERB", "AUX"):
        return None
    return node.head


def _opens_clause(tok: Token, verb: Token | None) -> bool:
    """True for a figure in an adverbial phrase that opens its clause, ahead of the subject."""
    return verb is not None and any(c.dep_ in _SUBJECTS and c.i > tok.i for c in verb.children)


def _is_one_of(f: Found) -> bool:
    """ "one of the ...": the figure singles out a member, it does not count anything."""
    doc = f.doc
    return f.low == 1 and not f.digits and f.end < len(doc) and doc[f.end].lower_ == "of"


def _nearest_noun_before(f: Found, sent: SpacySpan) -> list[Token]:
    """The closest noun phrase before the figure in its sentence ("Dow +0.2%")."""
    for i in range(f.first - 1, sent.start - 1, -1):
        if f.doc[i].pos_ in _NOUNISH:
            return _chunk_of(f.doc[i])
    return []


def as_written(tokens: Iterable[Token], text: str) -> list[str]:
    """The whitespace-delimited words holding the tokens, once each, in text order."""
    out: list[str] = []
    seen: set[int] = set()
    for t in sorted(tokens, key=lambda t: t.i):
        start = t.idx
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        if start in seen:
            continue
        seen.add(start)
        end = t.idx + len(t)
        while end < len(text) and not text[end].isspace():
            end += 1
        out.append(text[start:end].strip(",.;:()[]\"'“”‘’"))
    return [w for w in out if w]


def _subject_of(tok: Token) -> Token | None:
    """The subject the figure's clause is about: its own, or for a clause without one (to-infinitive,
    second conjunct, participle) the clause it hangs from; a reporting verb's subject stands in
    for a third-person pronoun ("Ford said it has 13,000 workers"), other pronouns give none."""
    node = tok
    while node.head != node:
        child, node = node, node.head
        if node.pos_ not in ("VERB", "AUX"):
            continue
        subjects = [c for c in node.children if c.dep_ in _SUBJECTS and c != child]
        if not subjects:
            if node.dep_ in _NOUN_CLAUSES and node.head.pos_ in _NOUNISH and not _infinitive(node):
                return node.head  # "the products priced at under $10"
            continue
        subject = subjects[0]
        if subject.tag_ in ("WDT", "WP") and node.dep_ == "relcl":
            return node.head  # "bank stocks, which were up 2.8%"
        if subject.pos_ != "PRON":
            return subject
        named = _antecedent(subject) if subject.lower_ in _PERSONAL else None
        if named is not None:
            return named
        if subject.lower_ not in _THIRD_PERSON or node.dep_ != "ccomp":
            return None
    return None


def _antecedent(pronoun: Token) -> Token | None:
    """The person "he" or "she" most likely stands for: the nearest one named before it in its
    sentence ("After Salah moved to Liverpool, he scored 32 goals")."""
    for t in reversed(pronoun.doc[pronoun.sent.start:pronoun.i]):
        if t.ent_type_ == "PERSON":
            return t
    return None


def _infinitive(verb: Token) -> bool:
    """ "plans to cut 500 jobs": a to-infinitive names what its noun intends, not what it counts."""
    return any(c.tag_ == "TO" for c in verb.children)


def unit_name(f: Found, counted: list[Token]) -> str | None:
    """The normalised unit: currency code, measurement unit, or the counted noun's lemma."""
    if f.currency:
        return f.currency
    if f.unit:
        return f.unit
    if counted:
        return lemma_of(counted[-1])
    return None


def unit_words_of(counted: list[Token]) -> str | None:
    """The counted phrase lemmatised ("recorded songs" -> "recorded song"); a time noun alone
    ("the past two years" -> "year"), since "past" dates the span rather than naming a unit."""
    if not counted:
        return None
    if counted[-1].lemma_.lower() in RATE_NOUNS:
        return lemma_of(counted[-1])
    return " ".join(lemma_of(t) if t.pos_ in _NOUNISH | {"ADJ"} else t.lower_ for t in counted)


def lemma_of(tok: Token) -> str:
    """Lower-case lemma; plural proper nouns and demonyms lose their "s" ("Koreans" -> "korean"),
    which the lemmatiser leaves as written."""
    lower = tok.lower_
    if (tok.tag_ == "NNPS" or tok.ent_type_ == "NORP") and lower.endswith("s") and \
            not lower.endswith("ss") and len(lower) > 3:
        return lower[:-1]
    return tok.lemma_.lower()

