"""The nouns of the ledger as plain dataclasses: every stage takes and returns these."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

SpeakerKind = Literal[
    "person", "organization", "government", "anonymous", "report", "outlet", "unknown"
]
Stance = Literal["assert", "deny", "speculate", "question"]
Change = Literal["=", "~", ">", "<", "up", "down"]
Verdict = Literal["agree", "conflict", "denied", "evolved", "single"]


@dataclass(frozen=True)
class Span:
    """A stretch of the stored article text: `text == article.text[start:end]`."""

    text: str
    start: int
    end: int

    @classmethod
    def of(cls, source: str, start: int, end: int) -> Span:
        return cls(source[start:end], start, end)

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass
class Article:
    """One piece of coverage; identity is the hash of its normalised text."""

    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published_at: str | None = None  # ISO date or datetime
    path: str | None = None
    sha256: str = ""

    def __post_init__(self) -> None:
        if not self.sha256:
            self.sha256 = hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def id(self) -> str:
        return self.sha256[:16]

    @property
    def n_words(self) -> int:
        return len(self.text.split())


@dataclass
class Statement:
    """Someone says, claims or denies something; spans point into the article text."""

    sentence: Span
    content: Span
    speaker: Span | None = None
    speaker_entity: str | None = None  # canonical name after within-article resolution
    speaker_kind: SpeakerKind = "unknown"
    cue: Span | None = None
    direct: bool = False
    stance: Stance = "assert"

    @property
    def anonymous(self) -> bool:
        return self.speaker_kind == "anonymous"

    def to_json(self) -> dict[str, Any]:
        speaker = None
        if self.speaker is not None:
            speaker = {**self.speaker.to_json(), "entity": self.speaker_entity}
        return {
            "speaker": speaker,
            "speaker_kind": self.speaker_kind,
            "cue": self.cue.to_json() if self.cue else None,
            "content": self.content.to_json(),
            "direct": self.direct,
            "stance": self.stance,
            "sentence": {"start": self.sentence.start, "end": self.sentence.end},
        }


@dataclass
class TimeExpr:
    """A time reference resolved against the article's publication date."""

    span: Span
    resolved: str | None = None  # ISO date of the interval start
    resolved_end: str | None = None  # ISO date of the interval end (inclusive)
    grain: str | None = None  # day | week | month | quarter | season | year | decade | ...

    def to_json(self) -> dict[str, Any]:
        return {
            **self.span.to_json(),
            "resolved": self.resolved,
            "resolved_end": self.resolved_end,
            "grain": self.grain,
        }


@dataclass
class Quantity:
    """A number the text claims about something, with its bound and what it counts."""

    span: Span
    value_low: float | None
    value_high: float | None = None
    is_range: bool = False
    change: Change = "="
    hedge: str | None = None
    unit: str | None = None
    counted: str | None = None
    status: str = "estimate"
    sentence: Span | None = None
    statement: int | None = None  # index into the article's statements
    time: int | None = None  # index into the article's times (the as-of time)
    measure: str | None = None  # measure key, filled by reconcile

    @property
    def value(self) -> float | list[float] | None:
        if self.is_range:
            return [self.value_low, self.value_high]  # type: ignore[list-item]
        return self.value_low

    def to_json(self) -> dict[str, Any]:
        return {
            **self.span.to_json(),
            "value": _num(self.value),
            "value_low": _num(self.value_low),
            "value_high": _num(self.value_high),
            "change": self.change,
            "hedge": self.hedge,
            "unit": self.unit,
            "counted": self.counted,
            "status": self.status,
            "statement": self.statement,
            "time": self.time,
        }


@dataclass
class Entity:
    """A canonical person, body, place or group, with the names it goes by."""

    name: str
    kind: str  # person | organization | government | place | group | anonymous | report
    aliases: list[str] = field(default_factory=list)


@dataclass
class Mention:
    """An entity named in an article."""

    span: Span
    entity: str  # canonical entity name
    kind: str


@dataclass
class Analysis:
    """Everything extracted from one article, before it is stored."""

    article: Article
    statements: list[Statement] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The `analyze --json` contract of DESIGN.md."""
        a = self.article
        return {
            "article": {
                "id": a.id,
                "path": a.path,
                "title": a.title,
                "outlet": a.outlet,
                "url": a.url,
                "published_at": a.published_at,
            },
            "statements": [s.to_json() for s in self.statements],
            "quantities": [q.to_json() for q in self.quantities],
            "times": [t.to_json() for t in self.times],
            "entities": [asdict(e) for e in self.entities],
        }


@dataclass
class Claim:
    """Quantities or statements about the same thing across articles."""

    kind: Literal["quantity", "statement"]
    key: str  # measure key or proposition key
    label: str
    verdict: Verdict = "single"
    members: list[int] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    origins: list[str] = field(default_factory=list)


@dataclass
class Failure:
    """One input that could not be ingested, and why."""

    source: str  # file path, with ":LINE" for JSONL
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass
class IngestSummary:
    """What an ingest run did: the CLI prints it, the API returns it."""

    ingested: list[str] = field(default_factory=list)  # article ids
    unchanged: list[str] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed

    def merge(self, other: IngestSummary) -> None:
        self.ingested += other.ingested
        self.unchanged += other.unchanged
        self.failed += other.failed


def _num(v: Any) -> Any:
    """Render whole floats as ints so JSON reads 3000, not 3000.0."""
    if isinstance(v, list):
        return [_num(x) for x in v]
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v
