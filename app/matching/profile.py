"""Checking a match request against the vocabulary and turning it into a normalised profile."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from app.matching.records import Profile
from app.matching.synonyms import QueryWord, Synonyms, analyse_query
from app.matching.text import no_words
from app.matching.vocabulary import Vocabulary, unknown_terms

MAX_KEYWORD_CHARS = 200
MIN_LIMIT, MAX_LIMIT = 1, 50
MIN_TRL, MAX_TRL = 1, 9


@dataclass(frozen=True)
class FieldError:
    """One problem with one request field; the message names the valid values."""

    field: str
    message: str


class ProfileError(ValueError):
    """A request that cannot be matched; carries every problem found, not just the first."""

    def __init__(self, errors: Sequence[FieldError]) -> None:
        self.errors: tuple[FieldError, ...] = tuple(errors)
        super().__init__("; ".join(f"{error.field}: {error.message}" for error in self.errors))


@dataclass(frozen=True)
class NormalisedProfile:
    """The request as the matcher understood it: checked, de-duplicated and expanded."""

    stage: int | None
    trl: int | None
    stages: tuple[int, ...]
    trl_band: tuple[int, int] | None
    needs: tuple[str, ...]
    expanded_needs: tuple[str, ...]
    sector: str | None
    organisation_type: str | None
    location: str | None
    location_chain: tuple[str, ...]
    keywords: str | None
    keyword_terms: tuple[str, ...]
    """Stems of the keywords' words that may carry evidence, and the search terms their synonyms add."""
    keyword_words: tuple[str, ...]
    """How each keyword term is shown in reasons: the word as typed, or its proper form (AI, NHS)."""
    keyword_concepts: tuple[int, ...]
    """For each keyword term, the concept it belongs to: a word, or a phrase with its words and the terms it
    stands for. An offer scores once per concept, on its best term."""
    keyword_phrases: tuple[str, ...]
    """For each keyword term, its concept as shown (the phrase as typed, or the word)."""
    keyword_within: tuple[str, ...]
    """For each keyword term, the phrase an offer's text must hold for it to count ("" for any mention)."""
    keyword_written: tuple[str, ...]
    """For each keyword term a synonym added, the term as written in the data ("end-to-end"); "" for typed words."""
    keyword_needs: tuple[tuple[str, str], ...]
    """(need, word) pairs: the needs the keywords point to through the reviewed synonyms (a need is left out when
    the words also point to one of its children: the more specific reading wins)."""
    limit: int

    def as_dict(self) -> dict[str, object]:
        """The `profile` object of the match response."""
        return {
            "stage": self.stage,
            "trl": self.trl,
            "stages": list(self.stages),
            "trl_band": None if self.trl_band is None else [self.trl_band[0], self.trl_band[1]],
            "needs": list(self.needs),
            "sector": self.sector,
            "organisation_type": self.organisation_type,
            "location": self.location,
            "keywords": self.keywords,
            "keyword_terms": list(self.keyword_terms),
            "keyword_needs": [{"need": need, "word": word} for need, word in self.keyword_needs],
            "limit": self.limit,
        }


def normalise_profile(profile: Profile, vocabulary: Vocabulary, synonyms: Synonyms | None = None) -> NormalisedProfile:
    """Check `profile` against `vocabulary`; raise ProfileError listing every problem found.

    Keywords are analysed with `synonyms` (the reviewed word rules and synonyms; none when omitted).
    """
    words_rules = synonyms or Synonyms.empty()
    errors: list[FieldError] = []
    keywords = profile.keywords.strip() if profile.keywords is not None else None
    if profile.stage is None and profile.trl is None and not profile.needs and not keywords:
        errors.append(FieldError("stage", "Give at least one of stage, trl, needs or keywords"))

    errors += _stage_errors(profile, vocabulary)
    needs: list[str] = []
    for position, need in enumerate(profile.needs):
        if need not in vocabulary.need_names:
            errors.append(FieldError(f"needs[{position}]", _unknown("need", need, vocabulary.need_names)))
        elif need not in needs:
            needs.append(need)
    for field, value, known in (
        ("sector", profile.sector, vocabulary.sector_names),
        ("organisation_type", profile.organisation_type, vocabulary.organisation_type_names),
        ("location", profile.location, vocabulary.location_names),
    ):
        if value is not None and value not in known:
            errors.append(FieldError(field, _unknown(field.replace("_", " "), value, known)))

    analysed = _analysed_keywords(profile.keywords, words_rules, errors)
    if not MIN_LIMIT <= profile.limit <= MAX_LIMIT:
        errors.append(FieldError("limit", f"Limit must be from {MIN_LIMIT} to {MAX_LIMIT} (got {profile.limit})"))
    if errors:
        raise ProfileError(errors)

    stages, trl_band = _stages(profile, vocabulary)
    expanded: dict[str, None] = {}
    for need in needs:
        expanded[need] = None
        expanded.update(dict.fromkeys(vocabulary.need_descendants[need]))
    terms, pointed = analysed
    # The most specific reading of the words: "into the NHS" (NHS adoption) wins over "NHS" (access to health
    # systems, its parent), as a named child need ranks above its parent.
    named = {need for need, _ in pointed}
    keyword_needs = tuple(
        (need, word) for need, word in pointed if not named.intersection(vocabulary.need_descendants[need])
    )
    return NormalisedProfile(
        stage=profile.stage,
        trl=profile.trl,
        stages=stages,
        trl_band=trl_band,
        needs=tuple(needs),
        expanded_needs=tuple(expanded),
        sector=profile.sector,
        organisation_type=profile.organisation_type,
        location=profile.location,
        location_chain=vocabulary.location_chain(profile.location) if profile.location else (),
        keywords=keywords or None,
        keyword_needs=keyword_needs,
        limit=profile.limit,
        **_keyword_fields(terms),
    )


