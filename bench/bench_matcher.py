"""Benchmark of the matcher: index build time and in-process match latency, real and synthetic catalogues.

Usage: python bench/bench_matcher.py [--sizes 50,1000,10000,100000] [--profiles 240]

The first row is the curated catalogue in data/, loaded through the service's own loader and snapshot.
Synthetic catalogues are generated from the real taxonomy (data/taxonomy.yaml) with realistic offer text,
using a seeded RNG so every run measures the same work. Writes bench/results/matcher.json and
bench/results/matcher.md, prints the table, and exits 1 if a target is missed.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from app.matching import (  # noqa: E402
    CatalogueIndex,
    OfferRecord,
    Profile,
    Rules,
    Synonyms,
    Vocabulary,
    match,
    normalise_profile,
)

RESULTS = ROOT / "bench" / "results"
SEED = 20261122

# Targets from the issues (18 for the 100k figures): per synthetic size, and for the curated catalogue ("curated").
TARGETS: dict[int | str, dict[str, float]] = {
    "curated": {"median_ms": 1.0},
    50: {"median_ms": 1.0},
    100_000: {"median_ms": 5.0, "build_s": 2.0},
}


def curated_catalogue() -> list[OfferRecord]:
    """The curated catalogue as the API feeds it to the matcher: loader, snapshot, offer records."""
    import tempfile

    from sqlmodel import Session

    from app.db import build_engine
    from app.services.exchange.files import read_catalogue
    from app.services.exchange.loader import load_catalogue
    from app.services.matching.match import offer_records
    from app.services.store.migrations import upgrade_database
    from app.services.store.snapshot import build_snapshot

    with tempfile.TemporaryDirectory() as directory:
        url = f"sqlite:///{directory}/bench.db"
        upgrade_database(url)
        engine = build_engine(url)
        with Session(engine) as session:
            load_catalogue(session, read_catalogue(ROOT / "data"))
            session.commit()
            snapshot = build_snapshot(session, "bench")
        engine.dispose()
    return offer_records(snapshot)


def _targets(measurement: Measurement) -> dict[str, float]:
    key: int | str = "curated" if measurement.catalogue == "curated" else measurement.size
    return TARGETS.get(key, {})


NAME_HEADS = [
    "Regulatory",
    "Clinical",
    "Digital",
    "Health",
    "MedTech",
    "Diagnostics",
    "Evidence",
    "Innovation",
    "Adoption",
    "Data",
    "Trials",
    "Investor",
    "Seed",
    "Venture",
    "Market Access",
    "Evaluation",
    "Patient",
    "Co-design",
    "Lab",
    "Workspace",
    "AI",
    "Genomics",
    "Wound Care",
    "Imaging",
    "Remote Monitoring",
]
NAME_TAILS = [
    "Accelerator",
    "Fund",
    "Clinic",
    "Hub",
    "Programme",
    "Network",
    "Service",
    "Partnership",
    "Launchpad",
    "Academy",
    "Fellowship",
    "Pathway",
    "Support Desk",
    "Challenge",
    "Testbed",
    "Collaborative",
]
DOMAIN_WORDS = """
regulatory approval ukca ce marking software medical device samd clinical investigation trial recruitment
evidence generation health economics cost effectiveness nhs adoption procurement commissioning integrated
care board pathway redesign evaluation real world data digital health ai machine learning imaging
diagnostics wound care remote monitoring wearables genomics cell therapy biotech laboratory equipment
prototyping usability human factors patient involvement co production community engagement seed funding
angel investors venture capital grant funding public funding market access reimbursement intellectual
property legal contracts financial planning business model mentoring coaching workspace office desks wet
lab dry lab incubator accelerator network partnership university hospital trust academic expertise
research collaboration knowledge transfer clinical champions frontline staff validation testing
""".split()  # noqa: SIM905
FILLER = "the and for with to of in our your we help you a an from across through support".split()  # noqa: SIM905
KEYWORD_QUERIES = [
    "software as a medical device",
    "clinical trial recruitment",
    "wound imaging AI",
    "NHS adoption evidence",
    "seed funding for startups",
    "health economics model",
    "UKCA marking",
    "real world evidence",
    "remote monitoring wearables",
    "lab space prototyping",
    "patient involvement co-production",
    "venture capital introductions",
    "intellectual property advice",
    "genomics data",
    "digital health procurement",
    "usability testing human factors",
    "grant funding application",
    "diagnostics validation study",
]


@dataclass(frozen=True)
class Measurement:
    """One catalogue size's results."""

    size: int
    catalogue: str
    build_s: float
    median_ms: float
    p99_ms: float
    explain_median_ms: float
    runs: int
    mean_results: float


