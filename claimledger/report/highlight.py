"""Article text with its evidence marked: escaped piece by piece, so hostile text stays inert."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Highlight:
    """A span to mark; `anchor` becomes the element id that links scroll to."""

    start: int
    end: int
    css: str
    anchor: str | None = None
    title: str | None = None


def article_highlights(article: dict[str, Any]) -> list[Highlight]:
    """Statements (content, speaker, cue), figures and time expressions of one article."""
    out: list[Highlight] = []
    for s in article["statements"]:
        who = f"{s['who']} ({s['stance']})"
        out.append(Highlight(s["content_start"], s["content_end"],
                             f"ev stmt stance-{s['stance']}", f"s-{s['id']}", who))
        if s["speaker_start"] is not None:
            out.append(Highlight(s["speaker_start"], s["speaker_end"], "speaker", None, who))
        if s["cue_start"] is not None:
            out.append(Highlight(s["cue_start"], s["cue_end"], "cue"))
    for q in article["quantities"]:
        out.append(Highlight(q["start_char"], q["end_char"], "ev qty", f"q-{q['id']}",
                             f"{q['figure']} · {q['measure_key']}"))
    for x in article["times"]:
        out.append(Highlight(x["start_char"], x["end_char"], "ev time", f"t-{x['id']}",
                             x["resolved_start"]))
    return out


def highlight(text: str, spans: list[Highlight]) -> Markup:
    """`text` as HTML with each span in a <mark>; crossing spans are clipped to nest."""
    ordered = sorted(
        (s for s in spans if 0 <= s.start < s.end <= len(text)), key=lambda s: (s.start, -s.end)
    )
    out: list[str] = []
    pos = 0
    open_ends: list[int] = []

    def close_until(limit: int) -> None:
        nonlocal pos
        while open_ends and open_ends[-1] <= limit:
            end = open_ends.pop()
            out.append(escape(text[pos:end]))
            out.append("</mark>")
            pos = end

    for s in ordered:
        close_until(s.start)
        end = min(s.end, open_ends[-1]) if open_ends else s.end
        out.append(escape(text[pos : s.start]))
        pos = s.start
        out.append(_open(s))
        open_ends.append(end)
    close_until(len(text))
    out.append(escape(text[pos:]))
    return Markup("".join(out))


def _open(s: Highlight) -> str:
    attrs = f' class="{escape(s.css)}"'
    if s.anchor:
        attrs += f' id="{escape(s.anchor)}"'
    if s.title:
        attrs += f' title="{escape(s.title)}"'
    return f"<mark{attrs}>"
