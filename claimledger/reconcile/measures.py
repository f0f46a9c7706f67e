"""Measure keys: what a number counts, whose it is and in which aspect ("Russia casualties").

A key is `thing|owner[|aspect]`: the counted noun folded through a small table of generic
people/military nouns, the country it belongs to (gazetteer: demonyms, capitals, seats), and
an aspect (casualties, a rate). User overrides (rename, merge, split) apply on every run.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from claimledger.extract.numbers.lexicon import CURRENCY_NAMES
from claimledger.reconcile.text import STOPWORDS, lemma, words
from claimledger.resolve.across import RELATIONS, Place, find_places
from claimledger.store import schema as t

THINGS = {
    **dict.fromkeys(
        ["soldier", "troop", "personnel", "force", "serviceman", "servicemember", "fighter", "conscript", "recruit", "mercenary", "combatant", "marine", "paratrooper", "commando", "infantryman", "reservist"],
        "troops",
    ),
    **dict.fromkeys(["person", "individual", "resident", "citizen", "inhabitant"], "people"),
}
CASUALTY = frozenset(
    ["killed", "dead", "wounded", "injured", "casualty", "death", "fatality", "died", "kill", "wound", "injure",
     "drowned", "body", "missing", "injury", "unaccounted"]
)
# what befell those a casualty figure counts: the dead, the injured and the missing are three
# tolls, not one ("five people were killed and 19 injured"); other words count the dead
CASUALTY_KIND = {
    **dict.fromkeys(["wounded", "injured", "wound", "injure", "injury"], "injured"),
    **dict.fromkeys(["missing", "unaccounted"], "missing"),
}
TOLLS = frozenset(["casualties", *CASUALTY_KIND.values()])
# words only an armed force's story uses; with those any war story may share ("deployed")
ARMED = frozenset(["troop", "soldier", "military", "army", "combat", "war", "frontline", "battle", "force"])
MILITARY = ARMED | frozenset(["fight", "fighting", "deploy", "deployed", "deployment", "train", "training", "front"])
# ... of which those that count troops only where the sentence speaks of armed forces: "2,100
# personnel were deployed to the fire" are a fire's crews, "1,500 special forces personnel" troops
CIVIL_TOO = frozenset(["personnel"])
# modifiers that do not change what is counted ("new soldiers", "special forces personnel")
GENERIC = frozenset(
    ["new", "additional", "more", "other", "special", "elite", "regular", "active", "total", "estimated", "least", "nearly", "roughly", "approximately", "around", "almost", "some", "just", "only", "further", "extra", "fresh", "million", "billion", "thousand", "hundred", "dozen", "dozens", "hundreds", "thousands",
     "reported", "recorded"]
)
# a figure written in words names no thing: "at least seven" is not a measure of "seven"
NUMBER_WORDS = frozenset(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
     "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
     "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
)
AGE_UNIT = "year of age"  # the extractor's unit for ages
ONE_OF = re.compile(r"(?:one|1)\s+of\b", re.I)
# "2,000 recruits a month" is a rate; "killed 3,000 people in a month" a count over one month,
# "since it began a week ago" a date
RATE = re.compile(
    r"(?<!\bin )(?<!\bwithin )(?<!\bover )(?<!\bfor )(?<!\bthan )"
    r"\b(?:a|per|each|every)\s+(day|week|month|year)\b(?!\s+(?:ago|earlier|later|before)\b)"
    r"|\b(daily|weekly|monthly)\b"
)
_RATE_WORDS = {"daily": "day", "weekly": "week", "monthly": "month"}
DESTINATION = re.compile(r"\b(?:in|to|into|inside|across|at|toward|towards)\s+(?:the\s+)?$", re.I)
# "developing countries, excluding China": a place left out of what is counted owns none of it
EXCLUDED = re.compile(
    r"\b(?:excluding|except(?:\s+for)?|other\s+than|apart\s+from|aside\s+from|not\s+counting|besides)"
    r"\s+(?:the\s+)?$",
    re.I,
)
WINDOW = 60  # characters after the number where rate words still qualify it
# "the death toll", "the number of dead", "raised the estimate of missing": the count named
# before a figure that names none ("... has risen to 62"); the nearest such name counts
TOLL = re.compile(
    r"\btoll\b(?!\s+(?:road|booth|plaza|lane|free))"
    r"|\b(?:number|estimate|count|tally)\s+of\s+(?:the\s+)?(?:people\s+)?(?P<kind>[a-z]+)\b",
    re.I,
)
_AUX = r"(?:(?:have|has|had|were|was|are|is|been|being|now|already|also|reportedly)\s+)*"
BEFELL_AFTER = re.compile(rf"\s*{_AUX}([a-z]+(?:ed|en))\b")  # "... people have been displaced"
BEFELL_BEFORE = re.compile(r"\b([a-z]+ed)\s+$")  # "had treated [300 people]"
PASSIVE = re.compile(r"\s*(?:[a-z]+\s+)?(?:were|was|been|are|is|being)\b", re.I)
# people counted for turning out, whatever else befell them
CROWD = frozenset(["protester", "protestor", "demonstrator", "marcher", "participant", "rallygoer"])
# "40,000 people were taking part", "200,000 people joined the march": how many turned out
TOOK_PART = re.compile(rf"\s*{_AUX}(?:took|taking|take|takes)\s+part\b", re.I)
SAME_FATE = {
    "detained": "arrested", "held": "arrested", "jailed": "arrested",
    "joined": "turnout", "marched": "turnout", "attended": "turnout", "gathered": "turnout",
    "rallied": "turnout", "protested": "turnout", "demonstrated": "turnout", "turned": "turnout",
    "immunized": "vaccinated", "immunised": "vaccinated", "inoculated": "vaccinated",
}
# what befalls things counted that makes them a count of their own, each named one way: homes
# damaged are no rivals of homes destroyed (the count a story means by "homes lost", so no
# aspect), ballots rejected none of ballots still to count
FATES = {
    "damaged": "damaged",
    "threatened": "threatened",
    **dict.fromkeys(["rejected", "disqualified", "invalidated", "spoiled", "discarded"], "rejected"),
    "accepted": "accepted",
}
# those told to leave were evacuated: "41,000 people are under evacuation orders", "forced
# 30,000 residents to flee", "evacuation orders now cover 34,000 residents"
EVACUATED_AFTER = re.compile(
    rf"\s*{_AUX}(?:under\s+(?:[a-z]+\s+)?evacuation\s+orders?|(?:ordered\s+|told\s+)?to\s+(?:flee|evacuate)\b)",
    re.I,
)
EVACUATED_BEFORE = re.compile(
    r"\bevacuation\s+orders?\s+(?:now\s+)?(?:cover(?:s|ed|ing)?|affect(?:s|ed|ing)?|appl(?:y|ies|ied)\s+to)\s+$",
    re.I,
)
# "had received a first dose of vaccine": those who received a dose were vaccinated
DOSED = frozenset(["received", "given"])
DOSE = re.compile(r"\s+(?:[\w-]+\s+){0,3}?(?:dose|vaccine|jab|shot|vaccination)s?\b", re.I)
# "... had their bank details exposed": what befell a part of those counted
BEFELL_THEIR = re.compile(r"\s*(?:had|have|has)\s+(?:their|its)\s+(?:[a-z]+\s+){1,3}?([a-z]+(?:ed|en))\b")
# a part of a whole counted with it or just before: "310,000 of the 4.2 million", "Two of the
# seven members", "Of those, 310,000 ..." (not "seven members of the committee")
PARTITIVE = re.compile(
    r"(?:\d[\d.,]*|\b(?:" + "|".join(NUMBER_WORDS) + r"))(?:\s+(?:million|billion|thousand|hundred))?\s+of\s",
    re.I,
)
PART_BEFORE = re.compile(
    r"\b(?:of|among)\s+(?:them|those|these|whom|the\s+(?:\S+\s+){0,3}?\S+?)\s*,\s*"
    r"(?:(?:[^,;]{1,40},|\d[^,;]{0,40}\band)\s*){0,4}(?:[\w-]+\s+){0,3}$",  # ... and the parts after the first
    re.I,
)
# what lists the parts of a figure after it, whose places own none of the whole: "pledges of
# $4 million, among them £800,000 from the British government"
PARTS_LISTED = re.compile(r"\b(?:among them|among which|including|of which|of whom)\b", re.I)
# a name and the kind of area it may be followed by: "Nambeo", "Nambeo district"
_NAME = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*"
_AREA = (
    r"(?:\s+(?:district|region|province|county|state|ward|city|town|village|municipality|"
    r"prefecture|governorate|department|camp)s?)?"
)
# "Harlow district accounts for 1,400 cases and 60 deaths": what a place accounts for is its part
ACCOUNTS_FOR = re.compile(
    rf"\b(?:(?P<whose>{_NAME}){_AREA}\s+)?(?:accounts?|accounted|accounting)\s+for\s+"
    r"(?:(?:[^,;()]{1,40},|\d[^,;()]{0,40}\band)\s*){0,4}(?:[\w-]+\s+){0,3}$"
)
# ... and so are the figures of the places ranked after it: "followed by Penrith (900 cases, 30
# deaths), Ware (600 cases) and Bury on 12"
RANKING = re.compile(r"\b(?:accounts?|accounted|accounting)\s+for\b|\bfollowed\s+by\b", re.I)
RANKED = re.compile(rf"\b(?P<whose>{_NAME}){_AREA}\s*(?:\(\s*(?:[^,;()]{{1,40}},\s*)?|\s+(?:on|with)\s+)$")
# ... and the first place of the ranking, when the sentence opens on it: "Harlow remains the
# worst affected, with 60 deaths, followed by Penrith on 30"
RANKING_AFTER = re.compile(r"[^;()]{0,30},\s+followed\s+by\b", re.I)
OPENING = re.compile(rf"\W*(?P<whose>{_NAME}){_AREA}\s")
# "Of the deaths, 41 were in Harlow and 29 in Penrith": the place a part of a whole is in
PLACE_AFTER = re.compile(rf"\s*(?:(?:were|was|are|is)\s+)?(?:in|at)\s+(?:the\s+)?(?P<place>{_NAME})")
# "For around 310,000 customers, card numbers were also exposed": those a sentence opens by
# naming, for whom what follows holds, are a group picked out, not the story's whole count
FOR_WHOM = re.compile(r"^\W*for\s+$", re.I)
# "Of the 104 survivors, 47 are Syrian": the whole a breakdown follows owns none of its parts
WHOLE_BEFORE = re.compile(r"(?:^|[,;:])\W*(?:of|among)\s+(?:the\s+|all\s+)?$", re.I)
# "all 23 survivors it interviewed": those someone picked out of a whole, what they did to them
PICKED = re.compile(r"\s*(?:it|they|we|he|she|the\s+[a-z]+)\s+(?:had\s+|has\s+|have\s+)?([a-z]+ed)\b")
# ... but "the 2.3 million it disclosed on Tuesday" is the figure it gave, all of them
TOLD = frozenset(["disclosed", "announced", "reported", "published", "released", "confirmed",
                  "estimated", "cited", "stated", "claimed", "revealed"])
# "the last four digits of a card", "the first 10 pages": which items, by their place in an
# order, not how many of something there are
PLACE_IN_ORDER = re.compile(r"\bthe\s+(?:first|last|next|final|top|bottom)\s+$", re.I)
MONTHS = [m.lower() for m in calendar.month_name if m]
# a total over a stretch of time is not the count of one event: "1,200 died so far this year",
# "540 new cases in the seven days to Saturday"
PERIOD = re.compile(
    r"\b(?:so\s+far\s+)?this\s+(?:year|month|week|decade)\b"
    r"|\b(?:in|over|during)\s+the\s+(?:past|last)\s+(?:[\w-]+\s+)?(?:years?|months?|weeks?|decades?)\b"
    r"|\b(?:in|over|during)\s+the\s+(?:[\w-]+\s+)?(?:days?|weeks?|months?)\s+(?:to|ending|through)\b"
    rf"|\bsince\s+(?:\d{{4}}|{'|'.join(MONTHS)})\b",
    re.I,
)
# "In epidemiological week 9, 655 new cases ...; week 8 (781 cases)": a numbered week's count
NUMBERED_WEEK = re.compile(r"\bweek\s+(\d+)\b", re.I)
# "worst since 2019, when some 4,000 cases were recorded": a figure of the past time it follows
WHEN_PAST = re.compile(rf"\b(\d{{4}}|{'|'.join(MONTHS)})\s*,?\s+when\b[^,;:]*$", re.I)
# "well above the 1 percent it considers the benchmark", "fewer than the 500 it promised": a
# figure a reading is compared with, given no time of its own, is a yardstick, not a reading
COMPARED_WITH = re.compile(
    r"\b(?:above|below|under|exceeding|beyond|than|compared\s+(?:with|to)|versus|vs\.?)\s+the\s+$",
    re.I,
)
REFERENCE = "reference"
# "a margin of", "a difference of", "her lead over her rival fell to", "ahead of the mayor by",
# "won the seat by": what one side is ahead of another by
MARGIN = "margin"
MARGIN_BEFORE = re.compile(
    r"\b(?:margin|lead|gap|difference)\b[^,;.]{0,50}?\b(?:of|at|to|from|was|is)\s+(?:just\s+|only\s+)?[\"“']?$"
    r"|\b(?:ahead|led|leads|leading|won|lost|trail(?:s|ed|ing)?|behind)\s+(?:[\w'’]+\s+){0,5}?by\s+$",
    re.I,
)
# a bound a rule sets: "a margin of less than 0.5 points triggers a recount", "firms of more
# than 50 staff qualify", "if turnout falls below 50 percent"
THRESHOLD = "threshold"
RULE_AFTER = re.compile(
    r"[^,;.]{0,40}?\b(?:triggers?|requires?|mandates?|entitles?|qualif(?:y|ies)|"
    r"(?:would|will)\s+(?:trigger|require|force))\b",
    re.I,
)
CONDITION_BEFORE = re.compile(r"\b(?:if|unless)\s+[^,;.]*$", re.I)
BOUND_BEFORE = re.compile(r"\b(?:below|under|above|over|exceeds?|exceeding|beyond)\s+$", re.I)
# "turnout of 58 percent in some precincts", "jobless rates above 20% in parts of the south"
SOME_PLACES = re.compile(
    r"\s*(?:in|across|at|for)\s+(?:some|several|many|certain|a\s+few|a\s+handful\s+of|parts\s+of|"
    r"pockets\s+of|a\s+number\s+of)\s",
    re.I,
)
# what a share is the level of, named as the subject of the verb that gives it: "Turnout was
# 52 percent", "containment rose to 40 percent"
SUBJECT_OF_LEVEL = re.compile(
    r"\b([a-z][\w-]*)\s+(?:(?:has|had|have)\s+)?(?:was|is|stood\s+at|stands\s+at|(?:rose|risen|fell|fallen|"
    r"climbed|dropped|grew|grown|jumped|slipped)\s+to|reached|hit)\s+$",
    re.I,
)
# a share of a state named by its noun is the share in that state: "containment rose to 15
# percent" is "15 percent contained"
STATE_NOUNS = {
    "containment": "contained",
    **dict.fromkeys(["vaccination", "immunization", "immunisation"], "vaccinated"),
}
CLAUSE_END = re.compile(r"[,;:]")
CLAUSE_BREAK = re.compile(r"[,;:](?:\s|$)")  # ... as punctuation, not "3,000"
GENERIC_UNITS = frozenset(["percent", "percentage point", "basis point", "fraction", "cent", "penny"])
WHEN_WORDS = frozenset(
    ["year", "month", "week", "day", "hour", "minute", "quarter", "decade", "today", "yesterday", "tomorrow", "ago", "annually",
     "end", "start", "beginning", "half", "monday", "tuesday", "wednesday", "thursday",
     "friday", "saturday", "sunday", "night", "morning", "afternoon", "evening", "weekend", "tonight",
     *MONTHS]
)
# nouns that name the level of the noun before them: "inflation rate", "interest rate"
LEVEL_HEADS = frozenset(["rate", "level", "reading", "index"])
# units of a change in a share, not of its level: "raised the rate by 50 basis points" (to 6.25%)
POINT_UNITS = frozenset(["percentage point", "basis point"])
# ... and a difference from another figure: "the toll is 35 higher than the 96 reported"
DIFFERENCE = re.compile(
    r"\s*(?:[a-z]+\s+)?(?:higher|lower|more|fewer|less|greater|bigger|smaller)\s+than\b", re.I
)
CLAUSE_OPENERS = frozenset(["and", "or", "but", "so", "i", "we", "you", "he", "she", "it", "they", "that", "which", "who",
                            # subordinators: "deaths climb to 96 as clinics buckle"
                            "as", "while", "when", "whereas", "because", "although", "though"])
# ... nor, after a bare number, a place phrase: "killed 87 in the Ombara region" counts no region
WHERE_AFTER = re.compile(r"\s*(?:in|at|near|across|inside|outside|around)\s", re.I)
STATE_AFTER = re.compile(r"\s+([a-z]+(?:ed|en))\b")
# what a currency or a share is "of" or "in" when nothing else says: "$50 million in federal aid"
# ("in", "for" and "on" only before a bare common noun: "$75 million in Acme", "$5 million on
# that contract" say where the money went, not what it is)
OF_WHAT = re.compile(
    r"\s*(?:[Oo]f\s|(?:[Ii]n|[Ff]or|[Oo]n)\s+(?!(?:the|a|an|that|this|these|those|its|their|his|her|our)\b)[a-z])"
)
# a sum said to be lost is one measure, the loss, whatever else the sentence names: "investors
# lost $60 million", "cost investors $60 million", "put the net loss at", "losses of", "the loss
# to investors was", "losses from the storm could reach", "raised its estimate of losses to",
# "loss estimate climbs to"; a sum spent, raised or owed names none, nor do "costs of" or
# "costs were"
LOSS_BEFORE = re.compile(
    r"\b(?:los(?:t|e|es|ing)|cost(?:s|ing)?\s+(?!(?:of|was|were|is|are)\b)(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+)?"
    r"|loss(?:es)?(?:\s+estimates?)?(?:\s+(?:to|of|for|from|suffered\s+by)\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+)?)?"
    r"\s+(?:was|were|is|are|of|at|to|totall?(?:ed|ing)|reached|stood\s+at|came\s+to|amounted\s+to"
    r"|(?:climb|rise|rose|risen|grow|grew|grown|jump)(?:s|ed)?\s+to"
    r"|(?:would|could|will|may|might)\s+(?:be|reach|top|exceed|total)))"
    r"(?:\s+between)?\s+$",
    re.I,
)
LOSS = "loss"
# ... or the noun it is the amount "of", written before it: "a ransom of $4 million in bitcoin",
# "costs of between £40 million and £60 million"; not a word for an amount ("a total of")
NAMED_OF = re.compile(r"\b([a-z][\w-]*)\s+of\s+(?:between\s+)?$", re.I)
# ... or a new one asked for, or one set to a new amount: "launched an appeal for $14 million",
# "raised its appeal to $18 million" (not "asked the government for $5 million")
NAMED_FOR = re.compile(
    r"\b(?:(?:a|an)\s+(?=\S+\s+for\s+$)|(?:its|their|his|her|our|the)\s+(?=\S+\s+to\s+$))"
    r"([a-z][\w-]*)\s+(?:for|to)\s+$",
    re.I,
)
AMOUNT_NOUNS = frozenset(
    ["total", "sum", "amount", "value", "tune", "figure", "number", "estimate", "average",
     "maximum", "minimum", "excess", "upwards", "range", "level", "rate", "tally", "count"]
)
ISO_CURRENCY = re.compile(r"[A-Z]{3}")  # the extractor names currencies by ISO code: "USD"
PER_PERIOD = re.compile(r"\s+per\s+\w+$")  # ... and a rate of one by its period: "USD per year"
CASUALTY_WINDOW = 30  # ...and casualty words ("600,000 troops have been killed")
# ... but not those another figure counts: "3,200 cases, including 118 deaths"
OTHER_FIGURE = re.compile(r"\d[\d.,]*(?:\s+(?:million|billion|thousand|hundred))?\s+[\w-]+")


@dataclass(frozen=True)
class Measure:
    """What a quantity measures; `key` blocks quantities of the same measure together."""

    thing: str
    owner: str | None
    aspect: str | None

    @property
    def key(self) -> str:
        parts = [self.thing, self.owner or "-"] + ([self.aspect] if self.aspect else [])
        return "|".join(parts)

    @property
    def label(self) -> str:
        return " ".join(p for p in (self.owner, self.thing, self.aspect) if p)


def measure_of(q: dict[str, Any], text: str, speaker: tuple[int, int] | None) -> Measure | None:
    """The measure of one stored quantity row, read from its phrase and its sentence; a
    total over a stretch of time is a measure of that stretch."""
    m = _measure(q, text, speaker)
    period = _period(q, text) or _reference(q, text) or _difference(q, text) or _some_places(q, text)
    period = period or _threshold(q, text) or _margin(q, text)
    if m is None or period is None:
        return m
    return Measure(m.thing, m.owner, f"{m.aspect} {period}" if m.aspect else period)


def _margin(q: dict[str, Any], text: str) -> str | None:
    """A count one side leads another by ("ahead by 2,960 votes", "a margin of 3,114 votes") is
    the margin, no rival of either side's total; shares and sums keep their own keying."""
    s_start = q["sentence_start"] if q["sentence_start"] is not None else q["start_char"]
    counts = not _generic_unit(q["unit"])
    return MARGIN if counts and MARGIN_BEFORE.search(text, s_start, q["start_char"]) else None


