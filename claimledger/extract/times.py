"""Time expressions, resolved against the publication date with the tense of their clause."""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Literal

from dateutil import parser as dateparser_util
from dateutil.relativedelta import relativedelta
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from claimledger.extract.registry import extractor
from claimledger.model import Analysis, Span, TimeExpr

# "since" is no tense of its own: it reads a clause that counts from a point before publication
# ("has fallen since Monday", "as of March"), which always names the latest such date.
Tense = Literal["past", "present", "future", "since"]
Resolved = tuple[date, date, str]  # first day, last day (inclusive), grain

_PREPS = {"on", "in", "by", "since", "until", "till", "before", "after", "from", "during",
          "through", "throughout", "over", "within", "as of", "as early as", "as late as",
          "earlier", "later", "around"}
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11),
            "winter": (12, 2)}
_PARTS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
_YEAR_PARTS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "q1": 1, "q2": 2, "q3": 3, "q4": 4}
_COUNT = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
          "seven": 7, "eight": 8, "nine": 9, "ten": 10, "several": 3, "few": 3, "a few": 3}
# How far "the coming days" or "recent weeks" reach, in their own unit.
_VAGUE_SPAN = {"day": 7, "week": 4, "month": 3, "year": 3}
# A month and day without a year this near publication are taken on the side they are nearest.
_NEAR = timedelta(days=122)
_UNIT = {"day": "days", "week": "weeks", "month": "months", "year": "years"}
_JOIN = re.compile(r"\s*(?:\bto\b|\band\b|\bthrough\b|\bor\b|\buntil\b|–|—|-(?=\s))\s*")
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_PIECE = re.compile(
    rf"^(?:(early|mid|late|the end of|end of|the beginning of|beginning of|the start of)"
    rf"[- ]?)?(?:({_MONTH_RE})\.?)?(?:\s+(\d{{1,2}})(?:st|nd|rd|th)?)?,?(?:\s+(\d{{4}}))?$")
_DAY_FIRST = re.compile(rf"^(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_RE})\.?(?:,?\s+(\d{{4}}))?$")
# Prepositions that count from a point in the past, whatever the tense ("as of" unless future).
_LOOK_BACK = {"since", "as of"}
_AHEAD = {"expect", "schedule", "plan", "slate", "due"}  # participles of what lies ahead
# Verbs whose infinitive lies ahead even in a past clause ("planned to visit on Friday").
_INTENT = _AHEAD | {"intend", "aim", "hope", "promise", "pledge", "vow", "threaten", "want",
                    "prepare", "set"}
# Prepositions of a deadline: the day something must be done by, or lasts until.
_DEADLINE = {"by", "until", "till"}
# Prepositions of the period a notice covers: "a warning from Thursday through Friday".
_COVERS = {"from", "until", "till", "through"}
# Notices issued for a period ahead: "issued a red flag warning from Thursday through Friday".
_NOTICES = {"warning", "watch", "advisory", "alert", "forecast", "curfew", "ban", "closure",
            "restriction", "lockdown", "ceasefire", "truce"}
_COMPARED = {"than", "as"}  # words that open a comparison: "more than (anyone) expected"
_UNTIL_NOW = re.compile(r"\s*(?:until|till|up to|to) (?:now|date|today)\b")
# "ten days later", "a week earlier": counted from a date the sentence named before, if any.
_AFTER_THAT = re.compile(r"\b(?:days?|weeks?|months?|years?) (?:later|earlier)$")
_CONNECTORS = {"and", "to", "or", "through", "-", "–", "—"}
_JOINERS = _CONNECTORS | {"of"}  # "the night" of "9 to 10 March", "the early hours" of "Sunday"
# A clock time or part of a day ("noon", "three hours") is kept only when it names a day.
_LABELS = {"DATE", "TIME"}
_PROBE = date(2001, 1, 1)  # any day: whether the resolver can read an expression at all
# A part of a day the sentence has named before ("on Monday morning, five by the afternoon").
_DAY_PART = re.compile(r"(?:(?:the|that) )?(?:morning|afternoon|evening|night)")
# A part of a day framing the day or days it falls in: "the early hours of Wednesday".
_FRAME = re.compile(r"^(?:(?:early|small|late|wee) hours|night|morning|afternoon|evening) of "
                    r"(?:the )?")
