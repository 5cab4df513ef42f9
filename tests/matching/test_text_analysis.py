"""The light stemmer and query analysis behind keyword relevance."""

from __future__ import annotations

import pytest

from app.matching.text import analyse, query_terms, stem


@pytest.mark.parametrize(
    "group",
    [
        ("validation", "validated", "validating", "validate", "validates"),
        ("regulation", "regulatory", "regulations"),
        ("device", "devices"),
        ("trial", "trials"),
        ("clinic", "clinics", "clinical"),
        ("therapy", "therapies"),
        ("develop", "development", "developing", "developed"),
        ("plan", "planning", "plans"),
        ("image", "images", "imaging"),
    ],
)
def test_word_families_share_a_stem(group: tuple[str, ...]) -> None:
    assert len({stem(word) for word in group}) == 1, {word: stem(word) for word in group}


def test_short_and_non_alphabetic_words_are_left_alone() -> None:
    assert stem("ai") == "ai"
    assert stem("nhs") == "nhs"
    assert stem("5g") == "5g"
    assert stem("analysis") == "analysis"


def test_analyse_lowercases_drops_stop_words_and_punctuation() -> None:
    assert analyse("The NHS's Clinical-Trials, for devices!") == ["nhs", "clinic", "trial", "devic"]


def test_query_terms_keep_the_first_word_for_each_stem() -> None:
    assert query_terms("Trials and trial design, trials") == (("trial", "trials"), ("design", "design"))
    assert query_terms("the and of") == ()
