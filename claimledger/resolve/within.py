"""Within-article resolution: speakers and mentions to canonical entities."""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from claimledger.model import Analysis, Entity, Mention, Span, SpeakerKind

_MENTION_LABELS = {"PERSON": "person", "ORG": "organization", "GPE": "place", "NORP": "group"}
# Left modifiers that belong to a name: "U.S. officials", "South Korea’s intelligence service".
_NAME_DEPS = frozenset({"compound", "amod", "nmod", "poss", "case", "nummod", "npadvmod"})
_NAME_CONNECTORS = frozenset({"of", "the", "and", "for", "&"})  # lower-case words in a name
_LEADERS = frozenset({"det", "preconj"})  # words a name does not begin with
_POSSESSIVE = ("’s", "'s", "’", "'")
_PLACE_ENTS = frozenset({"NORP", "GPE"})
_BODY_ENTS = frozenset({"ORG", "GPE", "NORP", "FAC"})
_AUTHORS = frozenset({"PERSON", "ORG", "GPE", "NORP"})  # who a report may be by
# Who "our ..." is when the outlet's own: "our reporter saw" (not "my father said").
_NEWSROOM = frozenset(
    ["reporter", "correspondent", "journalist", "photographer", "editor", "staff", "team"]
)
# What makes a "figure" a person: "a senior figure", "a leading party figure".
_PEOPLE_OF_NOTE = frozenset(
    [
        "senior",
        "leading",
        "key",
        "prominent",
        "top",
        "party",
        "public",
        "political",
        "veteran",
        "influential",
    ]
)
# What a town is in or has, not a person: "in Greywater", "the Greywater district".
_PLACE_PREPOSITIONS = frozenset(["in", "at", "near", "outside", "across", "throughout"])
_PLACE_NOUNS = frozenset(
    [
        "district",
        "precinct",
        "county",
        "ward",
        "township",
        "borough",
        "neighborhood",
        "neighbourhood",
        "suburb",
        "parish",
        "province",
        "region",
        "village",
        "constituency",
    ]
)
_SEATS = frozenset(["district", "ward", "constituency"])  # "Vey's district": the seat she holds
_NOT_PEOPLE = _PLACE_ENTS | {"LOC", "FAC"}  # "those on Capitol Hill who ..."
_PLACE_STEM = 4  # shortest shared stem of a demonym and its country ("chin-ese", "chin-a")
_RELATIVE_TAGS = frozenset({"WP", "WDT"})  # "who", "which", "that" opening a relative clause
_GROUP_KINDS = frozenset({"anonymous", "government", "organization", "outlet"})
_BODY_KINDS = frozenset({"government", "organization", "outlet"})  # what "it said" may be
_PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
_IT = frozenset({"it", "its"})
_SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson"})
# What a person's own staff speak through: "his office said" is his.
_PERSONS_OWN = frozenset({"office", "campaign", "team", "camp", "spokesman", "spokeswoman"})
# What an outlet does to documents it did not write: "seen by", "obtained by", "reviewed by".
_HOLDING = frozenset({"see", "obtain", "review", "view", "acquire", "leak", "share", "examine"})
_ISSUED = frozenset({"statement", "release", "announcement", "notice"})  # a body's own words
# The reason a source goes unnamed, set beside it: "speaking on condition of anonymity".
_ANONYMITY = re.compile(
    r"[\s,(—–-]*(?:who\s+)?(?:asked|requested|spoke|speaking|requesting|asking|insisted|"
    r"declined\s+to\s+be|did\s+not\s+want\s+to\s+be)\b[^.;]{0,80}?"
    r"\b(?:anonymity|anonymously|not\s+to\s+be\s+(?:named|identified)|be\s+(?:named|identified))",
    re.I,
)
_PERSONAL_RELATIVES = frozenset({"who", "whom", "whose"})
_CLAUSAL = frozenset({"VERB", "AUX"})  # a conjunct that is a clause: "who ..., and who were"
_BUSINESS_WORDS = frozenset({"start-up", "startup", "chain", "brand", "business", "maker"})
_OF_ANYONE = frozenset({"whose"})  # "Tarvik Labs, whose researchers": a firm's too
# What the tagger takes a body's short name for: "Ashcombe" after "Ashcombe & Pryor".
_SHORT_BODY_ENTS = frozenset({"ORG", "PERSON", ""})
_PRONOUN_SEX = {**dict.fromkeys(("he", "him", "his"), "m"), **dict.fromkeys(("she", "her"), "f")}
_HONORIFIC_SEX = {
    **dict.fromkeys(("mr.", "mr"), "m"),
    **dict.fromkeys(("mrs.", "mrs", "ms.", "ms"), "f"),
}
_NAMED_LATER = 80  # tokens after "a county supervisor" within which the article names them
_PERSON_REACH = 4  # speakers back a "he" or "she" may reach past one of the other sex
_CLAUSE_DEPS = frozenset({"acl", "relcl", "advcl"})
_SUBCLAUSE_DEPS = _CLAUSE_DEPS | {"ccomp", "xcomp", "conj", "parataxis", "csubj", "pcomp"}
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_LONGEST_NAME = 8  # words in the longest name searched for a name inside it
_GROUP_REACH = 60  # tokens after a group spoke within which "they" is that group
_BODY_REACH = 400  # tokens after a body named as "the X company" spoke it may be "the company"
_DESCRIPTION_REACH = 12  # tokens either side of a name searched for its titles


@dataclass(frozen=True)
class Words:
    """The curated speaker word lists of `data/speaker_words.json`."""

    honorifics: frozenset[str]
    name_suffixes: frozenset[str]
    government: frozenset[str]
    anonymous: frozenset[str]
    report: frozenset[str]
    outlet: frozenset[str]
    organization: frozenset[str]  # unnamed bodies that are not governments: "the campaign"
    person_roles: frozenset[str]
    pronouns_person: frozenset[str]
    pronouns_author: frozenset[str]  # "I" and "we" outside quotes: the article's writer
    capitals: frozenset[str]  # a capital speaks for its government: "Kyiv said"
    generic_roles: frozenset[str]  # roles that fit anyone of a country: "the Ukrainian leader"
    bodies_named_before: frozenset[str]  # "the company" is the company that spoke just before
    kindred_bodies: dict[str, list[str]]  # "the agency" may be an "Administration", a "Bureau"
    kindred_roles: dict[str, list[str]]  # "the prosecutor" may be a "District Attorney"
    media_heads: frozenset[str]  # "local media", "state television": other outlets
    sex_words: dict[str, list[str]]  # "spokeswoman", "husband": what a role says of a person
    outlet_name_ends: frozenset[str]  # "The daily Harbour Gazette": an outlet, not a person
    masthead_words: frozenset[str]  # outlet words only in a name: "The Post", not "a post"


@lru_cache(maxsize=1)
def words() -> Words:
    """Load the word lists once: they are data so they can grow without code changes."""
    raw = json.loads(
        resources.files("claimledger.resolve").joinpath("data/speaker_words.json").read_text()
    )
    return Words(
        **{
            k: v if isinstance(v, dict) else frozenset(v)
            for k, v in raw.items()
            if not k.startswith("_")
        }
    )


@lru_cache(maxsize=1)
def first_names() -> dict[str, str]:
    """First names nearly always borne by women ("f") or men ("m"), from `data/first_names.json`
    (built by scripts/build_first_names.py)."""
    raw = json.loads(
        resources.files("claimledger.resolve").joinpath("data/first_names.json").read_text()
    )
    return {name: sex for sex in ("f", "m") for name in raw[sex]}