# Nouns a year qualifies as the reference a figure is measured against ("from 1990 levels").
_LEVELS = {"level", "baseline", "average", "peak", "price", "figure"}
# A clock time within an expression, which resolves to its day: "nearly 2 a.m. Friday".
_CLOCK = re.compile(r"\b(?:(?:at|by|until|nearly|about|around|shortly after|just after|"
                    r"shortly before|just before) )*(?:\d{1,2}(?::\d{2})? ?[ap]\.?m\b\.?|midnight|"
                    r"noon)(?: on)?\s*")
_END_OF = re.compile(r"(?:the )?end of\b")  # "by the end of the month": a deadline, its last day
_AGES = re.compile(r"\b(?:year|month|week|day)s?[- ]old\b|\bage\b|\baged\b")


@extractor("times")
def extract_times(doc: Doc, analysis: Analysis) -> None:
    """Fill `analysis.times` with every DATE expression and every TIME one that names a day,
    resolved where the text allows."""
    ref = _reference(analysis.article.published_at)
    source = doc.text  # built anew on every access: read it once
    named: list[tuple[int, date]] = []  # (offset, day) of each calendar date named so far
    days: list[tuple[int, date]] = []  # (offset, day) of each single day resolved so far
    for first, last in _date_groups(doc):
        start = _with_preposition(doc, first)
        text = source[first.start_char:last.end_char]
        span = Span.of(source, start, last.end_char)
        t = TimeExpr(span=span)
        plain = text.lower().strip().rstrip(".,")
        after_that = _AFTER_THAT.search(plain) is not None
        sent = first.sent.start_char
        anchor = ref
        if after_that:  # from the last date named earlier in the sentence, else unresolved
            anchor = _named_since(named, sent)
        if _DAY_PART.fullmatch(plain):  # the day named before it in the sentence, if any
            day = _named_since(days, sent)
            hit = None if day is None else (day, day, "day")
        elif _qualifies_a_level(last):
            hit = None
        else:
            hit = resolve(text, anchor, _reading(source, start, first, last))
        if hit is not None and _preposition(source, start, first) == "by" and \
                _END_OF.match(plain):
            hit = (hit[1], hit[1], "day")
        if hit is not None:
            t.resolved, t.resolved_end, t.grain = hit[0].isoformat(), hit[1].isoformat(), hit[2]
            if hit[2] == "day":
                days.append((first.start_char, hit[0]))
                if _names_a_day(text):
                    named.append((first.start_char, hit[0]))
        elif not any(tok.ent_type_ == "DATE" for tok in doc[first.start:last.end]):
            continue  # a clock time or a part of a day that names no day: "noon", "the night"
        elif _is_duration(text) and not after_that:
            t.grain = "duration"
        analysis.times.append(t)


def _qualifies_a_level(last: SpacySpan) -> bool:
    """Whether the expression qualifies a level ("cut 70 percent from 1990 levels", "at 2019
    prices"): the reference a figure is measured against, not when anything happened."""
    root = last.root
    return root.dep_ in ("nummod", "compound", "amod", "nmod") and root.head.i >= last.end \
        and root.head.lemma_ in _LEVELS


def _named_since(named: list[tuple[int, date]], start: int) -> date | None:
    """The last day named at or after an offset (the sentence's start)."""
    return next((d for at, d in reversed(named) if at >= start), None)


def _date_groups(doc: Doc) -> list[tuple[SpacySpan, SpacySpan]]:
    """DATE and TIME entities, cut into the phrases they hold, rid of bare numbers, trimmed of a
    dangling connector and joined when a connector links them ("September and October", "the
    night of 9 to 10 March"), or a part word leads in ("early to mid-October")."""
    ents: list[tuple[SpacySpan, int]] = []  # each phrase, with the entity it was cut from
    for n, ent in enumerate(doc.ents):
        if ent.label_ not in _LABELS or _AGES.search(ent.text.lower()):
            continue
        for piece in _phrases(ent):
            if _bare_number(piece):
                continue
            end = piece.end
            while end > piece.start + 1 and doc[end - 1].lower_ in _CONNECTORS:
                end -= 1
            start = _day_left_out(doc, piece.start)
            if start >= 2 and doc[start - 1].lower_ in _CONNECTORS and \
                    doc[start - 2].lower_ in _PARTS:
                start -= 2
            ents.append((doc[start:end], n))
    groups: list[tuple[SpacySpan, SpacySpan]] = []
    for i, (ent, n) in enumerate(ents):
        if groups and ents[i - 1][1] != n:  # phrases cut apart stay apart
            first, last = groups[-1]
            gap = doc[last.end:ent.start]
            if len(gap) <= 1 and all(t.lower_ in _JOINERS for t in gap):
                groups[-1] = (first, ent)
                continue
        groups.append((ent, ent))
    return groups


