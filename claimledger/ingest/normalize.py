"""Normalise article text once, at ingest; every stored offset refers to the result."""

from __future__ import annotations

import re
import unicodedata

# C0/C1 control characters except tab and newline; also zero-width no-break space (BOM).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff]")
_LINE_ENDINGS = re.compile(r"\r\n?|\u2028|\u2029")


def normalize_text(text: str) -> str:
    """NFC, `\\n` line endings, no stray control characters, no outer blank space.

    Quote characters are kept exactly as written: attribution depends on them.
    """
    text = unicodedata.normalize("NFC", text)
    text = _LINE_ENDINGS.sub("\n", text)
    text = _CONTROL.sub("", text)
    return text.strip()