def resolve_article(doc: Doc, analysis: Analysis) -> None:
    """Fill `analysis.entities`, `analysis.mentions` and each statement's `speaker_entity`."""
    text = doc.text  # built afresh by spaCy on every access: read it once
    people = PersonIndex(doc, _quoted_ranges(analysis))  # names in quotes are not who speaks
    entities: dict[str, Entity] = {}
    told: dict[str, str] = {}  # kinds learned for sure: a PERSON, or what a speaker was taken for

    def note(span: TokenSpan, name: str, kind: str, sure: bool = True) -> None:
        entity = entities.setdefault(name, Entity(name=name, kind=kind))
        if sure and kind != "unknown":
            told.setdefault(name, kind)
            if entity.kind == "unknown":
                entity.kind = kind  # "Lumen" of no known kind, later "the company"
        alias = _without_possessive(span.text)
        if alias != name and alias not in entity.aliases:
            entity.aliases.append(alias)
        analysis.mentions.append(Mention(Span.of(text, span.start_char, span.end_char), name, kind))

    generic = words().bodies_named_before  # a tagger's lone "Bank" names no bank
    named_bodies: list[tuple[TokenSpan, str]] = []  # what "the department" may later be
    for ent in doc.ents:
        kind = "person" if _a_person(ent) else _MENTION_LABELS.get(ent.label_)
        if kind == "person" and ent.text in people.places:
            kind = "place"  # the tagger's PERSON "Greywater" in "voters in Greywater"
        if kind == "person" and ent.label_ == "PERSON" and _described_as_business(ent.root):
            kind = "organization"  # the tagger's PERSON "the logistics firm Harrow Freight"
        if kind is None:
            continue
        name = people.canonical(ent) if kind == "person" else entity_name(ent)
        if kind == "organization" or (kind == "person" and " " not in name):
            long = _long_form(name, named_bodies, people)
            if long is not None:  # "FAA", "Lumen", "Ashcombe": the body's name given before
                kind, name = "organization", long[1]
                people.short_bodies.add(ent.start)  # "a spokesperson for Lumen" is no Lumen
        if name:  # the tagger's ORG may be a person; its lone "Halworth" PERSON a firm
            note(ent, name, kind, sure=kind == "person" and name not in people.lone)
        if kind == "organization" and (len(ent) > 1 or ent.root.lower_ not in generic):
            named_bodies.append((ent, name))

    recent = Recent(lone=people.lone)
    outlet = analysis.article.outlet
    writer = outlet if outlet and outlet.lower() != "unknown" else None
    bodies = iter(named_bodies)
    body = next(bodies, None)
    for st in analysis.statements:
        if st.speaker is None:
            continue
        span = doc.char_span(st.speaker.start, st.speaker.end, alignment_mode="expand")
        if span is None:
            continue
        while body is not None and body[0].end <= span.start:
            recent.named(*body)
            body = next(bodies, None)
        kind, name = classify_speaker(span, people, recent)
        if kind == "outlet" and name is None:  # "I", "we": whoever writes for the outlet
            name = writer
        if kind == "report" and writer and _by_the_writer(span.root, span, writer):
            kind, name = "outlet", writer  # "our own review found": the outlet speaking
        if _may_go_unnamed(kind, span) and _unnamed_on_purpose(text, st.speaker):
            kind = "anonymous"  # "a senior official, who asked not to be named,"
            if not any(t.ent_type_ == "PERSON" for t in span):
                name = entity_name(span)  # nobody named later: "a senator ... Senator Smith"
        st.speaker_kind, st.speaker_entity = kind, name
        recent.heard(span, kind, name)
        if (
            name
            and not _is_pronoun(span)
            and (name not in entities or not any(t.ent_type_ for t in span))
        ):  # unnamed speakers ("U.S. officials") are mentions too, and names the tagger missed
            note(span, name, kind)

    def learned(kind: SpeakerKind, name: str | None) -> SpeakerKind:
        """What a later mention told of a kind unknown or guessed: "the company" was Lumen."""
        guess = kind == "unknown" or name in people.lone
        return told[name] if guess and name in told else kind

    for st in analysis.statements:
        st.speaker_kind = learned(st.speaker_kind, st.speaker_entity)
    for mention in analysis.mentions:
        mention.kind = learned(mention.kind, mention.entity)
    for entity in entities.values():
        entity.kind = learned(entity.kind, entity.name)
    analysis.entities = list(entities.values())


def _by_the_writer(report: Token, span: TokenSpan, writer: str) -> bool:
    """Is a report the article's own outlet's: "our analysis", "The Harbour Gazette's own
    review" or "a tally of returns compiled by the Gazette" in the Harbour Gazette?"""
    owner = next((c for c in report.children if c.dep_ == "poss"), None)
    if owner is not None:
        named = report.doc[owner.left_edge.i : owner.i + 1]
        return owner.lower_ == "our" or _names_the_writer(named.text, writer)
    return any(  # "by" wherever the parser hung it: "a tally of returns compiled by"
        t.dep_ == "pobj"
        and t.head.lower_ == "by"
        and _names_the_writer(span.doc[t.left_edge.i : t.i + 1].text, writer)
        for t in span
    )


def _names_the_writer(name: str, writer: str) -> bool:
    """Is this the article's outlet by its full or short name: "The Gazette" in the Harbour
    Gazette, but not the "Marlow Gazette"?"""
    named = _without_possessive(name).lower().removeprefix("the ")
    full = writer.lower().removeprefix("the ")
    return full == named or full.endswith(f" {named}")


def _may_be_called(name: str, noun: str) -> bool:
    """May a body of this name be "the <noun>"? Not when its name says it is another kind of
    body: the "Velorian Bankers Association" is no "bank"; "Kestrel United" may be "the club"."""
    w = words()
    own = {p.lower() for p in name.split()} & (w.organization | w.government | w.outlet)
    return not own or noun in own or bool(own & set(w.kindred_bodies.get(noun, ())))


def _named_in_full(span: TokenSpan, recent: Recent) -> tuple[TokenSpan, str] | None:
    """The body named before whose name holds every word of "the statistics office" (the
    National Statistics Office), the latest first."""
    if len(span) < 3 or span[0].lower_ != "the" or not all(t.is_lower for t in span[1:]):
        return None
    wanted = {t.lower_ for t in span[1:]}
    for named, name in reversed(recent.names):
        if (
            named.end <= span.start
            and span.start - named.start <= _BODY_REACH
            and any(t.is_title for t in named)  # a name, never another "the ..." like this one
            and wanted <= set(name.lower().split())
        ):
            return named, name
    return None


def _looks_like_a_name(head: Token) -> bool:
    """A capitalised word with no determiner: "Lumen said" (which the tagger may take for a
    common noun), not "the official"."""
    return head.is_title and not any(c.dep_ in ("det", "poss") for c in head.children)