def _day_left_out(doc: Doc, start: int) -> int:
    """Where a date starts with the day before its month that the tagger left out of it ("as
    of 5 | March 2025"), else where it starts."""
    if start == 0 or doc[start].lower_.rstrip(".") not in _MONTHS:
        return start
    day = doc[start - 1]
    if day.ent_type_ in _LABELS or not re.fullmatch(r"\d{1,2}", day.text) or \
            not 1 <= int(day.text) <= 31:
        return start
    return start - 1


def _phrases(ent: SpacySpan) -> list[SpacySpan]:
    """The entity, or where it does not read as one time, the phrases the parse finds in it, each
    rid of a leading preposition: "declared [Wednesday] [a day] of mourning", "stood at [79]
    [last night]", "[five] by [the afternoon]"."""
    if resolve(ent.text, _PROBE) is not None:
        return [ent]
    doc = ent.doc
    cuts = {ent.start} | {max(tok.left_edge.i, ent.start) for tok in ent
                          if tok.head == tok or not ent.start <= tok.head.i < ent.end}
    if len(ent) > 1 and ent[0].like_num and ent[1].dep_ == "prep" and ent[1].lower_ != "of":
        cuts.add(ent.start + 1)  # a count glued to a time: "[five] by the afternoon"
    bounds = [*sorted(cuts), ent.end]
    pieces = [doc[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
    if len(pieces) == 1:
        return pieces
    pieces = [pieces[0]] + [p[1:] if len(p) > 1 and p[0].dep_ == "prep" else p for p in pieces[1:]]
    return [p for p in pieces if _reads_as_time(p.text)]


def _reads_as_time(text: str) -> bool:
    """Whether a phrase cut from an entity is a time at all ("Last week", not the "Stumpf" the
    entity ran on into): one the resolver reads, a duration, or a part of a day."""
    return resolve(text, _PROBE) is not None or _is_duration(text) or \
        _DAY_PART.fullmatch(text.lower().strip()) is not None


def _bare_number(piece: SpacySpan) -> bool:
    """A number alone is no time unless it is a year or a day before its month ("21 | November
    2025", cut in two by the tagger): "45 had been launched", "Ms. Lee, 67"."""
    if len(piece) != 1 or not piece[0].like_num or re.fullmatch(r"\d{4}", piece.text):
        return False
    nxt = piece.doc[piece.end] if piece.end < len(piece.doc) else None
    return nxt is None or nxt.lower_.rstrip(".") not in _MONTHS


def _reference(published_at: str | None) -> date | None:
    if not published_at:
        return None
    try:
        return date.fromisoformat(published_at[:10])
    except ValueError:
        return None


def _with_preposition(doc: Doc, ent: SpacySpan) -> int:
    """Start of the expression including a temporal preposition before it ("on Wednesday")."""
    i = ent.start
    for width in (3, 2, 1):
        if i - width >= 0 and doc[i - width:i].text.lower() in _PREPS:
            return doc[i - width].idx
    return ent.start_char


def _reading(source: str, start: int, first: SpacySpan, last: SpacySpan) -> Tense:
    """The tense of the expression's clause, or "since" when it counts from a point in the past:
    "since Monday", "as of March" (unless in a future clause), "from Monday until now"."""
    tense = tense_of(first.root)
    prep = _preposition(source, start, first)
    if prep in _LOOK_BACK and (prep != "as of" or tense != "future"):
        return "since"
    if prep == "from" and _UNTIL_NOW.match(source, last.end_char):
        return "since"
    if source[max(0, start - 4) : start].lower() == "for " and tense != "future":
        return "future"  # what is set for a day is ahead of it: "called a march for Saturday"
    if prep in _COVERS and tense == "past" and _covered_by_notice(first.root):
        return "present"
    if prep in _DEADLINE:
        return _deadline_reading(first.root, tense)
    return tense


def _verb_of(tok: Token) -> Token | None:
    """The verb a time expression hangs on, if any."""
    node = tok
    while node.pos_ not in ("VERB", "AUX"):
        if node.head == node:
            return None
        node = node.head
    return node


def _covered_by_notice(tok: Token) -> bool:
    """Whether the time is the period a notice covers ("issued a warning from 5 a.m. Thursday
    through Friday", "imposed a curfew until Monday"): what a past verb issued lies on either
    side of publication, so the days nearest it."""
    node = tok
    while node.pos_ not in ("VERB", "AUX") and node.head != node:
        node = node.head
        if node.lemma_.lower() in _NOTICES:
            return True
    return node.pos_ in ("VERB", "AUX") and any(
        c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in _NOTICES
        for c in node.children)


def _deadline_reading(tok: Token, tense: Tense) -> Tense:
    """A deadline ("by Friday", "until Monday") lies ahead in a present clause ("have until
    Monday to respond"); on a bare participle it is read in the clause of what the participle
    qualifies ("ballots received by Friday will be counted"); one given to do something in a
    past clause ("were given until Monday to respond") may lie on either side: the nearest."""
    verb = _verb_of(tok)
    if verb is None:
        return tense
    if _bare_participle(verb):
        tense = tense_of(_first_conjunct(verb).head)
    if tense == "present":
        return "future"
    if tense == "past" and any(_infinitive(c) for c in verb.children):
        return "present"
    return tense


def _bare_participle(node: Token) -> bool:
    """A participle qualifying a noun, with no auxiliary: "a treaty signed in June", "ballots
    postmarked by Tuesday and received by Friday"."""
    return node.tag_ == "VBN" and _first_conjunct(node).dep_ in ("acl", "relcl", "advcl") and \
        not any(c.dep_ in ("aux", "auxpass") for c in node.children)


def _first_conjunct(node: Token) -> Token:
    """The first of the words a conjunction joins ("signed" of "signed and ratified")."""
    while node.dep_ == "conj" and node.head != node:
        node = node.head
    return node


def _infinitive(node: Token) -> bool:
    """Whether a token is a to-infinitive ("to respond")."""
    return node.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)


def _preposition(source: str, start: int, first: SpacySpan) -> str:
    """The temporal preposition `_with_preposition` took in, if any ("on", "by", "as of")."""
    return source[start:first.start_char].strip().lower()


def _names_a_day(text: str) -> bool:
    """Whether an expression names a calendar day ("Sept. 5", "5 September 2024", "2024-09-05"),
    not one counted from publication ("Monday", "yesterday", "3 days ago")."""
    t = re.sub(r"\s+", " ", text.lower()).strip().rstrip(".,")
    m = _PIECE.match(t)
    return bool(_DAY_FIRST.match(t) or (m and m[2] and m[3])
                or re.fullmatch(r"\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}", t))


def _is_duration(text: str) -> bool:
    return bool(re.search(r"\b(?:days?|weeks?|months?|years?|decades?|hours?)\b", text.lower()))


_WILL = frozenset({"will", "'ll", "shall", "wo"})
_DECLARING = frozenset({"declare", "designate", "proclaim", "name", "make"})
_DAY_NOUNS = frozenset({"day", "holiday"})


def tense_of(tok: Token) -> Tense:
    """Tense of the clause a token sits in: modals and infinitives of intent read as future."""
    if _declared_day(tok):
        return "future"
    node = tok
    while True:
        if node.pos_ in ("VERB", "AUX"):
            aux = [c for c in node.children if c.dep_ in ("aux", "auxpass")]
            words = {c.lower_ for c in aux} | {node.lower_}
            if _conjectured_past(node, aux, words):
                return "past"  # "the intrusion may have begun in mid-February"
            if words & (_WILL | {"would", "could", "might", "may"}):
                return "future"
            if any(c.lower_ == "to" for c in aux):
                return _infinitive_tense(node)
            if _awaited(node):
                return "future"  # "an announcement expected on Monday", "talks scheduled for"
            if _bare_participle(node):
                return "past"  # "a treaty signed during a summit in June"
            if any("Past" in c.morph.get("Tense") for c in aux) or (
                    "Past" in node.morph.get("Tense") and node.tag_ == "VBD"):
                return "past"
            if node.tag_ in ("VBZ", "VBP") or any(c.tag_ in ("VBZ", "VBP") for c in aux):
                if node.dep_ == "advcl" and tense_of(node.head) == "future":
                    return "future"  # "it could rise before the summit closes on Friday"
                return "present"
        if node.head == node:
            return "past"
        node = node.head


def _infinitive_tense(node: Token) -> Tense:
    """An infinitive lies ahead ("plans to visit on Friday"), but one a past verb governs that
    does not look ahead tells what was done, on either side of publication ("was asked to leave
    on Wednesday night", "agreed to pay on Monday"): the day nearest it."""
    head = node.head
    if node.dep_ in ("xcomp", "ccomp") and head.pos_ in ("VERB", "AUX") and \
            head.lemma_.lower() not in _INTENT and tense_of(head) == "past":
        return "present"
    return "future"


def _conjectured_past(node: Token, aux: list[Token], words: set[str]) -> bool:
    """A modal with a perfect guesses at what has happened ("may have begun", "could have
    been"), unlike a future perfect ("will have finished by June")."""
    return node.tag_ == "VBN" and any(c.lemma_ == "have" for c in aux) \
        and not words & _WILL


def _declared_day(tok: Token) -> bool:
    """A day declared one of mourning or rest lies ahead: "declared Wednesday a day of
    mourning" (not "declared Wednesday that ...", said on Wednesday)."""
    doc = tok.doc
    if tok.head.lemma_.lower() not in _DECLARING or tok.i + 2 >= len(doc):
        return False
    after = doc[tok.i + 1 : tok.i + 4]
    return after[0].lower_ in ("a", "an") and any(t.lemma_.lower() in _DAY_NOUNS for t in after)


def _awaited(node: Token) -> bool:
    """Whether a participle of what lies ahead is said of what is awaited ("an announcement
    expected on Monday", "talks are scheduled for May"), not by those who awaited it: a perfect
    ("analysts had expected on Monday") or a comparison ("more than anyone expected on Monday",
    which the parser reads as a participle of "anyone"; "as expected") tells what was foreseen."""
    if node.tag_ != "VBN" or node.lemma_ not in _AHEAD:
        return False
    if any(c.dep_ == "aux" and c.lemma_ == "have" for c in node.children):
        return False
    if any(c.dep_ == "mark" and c.lower_ in _COMPARED for c in node.children):
        return False
    return not (node.dep_ == "acl" and node.head.dep_ == "pobj"
                and node.head.head.lower_ in _COMPARED)


@lru_cache(maxsize=4096)  # asked twice of each expression: can it be read at all, and as what
def resolve(text: str, ref: date | None, tense: Tense = "past") -> Resolved | None:
    """The interval a time expression names, seen from `ref` in a clause of `tense`."""
    if ref is None and not re.search(r"\d{4}", text):
        return None
    t = re.sub(r"\s+", " ", text.lower().replace("’", "'")).strip().rstrip(".,")
    t = re.sub(r"^(?:the|this past|as early as|as late as)\s+", "", t)
    t = _FRAME.sub("", t)  # "the early hours of Wednesday" falls in Wednesday
    t = _CLOCK.sub("", t).strip()  # "9 a.m. Sunday", "midnight Friday" fall on that day
    for rule in (_relative_day, _relative_period, _ago, _vague, _decade, _year, _years, _quarter,
                 _season, _weekday, _weekdays, _weekend, _months, _numeric):
        hit = rule(t, ref or date.min, tense)
        if hit is not None:
            return hit
    return None


def _relative_day(t: str, ref: date, tense: Tense) -> Resolved | None:
    offsets = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0,
               "this evening": 0, "yesterday": -1, "tomorrow": 1, "last night": -1}
    if t in offsets:
        d = ref + timedelta(days=offsets[t])
        return d, d, "day"
    if t == "overnight":  # the night just gone, or in a future clause the one to come
        d = ref if tense == "future" else ref - timedelta(days=1)
        return d, d + timedelta(days=1), "night"
    return None


