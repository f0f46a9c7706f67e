"""Across-article resolution: one canonical entity per real-world actor, each merge with evidence.

Rules that work on any story: a curated gazetteer (countries' formal names, acronyms, demonyms,
capitals and seats of government; international bodies), acronym expansion, person-name
containment (titles, initials and suffixes dropped, spelling variants folded), a body's name in
either word order ("Ministry of Health", "Health Ministry"), and a lone surname or short name
that points to exactly one known person or body, whichever of them is named first.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sqlalchemy import Connection, select

from claimledger.store import schema as t

GAZETTEER = Path(__file__).with_name("data") / "gazetteer.json"

TITLES = frozenset(
    ["mr", "mrs", "ms", "dr", "sir", "president", "vice", "prime", "minister", "secretary", "defense", "defence", "foreign", "state", "general", "gen", "lt", "col", "colonel", "major", "maj", "adm", "admiral", "sen", "senator", "rep", "representative", "gov", "governor", "chancellor", "king", "queen", "prince", "princess", "pope", "spokesperson", "spokesman", "spokeswoman", "ambassador", "chairman", "chair", "chief", "director", "commander", "lawmaker", "leader", "mayor", "judge", "justice", "premier", "supreme"]
)
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# kinds that name a body: a lone word of one is a short name a fuller name may claim later
BODY_KINDS = frozenset({"organization", "government"})
# a description names no body: "Brackley & Sons spokeswoman" lends no short name "Brackley"
DESCRIPTION_KINDS = frozenset({"anonymous"})
# a full name may claim a short name it would be found by, even if the tagger could not type it
FULL_NAME_KINDS = BODY_KINDS | {"unknown"}
# "Ministry of Health" said the other way round is "Health Ministry": a one-word head, "of",
# and up to three capitalised words it is of
_HEAD_OF = re.compile(
    r"^(?:the\s+)?(?P<head>[A-Z][a-z]+)\s+of\s+(?:the\s+)?"
    r"(?P<of>[A-Z][\w-]*(?:\s+(?:(?:and|&)\s+)?[A-Z][\w-]*){0,2})$"
)
# a company's legal form is no part of whose voice it is: "Orrin Power Co." is "Orrin Power"
LEGAL_FORMS = frozenset(
    {"co", "company", "corp", "corporation", "inc", "incorporated", "ltd", "limited", "llc", "plc",
     "llp", "ag", "sa", "nv", "gmbh"}
)
_LEGAL_FORM = re.compile(r"(?:,?\s+(?:&|and))?,?\s+(?P<form>[A-Za-z.]+)$")
# a body named by what it is, lower case ("coroner's office"), from a possessive ("Sheriff's
# Office") or as "Board of X": the one of its kind a place or owner in front may name in full
_LOWER_TAIL = re.compile(r"(?:^|\s)(?P<tail>[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*)+)$")
_POSSESSIVE_TAIL = re.compile(r"(?:^|\s)(?P<tail>[A-Z][\w-]*['’]s(?:\s+[A-Z][\w-]*)+)$")
# the lone keys a fuller name may claim, with the rule and the words of its evidence
LONE_RULES = {
    "sn:": ("surname", "is the surname of"),
    "org1:": ("short name", "is short for"),
    "kind:": ("generic name", "can only be"),
}
_ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "on", "in", "de", "to"})

# how each gazetteer field relates a name to its entity, for merge evidence
RELATIONS = {
    "name": "name of",
    "formal": "formal name of",
    "acronyms": "acronym of",
    "demonyms": "demonym of",
    "capitals": "capital and seat of government of",
    "seats": "seat of government or governing body of",
}


@dataclass(frozen=True)
class Place:
    """A gazetteer name found in a text, with the entity it stands for."""

    start: int
    end: int
    text: str
    entity: str
    relation: str


@cache
def _gazetteer() -> tuple[dict[str, tuple[str, str]], re.Pattern[str]]:
    """Alias -> (entity, relation), and one regex that finds any alias in running text."""
    data = json.loads(GAZETTEER.read_text(encoding="utf-8"))
    aliases: dict[str, tuple[str, str]] = {}
    for entry in data["countries"] + data["bodies"]:
        name = entry["name"]
        aliases.setdefault(name, (name, RELATIONS["name"]))
        for field, relation in RELATIONS.items():
            for alias in entry.get(field, []) if field != "name" else []:
                aliases.setdefault(alias, (name, relation))
    alternatives = []
    for alias in sorted(aliases, key=len, reverse=True):
        body = re.escape(alias).replace("'", "['’]")
        if aliases[alias][1] == RELATIONS["demonyms"]:
            body += "s?"
        tail = r"(?!\w)" if alias.endswith(".") else r"\b"
        alternatives.append(body + tail)
    return aliases, re.compile(r"(?<![\w.])(?:" + "|".join(alternatives) + ")")


@cache
def _bodies() -> frozenset[str]:
    """The gazetteer's bodies (the United Nations, the WHO), which are no country."""
    return frozenset(entry["name"] for entry in json.loads(GAZETTEER.read_text("utf-8"))["bodies"])


