"""Vectorised scoring: hard-filter masks and soft score components for every offer at once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any

import numpy as np
import numpy.typing as npt

from app.matching.index import CatalogueIndex
from app.matching.keyword_index import field_column, normalised
from app.matching.profile import NormalisedProfile
from app.matching.rules import COMPONENTS
from app.matching.stages import serving, stage_tables
from app.matching.text import indexed, stem, words

BoolArray = npt.NDArray[np.bool_]
FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
MaskArray = npt.NDArray[np.uint64]

CRITERIA = ("location", "organisation_type", "sector", "stage")
"""Hard filters an offer can fail (besides being closed), in the order near misses report them.
Location, organisation type and sector fail only on an offer's explicit `restrictions`, never its focus."""

FULL_TIER, PARENT_TIER, NO_TIER = 2, 1, 0

ASKED, WORDS, TYPICAL = "asked", "words", "typical"
"""Where a considered need comes from: the request's needs, its keywords' synonyms, or its stage's typical needs."""


@dataclass(frozen=True)
class ConsideredNeed:
    """A need the offers are scored on, with where it came from (and the stage, for a stage's typical need)."""

    slug: str
    source: str
    stage: int | None = None


@dataclass(frozen=True, eq=False)
class ScoreSheet:
    """Per-offer arrays for one request; indices follow CatalogueIndex.offers."""

    components: tuple[tuple[str, FloatArray], ...]
    """Applicable components only, in COMPONENTS order."""
    score: FloatArray
    tier: IntArray
    """2: some considered need fully matched; 1: only parent-level matches; 0: none (or no needs considered)."""
    needs: tuple[ConsideredNeed, ...]
    need_full: tuple[BoolArray, ...]
    terms: tuple[int, ...]
    """Positions in profile.keyword_terms of the informative terms (the IDF floor applied)."""
    failed: tuple[tuple[str, BoolArray], ...]
    candidate: BoolArray
    """Could be listed if it passed every hard filter: open, in scope, not a front door, with evidence."""
    eligible: BoolArray
    local: BoolArray
    front_door: BoolArray
    """Open front doors passing every hard filter."""


def score_offers(
    index: CatalogueIndex,
    profile: NormalisedProfile,
    needs: tuple[ConsideredNeed, ...],
    scope: BoolArray | None = None,
) -> ScoreSheet:
    """Score every offer in `index` against `profile` and the considered `needs`; `scope` optionally limits
    which offers may be listed (evidence or nothing: see _evidence). Per-field arrays depend on one field value
    each, so they are computed once per index and value (index.memo) and only combined here.
    """
    rules = index.rules
    cols = index.columns
    memo = index.memo
    components: list[tuple[str, FloatArray]] = []
    failed: list[tuple[str, BoolArray]] = []

    need, tier, need_full = _need_component(index, needs)
    if need is not None:
        components.append(("need", need))

    if profile.stages:
        stages = profile.stages
        fit, gated = memo.get(("stage", stages), lambda: _stage_columns(index, stages))
        components.append(("stage", fit))
        if gated is not None:
            failed.append(("stage", gated))

    open_offers: BoolArray = memo.get("open", lambda: _frozen(~cols.closed))
    terms = tuple(k for k, term in enumerate(profile.keyword_terms) if term in index.informative)
    text_hit: BoolArray | None = None
    if terms:
        raw = _concept_scores(index, profile, terms)
        text_hit = raw > 0
        components.append(("keywords", normalised(raw, open_offers & ~cols.signposting)))

    local = _focus_components(index, profile, components, failed)
    score = _weighted(index, components)
    evidence = _evidence(index, profile, needs, tier, text_hit)
    candidate = open_offers & ~cols.signposting & evidence & (score >= rules.results.min_score)
    if scope is not None:
        candidate &= scope
    failed.sort(key=lambda item: CRITERIA.index(item[0]))
    passes = open_offers
    for _, mask in failed:
        passes = passes & ~mask
    return ScoreSheet(
        components=tuple(components),
        score=score,
        tier=tier,
        needs=needs,
        need_full=need_full,
        terms=terms,
        failed=tuple(failed),
        candidate=candidate,
        eligible=candidate & passes,
        local=local,
        front_door=passes & cols.signposting,
    )