def _period(d: date, unit: str) -> tuple[date, date]:
    """The calendar week (Monday first), month, quarter or year holding a day."""
    if unit == "week":
        start = d - timedelta(days=d.weekday())
        return start, start + timedelta(days=6)
    if unit == "month":
        return d.replace(day=1), d.replace(day=calendar.monthrange(d.year, d.month)[1])
    if unit == "quarter":
        start = date(d.year, d.month - (d.month - 1) % 3, 1)
        return start, start + relativedelta(months=3, days=-1)
    return date(d.year, 1, 1), date(d.year, 12, 31)


def _shift(d: date, unit: str, n: int) -> date:
    if unit == "quarter":
        return d + relativedelta(months=3 * n)
    return d + relativedelta(**{_UNIT[unit]: n})


def _relative_period(t: str, ref: date, tense: Tense) -> Resolved | None:
    """ "last week", "earlier this month", "earlier in the week", "the end of next year",
    "late last week", "the coming quarter"."""
    m = re.fullmatch(r"(?:(?:the )?(end|start|beginning) of (?:the )?|(early|mid|late)[- ])?"
                     r"(last|next|this|past|coming|earlier this|later this|earlier in the|"
                     r"later in the)? ?(week|month|quarter|year)(?:'s)?", t)
    if m is None or not (m[1] or m[3]):
        return None
    part, which, unit = m[1], m[3] or "this", m[4]
    step = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(which, 0)
    if step == -1 and unit == "week" and ref.weekday() == 6:
        step = 0  # on a Sunday the week just ended is "last week" (where weeks start on Sunday)
    start, end = _period(_shift(ref, unit, step), unit)
    if which.startswith("earlier"):
        end = ref
    elif which.startswith("later"):
        start = ref
    if m[2]:
        start, end = _part_of(start, end, m[2])
    elif part == "end":
        start = max(start, end - timedelta(days=min(30, (end - start).days // 4)))
    elif part is not None:
        end = min(end, start + timedelta(days=min(30, (end - start).days // 4)))
    return start, end, unit


def _part_of(start: date, end: date, part: str) -> tuple[date, date]:
    """The early, middle or late third of a period ("late last week": its Friday to Sunday)."""
    n = (end - start).days + 1
    i = ("early", "mid", "late").index(part)
    return start + timedelta(days=n * i // 3), start + timedelta(days=n * (i + 1) // 3 - 1)


def _ago(t: str, ref: date, tense: Tense) -> Resolved | None:
    m = re.fullmatch(r"(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|several)"
                     r" (day|week|month|year)s? (ago|from now|later|earlier)", t)
    if m is None:
        return None
    n = int(m[1]) if m[1].isdigit() else _COUNT[m[1]]
    d = _shift(ref, m[2], -n if m[3] in ("ago", "earlier") else n)
    return (d, d, "day") if m[2] == "day" else (*_period(d, m[2]), m[2])


def _vague(t: str, ref: date, tense: Tense) -> Resolved | None:
    """ "the coming days", "recent weeks", "the past two years", "the next few months"."""
    m = re.fullmatch(r"(coming|next|past|last|recent|previous|upcoming)(?: (\d+|a few|few|"
                     r"several|two|three|four|five|six|seven|eight|nine|ten))? "
                     r"(day|week|month|year)s", t)
    if m is None:
        return None
    n = int(m[2]) if m[2] and m[2].isdigit() else _COUNT.get(m[2] or "", _VAGUE_SPAN[m[3]])
    if m[1] in ("coming", "next", "upcoming"):
        return ref, _shift(ref, m[3], n), _UNIT[m[3]]
    return _shift(ref, m[3], -n), ref, _UNIT[m[3]]


def _decade(t: str, ref: date, tense: Tense) -> Resolved | None:
    m = re.fullmatch(r"(?:(early|mid|late)[- ])?(\d{3})0'?s|(?:the )?(\d{1,2})(?:st|nd|rd|th) "
                     r"century", t)
    if m is None:
        return None
    if m[3]:
        first = (int(m[3]) - 1) * 100
        return date(max(first, 1), 1, 1), date(first + 99, 12, 31), "century"
    first = int(m[2]) * 10
    lo, hi = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}.get(m[1] or "", (0, 9))
    return date(first + lo, 1, 1), date(first + hi, 12, 31), "decade"


def _year(t: str, ref: date, tense: Tense) -> Resolved | None:
    m = re.fullmatch(r"(?:(early|mid|late|the end of|end of)[- ]?)?(?:fiscal )?(\d{4})", t)
    if m is None or not 1000 <= int(m[2]) <= 2999:
        return None
    y = int(m[2])
    if m[1] is None:
        return date(y, 1, 1), date(y, 12, 31), "year"
    part = "late" if m[1].endswith("end of") else m[1]
    lo, hi = _YEAR_PARTS[part]
    return date(y, lo, 1), date(y, hi, calendar.monthrange(y, hi)[1]), "year-part"


def _years(t: str, ref: date, tense: Tense) -> Resolved | None:
    """Years spanned: "from 1995 to 1997", "early 2024 to mid-2025" (not "in 2008 and 2012")."""
    if re.search(r"\b(?:and|or)\b", t):
        return None
    spans = [_year(p, ref, tense) for p in _JOIN.split(t) if p]
    if len(spans) < 2 or any(s is None for s in spans):
        return None
    return min(s[0] for s in spans), max(s[1] for s in spans), "range"  # type: ignore[index]


def _quarter(t: str, ref: date, tense: Tense) -> Resolved | None:
    m = re.fullmatch(r"(first|second|third|fourth|q1|q2|q3|q4)(?: quarter)?(?: of)?(?: (\d{4}))?",
                     t)
    if m is None or (m[1].startswith("q") is False and "quarter" not in t):
        return None
    q = _ORD[m[1]]
    year = int(m[2]) if m[2] else _year_for_month(3 * q - 2, ref, tense, 3 * q)
    lo, hi = 3 * q - 2, 3 * q
    return date(year, lo, 1), date(year, hi, calendar.monthrange(year, hi)[1]), "quarter"


def _season(t: str, ref: date, tense: Tense) -> Resolved | None:
    m = re.fullmatch(r"(?:(last|next|this|early|late) )?(spring|summer|fall|autumn|winter)"
                     r"(?: of)?(?: (\d{4}))?", t)
    if m is None:
        return None
    lo, hi = _SEASONS[m[2]]
    if m[3]:
        year = int(m[3])
    else:
        step = {"last": "past", "next": "future", "this": "present"}.get(m[1] or "", tense)
        year = _year_for_month(lo, ref, step, hi if hi > lo else 12)  # type: ignore[arg-type]
        if m[1] == "last" and year == ref.year and lo <= ref.month:
            year -= 1 if ref.month <= (hi if hi > lo else 12) else 0
    end_year = year + 1 if hi < lo else year
    return date(year, lo, 1), date(end_year, hi, calendar.monthrange(end_year, hi)[1]), "season"


def _weekday(t: str, ref: date, tense: Tense) -> Resolved | None:
    m = re.fullmatch(r"(?:(last|next|this|past|coming) )?(?:(?:early|late) )?(monday|tuesday|"
                     r"wednesday|thursday|friday|saturday|sunday)(?:'s)?"
                     r"(?: (?:morning|afternoon|evening|night))?(?: of (last|next|this) week(?:'s)?)?",
                     t)
    if m is None:
        return None
    wd = _WEEKDAYS[m[2]]
    back = (ref.weekday() - wd) % 7
    ahead = (wd - ref.weekday()) % 7
    if m[3]:  # "Monday of last week"
        d = _period(_shift(ref, "week", {"last": -1, "next": 1}.get(m[3], 0)), "week")[0]
        d += timedelta(days=wd)
    elif m[1] in ("last", "past"):
        d = ref - timedelta(days=back or 7)
    elif m[1] in ("next", "coming"):
        d = ref + timedelta(days=ahead or 7)
    elif tense == "future":
        d = ref + timedelta(days=ahead)
    elif tense == "present":
        d = ref - timedelta(days=back) if back <= ahead else ref + timedelta(days=ahead)
    else:
        d = ref - timedelta(days=back)
    return d, d, "day"


def _weekdays(t: str, ref: date, tense: Tense) -> Resolved | None:
    """Days joined ("Tuesday to Wednesday"): the first as the clause reads it, the rest after it."""
    pieces = [p for p in _JOIN.split(t) if p]
    if len(pieces) < 2 or any(p not in _WEEKDAYS for p in pieces[1:]):
        return None
    first = _weekday(pieces[0], ref, tense)
    if first is None:
        return None
    last = first[0]
    for p in pieces[1:]:
        last += relativedelta(weekday=_WEEKDAYS[p])  # the first such day on or after
    return first[0], last, "range"


def _weekend(t: str, ref: date, tense: Tense) -> Resolved | None:
    """The Saturday and Sunday of a week: this one ahead, the last one gone by in a past clause
    (this one on a weekend) or the nearer one in the present, "last" the one before, "next" the
    one after."""
    m = re.fullmatch(r"(?:(last|next|this|past|coming) )?weekend(?:'s)?", t)
    if m is None:
        return None
    saturday = _period(ref, "week")[0] + timedelta(days=5)
    on_weekend = ref.weekday() >= 5
    if m[1] in ("last", "past"):
        saturday -= timedelta(days=7)
    elif m[1] in ("next", "coming"):
        saturday += timedelta(days=7 if on_weekend else 0)
    elif m[1] is None and not on_weekend and (
            tense in ("past", "since") or tense == "present" and ref.weekday() < 2):
        saturday -= timedelta(days=7)  # in the present, the nearer one: Monday's is just gone
    return saturday, saturday + timedelta(days=1), "weekend"


def _year_for_month(month: int, ref: date, tense: Tense, last_month: int | None = None) -> int:
    """The year a month without a year falls in: the latest one not after publication in a
    past clause or one counted from ("since March"), the next one not before it in a future
    clause, this year otherwise."""
    if tense in ("past", "since"):
        return ref.year if month <= ref.month else ref.year - 1
    if tense == "future":
        return ref.year if (last_month or month) >= ref.month else ref.year + 1
    return ref.year


def _year_for_day(month: int, day: int, ref: date, tense: Tense) -> int:
    """The year a month and day without a year fall in. News leaves the year out of dates near
    publication, and reports plans in the past tense ("the vote was moved to March 12"), so the
    date nearest publication wins when it is within `_NEAR` of it; further away either side is
    about as near, and the tense decides: a past clause looks back, a future one ahead. A date
    counted from ("since March 12") is the latest one not after publication."""
    days = [date(y, month, day) for y in (ref.year - 1, ref.year, ref.year + 1)
            if date.min.year <= y < date.max.year and 1 <= day <= calendar.monthrange(y, month)[1]]
    if not days:
        return ref.year  # no such day: the caller rejects it
    nearest = min(days, key=lambda d: abs(d - ref))
    if tense == "since":
        return max((d for d in days if d <= ref), default=nearest).year
    if abs(nearest - ref) <= _NEAR or tense == "present":
        return nearest.year
    if tense == "past":
        return max((d for d in days if d <= ref), default=nearest).year
    return min((d for d in days if d >= ref), default=nearest).year


def _months(t: str, ref: date, tense: Tense) -> Resolved | None:
    """Months with parts, days and years, alone or joined: "early to mid-October",
    "September and October", "Oct. 21", "21 October 2024", "December 2019"."""
    pieces = [p for p in _JOIN.split(t) if p]
    parsed = []
    for p in pieces:
        m = _DAY_FIRST.match(p)
        if m:
            parsed.append((None, m[2], m[1], m[3]))
            continue
        m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?", p)
        if m:  # a day taking its month from a piece by it: "9 to 10 March", "March 9 to 10"
            parsed.append((None, None, m[1], None))
            continue
        m = _PIECE.match(p)
        if m is None or not (m[1] or m[2]):
            return None
        parsed.append((m[1], m[2], m[3], m[4]))
    if not any(month for _, month, _, _ in parsed):
        return None
    # a piece without a month or year takes them from the next piece ("early to mid-October")
    month = year = None
    filled = []
    for part, mon, day, yr in reversed(parsed):
        month = mon or month
        year = yr or year
        filled.append((part, month, day, year))
    filled.reverse()
    # ... and a day after a month takes the month before it ("Sept. 19 to 22")
    month = None
    for i, (part, mon, day, yr) in enumerate(filled):
        month = mon or month
        filled[i] = (part, month, day, yr)
    if any(mon is None for _, mon, _, _ in filled):
        return None
    spans = [_month_piece(part, mon, day, yr, ref, tense) for part, mon, day, yr in filled]
    if any(s is None for s in spans):
        return None
    start = min(s[0] for s in spans)  # type: ignore[index]
    end = max(s[1] for s in spans)  # type: ignore[index]
    grain = spans[0][2] if len(spans) == 1 else "range"  # type: ignore[index]
    return start, end, grain


def _month_piece(part: str | None, mon: str, day: str | None, yr: str | None, ref: date,
                 tense: Tense) -> Resolved | None:
    m = _MONTHS[mon]
    if yr:
        year = int(yr)
    elif day:
        year = _year_for_day(m, int(day), ref, tense)
    else:
        year = _year_for_month(m, ref, tense)
    last = calendar.monthrange(year, m)[1]
    if day:
        d = int(day)
        if not 1 <= d <= last:
            return None
        return date(year, m, d), date(year, m, d), "day"
    if part is None:
        return date(year, m, 1), date(year, m, last), "month"
    key = "late" if "end" in part else "early" if ("beginning" in part or "start" in part) \
        else part
    lo, hi = _PARTS[key]
    return date(year, m, lo), date(year, m, min(hi, last)), "month-part"


def _numeric(t: str, ref: date, tense: Tense) -> Resolved | None:
    """ISO and numeric dates ("2024-10-21", "10/21/2024"), read by dateutil."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}", t):
        return None
    try:
        d = dateparser_util.parse(t, default=datetime(max(ref.year, 1900), 1, 1))
    except (ValueError, OverflowError):
        return None
    return d.date(), d.date(), "day"
