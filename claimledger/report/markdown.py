"""The briefing as Markdown a journalist can paste: same sections as the HTML report."""

from __future__ import annotations

import re
from typing import Any

from claimledger.report.html import safe_url
from claimledger.report.readmodel import interval, shown_content, speaker_label

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def md(text: Any) -> str:
    """Escape Markdown and HTML syntax so article text can neither format nor inject."""
    return _SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def render_markdown(b: dict[str, Any]) -> str:
    """Overview, figures per measure, who said what, denials, claims, timeline, sources."""
    ov = b["overview"]
    nums: dict[str, int] = b["article_numbers"]

    def cite(row: dict[str, Any], start: str, end: str) -> str:
        """[3 §120–180]: article number in the source list and character span."""
        return f"\\[{nums[row['article_id']]} §{row[start]}–{row[end]}\\]"

    arts = b["articles"]
    title = arts[0]["title"] if arts and arts[0]["title"] else "Story dossier"
    out = [f"# Dossier: {md(title)}", ""]
    span = f", {ov['first_published'][:10]} to {ov['last_published'][:10]}" if ov["first_published"] else ""
    out += [
        f"{ov['n_articles']} articles from {len(ov['outlets'])} outlets{span}: "
        f"{ov['n_statements']} statements, {ov['n_quantities']} figures, "
        f"{len(b['denials'])} denials. Citations \\[n §start–end\\] point to article n below "
        "and the character span of the evidence.",
        "",
        "## Figures in play",
        "",
    ]
    for m in b["measures"]:
        verdict = m.verdict or "unreconciled"
        origins = ""
        if m.claim:
            n = m.claim["n_origins"]
            origins = f", {n} independent origin{'' if n == 1 else 's'}"
            if m.claim["origins"]:
                origins += " (" + ", ".join(md(o) for o in m.claim["origins"]) + ")"
        out += [f"### {md(m.label)}: {verdict}", "",
                f"{m.n_figures} figure{'' if m.n_figures == 1 else 's'}{origins}.", "",
                "| Date | Claimant | Figure | As stated | Source |",
                "| --- | --- | --- | --- | --- |"]
        for f in m.figures:
            notes = "".join(f" ({n['figure']}: {md(n['text'])})" for n in f.get("notes", []))
            out.append(
                f"| {f['when'] or 'undated'} | {md(f['claimant'])} | {f['figure']} | {md(f['text'])}"
                f"{notes} | {md(f['outlet'] or 'unknown')} {cite(f, 'start_char', 'end_char')} |"
            )
        out.append("")
        if m.denials:
            out += ["Denied by:", ""] + [_statement(s, cite, who=True) for s in m.denials] + [""]
    if not b["measures"]:
        out += ["_No figures extracted yet._", ""]
    if b["other_figures"]:
        out += ["### Other figures", "", "| Figure | As stated | Claimant | Source |",
                "| --- | --- | --- | --- |"]
        out += [f"| {f['figure']} | {md(f['text'])} | {md(f['claimant'])} | "
                f"{md(f['outlet'] or 'unknown')} {cite(f, 'start_char', 'end_char')} |"
                for f in b["other_figures"]]
        out.append("")
    out += ["## Who said what", ""]
    for g in b["speakers"]:
        out += [f"### {md(g['who'])} ({g['speaker_kind']})", ""]
        if g["aliases"]:
            out += [f"_also named {md(', '.join(g['aliases']))}_", ""]
        out += [_statement(s, cite) for s in g["statements"]]
        out.append("")
    out += ["## Denials", ""]
    out += [_statement(s, cite, who=True) for s in b["denials"]] or ["_No denials found._"]
    out += ["", "## Across sources", ""]
    for c in b["claims"]:
        out += [f"### {md(c['label'])}: {c['verdict']}", "",
                f"{c['n_articles']} articles, {c['n_origins']} independent origins.", ""]
        out += [_statement(s, cite, who=True) for s in c.get("statements", [])]
        out.append("")
    if not b["claims"]:
        out += ["_No statements reconciled across articles yet._", ""]
    out += ["## Timeline", ""]
    for e in b["timeline"]:
        figs = "; ".join(f"{f['figure']} {md(f['text'])} ({md(f['claimant'])})" for f in e["figures"])
        out.append(f"- **{interval(e['date'], e['date_end'])}** {md(e['text'])}{' — ' + figs if figs else ''} "
                   f"{cite(e, 'start_char', 'end_char')}")
    if not b["timeline"]:
        out.append("_No dated events yet._")
    out += ["", "## Sources", ""]
    for a in arts:
        link = f" <{a['url']}>" if _autolinkable(a["url"]) else ""
        out.append(f"{a['number']}. {md(a['title'] or a['path'] or a['id'])}, "
                   f"{md(a['outlet'] or 'unknown outlet')}, {(a['published_at'] or 'undated')[:10]}{link}")
    return "\n".join(out) + "\n"


def _statement(s: dict[str, Any], cite: Any, who: bool = False) -> str:
    """One statement: who, the words of the cue ("declined to comment on", "denied"), its
    stance when not a plain assertion, what was said, and where."""
    content = md(shown_content(s))
    stance = "" if s["stance"] == "assert" else f"_{'denies' if s['stance'] == 'deny' else s['stance']}_"
    cue = f"*{md(s['cue_text'])}*" if s.get("cue_text") else ""
    lead = " ".join(p for p in (cue, f"({stance})" if cue and stance else stance) if p)
    speaker = f"**{md(speaker_label(s))}** " if who else ""
    return (f"- {speaker}{lead + ': ' if lead else ''}{content} — {md(s['outlet'] or 'unknown')}, "
            f"{(s['published_at'] or 'undated')[:10]} {cite(s, 'content_start', 'content_end')}")


def _autolinkable(url: str | None) -> bool:
    """An http(s) URL that cannot break out of Markdown's <...> autolink."""
    return safe_url(url) is not None and not re.search(r"[\s<>]", url or "")
