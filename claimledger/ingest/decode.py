"""Bytes to text: UTF-8 first, a detected encoding next, binary refused with a reason."""

from __future__ import annotations

import codecs
from typing import Any

from charset_normalizer import from_bytes

_SIGNATURES = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or Office document)",
    b"\x1f\x8b": "gzip-compressed data",
    b"\x7fELF": "an executable",
}


class DecodeError(ValueError):
    """The bytes are not text we can read; the message says why."""


def decode_bytes(raw: bytes) -> str:
    """Decode article bytes; non-UTF-8 text is detected with charset-normalizer."""
    for magic, what in _SIGNATURES.items():
        if raw.startswith(magic):
            raise DecodeError(f"binary file ({what}), not text")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16")
    if b"\x00" in raw[:8192]:
        raise DecodeError("binary file (contains NUL bytes), not text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    guess = _best_guess(raw)
    if guess is None:
        raise DecodeError(
            f"not UTF-8 ({utf8_error.reason} at byte {utf8_error.start}) and no text encoding "
            "could be detected"
        )
    text = str(guess)
    if _control_share(text) > 0.05:
        raise DecodeError("binary file (mostly control characters), not text")
    return text


# When candidates score the same, prefer the encodings most news text was written in.
_PREFERRED = ("cp1252", "latin_1", "iso8859_15", "cp1251", "shift_jis", "gb18030")


def _best_guess(raw: bytes) -> Any:
    matches = list(from_bytes(raw))
    if not matches:
        return None
    top = min(matches, key=lambda m: (m.chaos, -m.coherence))
    tied = [m for m in matches if (m.chaos, m.coherence) == (top.chaos, top.coherence)]
    for name in _PREFERRED:
        for m in tied:
            if m.encoding == name:
                return m
    return top


def _control_share(text: str) -> float:
    sample = text[:8192]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return bad / len(sample)
