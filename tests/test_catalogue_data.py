"""The curated catalogue in data/: valid, lint-clean, large enough, and every fact traceable to a cited source."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml

from app.config import PROJECT_ROOT
from app.services.exchange.files import read_catalogue
from app.services.exchange.lint import SOURCE_TALK, SUMMARY_LIMIT, lint_catalogue

SEEDS = Path(os.environ.get("NAVIGATOR_SEEDS_DIR", PROJECT_ROOT.parent / "shared" / "seeds"))
DOCUMENT = read_catalogue(PROJECT_ROOT / "data")


def _seed_text(name: str) -> str:
    if not SEEDS.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"seed documents not found at {SEEDS}")
        pytest.skip(f"seed documents not found at {SEEDS} (set NAVIGATOR_SEEDS_DIR)")
    return re.sub(r"\s+", " ", (SEEDS / name).read_text(encoding="utf-8"))


def _entries() -> list[tuple[str, str, str, str]]:
    """Every seed passage an entry cites: the main one and any further ones."""
    cited: list[tuple[str, str, str, str]] = []
    for kind, entries in (("provider", DOCUMENT.providers), ("offer", DOCUMENT.offers)):
        for entry in entries:
            provenance = entry.provenance
            if provenance.source is not None and provenance.passage is not None:
                cited.append((kind, entry.slug, provenance.source, provenance.passage))
            cited += [(kind, entry.slug, more.source, more.passage) for more in provenance.further_passages]
    return cited


def test_catalogue_size() -> None:
    assert len(DOCUMENT.offers) >= 55
    assert len({o.provider for o in DOCUMENT.offers}) >= 40


@pytest.mark.parametrize(("kind", "slug", "source", "passage"), _entries(), ids=lambda v: str(v)[:40])
def test_provenance_passage_is_in_the_named_seed(kind: str, slug: str, source: str, passage: str) -> None:
    if source == "curator":
        assert passage, f"{kind} {slug}: a curator entry must say why"
        return
    assert (SEEDS / source).name == source
    text = _seed_text(source)
    assert re.sub(r"\s+", " ", passage).strip() in text, f"{kind} {slug}: passage not found in {source}"


def test_every_entry_cites_a_seed_passage_or_a_public_page() -> None:
    for entry in [*DOCUMENT.providers, *DOCUMENT.offers]:
        provenance = entry.provenance
        assert provenance.source or provenance.pages, entry.slug
        for page in provenance.pages:
            assert page.url.startswith(("https://", "http://")), (entry.slug, page.url)
            assert page.title, (entry.slug, page.url)


def test_the_catalogue_passes_its_own_lint() -> None:
    assert [problem.text() for problem in lint_catalogue(DOCUMENT.providers, DOCUMENT.offers)] == []


def test_every_live_offer_has_a_next_step_and_the_addresses_are_many() -> None:
    live = [o for o in DOCUMENT.offers if o.status != "closed"]
    assert all(o.url and o.url.startswith(("https://", "http://")) for o in live)
    assert all(o.contact_route and o.contact_route.strip() for o in live)
    assert len({o.url for o in live}) >= 30
    front_door = next(o for o in DOCUMENT.offers if o.signposting)
    via_front_door = [o for o in live if o.url == front_door.url and not o.signposting]
    for offer in via_front_door:
        assert "Leeds Academic Health Partnership" in (offer.contact_route or ""), offer.slug


def test_public_copy_says_what_the_innovator_gets_not_what_the_sources_say() -> None:
    for offer in DOCUMENT.offers:
        assert len(offer.summary) <= SUMMARY_LIMIT, offer.slug
        for text in (offer.name, offer.summary, offer.description, offer.contact_route or ""):
            assert not SOURCE_TALK.search(text), (offer.slug, SOURCE_TALK.search(text))
            assert "seed" not in text.casefold().replace("seed investment", "").replace("seed stage", ""), offer.slug
    for provider in DOCUMENT.providers:
        assert not SOURCE_TALK.search(provider.description), provider.slug


def test_verified_entries_cite_a_dated_page() -> None:
    verified = [o for o in DOCUMENT.offers if o.last_verified_at is not None]
    assert len(verified) >= 10
    for offer in verified:
        assert any(page.dated is not None for page in offer.provenance.pages), offer.slug


def test_unstated_provider_facts_are_marked() -> None:
    providers = {p.slug: p for p in DOCUMENT.providers}
    for slug in ("medtech-impact-accelerator", "kpmg", "squire-patton-boggs", "brabners", "charlton-regulatory"):
        provider = providers[slug]
        assert provider.base_location is None or "base_location" in provider.curator_judgement, slug
    assert "base_location" in providers["university-of-bradford"].curator_judgement


def test_superseded_cooperatives_are_closed_and_point_to_their_replacement() -> None:
    offers = {o.slug: o for o in DOCUMENT.offers}
    mics = offers["nihr-medtech-ivd-cooperatives"]
    assert mics.status == "closed"
    assert mics.provenance.note and "leeds-healthtech-research-centre-surgical-innovation" in mics.provenance.note
    assert "HealthTech Research Centre" in mics.description
    assert offers["leeds-healthtech-research-centre-surgical-innovation"].status == "active"
    assert "status" not in mics.curator_judgement, "the closure is stated by dated pages"


def test_urls_come_from_the_seeds_or_cited_pages() -> None:
    texts = " ".join(_seed_text(p.name) for p in sorted(SEEDS.glob("*.txt")))
    for entry in [*DOCUMENT.providers, *DOCUMENT.offers]:
        address = getattr(entry, "website", None) or getattr(entry, "url", None)
        if not address:
            continue
        bare = re.sub(r"^https?://(www\.)?", "", address).rstrip("/")
        cited = [
            re.sub(r"^https?://(www\.)?", "", a).rstrip("/")
            for p in entry.provenance.pages
            for a in (p.url, *p.addresses)
        ]
        from_pages = any(bare == c or bare == c.split("/")[0] for c in cited)
        assert from_pages or bare in texts or _is_fallback(entry, address), f"{entry.slug}: {address} has no source"


def _is_fallback(entry: object, address: str) -> bool:
    providers = {p.slug: p for p in DOCUMENT.providers}
    front_door = next(o for o in DOCUMENT.offers if o.signposting)
    provider = providers.get(getattr(entry, "provider", ""))
    return address == front_door.url or (provider is not None and address == provider.website)


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
    # named in the seeds and added in issue 13
    "University of York",
    "Leeds City College",
    "School of Health Science and Social Care",
    "CHORAL",
    "Academic Unit of Palliative Care",
    "Leeds Health and Social Care Hub",
    "Department for Business and Trade",
    "Leeds City Council",
    "Leeds Hospitals Charity",
    "HealthTech Leadership Group",
    "Leeds City Region Enterprise Partnership",
    "West Yorkshire and Harrogate Health and Care Partnership",
    "Association of British HealthTech Industries",
    "University of Bradford",
    "University of Huddersfield",
    "Leeds Trinity University",
    "Leeds Beckett University",
    "Leeds Teaching Hospitals",
    "University of Leeds",
    "West Yorkshire Combined Authority",
    "Bruntwood SciTech",
    "Healthtech Accelerator",
    "Commercial Research Delivery Centre",
    "MHRA",
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
