"""Readers per format: bytes on disk to Articles, or a Failure naming the file and the reason."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimledger.ingest.decode import DecodeError, decode_bytes
from claimledger.ingest.normalize import normalize_text
from claimledger.ingest.published import normalize_date
from claimledger.model import Article, Failure

META_FIELDS = ("title", "outlet", "url", "published_at")
# Other names feeds, sidecars and front matter give two of them, the first one set wins.
META_ALIASES = {
    "published_at": ("date", "published", "pubdate", "date_published", "datePublished"),
    "outlet": ("source", "publisher", "site_name"),
}
# A table row as the HTML extractor writes it ("| a | b |"), and the rule under its header.
_TABLE_ROW = re.compile(r"^\|(.*)\|$")
_TABLE_RULE = re.compile(r"^\|(?:\s*:?-+:?\s*\|)+$")
SUFFIXES = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
SIDECAR = "articles.jsonl"

Item = Article | Failure


@dataclass
class Limits:
    """Size limits for one run (from Settings)."""

    max_bytes: int
    max_chars: int


@dataclass
class Source:
    """One input to read: a file (or standard input) and metadata known before reading it."""

    path: str
    kind: str
    meta: dict[str, Any] = field(default_factory=dict)
    data: bytes | None = None  # standard input arrives as bytes


def read_source(source: Source, limits: Limits) -> Iterator[Item]:
    """Yield the articles in one source; every problem becomes a Failure, never an exception."""
    try:
        raw = source.data if source.data is not None else _read_bytes(source.path, limits)
    except _Refused as exc:
        yield Failure(source.path, str(exc))
        return
    if not raw.strip():
        yield Failure(source.path, "empty file")
        return
    try:
        text = decode_bytes(raw)
    except DecodeError as exc:
        yield Failure(source.path, str(exc))
        return
    if source.kind == "jsonl":
        yield from _jsonl(text, source, limits)
        return
    reader = {"txt": _plain, "md": _markdown, "html": _html}[source.kind]
    try:
        body, found = reader(text)
    except _Refused as exc:
        yield Failure(source.path, str(exc))
        return
    yield _article(body, {**found, **source.meta}, source.path, limits)


class _Refused(Exception):
    """A reason to skip this input."""


def _read_bytes(path: str, limits: Limits) -> bytes:
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > limits.max_bytes:
            raise _Refused(
                f"file is {size:,} bytes; the limit is {limits.max_bytes:,} (CLAIMLEDGER_MAX_BYTES)"
            )
        return p.read_bytes()
    except FileNotFoundError:
        raise _Refused("no such file or directory") from None
    except IsADirectoryError:
        raise _Refused("is a directory") from None
    except PermissionError:
        raise _Refused("permission denied") from None


def _article(body: str, meta: dict[str, Any], path: str, limits: Limits) -> Item:
    text = normalize_text(body)
    if not text:
        return Failure(path, "no article text (only white space)")
    if len(text) > limits.max_chars:
        return Failure(
            path,
            f"article text is {len(text):,} characters; the limit is {limits.max_chars:,} "
            "(CLAIMLEDGER_MAX_CHARS)",
        )
    clean = {k: _clean_meta(k, meta.get(k)) for k in META_FIELDS}
    return Article(text=text, path=path, **clean)


def _clean_meta(key: str, value: Any) -> str | None:
    if value is None or value == "":
        return None
    if key == "published_at":
        return normalize_date(value)
    return normalize_text(str(value)) or None


def _plain(text: str) -> tuple[str, dict[str, Any]]:
    return text, {}


def _markdown(text: str) -> tuple[str, dict[str, Any]]:
    """Front matter gives title/outlet/url/published_at (`date` and `source` accepted too)."""
    import frontmatter

    try:
        post = frontmatter.loads(text)
    except Exception as exc:  # yaml errors come in several types
        raise _Refused(f"malformed front matter: {exc}") from None
    return post.content, aliased(dict(post.metadata))


def _html(text: str) -> tuple[str, dict[str, Any]]:
    """Main text and metadata through trafilatura."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        text, with_metadata=True, include_comments=False, favor_recall=True
    )
    body = getattr(doc, "text", None) if doc is not None else None
    if not body or not body.strip():
        raise _Refused("HTML holds no article text")
    # one block (heading, paragraph, list item) a line: a blank line between them keeps a
    # heading or a live blog's entry out of the sentence after it, as in the text readers
    body = "\n\n".join(_tables_as_lines(line for line in body.split("\n") if line.strip()))
    meta = {
        "title": doc.title,
        "outlet": doc.sitename or doc.hostname,
        "url": doc.url,
        "published_at": doc.date,
    }
    return body, meta