def _need_component(
    index: CatalogueIndex, needs: tuple[ConsideredNeed, ...]
) -> tuple[FloatArray | None, IntArray, tuple[BoolArray, ...]]:
    """The need component (None when no need is considered), each offer's need tier, and each need's full matches."""
    cols = index.columns
    tier: IntArray = index.memo.get("no-tier", lambda: _frozen(np.zeros(index.size, dtype=np.int64)))
    if not needs:
        return None, tier, ()
    need_full: list[BoolArray] = []
    strengths = []
    for need in needs:
        row = index.need_row[need.slug]
        need_full.append(cols.need_full[row])
        strengths.append(index.memo.get(("need-strength", need.slug), partial(_need_strength, index, row)))
    best, total = strengths[0], strengths[0]
    for strength in strengths[1:]:
        best = np.maximum(best, strength)
        total = total + strength
    breadth = index.rules.needs.breadth
    # PARENT_TIER (1) for any match, plus one more for a full match: FULL_TIER (2).
    tier = (best > 0.0).astype(np.int64)
    tier += best >= 1.0
    return (1.0 - breadth) * best + breadth * total / len(strengths), tier, tuple(need_full)


def _focus_components(
    index: CatalogueIndex,
    profile: NormalisedProfile,
    components: list[tuple[str, FloatArray]],
    failed: list[tuple[str, BoolArray]],
) -> BoolArray:
    """Add the sector, audience and local components and their restriction filters; return the offers whose
    provider is near the innovator."""
    memo = index.memo
    sector = profile.sector
    if sector is not None:
        focus, restricted = memo.get(("sector", sector), lambda: _sector_columns(index, sector))
        components.append(("sector", focus))
        failed.append(("sector", restricted))

    audience: list[FloatArray] = []
    kind = profile.organisation_type
    if kind is not None:
        focus, restricted = memo.get(("organisation", kind), lambda: _organisation_columns(index, kind))
        audience.append(focus)
        failed.append(("organisation_type", restricted))

    local: BoolArray = memo.get("nowhere-local", lambda: _frozen(np.zeros(index.size, dtype=np.bool_)))
    location = profile.location
    if location is not None:
        outside, focus, local, nearby = memo.get(("location", location), lambda: _location_columns(index, location))
        audience.append(focus)
        failed.append(("location", outside))
        components.append(("local", nearby))
    if audience:
        components.append(("audience", audience[0] if len(audience) == 1 else (audience[0] + audience[1]) / 2))
    components.sort(key=lambda item: COMPONENTS.index(item[0]))
    return local


def _weighted(index: CatalogueIndex, components: list[tuple[str, FloatArray]]) -> FloatArray:
    """The soft score: the weighted mean of the components the request uses, clipped to [0, 1]."""
    weights = [index.rules.weights.of(name) for name, _ in components]
    total_weight = sum(weights)
    score = np.zeros(index.size, dtype=np.float64)
    if total_weight > 0:
        for weight, (_, values) in zip(weights, components, strict=True):
            score += weight * values
        score /= total_weight
    np.minimum(score, 1.0, out=score)
    np.maximum(score, 0.0, out=score)
    return score


def _evidence(
    index: CatalogueIndex,
    profile: NormalisedProfile,
    needs: tuple[ConsideredNeed, ...],
    tier: IntArray,
    text_hit: BoolArray | None,
) -> BoolArray:
    """Evidence or nothing: a need met (or, for needs the request did not name, also a keyword mentioned); with
    keywords alone, an informative word mentioned; with a stage alone, serving the stage."""
    evidence: BoolArray
    if needs:
        evidence = tier > NO_TIER
        if text_hit is not None and not any(need.source == ASKED for need in needs):
            evidence = evidence | text_hit
    elif profile.keyword_terms or profile.keyword_needs:
        # Keywords and nothing else to go on: their informative words are the only evidence (maybe none).
        evidence = text_hit if text_hit is not None else np.zeros(index.size, dtype=np.bool_)
    else:
        # A stage with no typical needs in the pathway data: serving the stage is all there is.
        evidence = served_by(index, profile.stages)
    return evidence