def lookup(name: str) -> tuple[str, str] | None:
    """The gazetteer entity a whole name stands for ("the Kremlin" -> Russia), and how."""
    aliases, _ = _gazetteer()
    bare = re.sub(r"^(?:the)\s+", "", name.strip(), flags=re.I).replace("’", "'")
    hit = aliases.get(bare)
    if hit is None and bare.endswith("s"):
        hit = aliases.get(bare[:-1])
        if hit and hit[1] != RELATIONS["demonyms"]:
            hit = None
    return hit


def find_places(text: str) -> list[Place]:
    """Every gazetteer name in `text`, left to right."""
    aliases, pattern = _gazetteer()
    found = []
    for m in pattern.finditer(text):
        hit = lookup(m.group(0))
        if hit:
            found.append(Place(m.start(), m.end(), m.group(0), hit[0], hit[1]))
    return found


def skeleton(word: str) -> str:
    """Fold transliteration variants: "Zelenskyy", "Zelenskiy", "Zelensky" -> "zelensk"."""
    w = re.sub(r"[^a-z]", "", word.lower())
    w = re.sub(r"(.)\1+", r"\1", w)
    return re.sub(r"[aeiouy]+$", "", w) or w


def person_tokens(name: str) -> list[str]:
    """A person's name without titles, initials and suffixes: "Mr. Lloyd J. Austin III"."""
    name = name.replace("’", "'").strip()
    while (places := find_places(name)) and places[0].start == 0:
        name = name[places[0].end :].lstrip(" ,'s")  # "U.S. Defense Secretary ..."
    tokens = [tok.strip(",") for tok in name.split()]
    tokens = [tok for tok in tokens if tok.rstrip(".").lower() not in SUFFIXES]
    while tokens and (tokens[0].rstrip(".").lower() in TITLES or tokens[0][0].islower()):
        tokens.pop(0)
    return [tok for tok in tokens if not re.fullmatch(r"[A-Z]\.?", tok)]


def acronym_of(name: str) -> str | None:
    """The acronym a name is ("D.P.R.K." -> DPRK) or would abbreviate to, if plausible."""
    letters = name.replace(".", "")
    if re.fullmatch(r"[A-Z]{2,6}", letters):
        return letters
    caps = [w for w in re.findall(r"[\w']+", name) if w.lower() not in _ACRONYM_SKIP]
    if len(caps) >= 2 and all(w[0].isupper() for w in caps):
        return "".join(w[0] for w in caps)
    return None


