"""normalise_profile: every error kind, collected together, and the normalised shape."""

from __future__ import annotations

import pytest

from app.matching import FieldError, NormalisedProfile, Profile, ProfileError, Synonyms, Vocabulary, normalise_profile


def _errors(profile: Profile, vocabulary: Vocabulary) -> dict[str, str]:
    with pytest.raises(ProfileError) as caught:
        normalise_profile(profile, vocabulary)
    assert all(isinstance(error, FieldError) for error in caught.value.errors)
    return {error.field: error.message for error in caught.value.errors}


def test_needs_at_least_one_of_stage_trl_needs_or_keywords(vocabulary: Vocabulary) -> None:
    errors = _errors(Profile(sector="medtech"), vocabulary)
    assert errors == {"stage": "Give at least one of stage, trl, needs or keywords"}
    assert normalise_profile(Profile(keywords="wound care"), vocabulary).keyword_terms == ("wound", "care")


@pytest.mark.parametrize("keywords", ["the and of", "?!... --", "help, I need to find something", "a b c", "co"])
def test_keywords_of_only_stop_words_or_punctuation_are_refused(
    vocabulary: Vocabulary, synonyms: Synonyms, keywords: str
) -> None:
    with pytest.raises(ProfileError) as caught:
        normalise_profile(Profile(keywords=keywords), vocabulary, synonyms)
    (error,) = caught.value.errors
    assert error.field == "keywords"
    assert "at least one word that says what you are looking for" in error.message


def test_keywords_over_200_characters_are_refused_even_with_needs(vocabulary: Vocabulary) -> None:
    errors = _errors(Profile(needs=("work-space",), keywords="lab " * 51), vocabulary)
    assert errors == {"keywords": "Keywords must be at most 200 characters (got 204)"}


@pytest.mark.parametrize("stage", [0, 8, -1])
def test_stage_out_of_range_names_the_valid_stages(vocabulary: Vocabulary, stage: int) -> None:
    message = _errors(Profile(stage=stage), vocabulary)["stage"]
    assert "1 (needs-identification)" in message and "7 (post-launch-development)" in message


@pytest.mark.parametrize("trl", [0, 10])
def test_trl_out_of_range(vocabulary: Vocabulary, trl: int) -> None:
    assert _errors(Profile(trl=trl), vocabulary) == {"trl": "TRL must be a whole number from 1 to 9"}


def test_stage_and_trl_that_disagree_explain_the_crosswalk(vocabulary: Vocabulary) -> None:
    message = _errors(Profile(stage=5, trl=3), vocabulary)["trl"]
    assert message == (
        "TRL 3 is outside stage 5's band 6-8; stage 5 covers TRL 6-8, TRL 3 belongs to stages 2 (solution-development)"
    )


def test_crosswalk_message_lists_every_stage_of_an_overlapping_trl(vocabulary: Vocabulary) -> None:
    message = _errors(Profile(stage=4, trl=2), vocabulary)["trl"]
    assert message.endswith("TRL 2 belongs to stages 1 (needs-identification), 2 (solution-development)")


def test_unknown_slugs_name_the_field_position_and_valid_values(vocabulary: Vocabulary) -> None:
    errors = _errors(
        Profile(
            needs=("regulatory-advice", "time-travel"),
            sector="fintech",
            organisation_type="guild",
            location="mars",
        ),
        vocabulary,
    )
    assert set(errors) == {"needs[1]", "sector", "organisation_type", "location"}
    assert "time-travel" in errors["needs[1]"] and "regulatory-advice" in errors["needs[1]"]
    assert "digital-health" in errors["sector"]
    assert "startup" in errors["organisation_type"]
    assert "west-yorkshire" in errors["location"]


def test_keywords_and_limit_bounds(vocabulary: Vocabulary) -> None:
    errors = _errors(Profile(stage=1, keywords="x" * 201, limit=51), vocabulary)
    assert set(errors) == {"keywords", "limit"}
    assert "200" in errors["keywords"]
    assert "1 to 50" in errors["limit"]
    assert "limit" in _errors(Profile(stage=1, limit=0), vocabulary)
    normalise_profile(Profile(stage=1, keywords="x" * 200, limit=50), vocabulary)


