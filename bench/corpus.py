"""Synthetic corpora for benchmarks: example paragraphs recombined so no two articles dedupe."""

from __future__ import annotations

import random
import re
from pathlib import Path

from claimledger.model import Article

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
_NUMBER = re.compile(r"\d[\d,]*")


def paragraphs(root: Path = EXAMPLES) -> list[str]:
    """Every non-trivial paragraph of the example stories."""
    paras: list[str] = []
    for path in sorted(root.rglob("*.txt")):
        paras += [
            p.strip() for p in path.read_text(encoding="utf-8").split("\n") if len(p.split()) > 8
        ]
    return paras


def synthetic_articles(n: int, seed: int = 7, paras_per_article: int = 8) -> list[Article]:
    """n distinct articles of shuffled example paragraphs with their figures varied."""
    rng = random.Random(seed)
    pool = paragraphs()
    articles = []
    for i in range(n):
        picked = rng.sample(pool, min(paras_per_article, len(pool)))
        text = "\n\n".join(
            _NUMBER.sub(lambda m: f"{rng.randint(2, 40) * 500:,}", p) for p in picked
        )
        day = 1 + i % 28
        articles.append(
            Article(
                text=f"{text}\n\nDispatch {i}.",
                title=f"Synthetic dispatch {i}",
                outlet=f"Outlet {i % 20}",
                published_at=f"2024-10-{day:02d}",
                path=f"synthetic/{i}.txt",
            )
        )
    return articles
