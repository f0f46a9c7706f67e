"""What each extraction stage adds to the bare spaCy parse of the same texts, in percent.

Usage: python bench/extract.py [--texts DIR] [--articles 200] [--repeat 3]
With --texts, every *.txt under DIR is one article (e.g. a PolNeAR split's text/ folder);
otherwise synthetic articles from the examples. Parse and extraction are timed separately
on the same Docs; medians over the runs. The last line is one JSON object with the figures.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import synthetic_articles  # noqa: E402

from claimledger.config import Settings  # noqa: E402
from claimledger.extract import get_extractor  # noqa: E402
from claimledger.model import Analysis, Article  # noqa: E402
from claimledger.nlp import load_nlp, parse  # noqa: E402
from claimledger.resolve import resolve_article  # noqa: E402


def load_texts(folder: Path | None, n: int) -> list[str]:
    if folder is None:
        return [a.text for a in synthetic_articles(n)]
    return [p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.txt"))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--texts", type=Path, help="folder of .txt articles (default: synthetic)")
    ap.add_argument("--articles", type=int, default=200, help="synthetic articles to make")
    ap.add_argument("--repeat", type=int, default=3, help="runs; medians are reported")
    args = ap.parse_args()
    settings = Settings()
    texts = load_texts(args.texts, args.articles)
    words = sum(len(t.split()) for t in texts)
    nlp = load_nlp(settings.spacy_model, settings.max_chars)
    list(parse(texts[:5], nlp))  # warm-up: loading is not throughput
    parse_s: list[float] = []
    articles = [Article(text=t) for t in texts]
    # the configured extractors in order, then within-article resolution of their speakers
    stages = {name: get_extractor(name) for name in settings.extractors}
    stages["resolve"] = resolve_article
    extract_s: dict[str, list[float]] = {name: [] for name in stages}
    for run in range(args.repeat):
        start = time.perf_counter()
        docs = list(parse(texts, nlp, batch_size=settings.batch_size))
        parse_s.append(time.perf_counter() - start)
        spent = dict.fromkeys(stages, 0.0)
        for doc, article in zip(docs, articles, strict=True):
            analysis = Analysis(article=article)
            for name in stages:
                start = time.perf_counter()
                stages[name](doc, analysis)
                spent[name] += time.perf_counter() - start
        for name, seconds in spent.items():
            extract_s[name].append(seconds)
        shares = ", ".join(f"{n} {100 * s[-1] / parse_s[-1]:+.1f}%" for n, s in extract_s.items())
        print(f"run {run + 1}: parse {parse_s[-1]:.2f}s; {shares}", flush=True)
    parse_t = statistics.median(parse_s)
    result = {
        "articles": len(texts),
        "words": words,
        "parse_words_per_s": round(words / parse_t),
        "added_to_parse_pct": {
            name: round(100 * statistics.median(s) / parse_t, 1) for name, s in extract_s.items()
        },
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
