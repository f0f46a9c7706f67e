"""Small text tools shared by reconcile: words, crude lemmas, sentence bounds, quotes."""

from __future__ import annotations

import re
import zlib

WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
QUOTE = re.compile(r"[“\"]([^”\"]{3,400})[”\"]")
SENTENCE_END = re.compile(r"[.!?][\"”’)]*(?=\s+[\"“(]?[A-Z0-9])|\n+")

STOPWORDS = frozenset(
    ["a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "either", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "may", "me", "might", "more", "most", "must", "my", "myself", "no", "nor", "not", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "out", "over", "own", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "upon", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "said", "says", "say", "saying", "told", "tell", "according", "stated", "added", "noted", "claimed", "reported", "indicated", "suggested", "insisted", "believe", "believes", "mr", "mrs", "ms", "dr"]
)

ABBREVIATIONS = frozenset(
    ["mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sen", "rep", "gov", "sgt", "capt", "jr", "sr",
     "prof", "adm", "maj", "no", "vs", "ft", "mt",
     # months as news writes them before a day: "on Sept. 5"
     "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec"]
)

_IRREGULAR = {
    "people": "person",
    "men": "man",
    "women": "woman",
    "children": "child",
    "personnel": "personnel",
    "police": "police",
    "news": "news",
}
# Nouns in "-us" whose plural adds "es": "bonuses" is "bonus", where "causes" is "cause".
_US_NOUNS = frozenset(["bonus", "virus", "campus", "bus", "status", "census", "surplus",
                       "consensus", "prospectus", "stimulus", "apparatus"])


def lemma(word: str) -> str:
    """A crude noun lemma: enough to block "soldiers" with "soldier" without a parser."""
    w = word.lower().strip("'’-")
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if w.endswith("uses") and w[:-2] in _US_NOUNS:
        return w[:-2]
    if len(w) > 4 and w.endswith(("sses", "shes", "ches", "xes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def verb_stem(w: str) -> str:
    """A crude verb stem, enough for one verb's tenses: "admitted" and "admits" are "admit"."""
    if len(w) > 4 and w.endswith(("ies", "ied")):
        w = w[:-3] + "y"
    elif len(w) > 5 and w.endswith("ing"):
        w = w[:-3]
    elif len(w) > 4 and w.endswith("ed"):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    w = w.rstrip("e")
    return w[:-1] if len(w) > 2 and w[-1] == w[-2] else w


def words(text: str) -> list[str]:
    """Word tokens in order."""
    return WORD.findall(text)


def content_lemmas(text: str) -> set[str]:
    """Lemmas of the words that carry content (no stopwords, no short words)."""
    return {lemma(w) for w in words(text) if len(w) > 2 and w.lower() not in STOPWORDS}


def norm_phrase(text: str) -> str:
    """Lower-cased words joined by single spaces: quotes compare by their words only."""
    return " ".join(w.lower() for w in words(text))


def quotes(text: str) -> list[str]:
    """Normalised quoted phrases of two or more words."""
    found = [norm_phrase(m.group(1)) for m in QUOTE.finditer(text)]
    return [q for q in found if len(q.split()) >= 2]


def stable_hash(text: str) -> int:
    """A hash that is the same in every process (Python's `hash` is salted)."""
    return zlib.crc32(text.encode("utf-8"))


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around [start, end) by punctuation, for rows that carry no sentence.

    The one sentence splitter of reconcile and report (timeline, test stories).
    """
    left = 0
    for m in SENTENCE_END.finditer(text, 0, start):
        if not _abbreviation(text, m.start()):
            left = m.end()
    right = len(text)
    for m in SENTENCE_END.finditer(text, end):
        if not _abbreviation(text, m.start()):
            right = m.end()
            break
    while left < right and text[left].isspace():
        left += 1
    while right > left and text[right - 1].isspace():
        right -= 1
    return left, right


def _abbreviation(text: str, dot: int) -> bool:
    """The period at `dot` ends a title or an initial ("Mr.", "Lloyd J."), not a sentence."""
    if text[dot] != ".":
        return False
    m = re.search(r"(\w+)$", text[max(0, dot - 6) : dot])
    return bool(m) and (m.group(1).lower() in ABBREVIATIONS or re.fullmatch(r"[A-Z]", m.group(1)))