class PersonIndex:
    """People named in one article: "Mr. Austin" and "Austin" resolve to the fullest form."""

    def __init__(self, doc: Doc, quotes: list[tuple[int, int]] = ()) -> None:
        named = [e for e in doc.ents if _a_person(e)]
        self.places = _used_as_places(named)  # "in Greywater": a town, no "he"
        self.ents = [e for e in named if e.text not in self.places]
        self.name_words = {w.lower() for e in self.ents for w in e.text.split()}
        self.quotes = list(quotes)  # character ranges of the article's quotations
        self.short_bodies: set[int] = set()  # where a PERSON is a body's short name: not one
        self.starts = [e.start for e in self.ents]
        self.ends = [e.end for e in self.ents]
        # every multi-word name: its words, and where it is named, in text order
        self.full: dict[str, tuple[frozenset[str], list[int]]] = {}
        self.by_word: dict[str, set[str]] = {}
        for e in self.ents:
            parts = _name_words(name := strip_honorifics(e))
            if len(parts) > 1:
                self.full.setdefault(name, (frozenset(parts), []))[1].append(e.start)
                for part in parts:
                    self.by_word.setdefault(part, set()).add(name)
        # where the first line (a headline, if any) ends; doc.text would build the whole text
        headline_end = next(
            (t.idx + t.text_with_ws.index("\n") for t in doc if "\n" in t.text_with_ws), 0
        )
        self.variant_of = self._variants(doc, headline_end)
        # what the article's honorifics tell: "Mr. Austin", "Ms. Park"
        self.sex: dict[str, str] = {}
        for e in self.ents:
            before = doc[e.start - 1].lower_ if e.start else ""
            told = _HONORIFIC_SEX.get(before) or _HONORIFIC_SEX.get(e[0].lower_)
            if told or (told := _sex_of_role(e)):
                self.sex.setdefault(self.canonical(e), told)
        self._sex_from_possessives()
        self._sex_from_first_names()
        self.lone = self._lone_names()

    def _sex_from_possessives(self) -> None:
        """What an article's own "his" and "her" tell, where no honorific did: a possessive in
        the clause a person is the subject of, with no one else named there, is theirs ("Ann
        Lee ended her speech", "In his statement, Lee said")."""
        told: dict[str, set[str]] = {}
        for e in self.ents:
            if e.root.dep_ not in _SUBJECTS or self._quoted(e.start_char):
                continue
            verb = e.root.head
            clause = [t for t in verb.subtree if _in_same_clause(t, verb)]
            if any(t.ent_type_ == "PERSON" and not e.start <= t.i < e.end for t in clause):
                continue
            sexes = {
                _PRONOUN_SEX[t.lower_]
                for t in clause
                if t.dep_ == "poss" and t.lower_ in ("his", "her") and not self._quoted(t.idx)
            }
            told.setdefault(self.canonical(e), set()).update(sexes)
        for name, sexes in told.items():
            if len(sexes) == 1:
                self.sex.setdefault(name, next(iter(sexes)))

    def _sex_from_first_names(self) -> None:
        """What a first name tells where the article did not: "Grace Okonkwo" is a woman,
        "Peter Lindqvist" a man; names borne by both ("Jordan", "Kim") tell nothing."""
        told = first_names()
        for e in self.ents:
            name = self.canonical(e)
            parts = _name_words(name)
            if len(parts) > 1 and parts[0] in told:
                self.sex.setdefault(name, told[parts[0]])

    def _lone_names(self) -> frozenset[str]:
        """One-word names the article never shows to be a person's: no first name, title,
        role, age or "his"/"her" anywhere ("Halworth said", a firm the tagger took for a
        person, may be "the company" later on)."""
        signs = set(self.sex)
        found = set()
        for e in self.ents:
            name = self.canonical(e)
            if len(_name_words(name)) != 1:
                continue
            found.add(name)
            if _shown_a_person(e):
                signs.add(name)
        return frozenset(n for n in found - signs if n.lower() not in first_names())

    def _variants(self, doc: Doc, headline_end: int) -> dict[str, str | None]:
        """Names named once with a word run into a name the article uses more and used first
        (or in the headline): an epithet ("Crooked Ann Lee"), a headline's verb ("Critics Rip
        Ann Lee"). A name first given in full ("Rafael Ortega Salinas", then "Mr. Ortega
        Salinas") is the name itself. Two names run together ("Lee Slams Bob Stone") stand
        for neither (None)."""
        out: dict[str, str | None] = {}
        by_words = {tuple(_name_words(n)): n for n in self.full}  # looked up, never scanned
        for name, (_, at) in self.full.items():
            whole = tuple(_name_words(name))
            if len(at) != 1 or len(whole) > _LONGEST_NAME:
                continue
            edges = {whole[:k] for k in range(2, len(whole))} | {
                whole[-k:] for k in range(2, len(whole))
            }
            inside = {
                other
                for other in (by_words.get(edge) for edge in edges)
                if other is not None
                and len(other_at := self.full[other][1]) > 1
                and (other_at[0] < at[0] or doc[at[0]].idx < headline_end)
            }
            if inside:  # two names run together stand for neither: no target
                out[name] = inside.pop() if len(inside) == 1 else None
        return out

    def canonical(self, span: TokenSpan) -> str:
        """The fullest name holding every word of `span`'s name; of those, one named more than
        once, then the nearest one before wins, so "Lee" is "Lee Seong-kweun", "Mr. Kim" the
        Kim last named in full, and "Clinton" not a one-off "Injecting Clinton" the tagger
        made of a headline."""
        name = strip_honorifics(span)
        parts = set(_name_words(name))
        if not parts:
            return name
        if name in self.variant_of:
            return self.variant_of[name] or name
        first = next(iter(parts))
        fits = [
            n
            for n in self.by_word.get(first, ())
            if parts <= self.full[n][0] and n not in self.variant_of
        ]
        best_before = best_any = None
        for n in fits:
            size, at = len(self.full[n][0]), self.full[n][1]
            rank = (size, len(at) > 1)
            best_any = max(best_any or (*rank, at[-1], n), (*rank, at[-1], n))
            k = bisect_right(at, span.start)
            if k:
                best_before = max(best_before or (*rank, at[k - 1], n), (*rank, at[k - 1], n))
        best = best_before or best_any
        return best[-1] if best else name

    def in_span(self, span: TokenSpan) -> str | None:
        """The person a speaker span names: the one at its head ("Clinton campaign spokesman
        Brian Fallon" is Fallon), else the first who is not just a possessor ("Scott's niece,
        Marcia Price" is Price; "Park Sun-won, a member of ..." is Park)."""
        k = bisect_left(self.starts, span.start)
        inside = []
        while k < len(self.ents) and self.ends[k] <= span.end:
            inside.append(self.ents[k])
            k += 1
        inside = [
            e
            for e in inside
            if not _in_clause(e.root, span.root)
            and not (e.root.dep_ == "poss" and e.root.head.dep_ == "appos")
            and e.start not in self.short_bodies
        ]  # "VeriFact, the Beacon's fact-checking desk" is not the Beacon
        if not inside:
            return None
        at_head = [e for e in inside if e.start <= span.root.i < e.end]
        root = span.root
        if not at_head and all(_whose_role(e.root, root) for e in inside):
            return None  # "Daniel Voss's lawyer", "the daughter of Ann Lee" is someone else
        owned = [e for e in inside if e.root.dep_ != "poss"]
        if not (at_head or owned) and (root.ent_type_ in _BODY_ENTS or _their_people(root)):
            return None  # "Belmark's state news agency BNA" is BNA; "Marlowe's supporters" his
        return self.canonical((at_head or owned or inside)[0])

    def surname(self, span: TokenSpan) -> str | None:
        """A bare name the tagger missed, as a headline's "Sanders:" is, when the article
        names that person in full somewhere."""
        if not all(t.text[:1].isupper() for t in span if not t.is_punct):
            return None
        full = self.canonical(span)
        return full if full != strip_honorifics(span) else None

    def by_role(self, span: TokenSpan, ahead: bool = True) -> str | None:
        """The person last introduced with the role and country of a role phrase: "the
        Ukrainian leader" is the "President X of Ukraine" named before it; with `ahead`, an
        unnamed one may be the one named a few sentences on."""
        head = span.root
        role = head.lemma_.lower()
        places = [
            _stem(t.lower_) for t in head.lefts if t.ent_type_ in _PLACE_ENTS and t.i >= span.start
        ]
        fields = [  # "the finance chief" is the "chief financial officer", not any chief
            t.lower_
            for t in head.lefts
            if t.dep_ == "compound" and t.pos_ == "NOUN" and role in words().generic_roles
        ]
        generic = role in words().generic_roles and not fields
        if not places and generic:
            return None  # "the leader" alone could be anyone
        kindred = {role, *words().kindred_roles.get(role, ())}
        # "An attorney for Mills" is someone new; "X, a corporate attorney who ..." is X
        indefinite = span[0].lower_ in ("a", "an") and head.dep_ != "appos"
        for ent in reversed(self.ents[: bisect_right(self.ends, span.start)] * (not indefinite)):
            described = _description(ent)
            if not kindred & described and not (places and generic):
                continue  # "the prosecutor" is the district attorney named before
            if all(any(_same_place(p, d) for d in described) for p in places + fields):
                return self.canonical(ent)
        if (indefinite or fields) and ahead and not generic:
            # a lede's "A county supervisor said ...", named a few sentences on: "Supervisor
            # Raymond Pellegrini told ..."
            later = self.ents[bisect_right(self.starts, span.end - 1) :]
            for ent in later:
                if ent.start - span.end > _NAMED_LATER:
                    break
                described = _description(ent)
                if kindred & described and all(
                    any(_same_place(f, d) for d in described) for f in fields
                ):
                    return self.canonical(ent)
        return None

    def subject_since(self, start: int, pronoun: Token) -> str | None:
        """The person nearest before `pronoun`, from token `start` on, whom a sentence is about:
        named as its subject or beside it ("Her counterpart, Tomas Reyes, struck a more cautious
        tone. He said ..."), outside quotations, and not known to be of the other sex."""
        told = _PRONOUN_SEX.get(pronoun.lower_)
        k = bisect_right(self.ends, pronoun.i)
        while k and self.ents[k - 1].start >= start:
            k -= 1
            ent = self.ents[k]
            opening = (  # "If Ann Lee wins, she ...": the subject of a clause on the pronoun's verb
                ent.sent.start == pronoun.sent.start
                and ent.root.dep_ in _SUBJECTS
                and ent.root.head.dep_ == "advcl"
                and ent.root.head.head.i == pronoun.head.i
            )
            topic = _sentence_subject(ent.root) or opening or _fronted_topic(ent.root)
            if not topic or self._quoted(ent.start_char):
                continue
            if ent.root.dep_ == "appos" and any(
                told and c.dep_ == "poss" and _PRONOUN_SEX.get(c.lower_) == told
                for c in ent.root.head.lefts
            ):
                continue  # "His opponent, Ann Lee, won. He said": not the "he" of "his"
            name = self.canonical(ent)
            if told is None or self.sex.get(name, told) == told:
                return name
        return None

    def _quoted(self, at: int) -> bool:
        k = bisect_right(self.quotes, (at, at)) - 1
        return k >= 0 and self.quotes[k][0] < at < self.quotes[k][1]

    def last_before(self, token: Token) -> str | None:
        """The person named most recently before `token` and not known to be of the other sex
        than its "he" or "she" ("Ann Lee testified. “...?” asked Tom Ruiz. She replied"), a
        few names back at most: none rather than the wrong one."""
        told = _PRONOUN_SEX.get(token.lower_)
        k = bisect_right(self.ends, token.i)
        for ent in self.ents[max(k - _PERSON_REACH, 0) : k][::-1]:
            name = self.canonical(ent)
            if told is None or self.sex.get(name, told) == told:
                return name
        return None


