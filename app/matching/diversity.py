"""Diversity: reorder a small candidate pool so each need shows near the top and no provider crowds it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Pool:
    """The candidate offers, in base order (need tier, then score, descending; then slug), as parallel lists."""

    tiers: Sequence[int]
    providers: Sequence[int]
    """Dense provider number of each candidate."""
    represents: Sequence[int]
    """Bit set of the positions of the requested needs each candidate fully matches."""


@dataclass(frozen=True, slots=True)
class Arrangement:
    """The chosen order, and whether a bigger pool could have changed it."""

    order: tuple[int, ...]
    """Indices into the candidate list, best first."""
    exact: bool


def arrange(
    pool: Pool,
    *,
    limit: int,
    need_window: int,
    max_per_provider: int,
    required: int,
    prefix: int,
) -> Arrangement:
    """Greedy pick, slot by slot, of the first candidate in base order that the diversity rules allow.

    Only offers of the same need tier compete for a slot, so diversity never lifts a weaker need fit
    above a stronger one. Within the tier:
    - need coverage: while some requested need in `required` (a bit set of need positions) is still
      missing and there are only as many slots left in the first `need_window` as missing needs, the slot
      goes to the best offer that adds a missing need (even if its provider is at the cap);
    - provider cap: otherwise the slot goes to the best offer whose provider has fewer than
      `max_per_provider` places so far (0 switches the cap off); if none is left in the tier, the best
      offer regardless (extras are demoted, not dropped).
    `prefix` is how many leading candidates are the true top of the full ranking; the arrangement is
    exact unless the greedy had to look past them or relax the cap.
    """
    tiers, providers, represents = pool.tiers, pool.providers, pool.represents
    remaining = list(range(len(tiers)))
    missing = required
    placed: dict[int, int] = {}
    order: list[int] = []
    exact = True
    while remaining and len(order) < limit:
        slot = len(order)
        first = remaining[0]
        tier = tiers[first]
        # The contenders are the leading run of `remaining` in the first one's tier; scans stop at its end.
        pick: int | None = None
        if missing and slot < need_window and missing.bit_count() >= need_window - slot:
            for i in remaining:
                if tiers[i] != tier:
                    break
                if represents[i] & missing:
                    pick = i
                    break
        if pick is None and max_per_provider > 0:
            for i in remaining:
                if tiers[i] != tier:
                    break
                if placed.get(providers[i], 0) < max_per_provider:
                    pick = i
                    break
            if pick is None or pick >= prefix:
                exact = False
        if pick is None:
            pick = first
        if first >= prefix:
            exact = False
        remaining.remove(pick)
        order.append(pick)
        placed[providers[pick]] = placed.get(providers[pick], 0) + 1
        missing &= ~represents[pick]
    return Arrangement(order=tuple(order), exact=exact)