def served_by(index: CatalogueIndex, stages: tuple[int, ...]) -> BoolArray:
    """Offers serving any of `stages` (read-only; computed once per index and stage set)."""
    mask: BoolArray = index.memo.get(("stage-only", stages), lambda: _frozen(serving(index.columns.stage_mask, stages)))
    return mask


def _concept_scores(index: CatalogueIndex, profile: NormalisedProfile, terms: tuple[int, ...]) -> FloatArray:
    """Raw keyword relevance: for each concept of the keywords, the offer's best match among its units, summed
    over concepts (a phrase, its own words and its synonyms count once, not once each).

    A unit is one term, or a synonym's search term of several words found whole (phrase_mask), which counts as
    its words together: "learning and development" held as a phrase is worth more than "learning" alone.
    """
    groups: dict[int, list[int]] = {}
    for k in terms:
        groups.setdefault(profile.keyword_concepts[k], []).append(k)
    total = np.zeros(index.size, dtype=np.float64)
    for group in groups.values():
        units: dict[str, FloatArray] = {}
        for k in group:
            key = profile.keyword_within[k] or profile.keyword_terms[k]
            score = _term_scores(index, profile, k)
            units[key] = units[key] + score if key in units else score
        parts = list(units.values())
        total += parts[0] if len(parts) == 1 else np.maximum.reduce(parts)
    return total


def _term_scores(index: CatalogueIndex, profile: NormalisedProfile, k: int) -> FloatArray:
    """BM25 of keyword term k, kept only where the offer holds the phrase the term must appear in (if any)."""
    values = index.keywords.scores([profile.keyword_terms[k]])
    phrase = profile.keyword_within[k]
    return values * phrase_mask(index, phrase) if phrase else values


def mentioned_terms(
    index: CatalogueIndex, profile: NormalisedProfile, sheet: ScoreSheet, chosen: IntArray
) -> list[tuple[int, ...]]:
    """For each chosen offer, the positions in sheet.terms of the informative keyword terms it mentions (a
    phrase-held term only where the offer holds its phrase)."""
    terms = [profile.keyword_terms[k] for k in sheet.terms]
    if not terms:
        return [()] * len(chosen)
    hits = index.keywords.matched_terms_for(chosen, terms)
    for k, position in enumerate(sheet.terms):
        phrase = profile.keyword_within[position]
        if phrase:
            held = phrase_mask(index, phrase)[chosen].tolist()
            hits = [found if held[row] else tuple(h for h in found if h != k) for row, found in enumerate(hits)]
    return hits


def phrase_mask(index: CatalogueIndex, phrase: str) -> BoolArray:
    """Offers whose searched text holds `phrase` (words separated by single spaces, as words() gives them), its
    words consecutive: a synonym's term of several words counts only there. Computed once per index and phrase."""

    def compute() -> BoolArray:
        needle = f" {phrase} "
        fields = [name for name, weight in index.rules.keywords.field_weights if weight > 0]
        found = np.zeros(index.size, dtype=np.bool_)
        held = _holding_every_word(index, phrase).tolist()
        offers = [index.offers[i] for i in held]
        columns = [field_column(offers, name) for name in fields]
        for row, i in enumerate(held):
            found[i] = any(needle in f" {' '.join(words(column[row]))} " for column in columns)
        return _frozen(found)

    mask: BoolArray = index.memo.get(("phrase", phrase), compute)
    return mask


def _holding_every_word(index: CatalogueIndex, phrase: str) -> IntArray:
    """The offers whose text has every indexed word of `phrase` somewhere (from the postings): the only ones whose
    text can hold the phrase, so only they are read."""
    keywords = index.keywords
    held: IntArray = np.arange(index.size, dtype=np.int64)
    for word in words(phrase):
        term_id = keywords.term_ids.get(stem(word))
        if term_id is None:
            if not indexed(word):
                continue  # not indexed: the text check decides
            return np.zeros(0, dtype=np.int64)
        held = np.intersect1d(held, keywords.docs_with(term_id))
    return held


