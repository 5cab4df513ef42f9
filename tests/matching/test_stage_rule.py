"""The stage rule in one place: the score table and the stage reason read the same classification."""

from __future__ import annotations

from app.matching import Rules, Vocabulary
from app.matching.reasons import stage_reason
from app.matching.stages import AHEAD, BEHIND, EVERY, FIT, NEXT, served_stages, stage_relation, stage_tables

REASON_CODES = {EVERY: "stage-fit", FIT: "stage-fit", NEXT: "stage-next", AHEAD: "stage-ahead", BEHIND: "stage-behind"}


def _innovator_stages(last: int) -> list[tuple[int, ...]]:
    """One stage, or two neighbouring ones (a TRL sits in at most two stages)."""
    return [(stage,) for stage in range(1, last + 1)] + [(stage, stage + 1) for stage in range(1, last)]


def test_every_stage_set_scores_as_its_reason_says(rules: Rules, vocabulary: Vocabulary) -> None:
    last = vocabulary.last_stage
    stage_rules = rules.stages
    for stages in _innovator_stages(last):
        fit, _ = stage_tables(stages, stage_rules, last)
        for mask in range(1 << last):
            served = served_stages(mask, last)
            relation, _ = stage_relation(served, stages)
            reason = stage_reason(served, stages, None, vocabulary)
            assert reason.code == REASON_CODES[relation], (stages, served)
            if relation in (EVERY, FIT):
                assert fit[mask] == 1.0
            elif relation == NEXT:
                assert fit[mask] == stage_rules.next_fraction
            elif relation == AHEAD:
                assert 0 < fit[mask] < stage_rules.next_fraction
            else:
                assert 0 < fit[mask] <= stage_rules.behind_fraction


def test_closer_stages_never_score_less(rules: Rules, vocabulary: Vocabulary) -> None:
    last = vocabulary.last_stage
    for stage in range(1, last + 1):
        fit, _ = stage_tables((stage,), rules.stages, last)
        ahead = [fit[1 << (other - 1)] for other in range(stage + 1, last + 1)]
        behind = [fit[1 << (other - 1)] for other in range(stage - 1, 0, -1)]
        assert ahead == sorted(ahead, reverse=True) and behind == sorted(behind, reverse=True)
        assert all(value < 1.0 for value in ahead + behind) and fit[1 << (stage - 1)] == 1.0
