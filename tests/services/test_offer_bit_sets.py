"""The offers filter's bit sets: written and read back exactly, for few and for many offers selected."""

from __future__ import annotations

import random

import pytest

from app.services.catalogue.offers import bit_set, positions


@pytest.mark.parametrize("size", [0, 1, 5, 61, 64, 65, 1000, 100_000])
def test_bit_set_and_positions_round_trip(size: int) -> None:
    rng = random.Random(size)
    for count in sorted({0, 1, 3, 31, 32, 33, size // 2, size} & set(range(size + 1))):
        members = sorted(rng.sample(range(size), count))
        selected = bit_set(iter(members), size)
        assert selected == sum(1 << i for i in members)
        assert positions(selected, size) == members