def _threshold(q: dict[str, Any], text: str) -> str | None:
    """A bound a rule sets ("a margin of less than 0.5 points triggers a recount", "if turnout
    falls below 50 percent") is no reading of the thing it bounds."""
    s_start = q["sentence_start"] if q["sentence_start"] is not None else q["start_char"]
    bounded = q.get("change") in ("<", ">") or BOUND_BEFORE.search(text, s_start, q["start_char"])
    rule = RULE_AFTER.match(text, q["end_char"], q["end_char"] + WINDOW)
    if_so = CONDITION_BEFORE.search(text, s_start, q["start_char"])
    return THRESHOLD if bounded and (rule or if_so) else None


def _some_places(q: dict[str, Any], text: str) -> str | None:
    """A figure for some of the places ("58 percent in some northern precincts") is no rival of
    the figure for all of them."""
    return "subset" if SOME_PLACES.match(text, q["end_char"], q["end_char"] + WINDOW) else None


def _difference(q: dict[str, Any], text: str) -> str | None:
    """A figure that is the gap to another ("35 higher than the 96 reported") is a change."""
    return "change" if DIFFERENCE.match(text, q["end_char"], q["end_char"] + WINDOW) else None


def _reference(q: dict[str, Any], text: str) -> str | None:
    """A yardstick the sentence compares a reading with ("above the 1 percent ..."), when no
    time of its own makes it an earlier reading ("than the 96 reported last Tuesday")."""
    s_start = q["sentence_start"] if q["sentence_start"] is not None else q["start_char"]
    dated = q.get("time_id") is not None
    return REFERENCE if not dated and COMPARED_WITH.search(text, s_start, q["start_char"]) else None