def _shown_a_person(name: TokenSpan) -> bool:
    """Does this mention show its name is a person's: a title or role before it, an age or a
    role beside it ("Mr. Vey", "Councillor Vey", "Vey, 61")?"""
    w = words()
    before = name.doc[name.start - 1].lower_.rstrip(".") if name.start else ""
    return (
        before in w.honorifics | w.person_roles
        or name[0].lower_.rstrip(".") in w.honorifics
        or _described_as_person(name.root)
    )


def _used_as_places(names: list[TokenSpan]) -> frozenset[str]:
    """One-word "persons" the article uses as a place and never shows to be a person: "in
    Greywater", "the Greywater district", "Greywater's precincts" (not "Vey's district", the
    seat a person holds)."""
    placed = {
        e.text
        for e in names
        if len(e) == 1
        and (
            (e.root.dep_ == "pobj" and e.root.head.lower_ in _PLACE_PREPOSITIONS)
            or (e.root.dep_ == "compound" and e.root.head.lemma_.lower() in _PLACE_NOUNS)
            or (e.root.dep_ == "poss" and e.root.head.lemma_.lower() in _PLACE_NOUNS - _SEATS)
        )
    }
    shown = {e.text for e in names if e.text in placed and _shown_a_person(e)}
    return frozenset(n for n in placed - shown if n.lower() not in first_names())


def _sex_of_role(name: TokenSpan) -> str | None:
    """What a role set beside a name tells: "spokeswoman Marisol Okafor", "Ann Lee, his wife"."""
    root = name.root
    beside = [t for t in root.lefts if t.i < name.start and t.dep_ in ("compound", "amod")]
    beside += [c for c in root.rights if c.dep_ == "appos"]
    if root.dep_ == "appos":
        beside.append(root.head)
    found = {sex for sex, roles in words().sex_words.items() for t in beside if t.lower_ in roles}
    return found.pop() if len(found) == 1 else None


def _may_go_unnamed(kind: SpeakerKind, span: TokenSpan) -> bool:
    """Can the speaker be a source unnamed on purpose: a person, or one of a body's people ("a
    former federal prosecutor who asked not to be identified" is no government)?"""
    return kind in ("person", "unknown") or span.root.lemma_.lower() in words().person_roles


def _unnamed_on_purpose(text: str, speaker: Span) -> bool:
    """Does the speaker go unnamed by request: "..., speaking on condition of anonymity",
    "..., who asked not to be named", "speaking anonymously"?"""
    return bool(
        _ANONYMITY.search(speaker.text) or _ANONYMITY.match(text, speaker.end, speaker.end + 120)
    )


def _quoted_ranges(analysis: Analysis) -> list[tuple[int, int]]:
    """Character ranges of the article's quoted words: direct statements' contents, less the
    speaker and cue a split quote holds ("“A,” Ms. Lee said. “B”")."""
    out = []
    for st in analysis.statements:
        if not st.direct:
            continue
        start, end = st.content.start, st.content.end
        for part in sorted(
            (p for p in (st.speaker, st.cue) if p is not None), key=lambda p: p.start
        ):
            if start <= part.start < end:
                out.append((start, part.start))
                start = max(start, part.end)
        out.append((start, end))
    return sorted(r for r in out if r[0] < r[1])


def _in_same_clause(token: Token, verb: Token) -> bool:
    """Does `token` belong to `verb`'s own clause, not to a clause hung below it?"""
    while token.i != verb.i:
        if token.dep_ in _SUBCLAUSE_DEPS:
            return False
        token = token.head
    return True


def _possessor(token: Token, head: Token) -> bool:
    """Is the token part of a name owning the head ("Obama" in "Obama's aides")?"""
    owner = token.head if token.dep_ == "case" else token  # the "'s" the name may hold
    while owner.dep_ == "compound" and owner.head.i < head.i:
        owner = owner.head
    return owner.dep_ == "poss" and owner.head.i == head.i


def _whose_role(name: Token, head: Token) -> bool:
    """Is `name` whom a person's role is of: "[Voss]'s lawyer", "the lawyer for [Voss]"? (A
    spokesperson's words are the principal's: "a spokeswoman for Ann Lee" is Ann Lee.)"""
    role = head.lemma_.lower()
    prep = name.head
    on_head = name.dep_ == "pobj" and prep.head.i == head.i
    if head.tag_ == "NNS" and role in words().anonymous:  # "Analysts at Peel Hunt": its people
        return on_head and prep.lower_ in ("at", "from", "with")
    if role not in words().person_roles or role in _SPOKESPEOPLE or head.tag_ == "NNS":
        return False
    if name.dep_ == "poss":
        return name.head.i == head.i
    return on_head and prep.lower_ in ("for", "of", "to")


def _of_person(head: Token, span: TokenSpan) -> str | None:
    """An unnamed person goes by whose they are: "the lawyer for Ann Lee" is "lawyer for Ann
    Lee", not every lawyer of the article."""
    for name in span:
        if name.ent_type_ == "PERSON" and name.dep_ == "pobj" and _whose_role(name, head):
            role = entity_name(span.doc[span.start : head.i + 1])
            return f"{role} {span.doc[name.head.i : _name_end(name, span.end)].text}"
    return None


def _affiliation(token: Token, head: Token) -> bool:
    """Is the token part of a name people are of: "Peel Hunt" in "analysts at Peel Hunt"?"""
    while token.dep_ == "compound" and token.head.i > token.i:
        token = token.head
    return _whose_role(token, head)


def _their_people(head: Token) -> bool:
    """People of someone's: "Marlowe's supporters", "Obama's aides" (not "Clinton's attacks")."""
    w = words()
    return head.tag_ == "NNS" and head.lemma_.lower() in w.anonymous | w.person_roles


def _sentence_subject(token: Token) -> bool:
    """Is `token` the subject of its sentence's main verb (or of one joined to it), or set
    beside that subject: "Tomas Reyes struck", "Her counterpart, Tomas Reyes, struck"?"""
    if token.dep_ == "appos":
        token = token.head
    if token.dep_ == "ROOT" and any(c.dep_ == "acl" and c.i > token.i for c in token.children):
        return True  # the parser's "[The prime minister, X, [conceded ...]]": a noun as root
    if token.dep_ not in _SUBJECTS:
        return False
    verb = token.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.i == token.sent.root.i


def _fronted_topic(token: Token) -> bool:
    """Is `token` the person a sentence opens on, in a phrase before its subject: "For Tom
    Reed, the next step is a motel", "As for Ann Lee, ..."?"""
    prep = token.head
    sent = token.sent
    return (
        token.dep_ == "pobj"
        and prep.dep_ == "prep"
        and prep.lower_ == "for"  # not "Like Ann Lee, I believe"
        and prep.i - sent.start <= 1
        and prep.head.i == sent.root.i
        and prep.i < sent.root.i
    )


def _in_clause(token: Token, root: Token) -> bool:
    """Is `token` inside a clause hung on the speaker phrase ("judges handling cases involving
    Ann Lee") other than as its subject ("a speech Ann Lee delivered" is hers)?"""
    below = token
    while token.i != root.i and token.head.i != token.i:
        if token.dep_ in _CLAUSE_DEPS and below.dep_ not in _SUBJECTS:
            return True
        below, token = token, token.head
    return False