def _frozen(array: npt.NDArray[Any]) -> npt.NDArray[Any]:
    """Read-only: memoised arrays are shared by every request."""
    array.flags.writeable = False
    return array


def _need_strength(index: CatalogueIndex, row: int) -> FloatArray:
    """1 for offers fully matching the need (it or a child), parent_fraction for an ancestor-only match, else 0."""
    cols = index.columns
    return _frozen(cols.need_full[row] + index.rules.needs.parent_fraction * cols.need_ancestor[row])


def _stage_columns(index: CatalogueIndex, stages: tuple[int, ...]) -> tuple[FloatArray, BoolArray | None]:
    """Each offer's stage score for an innovator at `stages`, and its stage-gate failure (None: no gate)."""
    rules = index.rules.stages
    fit_table, gap_table = stage_tables(stages, rules, index.vocabulary.last_stage)
    mask = index.columns.stage_mask
    gated = _frozen(gap_table[mask]) if rules.max_stage_gap is not None else None
    return _frozen(fit_table[mask]), gated


def _focus(focus: MaskArray, bit: np.uint64, open_fraction: float) -> FloatArray:
    """1 where the focus includes `bit`, open_fraction where there is no focus, 0 where it is elsewhere."""
    values = np.where(focus == 0, open_fraction, ((focus & bit) != 0).astype(np.float64))
    return _frozen(values.astype(np.float64))


def _restricted(restricted: MaskArray, bit: np.uint64) -> BoolArray:
    """Offers restricted to others only (the hard filter)."""
    return _frozen((restricted != 0) & ((restricted & bit) == 0))


def _sector_columns(index: CatalogueIndex, sector: str) -> tuple[FloatArray, BoolArray]:
    """Each offer's sector focus score, and the offers restricted to other sectors."""
    bit = index.bit_of(index.sector_bit, (sector,))
    cols = index.columns
    return _focus(cols.sector_mask, bit, index.rules.focus.open_fraction), _restricted(cols.restricted_sector_mask, bit)


def _organisation_columns(index: CatalogueIndex, organisation_type: str) -> tuple[FloatArray, BoolArray]:
    """Each offer's organisation-type focus score, and the offers restricted to other organisation types."""
    bit = index.bit_of(index.organisation_bit, (organisation_type,))
    cols = index.columns
    return (
        _focus(cols.organisation_mask, bit, index.rules.focus.open_fraction),
        _restricted(cols.restricted_organisation_mask, bit),
    )


def _location_columns(index: CatalogueIndex, location: str) -> tuple[BoolArray, FloatArray, BoolArray, FloatArray]:
    """For an innovator at `location`: offers restricted to elsewhere, the location focus score, and providers
    near them (bool and score)."""
    cols = index.columns
    chain = index.bit_of(index.location_bit, index.vocabulary.location_chain(location))
    table = np.zeros(len(index.location_row) + 1, dtype=np.bool_)
    for slug in _local_locations(index, location):
        table[index.location_row[slug] + 1] = True
    local = table[cols.provider_location + 1]
    return (
        _restricted(cols.restricted_location_mask, chain),
        _focus(cols.location_mask, chain, index.rules.focus.open_fraction),
        _frozen(local),
        _frozen(local.astype(np.float64)),
    )


def _local_locations(index: CatalogueIndex, location: str) -> tuple[str, ...]:
    """Provider locations that count as near an innovator at `location`.

    Near means nested (one inside the other) with the broader of the two below the top level,
    so Leeds and West Yorkshire are near each other, but a UK-wide base is not "near" anyone.
    """
    vocabulary = index.vocabulary
    chain = vocabulary.location_chain(location)
    near: list[str] = []
    for slug in index.location_row:
        other_chain = vocabulary.location_chain(slug)
        if slug in chain:
            broader = slug
        elif location in other_chain:
            broader = location
        else:
            continue
        if vocabulary.location_parents[broader] is not None:
            near.append(slug)
    return tuple(near)