def _period(q: dict[str, Any], text: str) -> str | None:
    """The stretch of time the figure totals, said in its clause after it ("rescued 30,000
    in the past five years") or opening its sentence ("So far this year, 1,200 ...")."""
    s_start = q["sentence_start"] if q["sentence_start"] is not None else q["start_char"]
    s_end = q["sentence_end"] if q["sentence_end"] is not None else q["end_char"]
    rest = text[q["end_char"] : s_end]
    clause = rest[: m.start()] if (m := CLAUSE_END.search(rest)) else rest
    m = PERIOD.search(clause) or PERIOD.match(text, s_start, q["start_char"])
    if m is None and (past := WHEN_PAST.search(text, s_start, q["start_char"])):
        return past[1].lower()  # "since 2019, when 4,000 were recorded" is 2019's figure
    weeks = [] if m else list(NUMBERED_WEEK.finditer(text, s_start, q["start_char"]))
    if weeks:
        return f"week {weeks[-1][1]}"  # the week named nearest before the figure
    return " ".join(m[0].lower().split()) if m else None


def _measure(q: dict[str, Any], text: str, speaker: tuple[int, int] | None) -> Measure | None:
    """The measure of one figure, read from its phrase and its sentence."""
    if ONE_OF.match(q["text"]):
        return None  # "one of 14 large wildfires" is a member, not a count of wildfires
    if q["unit"] == AGE_UNIT:
        return None  # "Petra Wolan, 58", "voters aged 18 to 24": who people are, not a count
    if _duration(q):
        return None  # "two weeks": a stretch of time, whatever toll the sentence names
    s_start = q["sentence_start"] if q["sentence_start"] is not None else q["start_char"]
    s_end = q["sentence_end"] if q["sentence_end"] is not None else q["end_char"]
    sentence = text[s_start:s_end]
    before = text[s_start : q["start_char"]]
    if PLACE_IN_ORDER.search(before):
        return None
    after = text[q["end_char"] : min(s_end, q["end_char"] + WINDOW)]
    if _lost_sum(q["unit"], before):
        phrase = LOSS
    elif _generic_unit(q["unit"]):  # "$50 million in federal aid", "45% contained": of what?
        phrase = _state_after(q["unit"], after) or q["counted"] or _named_of(before)
        phrase = phrase or _subject_of_level(before)
        phrase = phrase or (_phrase_after(after) if OF_WHAT.match(after) else "")
    else:
        phrase = q["counted"] or q["unit"] or _phrase_after(_unbounded(q))
        phrase = phrase or ("" if WHERE_AFTER.match(after) else _phrase_after(after))
    if {lemma(w) for w in words(phrase)} & WHEN_WORDS:
        phrase = ""  # "$8.4 billion last year", "stood at 79 last night": when, not what
    places = find_places(phrase)
    rest = phrase
    for p in reversed(places):
        rest = rest[: p.start] + " " + rest[p.end :]
    ws = words(rest)
    nouns = [
        lemma(w)
        for k, w in enumerate(ws)
        if (lemma(w) not in GENERIC or _grade(ws, k))
        and w.lower() not in STOPWORDS
        and w.lower() not in NUMBER_WORDS
    ]
    nearby = OTHER_FIGURE.sub(" ", after[:CASUALTY_WINDOW])
    window = [lemma(w) for w in words(f"{phrase} {nearby}")]
    aspect = _aspect(q["status"], window, f"{q['text']} {text[q['end_char'] : s_end]}", len(q["text"]) + WINDOW)
    if aspect is None and q["unit"] in POINT_UNITS:
        aspect = "change"
    lemmas = {lemma(w) for w in words(sentence)}
    things = [n if n in CIVIL_TOO and not lemmas & ARMED else THINGS.get(n, n) for n in nouns if n not in CASUALTY]
    if q["unit"] in GENERIC_UNITS:
        things = [STATE_NOUNS.get(n, n) for n in things]
    if aspect is None and len(things) > 1 and things[0] in FATES:
        aspect = FATES[things.pop(0)]  # "4,700 rejected ballots" are the ballots rejected
    if len(things) > 1 and things[-1] in LEVEL_HEADS and _generic_unit(q["unit"]):
        things = things[:-1]  # "the inflation rate eased to 6.8%" is inflation's level
    thing = things[-1] if things else None
    if len(things) > 1 and thing not in THINGS.values() and not (q["counted"] and _generic_unit(q["unit"])):
        thing = " ".join(things)  # "artillery round"; a share's noun is its head: "consumer price inflation"
    if thing is None and places and places[-1].relation == RELATIONS["demonyms"]:
        thing = "troops" if lemmas & MILITARY else "people"
    toll = _toll_before(before, q["counted"] if phrase else None)
    if toll:
        aspect, thing = toll, None  # "the death toll ... has risen to 62"
    owner = places[-1].entity if places else _named_after(after) or _owner(
        text, s_start, s_end, q["start_char"], speaker
    )
    part = not _generic_unit(q["unit"]) and _part_of_whole(q["text"], before, after)
    if part:
        owner = _place_of_part(before, after) or owner
    if aspect in TOLLS and thing in (None, "troops", "people") and not _money(q["unit"]):
        # "Of the dead, 41 were in the north": a part of the toll, not a rival of it (a sum
        # "missing" or "unaccounted for" is no toll)
        return Measure("casualties", owner, "subset" if part else None if aspect == "casualties" else aspect)
    if thing is None or thing in WHEN_WORDS or thing == "time":
        return None  # "in ONE MONTH", "shared 180,000 times": a stretch or a tally of repeats
    if aspect is None and part:
        # "310,000 of the 4.2 million customers": not the whole's count, nor in conflict with it
        return Measure(thing, owner, _what_befell(before, after) or "subset")
    picked = PICKED.match(after)
    if aspect is None and picked and picked[1].lower() not in TOLD:
        return Measure(thing, owner, picked[1])  # "23 survivors it interviewed": not all of them
    crowd = thing in CROWD
    if crowd:
        thing = "people"  # "200,000 protesters" and "40,000 people were taking part" are one crowd
    if thing == "people" and aspect is None:  # displaced, evacuated, treated: not one count
        aspect = _what_befell(before, after)
        if crowd and (aspect is None or not (aspect in SAME_FATE.values() or PASSIVE.match(after))):
            aspect = "turnout"  # "200,000 protesters filled the square"; not "were arrested"
        if aspect is None and owner is None:
            return None  # people of no country to whom nothing said befell: of what story?
    if aspect is None and thing not in THINGS.values() and not _generic_unit(q["unit"]):
        aspect = _fate(before, after)
    return Measure(thing, owner, aspect)


