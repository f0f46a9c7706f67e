"""Independent origins: who stands behind a claim (resolved speakers), not which outlets ran it."""

from __future__ import annotations

import re

from sqlalchemy import Connection

from claimledger.resolve.across import canonical_name, find_places, known_body

_DETERMINER = re.compile(r"^(?:the|a|an|some|several|two|three|many|other)\s+", re.I)
_COORDINATED = re.compile(r"^(?P<left>.+?)\s+and\s+(?P<right>.+)$")
UNATTRIBUTED = frozenset({"unknown", "report", "outlet"})
# One who speaks for a body is that body's voice: "Helix spokeswoman Mara Lind", "a spokesman
# for Helix", "Helix's spokesperson".
# The body's name may hold a possessive ("a spokesman for the U.S. Attorney's Office").
# The body may be named in lower case ("coast guard spokesman Nikos Dravos") or in an
# apposition ("Col Ann Lee, the defence ministry spokeswoman"); "A spokesman" names none.
_BODY = r"(?!(?:The|An?)\s)[A-Z][\w.&-]*(?:['’]s)?(?:\s+(?:(?:of|for|and|on|the|&)\s+)*[A-Z][\w.&-]*(?:['’]s)?)*"
# (two words at least when in lower case: "government spokesman Ian Moss" names no one body)
_COMMON_BODY = r"(?:[A-Z][\w.&-]*\s+[a-z]+|[a-z]+\s+[a-z]+)(?:\s+[a-z]+)?"
_SPOKESPERSON = re.compile(
    rf"^(?:[^,]+,\s+)?(?:(?:[Tt]he|[Aa]n?)\s+)?"
    rf"(?:(?P<body>{_BODY}|{_COMMON_BODY})(?:['’]s)?\s+spokes(?:man|woman|person)\b"
    rf"|spokes(?:man|woman|person)\s+for\s+(?:the\s+)?(?P<for>{_BODY}))"
)
# what a body puts out: its figures, count, results, report ...
_PAPER = (
    r"(?:figures|data|numbers|count|tally|statistics|estimates?|reports?|records|bulletin"
    r"|update|statement|assessment|results)"
)
# a body's own figures or papers are its voice: "the health ministry's latest figures", "Helix's
# annual report" (a few describing words between)
_PAPERS = re.compile(
    rf"^(?:[Tt]he\s+)?(?P<body>{_BODY}|{_COMMON_BODY})['’]s?\s+(?:[a-z][\w-]*\s+){{0,3}}?"
    rf"{_PAPER}$"
)
# ... and so are the papers it put out: "the updated count released by the Board of Audit",
# "unofficial results posted by Helix" (a person released by police is no paper)
_PUT_OUT = re.compile(
    rf"^(?:(?:[Tt]he|[Aa]n?)\s+)?(?:[a-z][\w-]*\s+){{0,3}}?{_PAPER}\s+(?:[a-z]+\s+)?"
    rf"(?:released|posted|published|issued|compiled|provided|put\s+out)\s+by\s+(?:the\s+)?"
    rf"(?P<body>{_BODY})"
)
# "a Helix official", "WHO officials in the capital": the officials of a body the corpus knows
_OFFICIAL = re.compile(rf"^(?:(?:[Tt]he|[Aa]n?)\s+)?(?P<body>{_BODY})\s+officials?\b")
_POSSESSIVE_END = re.compile(r"['’]s$")
# words before "spokesman" that say who the speaker is, not whose: "a senior spokesman"
ROLE_WORDS = frozenset(
    {
        "unnamed",
        "senior",
        "former",
        "deputy",
        "chief",
        "top",
        "press",
        "official",
        "its",
        "their",
        "his",
        "her",
        "another",
    }
)
# "the IOM and the U.N. refugee agency": two bodies speaking jointly, each an origin
_JOINT = re.compile(r"^(?P<left>.+?)\s+and\s+(?P<right>the\s+.+)$")
# "British retailer Ashcombe & Pryor", "chipmaker Nvidia": words saying what a body is, before
# its name (a demonym at most in capitals), are no part of whose voice it is
_DESCRIBED = re.compile(
    r"^(?P<desc>(?:[A-Z][\w.]*\s+)?(?:[a-z][\w-]*\s+){1,3})(?P<name>[A-Z][\w.&'’-]*"
    r"(?:\s+(?:&|and|of|for|the|[A-Z][\w.&'’-]*))*)$"
)
_FUNCTION_WORDS = frozenset({"of", "for", "and", "the", "at", "in", "on", "from", "with", "by"})
# "Ashcombe & Pryor Newsroom", "Helix Press Office": a body's own channel, where its "we" and
# its unattributed figures are the body speaking, not an outlet reporting on it
_OWN_CHANNEL = re.compile(
    r"^(?P<body>.+?)\s+(?:news\s?room|press\s+(?:office|room|centre|center)|media\s+(?:centre|center)"
    r"|news\s+(?:centre|center)|investor\s+relations)$",
    re.I,
)


