"""Plain-text analysis for keyword search: words, stop words and a light suffix-stripping stemmer."""

from __future__ import annotations

import re
from functools import lru_cache

# Words are runs of letters and digits; ASCII is split with a byte table (fast enough to tokenise a
# 100k-offer catalogue in about a second), other punctuation and symbols with a regex first.
_NON_ASCII_SEPARATOR = re.compile(r"(?:(?![\x00-\x7f])[\W_])+")
_KEEP = b"abcdefghijklmnopqrstuvwxyz0123456789"
_SPACE_TABLE = bytes(byte if byte in _KEEP or byte >= 0x80 else 0x20 for byte in range(256))
DOC_MARK, FIELD_MARK = b"\x00", b"\x01"
"""Markers separating documents and fields in bulk tokenising; they survive as tokens of their own."""
_MARK_TABLE = bytes(
    byte if byte in _KEEP or byte >= 0x80 or byte in (DOC_MARK[0], FIELD_MARK[0]) else 0x20 for byte in range(256)
)

# Common English words that carry no meaning for search (the split string reads better than a list).
STOP_WORDS = frozenset(
    """
    a about above after again all also am an and any are as at be because been before being below
    between both but by can could did do does doing down during each few for from further had has
    have having he her here hers him his how i if in into is it its itself just me more most my no
    nor not now of off on once only or other our ours out over own same she should so some such than
    that the their theirs them then there these they this those through to too under until up very
    was we were what when where which while who whom why will with would you your yours
    """.split()  # noqa: SIM905
)

# Ordered: the first suffix that fits wins. Each maps to a replacement, so that
# validation/validated/validating all reduce to "validat" once the final "e" goes.
_SUFFIXES = (
    ("ational", "ate", 3),
    ("ation", "ate", 3),
    ("ator", "ate", 3),
    ("ment", "", 4),
    ("ory", "e", 4),
    ("ing", "", 3),
    ("ed", "", 3),
    ("al", "", 4),
    ("ly", "", 4),
)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Reduce a lower-case word to a crude stem (plurals, -ing, -ed, -ation, -ment and similar)."""
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("sses"):
        word = word[:-2]
    elif word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix, replacement, min_left in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= min_left:
            word = word[: -len(suffix)] + replacement
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouylsz":
        word = word[:-1]
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    return word


def words(text: str) -> list[str]:
    """The lower-case words of `text`, punctuation dropped."""
    return [word.decode("utf-8") for word in _encoded(text).translate(_SPACE_TABLE).split()]


def bulk_bytes(text: str) -> bytes:
    """`text` as UTF-8 bytes whose words (DOC_MARK and FIELD_MARK among them, as words of their own) are the runs
    of bytes other than a space: `bulk_bytes(text).split()` splits it as words() does."""
    return _encoded(text).translate(_MARK_TABLE)


def _encoded(text: str) -> bytes:
    text = text.lower()
    if not text.isascii():
        text = _NON_ASCII_SEPARATOR.sub(" ", text)
    return text.encode("utf-8")


def indexed(word: str) -> bool:
    """Whether `word` is searched, and so held by the keyword index: stop words and one-letter words are not."""
    return word not in STOP_WORDS and len(word) >= 2


def analyse(text: str) -> list[str]:
    """The searchable terms of `text`: its indexed words, stemmed."""
    return [stem(word) for word in words(text) if indexed(word)]


def query_terms(text: str) -> tuple[tuple[str, str], ...]:
    """Unique (term, first word that produced it) pairs of a query, in the order typed."""
    seen: dict[str, str] = {}
    for word in words(text):
        if indexed(word):
            seen.setdefault(stem(word), word)
    return tuple(seen.items())


def no_words(subject: str, common: str) -> str:
    """The one message for a search with no word to search on: `subject` names what needs a word ("Keywords
    need"), `common` gives examples of the common words it does not search."""
    return (
        f"{subject} at least one word that says what you are looking for "
        f"(common words such as {common}, and punctuation, are not searched)"
    )
