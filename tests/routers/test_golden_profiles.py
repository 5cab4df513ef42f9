"""Golden innovator profiles (data/golden_profiles.yaml) run through the real API on the real catalogue."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from fastapi.testclient import TestClient

from app.config import PROJECT_ROOT

PROFILES: list[dict[str, Any]] = yaml.safe_load((PROJECT_ROOT / "data" / "golden_profiles.yaml").read_text())[
    "profiles"
]


@pytest.mark.parametrize("profile", PROFILES, ids=[p["name"][:60] for p in PROFILES])
def test_golden_profile(real_client: TestClient, profile: dict[str, Any]) -> None:
    response = real_client.post("/v1/match", json=profile["request"])
    assert response.status_code == 200, response.text
    top = [r["offer"]["slug"] for r in response.json()["results"][: profile["expect_top"]]]
    missing = [slug for slug in profile["expect"] if slug not in top]
    assert not missing, f"{profile['name']}: {missing} not in top {profile['expect_top']}: {top} ({profile['why']})"


def test_golden_profiles_cover_every_need_and_stage() -> None:
    needs = {n for p in PROFILES for n in p["request"].get("needs", [])}
    stages = {p["request"]["stage"] for p in PROFILES if "stage" in p["request"]}
    assert len(PROFILES) >= 15
    assert stages == set(range(1, 8))
    assert len(needs) >= 9
