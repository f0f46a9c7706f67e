"""Per-article stages in one place: parse, extract, resolve. No store, no cross-article state."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator

from spacy.tokens import Doc

from claimledger.config import Settings
from claimledger.extract import extract
from claimledger.ingest.normalize import normalize_text
from claimledger.model import Analysis, Article, Failure
from claimledger.nlp import load_nlp, parse
from claimledger.resolve import resolve_article


def parse_articles(
    articles: Iterable[Article], settings: Settings | None = None
) -> Iterator[tuple[Article, Doc]]:
    """Parse articles in `nlp.pipe` batches, yielding each with its Doc, in order."""
    settings = settings or Settings()
    nlp = load_nlp(settings.spacy_model, settings.max_chars)
    pending: deque[Article] = deque()

    def texts() -> Iterator[str]:
        for article in articles:
            pending.append(article)
            yield article.text

    for doc in parse(texts(), nlp, batch_size=settings.batch_size, n_process=settings.n_process):
        yield pending.popleft(), doc


def analyze_doc(doc: Doc, article: Article, settings: Settings | None = None) -> Analysis:
    """Extract and resolve within one parsed article."""
    settings = settings or Settings()
    analysis = extract(doc, article, settings.extractors)
    resolve_article(doc, analysis)
    return analysis


def analyze_articles(
    articles: Iterable[Article], settings: Settings | None = None
) -> Iterator[Analysis]:
    """Analyse articles, yielding one Analysis per article, in order."""
    settings = settings or Settings()
    for article, doc in parse_articles(articles, settings):
        yield analyze_doc(doc, article, settings)


# A runner turns a stream of articles into analyses (or per-article Failures), in any order.
Runner = Callable[[Iterable[Article]], Iterator[Analysis | Failure]]


def analyze_stream(
    articles: Iterable[Article], settings: Settings | None = None
) -> Iterator[Analysis | Failure]:
    """The local runner: like `analyze_articles`, but one bad article yields a Failure."""
    settings = settings or Settings()
    for article, doc in parse_articles(articles, settings):
        try:
            yield analyze_doc(doc, article, settings)
        except Exception as exc:  # one bad article must not sink the batch
            yield Failure(article.path or article.id, f"analysis failed: {exc!r}")


def analyze_text(text: str, settings: Settings | None = None, **meta: str | None) -> Analysis:
    """Analyse one text (metadata as keyword arguments): the quickest way in from Python."""
    return next(analyze_articles([Article(text=normalize_text(text), **meta)], settings))
