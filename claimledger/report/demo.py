"""A synthetic story as hand-made analyses (no spaCy): for benchmarks, tests and demos.

Every span is cut from the text it points into, so offsets are exact by construction.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from claimledger.model import Analysis, Article, Quantity, Span, Statement, TimeExpr

OUTLETS = ("The New York Times", "Reuters", "Yonhap", "BBC News", "Kyiv Independent", "TASS")
SPEAKERS = (  # text, canonical name, kind
    ("Lloyd Austin", "Lloyd J. Austin III", "person"),
    ("John Kirby", "John Kirby", "person"),
    ("South Korea's spy agency", "National Intelligence Service", "government"),
    ("officials speaking on condition of anonymity", None, "anonymous"),
    ("Volodymyr Zelensky", "Volodymyr Zelensky", "person"),
)
DENIER = ("Dmitry Peskov", "Dmitry Peskov", "person")
FIGURES = (  # as stated, low, high, is_range, change, hedge
    ("at least 3,000 soldiers", 3000, None, False, ">", "at least"),
    ("about 10,000 troops", 10000, None, False, "~", "about"),
    ("25,000 to 30,000 troops", 25000, 30000, True, "=", None),
    ("up to 12,000 soldiers", 12000, None, False, "<", "up to"),
    ("1,500 special forces", 1500, None, False, "=", None),
)
MEASURE = "north korean troops in russia"
HOSTILE = (
    'Breaking: <script>alert("xss")</script> officials said <img src=x onerror=alert(1)> '
    "that [click here](javascript:alert(2)) <a href=\"javascript:alert(3)\">more</a> "
    "at least 3,000 soldiers had arrived."
)


@dataclass
class _Writer:
    """Appends text and returns the Span each piece landed on."""

    parts: list[str] = field(default_factory=list)
    pos: int = 0

    def add(self, piece: str) -> Span:
        start = self.pos
        self.parts.append(piece)
        self.pos += len(piece)
        return Span(piece, start, self.pos)

    def text(self) -> str:
        return "".join(self.parts)


def story(n_articles: int = 6, seed: int = 7, start: str = "2024-10-18") -> list[Analysis]:
    """`n_articles` varied articles about one story, one every few days from `start`."""
    rng = random.Random(seed)
    day0 = dt.date.fromisoformat(start)
    step = min(3.0, 60 / max(1, n_articles))
    return [_article(i, rng, day0 + dt.timedelta(days=round(i * step))) for i in range(n_articles)]


def hostile_article(published_at: str = "2024-10-25") -> Analysis:
    """An article whose text, title and URL try to run script in a reader's browser."""
    art = Article(
        text=HOSTILE,
        title='<img src=x onerror=alert("title")>Troops',
        outlet="<b>Evil Outlet</b>",
        url="javascript:alert('url')",
        published_at=published_at,
    )
    q_start = HOSTILE.index("at least 3,000 soldiers")
    q = Quantity(Span.of(HOSTILE, q_start, q_start + 23), 3000, change=">", hedge="at least",
                 unit="soldier", counted="soldiers", measure=MEASURE,
                 sentence=Span.of(HOSTILE, 0, len(HOSTILE)))
    content_start = HOSTILE.index("that [click")
    s = Statement(
        sentence=Span.of(HOSTILE, 0, len(HOSTILE)),
        content=Span.of(HOSTILE, content_start, len(HOSTILE) - 1),
        speaker=Span.of(HOSTILE, HOSTILE.index("officials"), HOSTILE.index("officials") + 9),
        speaker_kind="anonymous",
        stance="assert",
    )
    q.statement = 0
    return Analysis(art, statements=[s], quantities=[q])


def _article(i: int, rng: random.Random, day: dt.date) -> Analysis:
    w = _Writer()
    outlet = OUTLETS[i % len(OUTLETS)]
    analysis = Analysis(Article(text="", title="", outlet=outlet, published_at=day.isoformat()))
    lead = rng.choice(FIGURES)
    title = f"{lead[0][0].upper()}{lead[0][1:]} sent to Russia, officials say ({i + 1})"
    w.add(f"{outlet} report {i + 1}. ")
    for _ in range(rng.randint(3, 6)):
        _claim(w, analysis, rng, day)
    if rng.random() < 0.3:
        _denial(w, analysis, rng)
    w.add("The story is developing.")
    text = w.text()
    analysis.article = Article(text=text, title=title, outlet=outlet, published_at=day.isoformat(),
                               url=f"https://news.example/{i}")
    return analysis


def _claim(w: _Writer, analysis: Analysis, rng: random.Random, day: dt.date) -> None:
    """'SPEAKER said on DAY that North Korea had sent FIGURE to Russia.'"""
    spoken, name, kind = rng.choice(SPEAKERS)
    stated, low, high, is_range, change, hedge = rng.choice(FIGURES)
    begin = w.pos
    speaker = w.add(spoken)
    w.add(" ")
    cue = w.add(rng.choice(("said", "told reporters", "estimated")))
    w.add(" ")
    when_text = rng.choice(("on Wednesday", "in early October", "last week"))
    when = w.add(when_text)
    w.add(" ")
    content_start = w.pos
    w.add("that North Korea had sent ")
    figure = w.add(stated)
    w.add(" to Russia")
    content_end = w.pos
    w.add(". ")
    text = w.text()
    sentence = Span.of(text, begin, content_end + 1)
    analysis.times.append(TimeExpr(when, (day - dt.timedelta(days=rng.randint(0, 10))).isoformat(),
                                   grain="day"))
    analysis.statements.append(Statement(
        sentence=sentence,
        content=Span.of(text, content_start, content_end),
        speaker=None if kind == "anonymous" and rng.random() < 0.5 else speaker,
        speaker_entity=name,
        speaker_kind=kind,  # type: ignore[arg-type]
        cue=cue,
        direct=False,
        stance=rng.choice(("assert", "assert", "assert", "speculate")),  # type: ignore[arg-type]
    ))
    analysis.quantities.append(Quantity(
        figure, low, high, is_range, change, hedge, unit="soldier", counted="North Korean troops",
        status="estimate", sentence=sentence, statement=len(analysis.statements) - 1,
        time=len(analysis.times) - 1, measure=MEASURE,
    ))


def _denial(w: _Writer, analysis: Analysis, rng: random.Random) -> None:
    """'Dmitry Peskov denied that any North Korean soldiers were in Russia.'"""
    spoken, name, kind = DENIER
    begin = w.pos
    speaker = w.add(spoken)
    w.add(" ")
    cue = w.add("denied")
    w.add(" ")
    content = w.add("that any North Korean soldiers were fighting in Ukraine")
    w.add(". ")
    text = w.text()
    analysis.statements.append(Statement(
        sentence=Span.of(text, begin, content.end + 1), content=content, speaker=speaker,
        speaker_entity=name, speaker_kind=kind, cue=cue, direct=rng.random() < 0.5,  # type: ignore[arg-type]
        stance="deny",
    ))