def _generic_unit(unit: str | None) -> bool:
    """A currency or a share counts nothing by itself: a story's pledge, revenue, ransom and
    share price are all dollars, its containment and share fall both percentages."""
    if unit is None:
        return False
    unit = PER_PERIOD.sub("", unit)  # "USD per year": a rate of dollars counts nothing either
    return unit in GENERIC_UNITS or unit in CURRENCY_NAMES or ISO_CURRENCY.fullmatch(unit) is not None


def _lost_sum(unit: str | None, before: str) -> bool:
    """Is the figure a sum of money said to be lost ("investors lost $60 million")?"""
    return _money(unit) and LOSS_BEFORE.search(before) is not None


def _money(unit: str | None) -> bool:
    """Is the unit a currency (not a share)?"""
    return unit is not None and unit not in GENERIC_UNITS and _generic_unit(unit)


def _state_after(unit: str | None, after: str) -> str | None:
    """The state a share counts ("5% contained", "70% vaccinated"); a participle after a sum of
    money qualifies it instead ("£60 million related to the incident")."""
    state = STATE_AFTER.match(after) if unit in GENERIC_UNITS else None
    return state[1] if state else None


def _subject_of_level(before: str) -> str | None:
    """The noun a share is the level of, as the subject of its verb ("Turnout was 52
    percent"); not a pronoun, nor a word for an amount ("the figure was 52 percent")."""
    m = SUBJECT_OF_LEVEL.search(before)
    word = m[1].lower() if m else None
    return m[1] if word and word not in STOPWORDS and word not in AMOUNT_NOUNS else None


