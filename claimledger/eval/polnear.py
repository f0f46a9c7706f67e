"""PolNeAR attribution scoring: brat reading, span trimming, exact and Citron overlap P/R/F1."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROLES = ("source", "cue", "content")
_ROLE_OF_TYPE = {"Source": "source", "Cue": "cue", "Content": "content"}
_TRIM = set(" \t\r\n\u00a0\"'“”‘’`«»,.:;")
_WORD = re.compile(r"\w+")
# Span text may hold newlines, so brat lines are matched by shape, not split blindly.
_T_LINE = re.compile(r"^(?P<id>T\d+)\t(?P<kind>\S+) (?P<offsets>\d+ \d+(?:;\d+ \d+)*)\t")
_E_LINE = re.compile(r"^E\d+\t(?P<args>.+)$")

# One role span in one article: (start, end) character offsets after trimming.
Bounds = tuple[int, int]


@dataclass
class RoleSpans:
    """Gold or predicted spans of each role for one article."""

    source: list[Bounds]
    cue: list[Bounds]
    content: list[Bounds]
    # per attribution, its roles' spans (gold only): what the boundary model trains on
    linked: list[dict[str, Bounds]] = field(default_factory=list)

    @classmethod
    def empty(cls) -> RoleSpans:
        return cls([], [], [])

    def of(self, role: str) -> list[Bounds]:
        return getattr(self, role)


def trim(text: str, start: int, end: int) -> Bounds:
    """Drop surrounding whitespace, quote marks and `, . : ;`, as the scoring rules say."""
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def read_attributions(ann: str, text: str) -> list[dict[str, Bounds]]:
    """Each `E` attribution's role spans: first segment's start to last segment's end, trimmed."""
    spans: dict[str, tuple[int, int]] = {}
    events: list[list[str]] = []
    for line in ann.splitlines():
        if m := _T_LINE.match(line):
            segments = [seg.split() for seg in m["offsets"].split(";")]
            spans[m["id"]] = (int(segments[0][0]), int(segments[-1][1]))
        elif m := _E_LINE.match(line):
            events.append(m["args"].split())
    out = []
    for args in events:
        roles = {}
        for arg in args[1:]:
            kind, tid = arg.split(":")
            role = _ROLE_OF_TYPE.get(kind)
            if role is not None and tid in spans:
                roles[role] = trim(text, *spans[tid])
        out.append(roles)
    return out


def read_brat(ann: str, text: str) -> RoleSpans:
    """Role spans of every `E` attribution, pooled per role and kept linked."""
    linked = read_attributions(ann, text)
    out = RoleSpans([], [], [], linked)
    for roles in linked:
        for role, bounds in roles.items():
            out.of(role).append(bounds)
    return out


def read_split(split_dir: Path) -> Iterator[tuple[str, str, RoleSpans]]:
    """(name, text, gold) per article of a PolNeAR split; the first annotator file wins."""
    by_article: dict[str, list[Path]] = {}
    for ann in (split_dir / "attributions").glob("*.ann"):
        by_article.setdefault(ann.stem.rsplit("_", 1)[0], []).append(ann)
    for name in sorted(by_article):
        text_path = split_dir / "text" / f"{name}.txt"
        if not text_path.exists():
            continue
        text = text_path.read_text(encoding="utf-8")
        first = sorted(by_article[name], key=lambda p: p.name)[0]
        yield name, text, read_brat(first.read_text(encoding="utf-8"), text)


@dataclass
class Tally:
    """Running counts for one role over a split."""

    pred: int = 0
    gold: int = 0
    pred_hit: int = 0  # predicted spans equal to some gold span
    gold_hit: int = 0  # gold spans equal to some predicted span
    pred_overlap: float = 0.0  # sum over predicted spans of their best token share
    gold_overlap: float = 0.0

    def add(self, text: str, pred: list[Bounds], gold: list[Bounds]) -> None:
        gold_set, pred_set = set(gold), set(pred)
        self.pred += len(pred)
        self.gold += len(gold)
        self.pred_hit += sum(b in gold_set for b in pred)
        self.gold_hit += sum(b in pred_set for b in gold)
        self.pred_overlap += sum(best_share(text, b, gold) for b in pred)
        self.gold_overlap += sum(best_share(text, b, pred) for b in gold)

    def figures(self) -> dict[str, dict[str, float]]:
        return {
            "exact": prf(self.pred_hit, self.pred, self.gold_hit, self.gold),
            "overlap": prf(self.pred_overlap, self.pred, self.gold_overlap, self.gold),
        }


def word_bounds(text: str, span: Bounds) -> list[Bounds]:
    """Word tokens (runs of word characters) inside a span, as absolute offsets."""
    start, end = span
    return [(start + m.start(), start + m.end()) for m in _WORD.finditer(text[start:end])]


def best_share(text: str, span: Bounds, others: Iterable[Bounds]) -> float:
    """Largest share of `span`'s word tokens that lie inside any single one of `others`.

    A span with no word counts whole when it lies inside one (a dash cue: "“...” ― Name"), or,
    trimmed to nothing (a colon cue), when it is one: trimmed alike, the two spans are equal."""
    words = word_bounds(text, span)
    if not words:
        start, end = span
        if start == end:
            return float(span in set(others))
        return float(any(o_s <= start and end <= o_e for o_s, o_e in others))
    best = 0
    for o_start, o_end in others:
        inside = sum(o_start <= s and e <= o_end for s, e in words)
        best = max(best, inside)
    return best / len(words)


def prf(p_num: float, p_den: int, r_num: float, r_den: int) -> dict[str, float]:
    """Precision, recall and F1 in percent, rounded to one decimal."""
    p = p_num / p_den if p_den else 0.0
    r = r_num / r_den if r_den else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(100 * p, 1), "r": round(100 * r, 1), "f1": round(100 * f, 1)}