@dataclass
class Recent:
    """Who spoke last, for pronouns: "he" is the last person not known as a woman, "she" the
    last not known as a man (the article calls them "Mr." or "Ms."); "they" is the last group
    nearby."""

    people: list[str] = field(default_factory=list)  # persons who spoke, the latest last
    person_end: int = 0  # token after the last person speaker
    group: tuple[SpeakerKind, str, int] | None = None  # kind, name, token where it spoke
    bodies: dict[str, tuple[str, int]] = field(default_factory=dict)  # noun -> name, token
    names: list[tuple[TokenSpan, str]] = field(default_factory=list)  # bodies named so far
    last_named_at: int = -1  # token where the body named last begins
    group_end: int = 0  # token after the group that spoke last
    nameless_kind: tuple[str, int] | None = None  # a name of no known kind that spoke, where
    unnamed: tuple[str, int] | None = None  # one person unnamed on purpose who spoke last
    kinds: dict[str, SpeakerKind] = field(default_factory=dict)  # body name -> kind it spoke as
    lone: frozenset[str] = frozenset()  # one-word "persons" that may be firms: PersonIndex.lone

    def heard(self, span: TokenSpan, kind: SpeakerKind, name: str | None) -> None:
        """Remember a speaker just resolved."""
        if kind == "person":
            self.person_end = span.end
        if kind == "anonymous" and name and span.root.tag_ == "NN":
            self.unnamed = (name, span.end)  # "A police officer, speaking on condition ..."
        elif kind == "person" and name:
            self.unnamed = None
        if name and (kind == "unknown" or name in self.lone) and _looks_like_a_name(span.root):
            self.nameless_kind = (name, span.end)  # "Lumen said": "the company" may be Lumen
        if name and kind == "person":
            if name in self.people:
                self.people.remove(name)
            self.people.append(name)
        elif name and kind in _GROUP_KINDS and not _is_pronoun(span):
            self.group = (kind, name, span.start)
            self.group_end = span.end
            self.kinds[name] = kind
            if kind in _BODY_KINDS and any(t.pos_ == "PROPN" for t in span):
                self.named(span, name)  # "the mining company X": X is "the company" later on

    def named(self, span: TokenSpan, name: str) -> None:
        """Remember a body named by its words, speaking or not ("a report by the Department
        of Homeland Security": "the department" later on)."""
        for t in span:
            self.bodies[t.lemma_.lower()] = (name, span.start)
        self.names.append((span, name))
        self.last_named_at = span.start

    def person_for(self, pronoun: Token, sex: dict[str, str]) -> str | None:
        """The latest person who spoke and may be called `pronoun`."""
        told = _PRONOUN_SEX.get(pronoun.lower_)
        for name in reversed(self.people[-_PERSON_REACH:]):
            if told is None or sex.get(name, told) == told:
                return name
        return None

    def body_for(self, head: Token, kind: SpeakerKind) -> str | None:
        """The body a bare "the company" or "the agency" is: one of that kind that just spoke,
        or, further back, the last named with that noun or a kindred one ("the Food and Drug
        Administration" is "the agency" paragraphs later)."""
        near = self.group
        bare = self.nameless_since_group(head) if kind == "organization" else None
        if (
            near is not None
            and head.i - near[2] <= _GROUP_REACH
            and near[0] == kind != "outlet"
            and self.last_named_at < self.group_end  # no body named since: "the club" is its
            and bare is None  # "Vantor said. Halworth said. The company said": Halworth
            and _may_be_called(near[1], head.lemma_.lower())
        ):
            return near[1]  # not outlets: "the network" need not be the paper quoted before
        noun = head.lemma_.lower()
        named = [
            self.bodies[w]
            for w in (noun, *words().kindred_bodies.get(noun, ()))
            if w in self.bodies
        ]
        name, at = max(named, key=lambda b: b[1], default=(None, 0))
        if name is not None and head.i - at <= _BODY_REACH:
            return name
        if bare is not None:
            return bare  # "Lumen said ... the company said": Lumen is a company
        return None

    def nameless_since_group(self, head: Token) -> str | None:
        """A name of no known kind that spoke just before `head`, after the last group that
        spoke and with no body named since: whom "the company" or "a spokesman" may be of."""
        bare, near = self.nameless_kind, self.group
        if (
            bare is not None
            and head.i - bare[1] <= _GROUP_REACH
            and self.last_named_at < bare[1]
            and (near is None or near[2] < bare[1])
        ):
            return bare[0]
        return None

    def group_spoken(self, head: Token) -> tuple[SpeakerKind, str] | None:
        """The government or organization that spoke last, within reach of `head`: whom "a
        spokesperson" or "the statement" speaks for."""
        bare = self.nameless_since_group(head)
        if bare is not None:  # "Halworth disputed it. A spokesman said": Halworth's
            return "unknown", bare
        if self.group is None or head.i - self.group[2] > _BODY_REACH:
            return None
        kind, name, _ = self.group
        return (kind, name) if kind in ("government", "organization") else None

    def group_for(self, pronoun: Token) -> tuple[SpeakerKind, str] | None:
        """The group a "they" (or an "it" for a body) speaking near it stands for."""
        if self.group is None or pronoun.i - self.group[2] > _GROUP_REACH:
            return None
        kind, name, _ = self.group
        if pronoun.lower_ in _PLURAL_PRONOUNS or (pronoun.lower_ in _IT and kind in _BODY_KINDS):
            return kind, name
        return None