def _named_of(before: str) -> str | None:
    """The noun a sum is the amount of, named just before it ("a ransom of $4 million", "an
    appeal for $14 million")."""
    m = NAMED_OF.search(before) or NAMED_FOR.search(before)
    return m[1] if m and m[1].lower() not in AMOUNT_NOUNS else None


def _duration(q: dict[str, Any]) -> bool:
    """Is the figure a stretch of time ("two weeks", "3 days"), not a count said at a time
    ("79 last night")?"""
    unit = q["unit"]
    if not unit or lemma(unit) not in WHEN_WORDS:
        return False
    return re.search(rf"(?:\d|\b(?:{'|'.join(NUMBER_WORDS)}|a|an))\W*{re.escape(unit)}", q["text"], re.I) is not None


def _what_befell(before: str, after: str) -> str | None:
    """The participle that says what happened to the people counted: "10,000 people have
    been displaced", "had treated 300 people"; words for one thing name it one way ("detained"
    is "arrested", "took part" and "marched" are the turnout, "received a first dose" is
    vaccinated, those under evacuation orders or forced to flee evacuated)."""
    if TOOK_PART.match(after):
        return "turnout"
    if EVACUATED_AFTER.match(after) or EVACUATED_BEFORE.search(before):
        return "evacuated"
    dosed = BEFELL_AFTER.match(after)
    if dosed and dosed[1].lower() in DOSED and DOSE.match(after, dosed.end()):
        return "vaccinated"
    m = dosed or BEFELL_THEIR.match(after) or BEFELL_BEFORE.search(before)
    return SAME_FATE.get(m.group(1).lower(), m.group(1).lower()) if m else None


