"""Diversity: reorder a small candidate pool so each need shows near the top and no provider crowds it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Candidate:
    """One pooled offer, in base order (need tier, then score, descending; then slug)."""

    offer: int
    tier: int
    provider: int
    represents: frozenset[int]
    """Positions of the requested needs this offer fully matches."""


@dataclass(frozen=True, slots=True)
class Arrangement:
    """The chosen order, and whether a bigger pool could have changed it."""

    order: tuple[int, ...]
    """Indices into the candidate list, best first."""
    exact: bool


def arrange(
    candidates: Sequence[Candidate],
    *,
    limit: int,
    need_window: int,
    max_per_provider: int,
    required: frozenset[int],
    prefix: int,
) -> Arrangement:
    """Greedy pick, slot by slot, of the first candidate in base order that the diversity rules allow.

    Only offers of the same need tier compete for a slot, so diversity never lifts a weaker need fit
    above a stronger one. Within the tier:
    - need coverage: while some requested need in `required` is still missing and there are only as
      many slots left in the first `need_window` as missing needs, the slot goes to the best offer
      that adds a missing need (even if its provider is at the cap);
    - provider cap: otherwise the slot goes to the best offer whose provider has fewer than
      `max_per_provider` places so far (0 switches the cap off); if none is left in the tier, the best
      offer regardless (extras are demoted, not dropped).
    `prefix` is how many leading candidates are the true top of the full ranking; the arrangement is
    exact unless the greedy had to look past them or relax the cap.
    """
    remaining = list(range(len(candidates)))
    missing = set(required)
    placed: dict[int, int] = {}
    order: list[int] = []
    exact = True
    while remaining and len(order) < limit:
        slot = len(order)
        tier = candidates[remaining[0]].tier
        end = 0
        while end < len(remaining) and candidates[remaining[end]].tier == tier:
            end += 1
        contenders = remaining[:end]
        pick: int | None = None
        if missing and slot < need_window and len(missing) >= need_window - slot:
            pick = next((i for i in contenders if candidates[i].represents & missing), None)
        if pick is None and max_per_provider > 0:
            pick = next((i for i in contenders if placed.get(candidates[i].provider, 0) < max_per_provider), None)
            if pick is None or pick >= prefix:
                exact = False
        if pick is None:
            pick = contenders[0]
        if contenders[0] >= prefix:
            exact = False
        remaining.remove(pick)
        order.append(pick)
        chosen = candidates[pick]
        placed[chosen.provider] = placed.get(chosen.provider, 0) + 1
        missing -= chosen.represents
    return Arrangement(order=tuple(order), exact=exact)