def classify_speaker(
    span: TokenSpan, people: PersonIndex, recent: Recent
) -> tuple[SpeakerKind, str | None]:
    """Speaker kind and canonical entity name for one speaker span."""
    w = words()
    owner = _whose(span)
    if owner is not None:  # "Tarvik Labs, whose researchers said": its researchers
        kind, name = classify_speaker(owner, people, recent)
        rest = span[1:]
        several = rest.root.tag_ == "NNS"
        return ("anonymous" if several else "person"), f"{name} {rest.text}" if name else None
    antecedent = _antecedent(span)
    if antecedent is not None:
        kind, name = classify_speaker(antecedent, people, recent)
        if kind == "unknown" and span.root.lower_ in _PERSONAL_RELATIVES:
            kind = "person"  # "an architect who said": "who" is said of people
        return kind, name
    head = span.root
    lemma = head.lemma_.lower()
    if _is_pronoun(span):
        if head.lower_ in w.pronouns_person:
            unnamed = recent.unnamed
            if unnamed is not None and people.subject_since(unnamed[1], head) is None:
                return "anonymous", unnamed[0]  # "he" after the officer who asked not to be named
            return "person", _person_for(head, people, recent)
        if head.lower_ in w.pronouns_author:
            return "outlet", None  # the writer: named after the outlet by the caller
        return recent.group_for(head) or ("unknown", None)
    if head.pos_ == "VERB":  # "according to show insiders", "show" read as a verb
        obj = next((c for c in head.rights if c.dep_ == "dobj" and c.i < span.end), None)
        if obj is not None:
            kind, name = classify_speaker(span.doc[obj.left_edge.i : obj.i + 1], people, recent)
            return kind, _with_opening_verb(head, obj, name)
    counted = _one_of(head, span)
    if counted is not None:  # "one of them", "one of the officials": the group's
        return classify_speaker(counted, people, recent)
    named = _named_apposition(span)
    if named is not None:  # "the mining company Southern Copper" is Southern Copper
        kind, name = classify_speaker(named, people, recent)
        if kind == "government":  # "its neighbour, the Republic of X": a state, whatever noun
            return kind, name
        return _kind_by_noun(lemma, kind), name
    titled = _titled_name(head, span)
    if titled is not None:  # "Reporters Without Borders": a name, not reporters
        return "organization", "".join(t.text_with_ws for t in titled).strip()
    if lemma in w.bodies_named_before and [t.lower_ for t in span if t.i != head.i] == ["the"]:
        kind: SpeakerKind = (
            "organization"
            if lemma in w.organization
            else "outlet"
            if lemma in w.outlet or lemma == "paper"
            else "government"
        )
        body = recent.body_for(head, kind)
        if body is not None:  # "the network" is the Climate Justice Network, no broadcaster
            return recent.kinds.get(body, kind), body
    name = entity_name(span)
    long = _long_form(name, recent.names, people) if head.ent_type_ in _SHORT_BODY_ENTS else None
    if long is not None:  # "the FAA" after "the Federal Aviation Administration"
        return classify_speaker(long[0], people, recent)[0], long[1]
    if lemma in w.organization:
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if owner is None:
            return "organization", name  # "the Lee campaign" is not Lee
        if owner.pos_ == "PROPN" and not head.ent_type_ and people.in_span(span) is None:
            return "organization", _unpossessed(name)  # "Lee's campaign", not "Workers' Union"
    if name.lower() in w.outlet or (
        " " in name
        and name.rsplit(" ", 1)[1].lower() in w.outlet_name_ends
        and name.rsplit(" ", 1)[1].istitle()
    ):
        return "outlet", name  # "Politico", "Harbour Gazette", whatever the tagger took it for
    if lemma in _NEWSROOM and any(c.lower_ in ("our", "my") for c in head.children):
        return "outlet", None  # "our reporter": the writer's side, named after the outlet
    part = _name_part(head)
    person = (
        people.in_span(span) or people.surname(span) or (people.surname(part) if part else None)
    )
    if person is None and lemma in w.person_roles and head.tag_ != "NNS":
        # "A spokesman said", just after the coast guard spoke: its, not one named later
        ahead = lemma not in _SPOKESPEOPLE or recent.group_spoken(head) is None
        person = people.by_role(span, ahead)
    if person:
        return "person", person
    if recent.unnamed is not None and _the_one(span) and lemma in w.person_roles | w.anonymous:
        return "anonymous", recent.unnamed[0]  # "One shareholder, speaking on condition of
        # anonymity, said ... “...,” the investor said": the same source, not a new one
    titled = [t for t in span if t.i < head.i and t.lower_ in _HONORIFIC_SEX]
    if titled and head.pos_ == "PROPN":  # "Mr Thane, 61", whatever the tagger took him for
        return "person", strip_honorifics(span.doc[titled[0].i : head.i + 1])
    if head.tag_ == "NNP" and head.ent_type_ not in _NOT_PEOPLE and _described_as_person(head):
        return "person", name  # "Juana Quispe, 54, whose home ...", whatever the tagger said
    described = next((c.lemma_.lower() for c in head.rights if c.dep_ == "appos"), "")
    said_to_be = _kind_by_noun(described, "unknown")
    if head.pos_ == "PROPN" and said_to_be in ("organization", "outlet"):
        return said_to_be, name  # "Open Rights Veldania, a rights group"
    full = _named_in_full(span, recent)
    if full is not None:
        return classify_speaker(full[0], people, recent)[0], full[1]
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    if (lemma in w.report or lemma in w.government) and owner and owner.lower_ in w.pronouns_person:
        person = _person_for(owner, people, recent)
        if lemma in _PERSONS_OWN or lemma in w.report or person is None:
            return "person", person  # "his office", "her report": the person's own words
        # "her ministry" is a body, not the minister
        named = entity_name(span.doc[owner.i + 1 : span.end])  # "his Justice Department"
        return "government", named if named[:1].isupper() else f"{person}'s {lemma}"
    bare = all(  # not "a school ...", but "a company spokesperson" after the company spoke
        t.i == head.i
        or t.dep_ in ("det", "amod")
        or (t.dep_ == "compound" and t.lemma_.lower() in w.bodies_named_before)
        for t in span
    )
    principal = _principal(head, span, people, recent)
    if principal is not None:  # "a spokesperson for the watchdog": the body named before
        return "person", f"{principal} {lemma}"
    if lemma in _SPOKESPEOPLE and bare:
        spoken = recent.group_spoken(head)  # "A spokesperson said", after the agency spoke
        if spoken is not None:
            return "person", f"{spoken[1]} {lemma}"
    if lemma in _ISSUED and bare and span[0].lower_ == "the":
        spoken = recent.group_spoken(head)  # "the statement said", after the company spoke
        if spoken is not None:
            return spoken
    owner = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in _IT), None)
    body = recent.group_for(owner) if owner is not None else None
    if body is not None:  # "Its foreign ministry said", after Korvania spoke: Korvania's
        own = _governmental(span, head) or lemma in w.government
        rest = name.split(" ", 1)[1] if name.lower().startswith("its ") else name
        return ("government" if own else body[0]), f"{body[1]} {rest}"
    lowered = f" {name.lower()} "
    head = _shared_head(head)
    lemma = head.lemma_.lower()
    if lemma == "figure" and any(c.lower_ in _PEOPLE_OF_NOTE for c in head.children):
        return "anonymous", name  # "one senior figure said": a person, not figures
    if lemma in w.report or lemma.rstrip("s") in w.report:
        author = _author(head, span)  # "an estimate by the Congressional Budget Office"
        if author is not None:
            name = classify_speaker(author, people, recent)[1] or name
        return "report", name
    cased = f" {name} "
    if lemma in w.media_heads or (
        any(
            f" {o} " in lowered and (o not in w.masthead_words or f" {o.title()} " in cased)
            for o in w.outlet
        )
        and not _governmental(span, head)
    ):  # "local media", "state television"; "The New York Times", not "his post"
        return "outlet", name
    if _governmental(span, head):
        return "government", name
    if (
        lemma in w.anonymous
        and head.ent_type_ != "ORG"  # "The Charlotte Observer" is a name, not an observer
        and not any(
            t.ent_type_ == "PERSON" and not _possessor(t, head) and not _affiliation(t, head)
            for t in span
        )
    ):
        return "anonymous", _of_body(head, span) or name
    if (
        head.ent_type_ in ("ORG", "NORP")
        or lemma in w.organization
        or (head.pos_ == "PROPN" and (_described_as_thing(head) or _described_as_business(head)))
    ):
        return "organization", name
    if lemma in w.person_roles:  # unnamed: one named later is a person, else a source unnamed
        several = head.tag_ == "NNS" or span[0].lower_ in ("a", "an", "one")
        of = _of_body(head, span, ("for", "at", "from"))  # "a spokesman for X", not "of state"
        return ("anonymous" if several else "person"), of or _of_person(head, span) or name
    return "unknown", name


def _with_opening_verb(verb: Token, obj: Token, name: str | None) -> str | None:
    """A sentence cannot open with a command that speaks: "Aid workers in X said", read as
    "Aid [workers]", are aid workers (the verb right before its object keeps its place)."""
    opens = verb.i == verb.sent.start and verb.tag_ == "VB"  # not "Boasting 108,000 residents"
    if name and opens and obj.left_edge.i == verb.i + 1:
        return f"{verb.text} {name}"
    return name


def _principal(head: Token, span: TokenSpan, people: PersonIndex, recent: Recent) -> str | None:
    """The body a spokesperson speaks for when named otherwise than before: by a common noun
    ("a spokesperson for the watchdog" after the Office of the Rail Commissioner spoke) or a
    short name ("a spokesperson for Lumen" after Lumen Home was named)."""
    if head.lemma_.lower() not in _SPOKESPEOPLE:
        return None
    prep = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "for"), None)
    body = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
    if body is None or body.i >= span.end or body.pos_ not in ("NOUN", "PROPN"):
        return None
    called = span.doc[body.left_edge.i : body.i + 1]
    kind, name = classify_speaker(called, people, recent)
    return name if kind in _BODY_KINDS and name and name != entity_name(called) else None


def _the_one(span: TokenSpan) -> bool:
    """A bare "the investor", "the official": one person named by what they are."""
    return len(span) == 2 and span[0].lower_ == "the" and span[1].tag_ == "NN"


def _person_for(pronoun: Token, people: PersonIndex, recent: Recent) -> str | None:
    """Who a "he" or "she" is: a person a sentence since the last speaker was about, the nearest
    first, else the last person who spoke, else the last one named."""
    return (
        people.subject_since(recent.person_end, pronoun)
        or recent.person_for(pronoun, people.sex)
        or people.last_before(pronoun)
    )


def _long_form(
    short: str, named: list[tuple[TokenSpan, str]], people: PersonIndex
) -> tuple[TokenSpan, str] | None:
    """The one body named before whose short form `short` is: its initials ("WHO", "F.A.A."),
    or the first word of its name when no other body's name holds that word ("Lumen" for
    "Lumen Home"; not "Rovers" beside "Ashby Rovers" and "Rovers Together"). Not a word of a
    person's name ("Clinton" is no "Clinton Foundation") nor one of the word lists."""
    if " " in short or not short[:1].isupper():
        return None
    named = [(span, name) for span, name in named if name in span.text]  # spelled out there
    letters = short.replace(".", "")
    w = words()
    if letters.isupper() and letters.isalpha() and 2 <= len(letters) <= 6:
        fits = {
            name: span
            for span, name in named
            if " " in name
            and "".join(p[0] for p in name.split() if p.lower() not in _NAME_CONNECTORS).upper()
            == letters
            and all(p[0].isupper() for p in name.split() if p.lower() not in _NAME_CONNECTORS)
        }
    else:
        word = short.lower()
        if word in people.by_word or any(
            word in group for group in (w.government, w.organization, w.outlet, w.anonymous)
        ):
            return None
        holding = {name for _, name in named if word in name.lower().split() and name != short}
        fits = {name: span for span, name in named if name in holding and " " in name}
        if len(holding) != 1 or next(iter(holding)).split()[0] != short:
            return None
    if len(fits) != 1:
        return None
    name, span = next(iter(fits.items()))
    return span, name


