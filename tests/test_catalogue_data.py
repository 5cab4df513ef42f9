"""The curated catalogue in data/: valid, large enough, and every fact traceable to a seed document."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml

from app.config import PROJECT_ROOT
from app.services.catalogue_files import read_catalogue

SEEDS = Path(os.environ.get("NAVIGATOR_SEEDS_DIR", PROJECT_ROOT.parent / "shared" / "seeds"))
DOCUMENT = read_catalogue(PROJECT_ROOT / "data")


def _seed_text(name: str) -> str:
    if not SEEDS.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"seed documents not found at {SEEDS}")
        pytest.skip(f"seed documents not found at {SEEDS} (set NAVIGATOR_SEEDS_DIR)")
    return re.sub(r"\s+", " ", (SEEDS / name).read_text(encoding="utf-8"))


def _entries() -> list[tuple[str, str, str, str]]:
    return [("provider", p.slug, p.provenance.source, p.provenance.passage) for p in DOCUMENT.providers] + [
        ("offer", o.slug, o.provenance.source, o.provenance.passage) for o in DOCUMENT.offers
    ]


def test_catalogue_size() -> None:
    assert len(DOCUMENT.offers) >= 40
    assert len({o.provider for o in DOCUMENT.offers}) >= 30


@pytest.mark.parametrize(("kind", "slug", "source", "passage"), _entries(), ids=lambda v: str(v)[:40])
def test_provenance_passage_is_in_the_named_seed(kind: str, slug: str, source: str, passage: str) -> None:
    if source == "curator":
        assert passage, f"{kind} {slug}: a curator entry must say why"
        return
    assert (SEEDS / source).name == source
    text = _seed_text(source)
    assert re.sub(r"\s+", " ", passage).strip() in text, f"{kind} {slug}: passage not found in {source}"


def test_urls_come_from_the_seeds() -> None:
    texts = " ".join(_seed_text(p.name) for p in sorted(SEEDS.glob("*.txt")))
    urls = [p.website for p in DOCUMENT.providers if p.website] + [o.url for o in DOCUMENT.offers if o.url]
    for url in urls:
        bare = re.sub(r"^https?://(www\.)?", "", url).rstrip("/")
        assert bare.split("/")[0] in texts, f"{url} does not appear in any seed"


REQUIRED = [
    "Nexus",
    "Propel@YH",
    "Innovation Pop Up",
    "Innovation Village",
    "Health Innovation Yorkshire & Humber",
    "Leeds Data Model",
    "Office of Data Analytics",
    "Medtech Impact Accelerator",
    "PBIAA",
    "Artificial Intelligence",
    "Biomedical Research Centre",
    "Clinical Research Facility",
    "HealthTech Research Centre",
    "Institute of Clinical Trials Research",
    "Clinical Trials Research Unit",
    "Obesity Institute",
    "Centre for Health Promotion Research",
    "Charlton Regulatory",
    "KPMG",
    "Squire Patton Boggs",
    "Brabners",
    "Platform",
    "Northern Gritstone",
    "NorthInvest",
    "Apache Capital Partners",
    "BGF",
    "IP Group",
    "Knowledge Exchange",
    "Knowledge Transfer Partnership",
    "Northern Cell Metrology Hub",
    "National Pathology Imaging",
    "Research Delivery Network",
    "In-Vitro Diagnostics",
    "York Health Economics",
    "Leeds Centre for Healthtech Innovation",
    "Health and Care Academy",
    "Investment Zone",
    "Leeds Academic Health Partnership",
]


@pytest.mark.parametrize("name", REQUIRED)
def test_named_support_is_in_the_catalogue(name: str) -> None:
    haystack = " ".join(
        [o.name + " " + o.description for o in DOCUMENT.offers]
        + [p.name + " " + p.description for p in DOCUMENT.providers]
    ).casefold()
    assert name.casefold() in haystack


def test_innovation_village_is_forthcoming_and_navigator_covers_everything() -> None:
    village = next(o for o in DOCUMENT.offers if "village" in o.slug)
    assert village.status == "forthcoming"
    navigator = next(o for o in DOCUMENT.offers if o.provider == "leeds-academic-health-partnership")
    assert set(navigator.stages) == set(range(1, 8))
    assert set(navigator.needs) >= {t.slug for t in DOCUMENT.taxonomy.of("need") if t.parent is None}


def test_taxonomy_matches_the_contract() -> None:
    taxonomy = DOCUMENT.taxonomy
    assert taxonomy.slugs("stage") == (
        "needs-identification",
        "solution-development",
        "validating-concept",
        "investment-validation",
        "clearance-and-trials",
        "launch-and-evaluation",
        "post-launch-development",
    )
    assert taxonomy.stage_bands == {1: (1, 2), 2: (2, 4), 3: (4, 5), 4: (5, 6), 5: (6, 8), 6: (8, 9), 7: (9, 9)}
    top = [t.slug for t in taxonomy.of("need") if t.parent is None]
    assert top == [
        "research-expertise",
        "clinical-expertise-and-facilities",
        "patient-and-user-access",
        "professional-advice",
        "work-space",
        "seed-investment",
        "health-system-access",
        "market-access-and-venture-investment",
        "evaluation-expertise",
    ]
    assert set(taxonomy.need_children["professional-advice"]) >= {
        "regulatory-advice",
        "legal-advice",
        "financial-advice",
    }
    assert taxonomy.location_chain("leeds") == ["leeds", "west-yorkshire", "yorkshire-and-humber", "uk"]
    assert taxonomy.location_chain("international") == ["international"]
    assert set(taxonomy.slugs("organisation_type")) == {
        "startup",
        "sme",
        "large-company",
        "academic",
        "nhs",
        "charity",
        "individual",
    }
    assert set(taxonomy.slugs("sector")) >= {"medtech", "digital-health", "diagnostics", "ai-and-data", "biotech"}


def test_golden_profiles_name_real_offers() -> None:
    profiles = yaml.safe_load((PROJECT_ROOT / "data" / "golden_profiles.yaml").read_text())["profiles"]
    slugs = {o.slug for o in DOCUMENT.offers}
    assert len(profiles) >= 15
    for profile in profiles:
        assert set(profile["grades"]) | set(profile.get("front_door", [])) <= slugs, profile["name"]