def name_keys(name: str, kind: str) -> list[tuple[str, str, str]]:
    """Blocking keys for a name, each with the rule and the evidence of a merge through it."""
    if kind == "unknown" and name.isalpha() and name.istitle():
        # "Rilke has denied ...", the tagger unsure what Rilke is: the one person so named
        return [(f"sn:{skeleton(name)}", "surname", f"{name!r} is the surname of")]
    if kind != "person":
        hit = lookup(name)
        if hit:
            return [(f"gaz:{hit[0]}", "gazetteer", f"{name!r} is the {hit[1]} {hit[0]}")]
        acronym = acronym_of(name)
        keys = [(f"org:{name.lower()}", "name", f"same name {name!r}")]
        keys += _legal_form_keys(name, kind)
        if acronym == name.replace(".", ""):  # "NIS", "D.P.R.K.": found by its letters
            keys.insert(0, (f"acr:{acronym}", "acronym", f"{name!r} abbreviates to {acronym}"))
        elif acronym:  # a full name: found by its acronym, never by another name's initials
            keys.append((f"acr:{acronym}", "initials", f"{name!r} abbreviates to {acronym}"))
        keys += _word_order_keys(name)
        keys += _generic_keys(name, kind)
        words = name.split()
        if (
            words
            and words[0][:1].isupper()
            and words[0].isalpha()
            and (len(words) == 1 or kind not in DESCRIPTION_KINDS)
        ):
            # a body's first word names it for short: "Northwind" for "Northwind Telecom"
            rule = "short name" if len(words) == 1 else "first word"
            keys.append((f"org1:{words[0].lower()}", rule, f"{name!r} is short for"))
        if len(words) == 1 and kind in BODY_KINDS and name.istitle():
            # "Rilke cited ...", tagged a body: the one person so named, when no body is
            keys.append((f"sn:{skeleton(name)}", "surname", f"{name!r} is the surname of"))
        return keys
    tokens = person_tokens(name)
    if not tokens:
        return []
    surname = skeleton(tokens[-1])
    if len(tokens) == 1:
        return [(f"sn:{surname}", "surname", f"{name!r} is the surname of")]
    full = f"pn:{skeleton(tokens[0])} {surname}"
    return [  # the surname key is one others are found by, never one a full name joins through
        (full, "name", f"{name!r} matches by first name and surname"),  # ("Tom Lee" is no
        (f"sn:{surname}", "surname key", f"{name!r} shares the surname"),  # "Ann Lee")
    ]


def _word_order_keys(name: str) -> list[tuple[str, str, str]]:
    """The key of a body's name in its other word order: "Ministry of Health" is also found
    as "Health Ministry", the way outlets shorten it."""
    m = _HEAD_OF.match(name)
    if m is None:
        return []
    turned = f"{m['of']} {m['head']}"
    hit = lookup(turned)  # "Department of State" is the "State Department" of the gazetteer
    if hit:
        return [(f"gaz:{hit[0]}", "gazetteer", f"{name!r} is {turned!r}, the {hit[1]} {hit[0]}")]
    return [(f"org:{turned.lower()}", "word order", f"{name!r} is {turned!r} reordered")]


def _legal_form_keys(name: str, kind: str) -> list[tuple[str, str, str]]:
    """The key of a body's name without its legal form: "Orrin Power Co.", "Orrin Power Co"
    and "Orrin Power" are one company (never a place: "Hudson's Bay" is no company)."""
    if kind in DESCRIPTION_KINDS or kind == "place":
        return []
    body = re.sub(r"^the\s+", "", name.strip(), flags=re.I)
    m = _LEGAL_FORM.search(body)
    if m and m["form"].replace(".", "").lower() in LEGAL_FORMS and body[: m.start()].strip():
        body = body[: m.start()]
    return [(f"corp:{body.lower()}", "legal form", f"{name!r} differs only in legal form from")]


def _generic_keys(name: str, kind: str) -> list[tuple[str, str, str]]:
    """The key of a body named by what it is ("the coroner's office", "the Board of
    Elections"), or of the one a place or owner in front names in full ("Alder County
    coroner's office"): the first is found by the second when no other such is named."""
    if kind not in BODY_KINDS:
        return []
    bare = re.sub(r"^the\s+", "", name.strip(), flags=re.I)
    tail = _generic_tail(bare)
    if tail is None:
        return []
    key = "kind:" + tail.lower().replace("’", "'")
    if tail == bare:
        return [(key, "generic name", f"{name!r} names no other body of its kind than")]
    front = bare[: -len(tail)].split()
    if all(word[:1].isupper() or word == "&" for word in front):
        return [(key, "qualified name", f"{name!r} is a {tail!r} named in full")]
    return []


