"""Vectorised scoring: hard-filter masks and soft score components for every offer at once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from app.matching.index import CatalogueIndex
from app.matching.keyword_index import normalised
from app.matching.profile import NormalisedProfile
from app.matching.rules import COMPONENTS, StageRules

BoolArray = npt.NDArray[np.bool_]
FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

CRITERIA = ("location", "organisation_type", "sector", "stage")
"""Hard filters an offer can fail (besides being closed), in the order near misses report them."""

FULL_TIER, PARENT_TIER, NO_TIER = 2, 1, 0


@dataclass(frozen=True, eq=False)
class ScoreSheet:
    """Per-offer arrays for one request; indices follow CatalogueIndex.offers."""

    components: tuple[tuple[str, FloatArray], ...]
    """Applicable components only, in COMPONENTS order."""
    score: FloatArray
    tier: IntArray
    """2: some requested need fully matched; 1: only parent-level matches; 0: none (or no needs asked)."""
    need_full: tuple[BoolArray, ...]
    need_parent: tuple[BoolArray, ...]
    failed: tuple[tuple[str, BoolArray], ...]
    candidate: BoolArray
    """Could be listed if it passed every hard filter: open, in scope, fits the need and score thresholds."""
    eligible: BoolArray
    local: BoolArray


def score_offers(index: CatalogueIndex, profile: NormalisedProfile, scope: BoolArray | None = None) -> ScoreSheet:
    """Score every offer in `index` against `profile`; `scope` optionally limits which offers may be listed."""
    rules = index.rules
    cols = index.columns
    size = index.size
    components: list[tuple[str, FloatArray]] = []
    failed: list[tuple[str, BoolArray]] = []

    need_full: list[BoolArray] = []
    need_parent: list[BoolArray] = []
    tier = np.zeros(size, dtype=np.int64)
    if profile.needs:
        fraction = rules.needs.parent_fraction
        best = np.zeros(size, dtype=np.float64)
        total = np.zeros(size, dtype=np.float64)
        for need in profile.needs:
            row = index.need_row[need]
            full, parent = cols.need_full[row], cols.need_ancestor[row]
            need_full.append(full)
            need_parent.append(parent)
            strength = full + fraction * parent
            np.maximum(best, strength, out=best)
            total += strength
        breadth = rules.needs.breadth
        components.append(("need", (1.0 - breadth) * best + breadth * total / len(profile.needs)))
        tier = np.where(best >= 1.0, FULL_TIER, np.where(best > 0.0, PARENT_TIER, NO_TIER)).astype(np.int64)

    if profile.stages:
        fit_table, gap_table = _stage_tables(profile.stages, rules.stages, index.vocabulary.last_stage)
        components.append(("stage", fit_table[cols.stage_mask]))
        if rules.stages.max_stage_gap is not None:
            failed.append(("stage", gap_table[cols.stage_mask]))

    open_offers = ~cols.closed
    if profile.keyword_terms:
        raw = index.keywords.scores(profile.keyword_terms)
        components.append(("keywords", normalised(raw, open_offers)))

    if profile.sector is not None:
        bit = index.bit_of(index.sector_bit, (profile.sector,))
        listed = (cols.sector_mask & bit) != 0
        components.append(("sector", listed.astype(np.float64)))
        failed.append(("sector", (cols.sector_mask != 0) & ~listed))

    if profile.organisation_type is not None:
        bit = index.bit_of(index.organisation_bit, (profile.organisation_type,))
        failed.append(("organisation_type", (cols.organisation_mask != 0) & ((cols.organisation_mask & bit) == 0)))

    local = np.zeros(size, dtype=np.bool_)
    if profile.location is not None:
        chain = index.bit_of(index.location_bit, profile.location_chain)
        failed.append(("location", (cols.location_mask != 0) & ((cols.location_mask & chain) == 0)))
        table = np.zeros(len(index.location_row) + 1, dtype=np.bool_)
        for slug in _local_locations(index, profile.location):
            table[index.location_row[slug] + 1] = True
        local = table[cols.provider_location + 1]
        components.append(("local", local.astype(np.float64)))

    components.sort(key=lambda item: COMPONENTS.index(item[0]))
    weights = [rules.weights.of(name) for name, _ in components]
    total_weight = sum(weights)
    score = np.zeros(size, dtype=np.float64)
    if total_weight > 0:
        for weight, (_, values) in zip(weights, components, strict=True):
            score += weight * values
        score /= total_weight
    np.clip(score, 0.0, 1.0, out=score)

    candidate = open_offers & (score >= rules.results.min_score)
    if scope is not None:
        candidate &= scope
    if profile.needs and rules.needs.require_match:
        candidate &= tier > NO_TIER
    failed.sort(key=lambda item: CRITERIA.index(item[0]))
    eligible = candidate.copy()
    for _, mask in failed:
        eligible &= ~mask
    return ScoreSheet(
        components=tuple(components),
        score=score,
        tier=tier,
        need_full=tuple(need_full),
        need_parent=tuple(need_parent),
        failed=tuple(failed),
        candidate=candidate,
        eligible=eligible,
        local=local,
    )


@lru_cache(maxsize=256)
def _stage_tables(stages: tuple[int, ...], rules: StageRules, last_stage: int) -> tuple[FloatArray, BoolArray]:
    """Stage score and stage-gate failure for every possible stage bit set (index = bit set)."""
    wanted = set(stages)
    highest, lowest = max(stages), min(stages)
    fit = np.zeros(1 << last_stage, dtype=np.float64)
    gated = np.zeros(1 << last_stage, dtype=np.bool_)
    fit[0] = 1.0
    for mask in range(1, 1 << last_stage):
        served = [stage for stage in range(1, last_stage + 1) if mask >> (stage - 1) & 1]
        ahead = [stage for stage in served if stage > highest]
        if wanted.intersection(served):
            fit[mask] = 1.0
        elif ahead:
            distance = min(ahead) - highest
            fit[mask] = rules.next_fraction * rules.ahead_decay ** (distance - 1)
        else:
            distance = lowest - max(served)
            fit[mask] = rules.behind_fraction * rules.ahead_decay ** (distance - 1)
        if rules.max_stage_gap is not None:
            gated[mask] = min(served) - highest > rules.max_stage_gap
    fit.flags.writeable = False
    gated.flags.writeable = False
    return fit, gated


def stage_relation(served: tuple[int, ...], stages: tuple[int, ...]) -> tuple[str, int]:
    """How an offer's stages relate to the profile's: ("fit"|"next"|"ahead"|"behind"|"every", stage to name)."""
    if not served:
        return "every", min(stages)
    common = sorted(set(served).intersection(stages))
    if common:
        return "fit", common[0]
    ahead = [stage for stage in served if stage > max(stages)]
    if ahead:
        first = min(ahead)
        return ("next" if first == max(stages) + 1 else "ahead"), first
    return "behind", max(served)


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