def generate_catalogue(size: int, vocabulary: Vocabulary, rng: random.Random) -> list[OfferRecord]:
    """A synthetic catalogue shaped like the real one: 1-3 needs, contiguous stages, some restrictions."""
    needs = [slug for slug, _, _ in vocabulary.needs]
    sectors = [slug for slug, _ in vocabulary.sectors]
    organisation_types = [slug for slug, _ in vocabulary.organisation_types]
    regional = ["leeds", "west-yorkshire", "yorkshire-and-humber", "uk"]
    providers = [f"provider-{number:05d}" for number in range(max(5, size // 8))]
    offers = []
    for number in range(size):
        first = rng.randint(1, 7)
        last = min(7, first + rng.choice([0, 1, 1, 2, 3]))
        provider = rng.choice(providers)
        description_words = rng.choices(DOMAIN_WORDS, k=rng.randint(25, 60)) + rng.choices(FILLER, k=15)
        rng.shuffle(description_words)
        offers.append(
            OfferRecord(
                slug=f"offer-{number:06d}",
                name=f"{rng.choice(NAME_HEADS)} {rng.choice(NAME_TAILS)}",
                summary=" ".join(rng.choices(DOMAIN_WORDS + FILLER, k=rng.randint(8, 16))),
                description=" ".join(description_words),
                url=f"https://example.org/offers/{number}",
                provider_slug=provider,
                provider_name=provider.replace("-", " ").title(),
                provider_location=rng.choice([*regional, "leeds", "leeds", None]),
                needs=tuple(rng.sample(needs, rng.choice([1, 1, 2, 2, 3]))),
                stages=tuple(range(first, last + 1)),
                trl_min=1,
                trl_max=9,
                sectors=tuple(rng.sample(sectors, rng.choice([0, 0, 0, 1, 2]))),
                organisation_types=tuple(rng.sample(organisation_types, rng.choice([0, 0, 0, 2, 3]))),
                locations=tuple(rng.sample(regional, rng.choice([0, 0, 1]))),
                status=rng.choices(["active", "forthcoming", "closed"], weights=[85, 8, 7])[0],
                kind=rng.choice(["programme", "service", "funding", "facility", "network"]),
                cost=rng.choice(["free", "subsidised", "paid"]),
                keywords=tuple(rng.sample(DOMAIN_WORDS, rng.randint(2, 6))),
            )
        )
    return offers


def generate_profiles(count: int, vocabulary: Vocabulary, rng: random.Random) -> list[Profile]:
    """A fixed mix of realistic requests: stage or TRL or both, 0-3 needs, optional filters and keywords."""
    needs = [slug for slug, _, _ in vocabulary.needs]
    sectors = [slug for slug, _ in vocabulary.sectors]
    organisation_types = [slug for slug, _ in vocabulary.organisation_types]
    locations = [slug for slug, _, _ in vocabulary.locations]
    profiles: list[Profile] = []
    while len(profiles) < count:
        mode = rng.choice(["stage", "trl", "both", "needs-only"])
        stage = rng.randint(1, 7) if mode in ("stage", "both") else None
        trl = rng.randint(1, 9) if mode == "trl" else None
        if mode == "both" and stage is not None:
            band = vocabulary.stage_by_number[stage]
            trl = rng.randint(band.trl_min, band.trl_max)
        asked = tuple(rng.sample(needs, rng.choice([1, 1, 2, 3] if mode == "needs-only" else [0, 1, 1, 2, 3])))
        profiles.append(
            Profile(
                stage=stage,
                trl=trl,
                needs=asked,
                sector=rng.choice([None, *sectors]),
                organisation_type=rng.choice([None, None, *organisation_types]),
                location=rng.choice([None, "leeds", "leeds", *locations]),
                keywords=rng.choice([None, None, *KEYWORD_QUERIES]),
                limit=rng.choice([5, 10, 10, 10, 20]),
            )
        )
    return profiles


def measure(
    size: int, vocabulary: Vocabulary, rules: Rules, profiles: list[Profile], offers: list[OfferRecord] | None = None
) -> Measurement:
    """Build one index and time every profile against it (normalisation included, as the API calls it)."""
    catalogue = "synthetic" if offers is None else "curated"
    if offers is None:
        offers = generate_catalogue(size, vocabulary, random.Random(SEED + size))
    synonyms = Synonyms.from_mapping(
        yaml.safe_load((ROOT / "data" / "synonyms.yaml").read_text(encoding="utf-8")), vocabulary
    )
    started = time.perf_counter()
    index = CatalogueIndex.build(offers, vocabulary, rules, f"bench-{size}", synonyms)
    build_s = time.perf_counter() - started
    for profile in profiles[:20]:
        match(index, profile)
    repeats = 5 if size <= 1000 else 1
    timings: list[float] = []
    result_counts: list[int] = []
    for _ in range(repeats):
        for profile in profiles:
            started = time.perf_counter()
            outcome = match(index, profile)
            timings.append((time.perf_counter() - started) * 1000)
            result_counts.append(len(outcome.results))
    explain_timings: list[float] = []
    for profile in profiles[:100]:
        started = time.perf_counter()
        match(index, normalise_profile(profile, vocabulary, synonyms), explain=True)
        explain_timings.append((time.perf_counter() - started) * 1000)
    return Measurement(
        size=size,
        catalogue=catalogue,
        build_s=build_s,
        median_ms=statistics.median(timings),
        p99_ms=float(np.percentile(timings, 99)),
        explain_median_ms=statistics.median(explain_timings),
        runs=len(timings),
        mean_results=statistics.fmean(result_counts),
    )


def verdicts(measurement: Measurement) -> list[str]:
    """The targets this size misses (empty when all are met or none apply)."""
    missed = []
    for key, limit in _targets(measurement).items():
        value = getattr(measurement, key)
        if value > limit:
            missed.append(f"{key} {value:.3f} > {limit}")
    return missed


def target_text(measurement: Measurement) -> str:
    target = _targets(measurement)
    if not target:
        return "-"
    parts = []
    if "median_ms" in target:
        parts.append(f"median <= {target['median_ms']:g} ms")
    if "build_s" in target:
        parts.append(f"build <= {target['build_s']:g} s")
    return ", ".join(parts)


def markdown(measurements: list[Measurement], profile_count: int) -> str:
    lines = [
        f"Matcher benchmark: {profile_count} profiles per size, in-process, one core "
        f"(Python {platform.python_version()}, numpy {np.__version__}).",
        "",
        "| catalogue | offers | build (s) | median (ms) | p99 (ms) | explain median (ms) | mean results "
        "| target | met |",
        "|---|---:|---:|---:|---:|---:|---:|---|---|",
    ]
    for m in measurements:
        met = "yes" if not verdicts(m) else "NO: " + "; ".join(verdicts(m))
        met = met if _targets(m) else "-"
        lines.append(
            f"| {m.catalogue} | {m.size:,} | {m.build_s:.3f} | {m.median_ms:.3f} | {m.p99_ms:.3f} "
            f"| {m.explain_median_ms:.3f} | {m.mean_results:.1f} | {target_text(m)} | {met} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="50,1000,10000,100000", help="comma-separated catalogue sizes")
    parser.add_argument("--profiles", type=int, default=240, help="how many profiles in the fixed mix (>= 200)")
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
    taxonomy: dict[str, Any] = yaml.safe_load((ROOT / "data" / "taxonomy.yaml").read_text(encoding="utf-8"))
    rules_data: dict[str, Any] = yaml.safe_load((ROOT / "data" / "rules.yaml").read_text(encoding="utf-8"))
    vocabulary = Vocabulary.from_mapping(taxonomy)
    rules = Rules.from_mapping(rules_data)
    profiles = generate_profiles(args.profiles, vocabulary, random.Random(SEED))

    curated = curated_catalogue()
    measurements = [measure(len(curated), vocabulary, rules, profiles, curated)]
    measurements += [measure(size, vocabulary, rules, profiles) for size in sizes]
    table = markdown(measurements, len(profiles))
    RESULTS.mkdir(parents=True, exist_ok=True)
    payload = {
        "ruleset_version": rules.version,
        "taxonomy_version": taxonomy.get("version"),
        "profiles": len(profiles),
        "seed": SEED,
        "python": platform.python_version(),
        "numpy": np.__version__,
        "machine": platform.machine(),
        "targets": {str(key): target for key, target in TARGETS.items()},
        "results": [{**vars(m), "missed": verdicts(m)} for m in measurements],
    }
    (RESULTS / "matcher.json").write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    (RESULTS / "matcher.md").write_text(table, encoding="utf-8")
    print(table)
    missed = [f"{m.catalogue} {m.size}: {miss}" for m in measurements for miss in verdicts(m)]
    if missed:
        print("Targets missed: " + "; ".join(missed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