def test_every_error_is_collected_not_just_the_first(vocabulary: Vocabulary) -> None:
    with pytest.raises(ProfileError) as caught:
        normalise_profile(
            Profile(stage=5, trl=3, needs=("nope",), sector="nope", keywords="k" * 300, limit=99), vocabulary
        )
    fields = [error.field for error in caught.value.errors]
    assert fields == ["trl", "needs[0]", "sector", "keywords", "limit"]
    assert isinstance(caught.value, ValueError)
    assert "needs[0]" in str(caught.value)


def test_missing_everything_and_bad_values_are_reported_together(vocabulary: Vocabulary) -> None:
    errors = _errors(Profile(location="mars", limit=0), vocabulary)
    assert set(errors) == {"stage", "location", "limit"}


def test_trl_alone_maps_to_every_stage_whose_band_contains_it(vocabulary: Vocabulary) -> None:
    assert normalise_profile(Profile(trl=2), vocabulary).stages == (1, 2)
    assert normalise_profile(Profile(trl=6), vocabulary).stages == (4, 5)
    assert normalise_profile(Profile(trl=9), vocabulary).stages == (6, 7)
    assert normalise_profile(Profile(trl=3), vocabulary).stages == (2,)
    assert normalise_profile(Profile(trl=2), vocabulary).trl_band == (2, 2)


def test_stage_sets_the_band_and_wins_over_a_consistent_trl(vocabulary: Vocabulary) -> None:
    profile = normalise_profile(Profile(stage=5, trl=7), vocabulary)
    assert profile.stages == (5,)
    assert profile.trl_band == (6, 8)
    assert profile.trl == 7


def test_needs_are_deduplicated_in_order_and_parents_expand(vocabulary: Vocabulary) -> None:
    profile = normalise_profile(
        Profile(needs=("seed-investment", "professional-advice", "seed-investment", "regulatory-advice")),
        vocabulary,
    )
    assert profile.needs == ("seed-investment", "professional-advice", "regulatory-advice")
    assert profile.expanded_needs == (
        "seed-investment",
        "professional-advice",
        "regulatory-advice",
        "legal-advice",
        "financial-advice",
    )


def test_location_chain_follows_the_nesting(vocabulary: Vocabulary) -> None:
    chain = normalise_profile(Profile(stage=1, location="leeds"), vocabulary).location_chain
    assert chain == ("leeds", "west-yorkshire", "yorkshire-and-humber", "uk")
    assert normalise_profile(Profile(stage=1, location="international"), vocabulary).location_chain == (
        "international",
    )
    assert normalise_profile(Profile(stage=1), vocabulary).location_chain == ()


def test_keywords_are_trimmed_and_stemmed(vocabulary: Vocabulary) -> None:
    profile = normalise_profile(Profile(stage=2, keywords="  Validating the clinical trials  "), vocabulary)
    assert profile.keywords == "Validating the clinical trials"
    assert profile.keyword_terms == ("validat", "clinic", "trial")
    assert profile.keyword_words == ("validating", "clinical", "trials")
    assert normalise_profile(Profile(stage=2, keywords="   "), vocabulary).keywords is None


def test_as_dict_is_the_contract_profile_object(vocabulary: Vocabulary) -> None:
    profile = normalise_profile(
        Profile(
            stage=5,
            trl=7,
            needs=("regulatory-advice",),
            sector="digital-health",
            location="leeds",
            organisation_type="startup",
            keywords="software as a medical device",
            limit=10,
        ),
        vocabulary,
    )
    assert isinstance(profile, NormalisedProfile)
    assert profile.as_dict() == {
        "stage": 5,
        "trl": 7,
        "stages": [5],
        "trl_band": [6, 8],
        "needs": ["regulatory-advice"],
        "sector": "digital-health",
        "organisation_type": "startup",
        "location": "leeds",
        "keywords": "software as a medical device",
        "keyword_terms": ["softwar", "medic", "devic"],
        "keyword_needs": [],
        "limit": 10,
    }


def test_needs_only_profile_has_no_stages(vocabulary: Vocabulary) -> None:
    profile = normalise_profile(Profile(needs=("work-space",)), vocabulary)
    assert profile.stages == ()
    assert profile.as_dict()["trl_band"] is None
