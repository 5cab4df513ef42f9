"""The keyword index's bulk tokeniser gives every word the term id a word-by-word reading would give it."""

from __future__ import annotations

import random

from app.matching.keyword_index import _TermIds, _token_ids
from app.matching.text import DOC_MARK, FIELD_MARK, bulk_bytes

# Letters, punctuation, whitespace, accents and other scripts; words of 1 to 40 characters cross every
# multiple of the eight bytes the tokeniser packs at a time.
ALPHABET = "abcdefghij klmnop  ééßü—,.\t\n7日本"
LENGTHS = (1, 2, 3, 7, 8, 9, 15, 16, 17, 24, 25, 40)


def _word_by_word(raw: bytes) -> tuple[list[int], list[str]]:
    lookup = _TermIds()
    return [lookup[word] for word in raw.split()], list(lookup.terms)


def _bulk(raw: bytes) -> tuple[list[int], list[str]]:
    lookup = _TermIds()
    return _token_ids(raw, lookup).tolist(), list(lookup.terms)


def test_random_texts_get_the_same_ids_and_term_order_as_splitting() -> None:
    rng = random.Random(18)
    marks = (DOC_MARK.decode(), FIELD_MARK.decode())
    for _ in range(500):
        words = [
            rng.choice(marks) if rng.random() < 0.1 else "".join(rng.choices(ALPHABET, k=rng.choice(LENGTHS)))
            for _ in range(rng.randint(0, 40))
        ]
        raw = bulk_bytes(" ".join(words))
        assert _bulk(raw) == _word_by_word(raw), raw


def test_words_sharing_their_first_bytes_stay_apart() -> None:
    raw = bulk_bytes("regulator regulatory regulators regulatoryx regulat regulato validation validations")
    ids, terms = _bulk(raw)
    assert (ids, terms) == _word_by_word(raw)
    assert len(ids) == 8
    assert len(set(ids)) == len(terms) == 4  # regulat, regulatoryx, regulato, validat


def test_empty_and_blank_texts_have_no_words() -> None:
    assert _bulk(b"") == ([], [])
    assert _bulk(bulk_bytes("  ,. ")) == ([], [])