def _kind_by_noun(noun: str, kind: SpeakerKind) -> SpeakerKind:
    """The kind a common noun beside a name says it is, over the tagger's guess for the name:
    "the Spanish newspaper Diario Levante" is an outlet, "the senator Ann Lee" a person."""
    w = words()
    if noun in w.person_roles:
        return "person"
    if noun in w.outlet:
        return "outlet"
    if noun in w.organization:
        return "organization"
    return kind


def _titled_name(head: Token, span: TokenSpan) -> TokenSpan | None:
    """A name in Title Case that runs over a preposition and that the tagger took for a common
    noun and its phrase: "Reporters Without Borders", "Doctors Without Borders". Not the
    capital a sentence opens with: "Officials in Kyiv said"."""
    if not head.text[:1].isupper() or head.tag_ not in ("NNS", "NNPS"):
        return None  # people named for what they are: "Doctors", "Reporters", "Mothers"
    prep = next((c for c in head.rights if c.dep_ == "prep" and c.i < span.end), None)
    if prep is None or prep.i != head.i + 1:
        return None
    if not (prep.text[:1].isupper() or (head.pos_ == "NOUN" and head.i > head.sent.start)):
        return None
    words_of = span.doc[prep.i + 1 : min(prep.right_edge.i + 1, span.end)]
    if not words_of or any(
        not t.text[:1].isupper() and t.lower_ not in _NAME_CONNECTORS for t in words_of
    ):
        return None
    start = max(
        span.start, min((c.left_edge.i for c in head.lefts if c.dep_ in _NAME_DEPS), default=head.i)
    )
    while start < head.i and not span.doc[start].text[:1].isupper():
        start += 1
    return span.doc[start : words_of.end]


def _of_body(
    head: Token, span: TokenSpan, preps: tuple[str, ...] = ("at", "from", "of", "in", "for")
) -> str | None:
    """Unnamed people of a body go by it: "analysts at Jefferies" are "Jefferies analysts",
    "officials at the Pentagon" "Pentagon officials", "a spokesman for X" "X spokesman", "members of the charity's board" "charity
    board members" (one origin per body)."""
    for prep in head.rights:
        if prep.dep_ != "prep" or prep.lower_ not in preps:
            continue
        body = next((g for g in prep.children if g.dep_ == "pobj"), None)
        if body is None or body.i >= span.end:
            continue
        named = body.ent_type_ in ("ORG", "GPE") or (  # or a firm taken for a person
            body.ent_type_ == "PERSON" and head.tag_ == "NNS" and _whose_role(body, head)
        )  # ("analysts at Peel Hunt"; a person's lawyer is "lawyer for Ann Lee")
        if named:
            name = entity_name(span.doc[body.left_edge.i : _name_end(body, span.end)])
            return f"{name} {head.lower_}"
        if _a_body(body) and body.tag_ != "NNS":  # "members of the charity's board"
            kept = [
                t.lower_ if t.pos_ != "PROPN" else t.text
                for t in span.doc[body.left_edge.i : body.i + 1]
                if t.dep_ not in _LEADERS and t.tag_ not in ("POS", "PRP$") and not t.is_punct
            ]
            return " ".join([*kept, head.lower_])
    return None


def _one_of(head: Token, span: TokenSpan) -> TokenSpan | None:
    """The group in "one of them", "two of the officials"."""
    if head.pos_ != "NUM" or any(t.ent_type_ == "PERSON" for t in span):
        return None  # "one of the family's attorneys, Justin Bamberg" is Bamberg
    of = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    group = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if group is None or group.right_edge.i >= span.end:
        return None
    return span.doc[group.left_edge.i : group.right_edge.i + 1]


def _author(report: Token, span: TokenSpan) -> TokenSpan | None:
    """Who a report is by, when named: "an estimate by the CBO", "a report released by the
    inspector general", "a study from Harvard", "the Pentagon's assessment"."""
    for child in report.children:
        by = child
        if child.dep_ == "acl" and child.lemma_.lower() in _HOLDING:
            continue  # "documents seen by Reuters": Reuters holds them, it did not write them
        if child.dep_ == "acl":  # "released by", "published in The BMJ"
            by = next(
                (
                    g
                    for g in child.children
                    if g.dep_ == "agent" or (g.lower_ == "in" and child.lemma_ == "publish")
                ),
                child,
            )
        if by.dep_ == "poss" and by.pos_ == "PROPN":
            author = by
        elif by.dep_ in ("prep", "agent") and by.lower_ in ("by", "from", "in"):
            author = next((g for g in by.children if g.dep_ == "pobj"), None)
            if author is not None and by.lower_ == "in" and by.head.i == report.i:
                author = author if author.ent_type_ == "ORG" else None  # not "a poll in Iowa"
        else:
            continue
        if (
            author is not None
            and author.right_edge.i < span.end
            and (author.ent_type_ in _AUTHORS or _a_body(author))
        ):
            return span.doc[author.left_edge.i : _name_end(author, span.end)]
    return None


def _a_body(noun: Token) -> bool:
    """An unnamed body that may author a report: "the state agriculture department"."""
    w = words()
    lemma = noun.lemma_.lower()
    return (lemma in w.government or lemma in w.organization) and not any(
        c.dep_ == "prep" and c.lower_ == "of"
        for c in noun.children  # "a group of nonprofits"
    )


def _named_apposition(span: TokenSpan) -> TokenSpan | None:
    """The name set beside a common noun: "the mining company Southern Copper", "the
    agency, the Geological Survey,", "the club's coach, Ana Ruiz" (tagged or not)."""
    head = span.root
    if head.pos_ != "NOUN":
        return None
    for child in head.rights:
        named = child.ent_type_ or (  # not a party's "(D)" after a name
            child.tag_ in ("NNP", "NNPS") and len(child.text) > 1 and child.nbor(-1).text != "("
        )
        if child.dep_ == "appos" and named and child.right_edge.i < span.end:
            return span.doc[child.left_edge.i : _name_end(child, span.end)]  # "of Varnholt"
    return None


def _described_as_person(name: Token) -> bool:
    """An age, a "who"/"whose" clause or a person's role beside a name is said of a person
    ("Marcus Hale, chief economist at Northbridge Capital")."""
    roles = words().person_roles | words().anonymous  # "chief economist", "an analyst"
    return any(
        (c.dep_ == "appos" and c.like_num and len(c.text) <= 3)
        or (c.dep_ == "relcl" and c.left_edge.lower_ in _PERSONAL_RELATIVES - _OF_ANYONE)
        or (c.dep_ == "appos" and c.lemma_.lower() in roles)
        for c in name.rights
    )


def _a_person(ent: TokenSpan) -> bool:
    """A PERSON, or an ORG the article describes as one (the tagger's "Marcus Hale")."""
    if ent.label_ == "PERSON":
        return not (_described_as_thing(ent.root) or _described_as_business(ent.root))
    return (
        ent.label_ == "ORG"
        and ent[0].lower_ != "the"
        and (_described_as_person(ent.root) or _named_like_a_person(ent))
    )


def _named_like_a_person(ent: TokenSpan) -> bool:
    """A first name and a surname, after a title or not, are a person whatever the tagger took
    them for: "Councillor Ann Vey", "For Tom Reed, ..." (not "General Motors", "Foreign
    Ministry", "Tom Reed Holdings")."""
    w = words()
    k = ent.start
    while k < ent.end and ent.doc[k].lower_.rstrip(".") in w.honorifics:
        k += 1
    rest = ent.doc[k : ent.end]
    body_words = w.organization | w.government | w.outlet | w.bodies_named_before
    return (
        (len(rest) == 2 or (k > ent.start and len(rest) == 3))
        and rest[0].lower_ in first_names()
        and rest[0].lower_ not in w.capitals  # "the Washington Redskins"
        and all(t.is_title and t.lower_ not in body_words for t in rest)
    )


def _described_as_thing(name: Token) -> bool:
    """ "Corvane Biologics, which makes Veltrava": "which" is said of no person."""
    return any(c.dep_ == "relcl" and c.left_edge.lower_ == "which" for c in name.rights)


def _described_as_business(name: Token) -> bool:
    """ "the logistics start-up Harrow Freight", "Harrow Freight, a logistics firm": a body the
    tagger took for a person, unless a title, a first name or a person's role says otherwise
    ("Gov. Pat McCrory", "Chandler Van Voorhis, a founder of C2I, a company ...")."""
    doc = name.doc
    start = name.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    titled = start > 0 and doc[start - 1].lower_.rstrip(".") in words().honorifics
    if titled or doc[start].lower_ in first_names() or _described_as_person(name):
        return False
    said = {c.lemma_.lower() for c in name.rights if c.dep_ == "appos"}
    if name.dep_ == "appos":
        said.add(name.head.lemma_.lower())
    k = start - 1
    word = doc[k].lemma_.lower() if k >= 0 and doc[k].is_lower else ""
    while k >= 2 and doc[k - 1].text == "-" and not doc[k - 2].whitespace_:
        word, k = f"{doc[k - 2].lower_}-{word}", k - 2  # "start-up", cut in three
    said.add(word)
    return bool(said & (words().bodies_named_before | _BUSINESS_WORDS))