def _fate(before: str, after: str) -> str | None:
    """What befell the things counted, when it makes them a count of their own ("300 homes were
    destroyed and 90 damaged", "it rejected 2,100 ballots")."""
    fate = _what_befell(before, after)
    return FATES.get(fate) if fate else None


def _part_of_whole(phrase: str, before: str, after: str) -> bool:
    """Is the figure a part of a whole counted with it or just before ("Of those, 310,000"), or
    the group a sentence opens on ("For 310,000 customers, ...")?"""
    return bool(
        PARTITIVE.search(phrase + after[:4])
        or PART_BEFORE.search(before)
        or ACCOUNTS_FOR.search(before)
        or _ranked_place(before, after) is not None
        or (FOR_WHOM.match(before) and after.startswith(","))
    )


def _place_of_part(before: str, after: str) -> str | None:
    """The place a part of a whole is that place's share of: named as what accounts for it or
    ranks with it ("Harlow accounts for 1,400"), or where it is ("41 were in Harlow"); parts
    of different places are not rivals, and a place's own parts over time are one measure."""
    accounts, where = ACCOUNTS_FOR.search(before), PLACE_AFTER.match(after)
    name = (accounts and accounts["whose"]) or (where and where["place"])
    name = name or _ranked_place(before, after)
    if name is None:
        return None
    places = find_places(name)
    if places:
        return places[-1].entity
    ws = name.split()
    while ws and ws[0].lower() in STOPWORDS:  # "The Harlow district", "In Harlow"
        ws.pop(0)
    return " ".join(ws) or None


