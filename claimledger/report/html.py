"""The HTML dossier: one self-contained, offline file rendered from the shared templates."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable
from importlib import resources
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from jinja2 import BaseLoader, ChoiceLoader, Environment, PackageLoader, select_autoescape

from claimledger.report.chart import Chart, measure_chart
from claimledger.report.readmodel import by_speaker, interval, shown_content, speaker_label

LinkFn = Callable[[str, Any], str]


def make_env(link: LinkFn, loaders: tuple[BaseLoader, ...] = ()) -> Environment:
    """A Jinja environment with autoescaping and the helpers the shared macros use.

    `link(kind, x)` gives the href for evidence (`s`, `q`, `t` rows), an article id (`a`),
    a measure key (`m`) or a speaker name (`who`).
    """
    env = Environment(
        loader=ChoiceLoader([*loaders, PackageLoader("claimledger.report", "templates")]),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["link"] = link
    env.globals["chart_for"] = lambda figures: _chart(figures, link)
    env.filters["slug"] = slug
    env.filters["groupby_speaker"] = by_speaker
    env.filters["shown_content"] = shown_content
    env.filters["speaker_label"] = speaker_label
    env.filters["interval"] = interval
    env.filters["safe_url"] = safe_url
    return env


def report_link(kind: str, x: Any) -> str:
    """Links inside the one-file report: anchors."""
    if kind in ("s", "q", "t"):
        return f"#{kind}-{x['id']}"
    if kind == "a":
        return f"#a-{x}"
    if kind == "m":
        return f"#m-{slug(x)}"
    return f"#who-{slug(x)}"


def app_link(kind: str, x: Any) -> str:
    """Links in the web app: article pages with an anchor, filtered lists."""
    if kind in ("s", "q", "t"):
        return f"/articles/{quote(x['article_id'])}#{kind}-{x['id']}"
    if kind == "a":
        return f"/articles/{quote(x)}"
    if kind == "m":
        return f"/measures/{quote(x, safe='')}"
    return "/statements?" + urlencode({"speaker": x})


def render_html(briefing: dict[str, Any]) -> str:
    """The offline dossier page, CSS inlined, no scripts."""
    env = make_env(report_link)
    arts = briefing["articles"]
    headline = arts[0]["title"] if arts and arts[0]["title"] else "Story dossier"
    return env.get_template("report.html").render(
        b=briefing,
        headline=headline,
        css=stylesheet(),
        generated=dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    )


def stylesheet() -> str:
    """The one stylesheet shared by the report (inlined) and the app (served)."""
    return (resources.files("claimledger.report") / "static" / "dossier.css").read_text("utf-8")


def slug(text: str) -> str:
    """An id-safe, unique-enough anchor for any string."""
    base = re.sub(r"[^a-z0-9]+", "-", str(text).lower()).strip("-")[:40]
    return f"{base}-{hashlib.sha1(str(text).encode()).hexdigest()[:6]}"


def safe_url(url: str | None) -> str | None:
    """Only http(s) links leave the page; `javascript:` and friends are dropped."""
    if not url:
        return None
    scheme = urlsplit(url.strip()).scheme.lower()
    return url.strip() if scheme in ("http", "https") else None


def _chart(figures: list[dict[str, Any]], link: LinkFn) -> Chart:
    return measure_chart(figures, lambda f: link("q", f))