def _tables_as_lines(lines: Iterable[str]) -> list[str]:
    """A table's rows as lines a reader takes for sentences: "| Ada Cole | 5,120 |" under the
    header "| Candidate | Votes |" reads "Ada Cole — Votes: 5,120.", its header naming each cell
    and no pipe left to read as a unit; the header and rule rows go, other lines stay."""
    out: list[str] = []
    header: list[str] | None = None
    for line in lines:
        row = _TABLE_ROW.match(line.strip())
        if row is None:
            header = None
            out.append(line)
        elif _TABLE_RULE.match(line.strip()) is None:
            cells = [c.strip() for c in row[1].split("|")]
            if header is None:
                header = cells
                continue
            labelled = [
                f"{h}: {c}" if h else c for h, c in zip(header[1:], cells[1:], strict=False) if c
            ]
            out.append(f"{cells[0]} — {'; '.join(labelled)}." if labelled else cells[0])
    return out


def _jsonl(text: str, source: Source, limits: Limits) -> Iterator[Item]:
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{source.path}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Failure(where, f"malformed JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(obj, dict):
            yield Failure(where, "each line must be a JSON object")
            continue
        body = obj.get("text")
        if not isinstance(body, str):
            yield Failure(where, "no 'text' field (a string) in this line")
            continue
        yield _article(body, {**aliased(obj), **source.meta}, where, limits)


def aliased(meta: dict[str, Any]) -> dict[str, Any]:
    """`meta` with each field it gives only under another name set: a feed's `date`."""
    out = dict(meta)
    for key, names in META_ALIASES.items():
        if out.get(key) in (None, ""):
            out[key] = next((meta[n] for n in names if meta.get(n) not in (None, "")), None)
    return out


def read_sidecar(path: Path) -> tuple[dict[str, dict[str, Any]], list[Failure]]:
    """`articles.jsonl` metadata lines (with `path`, without `text`), keyed by that path (a
    file name, or a path under the sidecar's folder)."""
    meta: dict[str, dict[str, Any]] = {}
    failures: list[Failure] = []
    try:
        lines = decode_bytes(path.read_bytes()).split("\n")
    except (OSError, DecodeError) as exc:
        return {}, [Failure(str(path), f"unreadable metadata sidecar: {exc}")]
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            failures.append(Failure(f"{path}:{lineno}", f"malformed JSON ({exc.msg})"))
            continue
        if isinstance(obj, dict) and isinstance(obj.get("path"), str) and "text" not in obj:
            given = aliased(obj)
            meta[Path(obj["path"]).as_posix()] = {k: given[k] for k in META_FIELDS if k in given}
    return meta, failures


def is_sidecar(path: Path) -> bool:
    """A folder's `articles.jsonl` whose lines carry metadata only (no `text`)."""
    if path.name != SIDECAR:
        return False
    try:
        with path.open("rb") as fh:
            for raw in fh:
                if raw.strip():
                    obj = json.loads(raw)
                    return isinstance(obj, dict) and "text" not in obj and "path" in obj
    except (OSError, ValueError):
        return False
    return False
