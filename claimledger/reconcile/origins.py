"""Independent origins: who stands behind a claim (resolved speakers), not which outlets ran it."""

from __future__ import annotations

import re

from sqlalchemy import Connection

from claimledger.resolve.across import canonical_name, find_places

_DETERMINER = re.compile(r"^(?:the|a|an|some|several|two|three|many|other)\s+", re.I)
_COORDINATED = re.compile(r"^(?P<left>.+?)\s+and\s+(?P<right>.+)$")
UNATTRIBUTED = frozenset({"unknown", "report", "outlet"})
# One who speaks for a body is that body's voice: "Helix spokeswoman Mara Lind", "a spokesman
# for Helix", "Helix's spokesperson".
_BODY = r"[A-Z][\w.&-]*(?:\s+(?:(?:of|for|and|on|the)\s+)*[A-Z][\w.&-]*)*"
_SPOKESPERSON = re.compile(
    rf"^(?:(?:[Tt]he|[Aa]n?)\s+)?(?:(?P<body>{_BODY})(?:['’]s)?\s+spokes(?:man|woman|person)\b"
    rf"|spokes(?:man|woman|person)\s+for\s+(?:the\s+)?(?P<for>{_BODY}))"
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


def origins_of(
    conn: Connection,
    canonical: str | None,
    speaker_text: str | None,
    speaker_kind: str | None,
    outlet: str | None,
) -> list[str]:
    """The origins one attribution stands for; an unattributed figure is its outlet's own."""
    spoke_for = _SPOKESPERSON.match(speaker_text or "") or _SPOKESPERSON.match(canonical or "")
    if spoke_for and speaker_kind in ("person", "anonymous"):  # "Helix spokeswoman Mara Lind"
        body = spoke_for.group("body") or spoke_for.group("for")
        return [canonical_name(conn, body, "organization")]
    if canonical and speaker_kind == "person":
        return [canonical]
    name = canonical or speaker_text
    if not name or (not canonical and (speaker_kind or "unknown") in UNATTRIBUTED):
        return [f"{outlet or 'unknown outlet'} (unattributed)"]
    bare = _DETERMINER.sub("", name.split(",")[0].strip())
    m = _COORDINATED.match(bare)
    if m and find_places(m.group("left")) and find_places(m.group("right")):
        head = m.group("right").split()[-1]  # "the Ukrainian and South Korean governments"
        parts = [f"{m.group('left')} {head}", m.group("right")]
        return [group_name(p) for p in parts]
    if speaker_kind == "person":
        return [canonical_name(conn, bare, "person")]
    group = group_name(bare)
    if speaker_kind == "anonymous" and not any(p.start == 0 for p in find_places(group)):
        group = group[:1].lower() + group[1:]  # "People familiar ..." and "people familiar ..."
    return [group]
