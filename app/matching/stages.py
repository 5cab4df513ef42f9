"""The stage rule: how an offer's pathway stages relate to the innovator's, and what that is worth."""

# One classification (stage_relation) serves both the score (stage_tables, precomputed for every set of stages an
# offer can serve) and the wording of the stage reason (reasons.py), so the two never disagree. An offer listing no
# stages serves every stage.

from __future__ import annotations

from functools import lru_cache

import numpy as np
import numpy.typing as npt

from app.matching.rules import StageRules

BoolArray = npt.NDArray[np.bool_]
FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

EVERY, FIT, NEXT, AHEAD, BEHIND = "every", "fit", "next", "ahead", "behind"
"""Relations of an offer's stages to the innovator's: open at every stage, serving one of theirs, starting at the
very next stage, starting further ahead, or serving only stages they have passed."""


def stage_relation(served: tuple[int, ...], stages: tuple[int, ...]) -> tuple[str, int]:
    """How an offer serving `served` relates to an innovator at `stages`: (relation, the stage to name).

    The stage named is the first shared stage (fit), the first stage ahead (next, ahead), the last stage
    behind (behind), or the innovator's earliest (every).
    """
    if not served:
        return EVERY, min(stages)
    common = sorted(set(served).intersection(stages))
    if common:
        return FIT, common[0]
    ahead = [stage for stage in served if stage > max(stages)]
    if ahead:
        first = min(ahead)
        return (NEXT if first == max(stages) + 1 else AHEAD), first
    return BEHIND, max(served)


def stage_fit(served: tuple[int, ...], stages: tuple[int, ...], rules: StageRules) -> float:
    """The stage component for one offer: 1 when it serves one of the innovator's stages (or every stage),
    next_fraction decaying by ahead_decay per further stage ahead, behind_fraction decaying per stage behind."""
    relation, stage = stage_relation(served, stages)
    if relation in (EVERY, FIT):
        return 1.0
    if relation in (NEXT, AHEAD):
        return rules.next_fraction * rules.ahead_decay ** (stage - max(stages) - 1)
    return rules.behind_fraction * rules.ahead_decay ** (min(stages) - stage - 1)


def stage_gated(served: tuple[int, ...], stages: tuple[int, ...], rules: StageRules) -> bool:
    """The optional stage gate: the offer starts more than max_stage_gap stages ahead of the innovator."""
    if rules.max_stage_gap is None or not served:
        return False
    return min(served) - max(stages) > rules.max_stage_gap


def served_stages(mask: int, last_stage: int) -> tuple[int, ...]:
    """The stages in a stage bit set (bit s-1 for stage s)."""
    return tuple(stage for stage in range(1, last_stage + 1) if mask >> (stage - 1) & 1)


def stage_bits(stages: tuple[int, ...]) -> int:
    """The bit set of `stages`."""
    bits = 0
    for stage in stages:
        bits |= 1 << (stage - 1)
    return bits


def serving(stage_mask: IntArray, stages: tuple[int, ...]) -> BoolArray:
    """Offers (as stage bit sets) serving any of `stages`, or every stage."""
    served: BoolArray = (stage_mask == 0) | ((stage_mask & stage_bits(stages)) != 0)
    return served


@lru_cache(maxsize=256)
def stage_tables(stages: tuple[int, ...], rules: StageRules, last_stage: int) -> tuple[FloatArray, BoolArray]:
    """Stage score and stage-gate failure for every possible stage bit set (index = bit set), read-only."""
    size = 1 << last_stage
    fit = np.zeros(size, dtype=np.float64)
    gated = np.zeros(size, dtype=np.bool_)
    for mask in range(size):
        served = served_stages(mask, last_stage)
        fit[mask] = stage_fit(served, stages, rules)
        gated[mask] = stage_gated(served, stages, rules)
    fit.flags.writeable = False
    gated.flags.writeable = False
    return fit, gated
