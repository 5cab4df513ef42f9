"""Keyword concepts (a phrase, its words and its synonyms count once), phrase-held synonym terms, readable keyword
reasons, and ties broken by how specialised an offer is."""

from __future__ import annotations

from collections.abc import Callable

from app.matching import CatalogueIndex, OfferRecord, Profile, Synonyms, match
from app.matching.synonyms import analyse_query

OfferFactory = Callable[..., OfferRecord]
IndexFactory = Callable[..., CatalogueIndex]


def _fillers(offer: OfferFactory) -> list[OfferRecord]:
    """Offers about other things, so that the words searched stay within the IDF floor (rare enough to count)."""
    topics = ("office desks", "wet labs", "legal contracts", "seed funding", "staff training", "health data")
    return [offer(f"filler-{k}", description=f"Help with {topic}.") for k, topic in enumerate(topics)]


def _keyword_text(result_reasons: tuple[object, ...]) -> list[str]:
    return [reason.text for reason in result_reasons if getattr(reason, "code", "") == "keyword-match"]  # type: ignore[attr-defined]


def test_a_phrase_its_words_and_its_synonym_are_one_concept(synonyms: Synonyms) -> None:
    words, _ = analyse_query("artificial intelligence research partner", synonyms)
    concept = {word.term: word.concept for word in words}
    assert concept["artifici"] == concept["intelligenc"] == concept["ai"]
    assert len({concept["artifici"], concept["research"], concept["partner"]}) == 3
    assert {word.phrase for word in words if word.concept == concept["ai"]} == {"artificial intelligence"}


def test_a_phrase_counts_once_and_is_named_once(
    offer: OfferFactory, build_index: IndexFactory, synonyms: Synonyms
) -> None:
    index = build_index(
        [
            offer("repeats", description="Artificial intelligence, AI and more artificial intelligence."),
            offer("says-ai-once", description="AI for clinical pathways and a research partner."),
            *_fillers(offer),
        ],
        synonyms=synonyms,
    )
    outcome = match(index, Profile(keywords="artificial intelligence research partner"))
    by_slug = {result.offer.slug: result for result in outcome.results}
    # The offer naming the concept three ways does not outrank one that also meets "research" and "partner".
    assert outcome.results[0].offer.slug == "says-ai-once"
    texts = _keyword_text(by_slug["repeats"].reasons)
    assert texts == ["Mentions artificial intelligence, which you searched for"]
    # It says "AI", which the search reaches through the synonym: the reason says so, in the acronym's own case.
    assert _keyword_text(by_slug["says-ai-once"].reasons) == [
        "Mentions research and partner, which you searched for; "
        "mentions AI, which matches \u201cartificial intelligence\u201d in your search"
    ]


def test_acronyms_keep_their_case_in_reasons(
    offer: OfferFactory, build_index: IndexFactory, synonyms: Synonyms
) -> None:
    index = build_index(
        [offer("hub", description="Getting AI into NHS hospitals."), *_fillers(offer)], synonyms=synonyms
    )
    outcome = match(index, Profile(keywords="ai in the nhs"))
    assert any("AI" in text for text in _keyword_text(outcome.results[0].reasons))


def test_a_synonym_term_of_several_words_counts_only_as_the_phrase(
    offer: OfferFactory, build_index: IndexFactory, synonyms: Synonyms
) -> None:
    """ "where to start" searches "end-to-end": an offer about end-of-life care is no evidence for it."""
    index = build_index(
        [
            offer("end-of-life", description="Research on care at the end of life."),
            offer("end-to-end", description="End-to-end support for innovators."),
            *_fillers(offer),
        ],
        synonyms=synonyms,
    )
    outcome = match(index, Profile(keywords="not sure where to start"))
    assert [result.offer.slug for result in outcome.results] == ["end-to-end"]
    assert _keyword_text(outcome.results[0].reasons) == [
        "Mentions end-to-end, which matches \u201cwhere to start\u201d in your search"
    ]


def test_ties_go_to_the_more_specialised_offer(offer: OfferFactory, build_index: IndexFactory) -> None:
    index = build_index(
        [
            offer("a-broad-service", needs=("clinical-trials", "evaluation-expertise", "research-expertise")),
            offer("b-two-needs", needs=("clinical-trials", "evaluation-expertise")),
            offer("z-trials-only", needs=("clinical-trials",)),
        ]
    )
    outcome = match(index, Profile(needs=("clinical-trials",)))
    assert len({result.score for result in outcome.results}) == 1
    assert [result.offer.slug for result in outcome.results] == ["z-trials-only", "b-two-needs", "a-broad-service"]


def test_a_word_of_a_phrase_named_for_a_need_is_not_repeated(
    offer: OfferFactory, build_index: IndexFactory, synonyms: Synonyms
) -> None:
    index = build_index(
        [offer("yhec", needs=("health-economics",), description="Health economics for NHS buyers."), *_fillers(offer)],
        synonyms=synonyms,
    )
    outcome = match(index, Profile(keywords="health economics model"))
    texts = _keyword_text(outcome.results[0].reasons)
    assert len(texts) == 1 and "\u201chealth economics\u201d" in texts[0]
    assert "mentions economics" not in texts[0].lower()