def _ranked_place(before: str, after: str) -> str | None:
    """The place a figure of a ranking of places stands for ("followed by Penrith (900 cases")."""
    m = RANKED.search(before) if RANKING.search(before) else None
    if m is None and RANKING_AFTER.match(after):
        m = OPENING.match(before)
    return m["whose"] if m else None


def label_of(key: str) -> str:
    """A readable name for a measure key ("troops|North Korea" -> "North Korea troops")."""
    parts = key.split("|")
    if len(parts) < 2:
        return key  # a name the user chose
    owner = None if parts[1] == "-" else parts[1]
    return Measure(parts[0], owner, parts[2] if len(parts) > 2 else None).label


def _unbounded(q: dict[str, Any]) -> str:
    """The figure's phrase without the bound written before it: "closer to 20" is "20"."""
    hedge = q.get("hedge")
    text = q["text"]
    return text[len(hedge) :] if hedge and text.lower().startswith(hedge.lower()) else text


def _phrase_after(text: str) -> str:
    """The words after the number up to the first function word ("3,000 soldiers to ...") or
    clause break; none when a new clause begins there ("I said 3,000 and I meant it": not a
    count of "meant"; "$5 million on that day, didn't you?": not of "didn't")."""
    taken: list[str] = []
    clause = CLAUSE_BREAK.split(text, maxsplit=1)[0]
    for k, w in enumerate(words(clause)):
        if k == 0 and w.lower() in CLAUSE_OPENERS:
            break
        if w.lower() in STOPWORDS and taken:
            break
        if w.lower() not in STOPWORDS:
            taken.append(w)
    return " ".join(taken)