def _generic_tail(name: str) -> str | None:
    """The words of a name saying what kind of body it is: "coroner's office", "Sheriff's
    Office", "Board of Elections"."""
    m = _LOWER_TAIL.search(name) or _POSSESSIVE_TAIL.search(name)
    if m:
        return m["tail"]
    words = name.split()
    for start in range(len(words)):
        if _HEAD_OF.match(" ".join(words[start:])):
            return " ".join(words[start:])
    return None


def resolve_entities(
    conn: Connection, rows: Iterable[tuple[int, str, str]]
) -> list[tuple[str, str]]:
    """Link (entity_id, name, kind) rows not yet linked to a canonical entity, by blocking key.

    Returns the (old, new) canonical names of clusters a fuller name renamed.
    """
    rows = list(rows)
    renames: list[tuple[str, str]] = []
    known = set(
        conn.execute(
            select(t.entity_links.c.entity_id).where(
                t.entity_links.c.entity_id.in_([r[0] for r in rows])
            )
        ).scalars()
    )
    for entity_id, name, kind in rows:
        if entity_id in known:
            continue
        known.add(entity_id)
        keys = name_keys(name, kind)
        canonical, rule, evidence = _match(conn, name, keys)
        if kind == "person" and _fullness(name) > _fullness(canonical):
            _rename(conn, canonical, name)
            renames.append((canonical, name))
            canonical = name
        conn.execute(
            t.entity_links.insert(),
            {"entity_id": entity_id, "canonical": canonical, "rule": rule, "evidence": evidence},
        )
        for key, key_rule, _ in keys:
            if (
                not (key.startswith("sn:") and len(person_tokens(name)) == 1)
                and not (key.startswith("org1:") and " " not in name)
                and key_rule != "generic name"
            ):  # a lone surname, word or kind of body is looked up, never a key others are found by
                _add_key(conn, key, canonical)
        if rule == "self":
            renames += _lone_names(conn, entity_id, kind, keys, canonical)
    return renames


def _lone_names(
    conn: Connection, entity_id: int, kind: str, keys: list[tuple[str, str, str]], canonical: str
) -> list[tuple[str, str]]:
    """A lone surname or short name new to the corpus waits for a fuller name ("Rilke", before
    anyone is named so); a new fuller name takes in the lone ones it is the only fit for."""
    renames: list[tuple[str, str]] = []
    for key, rule, _ in keys:
        if rule in ("surname", "generic name") or (
            rule == "short name" and (kind in BODY_KINDS or _speaks_as_body(conn, entity_id))
        ):
            _add_key(conn, "lone:" + key, canonical)
        elif rule in ("surname key", "qualified name") or (
            rule == "first word" and kind in FULL_NAME_KINDS
        ):
            renames += _claim_lone_names(conn, key, canonical)
    return renames


def _speaks_as_body(conn: Connection, entity_id: int) -> bool:
    """Is the entity, whatever its tagged kind, the speaker of a statement made as a body?
    ("Brackley said ...", Brackley tagged a place)"""
    s = t.statements.c
    found = conn.execute(
        select(s.id)
        .where((s.speaker_entity_id == entity_id) & s.speaker_kind.in_(BODY_KINDS))
        .limit(1)
    ).first()
    return found is not None


def _claim_lone_names(conn: Connection, key: str, full: str) -> list[tuple[str, str]]:
    """A full name arriving after its bare surname ("Rilke has denied ...", then "Tomas
    Rilke") or its short name ("Northwind", then "Northwind Telecom") takes it in, when it is
    the only full name known with that surname or first word."""
    k = t.entity_keys.c
    holders = set(conn.execute(select(k.canonical).where(k.key == key)).scalars())
    lone_key = "lone:" + key
    if holders != {full}:
        return []
    lone = list(conn.execute(select(k.canonical).where(k.key == lone_key)).scalars())
    # a lone word waits once: taken in, it is no longer there for another fuller name
    conn.execute(t.entity_keys.delete().where(k.key.startswith("lone:") & k.canonical.in_(lone)))
    rule, relation = LONE_RULES[key[: key.index(":") + 1]]
    links = t.entity_links.c
    for old in lone:
        ids = list(conn.execute(select(links.entity_id).where(links.canonical == old)).scalars())
        _rename(conn, old, full)
        conn.execute(
            t.entity_links.update()
            .where(links.entity_id.in_(ids))
            .values(rule=rule, evidence=f"{old!r} {relation} {full!r}")
        )
    return [(old, full) for old in lone]