def _stage_errors(profile: Profile, vocabulary: Vocabulary) -> list[FieldError]:
    """Problems with the stage and TRL: out of range, or a pair that disagrees with the crosswalk."""
    errors: list[FieldError] = []
    stage_ok = profile.stage is None or profile.stage in vocabulary.stage_by_number
    if not stage_ok:
        errors.append(FieldError("stage", f"Stage must be one of {_stage_list(vocabulary)}"))
    trl_ok = profile.trl is None or MIN_TRL <= profile.trl <= MAX_TRL
    if not trl_ok:
        errors.append(FieldError("trl", f"TRL must be a whole number from {MIN_TRL} to {MAX_TRL}"))
    if profile.stage is not None and profile.trl is not None and stage_ok and trl_ok:
        band = vocabulary.stage_by_number[profile.stage]
        if not band.contains_trl(profile.trl):
            errors.append(FieldError("trl", _crosswalk_message(profile.stage, profile.trl, vocabulary)))
    return errors


def _analysed_keywords(
    text: str | None, synonyms: Synonyms, errors: list[FieldError]
) -> tuple[tuple[QueryWord, ...], tuple[tuple[str, str], ...]]:
    """The keywords' informative words and the needs they point to; a problem is added to `errors`."""
    keywords = text.strip() if text is not None else None
    if text is not None and len(text) > MAX_KEYWORD_CHARS:
        message = f"Keywords must be at most {MAX_KEYWORD_CHARS} characters (got {len(text)})"
        errors.append(FieldError("keywords", message))
        return (), ()
    if not keywords:
        return (), ()
    analysed = analyse_query(keywords, synonyms)
    if not analysed[0] and not analysed[1]:
        errors.append(FieldError("keywords", no_words("Keywords need", "'help' or 'the'")))
    return analysed


def _stages(profile: Profile, vocabulary: Vocabulary) -> tuple[tuple[int, ...], tuple[int, int] | None]:
    """The stages the profile stands at, and its TRL band: a stage's own band, or the TRL given."""
    if profile.stage is not None:
        band = vocabulary.stage_by_number[profile.stage]
        return (profile.stage,), (band.trl_min, band.trl_max)
    if profile.trl is not None:
        return vocabulary.stages_for_trl(profile.trl), (profile.trl, profile.trl)
    return (), None


def _keyword_fields(terms: Sequence[QueryWord]) -> dict[str, tuple[Any, ...]]:
    """The per-term keyword fields of NormalisedProfile, in the order of `terms`."""
    return {
        "keyword_terms": tuple(word.term for word in terms),
        "keyword_words": tuple(word.display for word in terms),
        "keyword_concepts": tuple(word.concept for word in terms),
        "keyword_phrases": tuple(word.phrase for word in terms),
        "keyword_within": tuple(word.within for word in terms),
        "keyword_written": tuple(word.written for word in terms),
    }


def _stage_list(vocabulary: Vocabulary) -> str:
    return ", ".join(f"{band.number} ({band.slug})" for band in vocabulary.stages)


def _crosswalk_message(stage: int, trl: int, vocabulary: Vocabulary) -> str:
    band = vocabulary.stage_by_number[stage]
    homes = ", ".join(
        f"{number} ({vocabulary.stage_by_number[number].slug})" for number in vocabulary.stages_for_trl(trl)
    )
    return (
        f"TRL {trl} is outside stage {stage}'s band {band.trl_min}-{band.trl_max}; "
        f"stage {stage} covers TRL {band.trl_min}-{band.trl_max}, TRL {trl} belongs to stages {homes}"
    )


def _unknown(label: str, value: str, known: dict[str, str]) -> str:
    return unknown_terms(label, [value], known)[0][1]