def _grade(ws: list[str], k: int) -> bool:
    """ "least" in "46 least developed countries" names the set; in "at least 46", a bound."""
    return (
        ws[k].lower() in ("least", "most")
        and (k == 0 or ws[k - 1].lower() != "at")
        and k + 1 < len(ws)
        and ws[k + 1].isalpha()
        and ws[k + 1].lower() not in NUMBER_WORDS
    )


def _aspect(status: str | None, window: list[str], after: str, reach: int) -> str | None:
    """A rate ("a month") opening within `reach` of the figure is more specific than casualty
    words nearby; the extractor's status counts too. The casualty word nearest the figure says
    which toll it is."""
    m = RATE.search(after)
    if m and m.start() < reach:
        return "per " + (m.group(1) or _RATE_WORDS[m.group(2)])
    kind = next((w for w in window if w in CASUALTY), None)
    if kind is not None:
        return CASUALTY_KIND.get(kind, "casualties")
    return "casualties" if status == "casualties" else None


def _toll_before(before: str, counted: str | None) -> str | None:
    """The toll a figure naming nothing updates, from the nearest toll named before it: "the
    death toll rose to 62", "the number of dead had risen to nine"; a figure counting something
    only when the toll names it ("the number of people killed has risen to 96")."""
    tolls = [m for m in TOLL.finditer(before) if not m["kind"] or lemma(m["kind"]) in CASUALTY]
    if not tolls or counted and counted.lower() not in tolls[-1][0].lower():
        return None
    kind = tolls[-1]["kind"]
    return CASUALTY_KIND.get(lemma(kind), "casualties") if kind else "casualties"


def _named_after(after: str) -> str | None:
    """The country of a demonym right after the figure ("43 Egyptian"), nearer than any named
    before it ("47 are Syrian, 43 Egyptian")."""
    first = next(iter(find_places(after)), None)
    adjacent = first is not None and not after[: first.start].strip()
    return first.entity if adjacent and first.relation == RELATIONS["demonyms"] else None


def _owner(
    text: str, s_start: int, s_end: int, start: int, speaker: tuple[int, int] | None
) -> str | None:
    """The nearest country named before the number that is neither speaker nor destination;
    else a demonym after it ("3,000 troops ... the number of North Korean soldiers")."""
    after = text[start:s_end] if not WHOLE_BEFORE.search(text[s_start:start]) else ""
    listed = PARTS_LISTED.search(after)  # "$4 million, among them £800,000 from the British ..."
    later = [
        p
        for p in find_places(after[: listed.start()] if listed else after)
        if p.relation == RELATIONS["demonyms"]
        and not (speaker and speaker[0] <= start + p.start < speaker[1])
    ]
    places: list[Place] = find_places(text[s_start:start])
    for p in reversed(places):
        at = s_start + p.start
        if speaker and speaker[0] <= at < speaker[1]:
            continue
        if DESTINATION.search(text[s_start : at]) or EXCLUDED.search(text[s_start : at]):
            continue
        if _names_currency(text, s_start + p.end):
            continue
        return p.entity
    return later[0].entity if later else None


def _names_currency(text: str, end: int) -> bool:
    """Is a place a currency's country code ("US$ 4.8 million", "HK$"), owning no figure?"""
    return text[end : end + 1] == "$"


@dataclass
class Overrides:
    """The user's measure decisions, replayed in the order they were made."""

    rows: list[dict[str, Any]]

    @classmethod
    def load(cls, conn: Connection) -> Overrides:
        query = select(t.measure_overrides).order_by(t.measure_overrides.c.id)
        return cls([dict(r._mapping) for r in conn.execute(query)])

    def apply(self, key: str, q: dict[str, Any]) -> str:
        """The measure key after the user's merges and splits."""
        haystack = f"{q['text']} {q['counted'] or ''}".lower()
        for o in self.rows:
            if o["key"] != key:
                continue
            if o["op"] == "merge" or (o["op"] == "split" and o["match"].lower() in haystack):
                key = o["target"]
        return key

    def label(self, key: str, default: str) -> str:
        """The user's name for a measure, else the generated one."""
        names = [o["label"] for o in self.rows if o["op"] == "rename" and o["key"] == key]
        return names[-1] if names else default