def _find(conn: Connection, keys: list[tuple[str, str, str]]) -> tuple[str, str, str] | None:
    """The canonical entity the strongest key points to, with its rule and evidence."""
    for key, rule, evidence in keys:
        found = sorted(
            set(
                conn.execute(
                    select(t.entity_keys.c.canonical).where(t.entity_keys.c.key == key)
                ).scalars()
            )
        )
        if rule == "initials":  # a full name joins only a bare acronym seen before it
            found = [f for f in found if f.replace(".", "") == key.removeprefix("acr:")]
        if rule in ("first word", "surname key", "qualified name") or (
            rule in ("surname", "short name", "generic name", "acronym", "initials")
            and len(found) != 1
        ):
            continue  # a lone surname or word is evidence only when one known name has it
        if found:
            named = rule in ("surname", "short name", "generic name", "legal form")
            return found[0], rule, f"{evidence} {found[0]!r}" if named else evidence
        if rule == "gazetteer":
            return key.removeprefix("gaz:"), rule, evidence
    return None


def _match(
    conn: Connection, name: str, keys: list[tuple[str, str, str]]
) -> tuple[str, str, str]:
    """The canonical entity a new name joins, or itself."""
    hit = _find(conn, keys)
    return hit or (name, "self", "first seen under this name")


def _fullness(name: str) -> tuple[int, int]:
    """How complete a person's name is: more name tokens, then initials and suffixes kept."""
    tokens = person_tokens(name)
    plain = bool(tokens) and name.startswith(tokens[0])  # no title in front
    return len(tokens), len(name) if plain else 0


def _add_key(conn: Connection, key: str, canonical: str) -> None:
    exists = conn.execute(
        select(t.entity_keys.c.key).where(
            (t.entity_keys.c.key == key) & (t.entity_keys.c.canonical == canonical)
        )
    ).first()
    if exists is None:
        conn.execute(t.entity_keys.insert(), {"key": key, "canonical": canonical})


def _rename(conn: Connection, old: str, new: str) -> None:
    """A fuller name joined: it becomes the canonical name of the whole cluster."""
    conn.execute(
        t.entity_links.update().where(t.entity_links.c.canonical == old).values(canonical=new)
    )
    conn.execute(
        t.entity_keys.update().where(t.entity_keys.c.canonical == old).values(canonical=new)
    )


def canonical_names(conn: Connection, entity_ids: Iterable[int]) -> dict[int, str]:
    """entity id -> canonical name, for linked entities."""
    ids = list({i for i in entity_ids if i is not None})
    if not ids:
        return {}
    rows = conn.execute(
        select(t.entity_links.c.entity_id, t.entity_links.c.canonical).where(
            t.entity_links.c.entity_id.in_(ids)
        )
    )
    return {r.entity_id: r.canonical for r in rows}


def known_body(conn: Connection, name: str) -> str | None:
    """The body a name stands for when one of that very name or acronym is known: a gazetteer
    body, or an organization of the corpus; never a country, nor a short-name guess."""
    keys = [k for k in name_keys(name, "organization") if k[1] in ("gazetteer", "name", "acronym")]
    hit = _find(conn, keys)
    if hit is None or hit[1] == "gazetteer":
        return hit[0] if hit and hit[0] in _bodies() else None
    e, links = t.entities.c, t.entity_links.c
    kinds = conn.execute(
        select(e.kind)
        .join(t.entity_links, links.entity_id == e.id)
        .where(links.canonical == hit[0])
    ).scalars()
    return hit[0] if "organization" in set(kinds) else None


def canonical_name(conn: Connection, name: str, kind: str) -> str:
    """The canonical name for a bare name (no entity row), by the same keys."""
    hit = _find(conn, name_keys(name, kind))
    return hit[0] if hit else name