def group_name(text: str) -> str:
    """Name a group speaker by its country: "U.S. officials" and "American officials" alike."""
    text = _DETERMINER.sub("", text.split(",")[0].strip())
    out, last = [], 0
    for p in find_places(text):
        out.append(text[last : p.start])
        out.append(p.entity)
        last = p.end
    out.append(text[last:])
    return re.sub(r"\s+", " ", "".join(out)).replace("'s ", " ").strip()


def origin_renames(old: str, new: str) -> list[tuple[str, str]]:
    """The origins a cluster's new canonical name renames: its name, and its name as a group
    ("coroner's office" backs claims as "coroner office")."""
    return list(dict.fromkeys([(old, new), (group_name(old), group_name(new))]))


def origins_of(
    conn: Connection,
    canonical: str | None,
    speaker_text: str | None,
    speaker_kind: str | None,
    outlet: str | None,
) -> list[str]:
    """The origins one attribution stands for; an unattributed figure is its outlet's own."""
    body = _spoken_for(speaker_text) or _spoken_for(canonical)
    if body and speaker_kind in ("person", "anonymous"):  # "Helix spokeswoman Mara Lind"
        return [canonical_name(conn, group_name(body), "organization")]
    papers = _PAPERS.match(speaker_text or canonical or "") or _PUT_OUT.match(speaker_text or "")
    if papers and speaker_kind != "person":  # "the health ministry's latest figures"
        return [canonical_name(conn, group_name(papers["body"]), "organization")]
    official = _official_of(conn, speaker_text) if speaker_kind != "person" else None
    if official:  # "a WHO official in the capital", unnamed
        return [official]
    if canonical and speaker_kind == "person":
        return [canonical]
    name = canonical or speaker_text
    channel = _OWN_CHANNEL.match(outlet or "")
    if channel and (speaker_kind or "unknown") in UNATTRIBUTED:
        return [canonical_name(conn, channel["body"], "organization")]  # its "we", its report
    if not name or (not canonical and (speaker_kind or "unknown") in UNATTRIBUTED):
        return [f"{outlet or 'unknown outlet'} (unattributed)"]
    bare = _DETERMINER.sub("", name.split(",")[0].strip())
    joint = _JOINT.match(bare) if speaker_kind != "person" else None
    if joint:
        return [
            o for part in joint.groups() for o in origins_of(conn, None, part, speaker_kind, outlet)
        ]
    m = _COORDINATED.match(bare)
    if m and find_places(m.group("left")) and find_places(m.group("right")):
        head = m.group("right").split()[-1]  # "the Ukrainian and South Korean governments"
        parts = [f"{m.group('left')} {head}", m.group("right")]
        return [group_name(p) for p in parts]
    if speaker_kind == "person":
        return [canonical_name(conn, bare, "person")]
    named = _name_described(bare) if speaker_kind in ("organization", "government") else None
    if named:
        return [canonical_name(conn, named, speaker_kind or "organization")]
    group = group_name(bare)
    if speaker_kind == "anonymous" and not any(p.start == 0 for p in find_places(group)):
        group = group[:1].lower() + group[1:]  # "People familiar ..." and "people familiar ..."
    return [group]


def _spoken_for(speaker: str | None) -> str | None:
    """The body a spokesperson speaks for, as the attribution names it."""
    m = _SPOKESPERSON.match(speaker or "")
    body = m and (m.group("body") or m.group("for"))
    if not body or set(body.lower().split()) & ROLE_WORDS:
        return None
    return _POSSESSIVE_END.sub("", body)  # "Helix's spokesperson" speaks for Helix


def _official_of(conn: Connection, speaker: str | None) -> str | None:
    """The known body whose unnamed official speaks ("a Helix official"); a country's officials
    ("U.S. officials") stay a group of their own, apart from its government."""
    m = _OFFICIAL.match(speaker or "")
    if m is None or set(m["body"].lower().split()) & ROLE_WORDS:
        return None
    return known_body(conn, m["body"])


def _name_described(text: str) -> str | None:
    """The body's name after words describing it ("British retailer Ashcombe & Pryor" is
    Ashcombe & Pryor), when the description is common nouns, a demonym at most before them."""
    m = _DESCRIBED.match(text)
    if m is None:
        return None
    desc = m["desc"].split()
    if set(desc) & _FUNCTION_WORDS or (desc[0][0].isupper() and not find_places(desc[0])):
        return None  # "Office of the Data Commissioner", "Acme chief executive Ann Lee"
    return m["name"]