def _name_part(head: Token) -> TokenSpan:
    """The name a speaker's head word ends, without what follows it: "Anand" of "Anand, of
    Corran & Lowe"; nothing for "the SVP", a body's name."""
    if any(c.dep_ == "det" for c in head.children):
        return head.doc[head.i : head.i]
    first = head.i
    while first > head.sent.start and head.doc[first - 1].dep_ == "compound":
        first -= 1
    return head.doc[first : head.i + 1]


def _shared_head(head: Token) -> Token:
    """The noun a coordination shares: "Russia and North Korea experts" are experts (the parser
    coordinates "Russia" with "North Korea experts")."""
    last = next((c for c in reversed(list(head.rights)) if c.dep_ == "conj"), None)
    if (
        last is not None
        and head.pos_ == "PROPN"
        and last.pos_ == "NOUN"
        and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in last.lefts)
    ):
        return last  # and not "Russia and its allies": those stay Russia's
    return head


def _antecedent(span: TokenSpan) -> TokenSpan | None:
    """What a relative pronoun speaker stands for: "Jane Roe, who said ..." is Jane Roe."""
    pronoun = span.root
    clause = pronoun.head
    if len(span) != 1 or pronoun.tag_ not in _RELATIVE_TAGS or clause.dep_ != "relcl":
        return None
    noun = clause.head
    return span.doc[noun.left_edge.i : noun.i + 1]


def _whose(span: TokenSpan) -> TokenSpan | None:
    """Whose people a "whose researchers" speaker are: the noun the relative clause is on."""
    if len(span) < 2 or span[0].lower_ != "whose":
        return None
    clause = span.root.head
    while clause.dep_ not in ("relcl", "ROOT") and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "relcl":
        return None
    noun = clause.head
    return span.doc[noun.left_edge.i : noun.i + 1]


def _governmental(span: TokenSpan, head: Token) -> bool:
    """A government body: a seat of government ("Kyiv", "the Kremlin") or an official organ."""
    w = words()
    lemma = head.lemma_.lower()
    if head.ent_type_ == "GPE" or lemma in w.government or lemma in w.capitals:
        return True
    text = f" {span.text.lower()} "
    return any(" " in g and f" {g} " in text for g in w.government)


def entity_name(span: TokenSpan) -> str:
    """The name a speaker goes by: the head and its name modifiers, no article or possessive."""
    head = span.root
    if any(
        c.dep_ == "conj" and c.pos_ not in _CLAUSAL for c in head.children
    ):  # "Moscow and Pyongyang"
        start, end = span.start, span.end
    else:
        mods = [c for c in head.lefts if c.dep_ in _NAME_DEPS and c.i >= span.start]
        start = min((c.left_edge.i for c in mods), default=head.i)
        start = max(start, span.start)
        end = _name_end(head, span.end)
        of = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
        place = next((g for g in of.children if g.dep_ == "pobj"), None) if of else None
        if head.pos_ == "NOUN" and place is not None and place.ent_type_ in _PLACE_ENTS:
            end = _name_end(place, span.end)  # "the city of Phoenix", "the people of Ukraine"
    # no article, nor the "both" of "both Moscow and Pyongyang"
    tokens = [t for t in span.doc[start:end] if not (t.dep_ in _LEADERS and t.i == start)]
    if head.pos_ == "PROPN":  # a name begins with a capital: "nonpartisan Budget Office"
        while (
            len(tokens) > 1
            and tokens[0].dep_ == "amod"
            and tokens[0].text[:1].islower()
            and tokens[0].left_edge.i == tokens[0].right_edge.i  # not "middle- and low-income"
        ):
            tokens.pop(0)
        tokens = tokens[_described_before(tokens) :]
    while tokens and (tokens[-1].is_punct or tokens[-1].text in _POSSESSIVE):
        tokens.pop()
    return "".join(t.text_with_ws for t in tokens).strip()


def _described_before(tokens: list[Token]) -> int:
    """Where a name set after what it is begins: "British retailer [Ashcombe & Pryor]", "the
    logistics firm [Harrow Freight]" (a common noun in lower case right before the entity)."""
    k = len(tokens) - 1
    if k < 1:
        return 0
    while k > 0 and tokens[k].ent_iob_ == "I":
        k -= 1
    named = tokens[k].ent_iob_ == "B" and tokens[k].ent_type_ != "NORP"  # "low-income Americans"
    what = tokens[k - 1]
    if not (named and what.pos_ == "NOUN" and what.is_lower):
        return 0
    w = words()  # an outlet keeps what says it is one: "Belmark's state news agency BNA"
    said = {what.lemma_.lower(), f"{tokens[k - 2].lower_} {what.lemma_.lower()}" if k > 1 else ""}
    return 0 if said & (w.outlet | w.media_heads) else k


_DANGLING = frozenset({"and", "of", "for", "&", "the", "on", "in"})  # no name ends with these


def _name_end(head: Token, limit: int) -> int:
    """Where the named entity a head word begins or sits in ends, before `limit`: "the
    Department [of Homeland Security]"; a name the tagger cut after a connector runs on into
    the entity after it ("the Organisation for Economic Co-operation and | Development")."""
    doc = head.doc
    end = head.i + 1
    while end < limit and (
        doc[end].ent_iob_ == "I" or (doc[end].ent_iob_ == "B" and doc[end - 1].lower_ in _DANGLING)
    ):
        end += 1
    return end


def strip_honorifics(span: TokenSpan) -> str:
    """A person's name without titles, a trailing possessive or the town the tagger ran into
    it: "Mr. Austin’s" -> "Austin", "Ann Lee of Tolburg" -> "Ann Lee" (not "Duke of York")."""
    w = words()
    tokens = list(span)
    while tokens and tokens[0].lower_.rstrip(".") in w.honorifics and len(tokens) > 1:
        tokens.pop(0)
    of = next((k for k, t in enumerate(tokens) if t.text == "of"), len(tokens))
    tokens = tokens[:of] if of >= 2 else tokens
    while tokens and (tokens[-1].is_punct or tokens[-1].text in _POSSESSIVE):
        tokens.pop()
    return "".join(t.text_with_ws for t in tokens).strip()


def _description(ent: TokenSpan) -> set[str]:
    """Words around a person's name that say who they are: titles, appositives, "of Ukraine"."""
    root = ent.root
    start = max(root.left_edge.i, ent.start - _DESCRIPTION_REACH)
    end = min(root.right_edge.i + 1, ent.end + _DESCRIPTION_REACH)
    around = list(ent.doc[start:end])
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ == "be":  # "X has been [its
        for attr in (c for c in root.head.rights if c.dep_ == "attr"):  # interior minister]"
            around += ent.doc[attr.left_edge.i : attr.i + 1]
    return {_stem(t.lower_) for t in around if t.is_alpha} | {
        t.lemma_.lower() for t in around if t.is_alpha
    }


def _stem(word: str) -> str:
    return word.removesuffix("’s").removesuffix("'s")


def _same_place(a: str, b: str) -> bool:
    """A demonym and its country share their stem: "korean"/"korea", "polish"/"poland" (but
    not "iraqi"/"iranian")."""
    shared = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        shared += 1
    shortest = min(len(a), len(b))
    return shared >= max(_PLACE_STEM, shortest - 3) or (shared == 3 and shortest >= 6)


def _name_words(name: str) -> list[str]:
    """A name's words in lower case, without suffixes such as "III" or "Jr."."""
    suffixes = words().name_suffixes
    return [p.lower() for p in name.split() if p.lower().rstrip(".,") not in suffixes]


def _unpossessed(name: str) -> str:
    """A body's name without the possessive of whose it is: "Lee's campaign" -> "Lee campaign",
    as "the Lee campaign" is named."""
    return re.sub(r"\s*(?:’s|'s|’|')(?=\s)", "", name)


def _without_possessive(text: str) -> str:
    for mark in _POSSESSIVE:
        if text.endswith(mark):
            return text[: -len(mark)].rstrip()
    return text


def _is_pronoun(span: TokenSpan) -> bool:
    return span.root.pos_ == "PRON"
