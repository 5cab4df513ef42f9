"""Ranking quality of the matcher on the graded golden profiles: nDCG@5, precision@3, filler, front door, coverage.

Usage: python bench/eval_match.py [--profiles data/golden_profiles.yaml]

Each golden profile (data/golden_profiles.yaml) was graded from the seed documents before the output was seen:
3 = where this person should go first, 2 = good, 1 = acceptable, unlisted = 0. The profiles go through the same
function as POST /v1/match (app.services.matching.match.run_match) on the curated catalogue in data/, loaded through
the service's own loader and snapshot. Measures:

- nDCG@5 and precision@3 (a result graded 1 or more counts as relevant), by ir-measures (trec_eval's definitions,
  linear gains);
- filler rate: listed results with neither need nor keyword evidence among their reasons, over all listed results;
- front-door share of the top 3: signposting offers among the first three results, over all top-3 places;
- catalogue coverage: share of the live specific offers (front doors excluded) that reach some profile's top 5;
- for each profile, whether every grade-3 offer is in its top 3.

Writes bench/results/eval.md and bench/results/eval_match.json, prints the summary, and exits 1 when nDCG@5 is
below the floor recorded in data/golden_profiles.yaml (`floor`) or a grade-3 offer misses its profile's top 3.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

RESULTS = ROOT / "bench" / "results"
GOLDEN = ROOT / "data" / "golden_profiles.yaml"
EVIDENCE_CODES = frozenset({"need-match", "need-parent", "need-typical", "keyword-match"})
"""Reason codes that are evidence for what was asked (see docs/matching.md, "Evidence or nothing")."""


@dataclass(frozen=True)
class ProfileResult:
    """One golden profile's answer and its measures."""

    name: str
    category: str
    ranked: tuple[str, ...]
    front_door: tuple[str, ...]
    ndcg_at_5: float
    precision_at_3: float
    filler: int
    listed: int
    front_door_in_top_3: int
    grade_3_missing: tuple[str, ...]
    front_door_missing: tuple[str, ...]


def category(request: Mapping[str, Any]) -> str:
    """keywords (no needs named), needs only (no stage, TRL or keywords), or full (the rest)."""
    if request.get("keywords") and not request.get("needs"):
        return "keywords"
    if request.get("needs") and not any(request.get(key) for key in ("stage", "trl", "keywords")):
        return "needs only"
    return "full"


def ndcg_and_precision(
    grades: Mapping[str, Mapping[str, int]], rankings: Mapping[str, Sequence[str]]
) -> dict[str, tuple[float, float]]:
    """Per query id: (nDCG@5, P@3) computed by ir-measures from graded judgements and ranked lists."""
    import ir_measures
    from ir_measures import P, nDCG

    qrels = [ir_measures.Qrel(qid, doc, grade) for qid, judged in grades.items() for doc, grade in judged.items()]
    run = [
        ir_measures.ScoredDoc(qid, doc, float(len(ranked) - position))
        for qid, ranked in rankings.items()
        for position, doc in enumerate(ranked)
    ]
    found: dict[str, dict[str, float]] = {qid: {} for qid in grades}
    for metric in ir_measures.iter_calc([nDCG @ 5, P(rel=1) @ 3], qrels, run):
        found[metric.query_id][str(metric.measure)] = float(metric.value)
    # trec_eval leaves out a query with no ranked document: it scores 0 on both.
    return {qid: (values.get("nDCG@5", 0.0), values.get("P@3", 0.0)) for qid, values in found.items()}


def evaluate(profiles: Sequence[Mapping[str, Any]], answer: Any, signposting: frozenset[str]) -> list[ProfileResult]:
    """Measure each profile; `answer(request)` returns the /v1/match body (a dict) for a request."""
    bodies = [answer(profile["request"]) for profile in profiles]
    rankings = {str(k): [r["offer"]["slug"] for r in body["results"]] for k, body in enumerate(bodies)}
    grades = {str(k): dict(profile["grades"]) for k, profile in enumerate(profiles)}
    scores = ndcg_and_precision(grades, rankings)
    results = []
    for k, (profile, body) in enumerate(zip(profiles, bodies, strict=True)):
        ranked = tuple(rankings[str(k)])
        doors = tuple(door["offer"]["slug"] for door in body.get("front_door", []))
        filler = sum(
            1 for result in body["results"] if not EVIDENCE_CODES & {reason["code"] for reason in result["reasons"]}
        )
        best = [slug for slug, grade in profile["grades"].items() if grade == 3]
        results.append(
            ProfileResult(
                name=profile["name"],
                category=category(profile["request"]),
                ranked=ranked,
                front_door=doors,
                ndcg_at_5=round(scores[str(k)][0], 4),
                precision_at_3=round(scores[str(k)][1], 4),
                filler=filler,
                listed=len(ranked),
                front_door_in_top_3=sum(1 for slug in ranked[:3] if slug in signposting),
                grade_3_missing=tuple(slug for slug in best if slug not in ranked[:3]),
                front_door_missing=tuple(slug for slug in profile.get("front_door", []) if slug not in doors),
            )
        )
    return results


def summary(results: Sequence[ProfileResult], specific_offers: frozenset[str]) -> dict[str, Any]:
    """The headline figures over all profiles, and nDCG@5 by category."""
    count = len(results)
    listed = sum(r.listed for r in results)
    top_places = sum(min(3, r.listed) for r in results)
    reached = {slug for r in results for slug in r.ranked[:5]} & specific_offers
    by_category: dict[str, list[float]] = {}
    for r in results:
        by_category.setdefault(r.category, []).append(r.ndcg_at_5)
    return {
        "profiles": count,
        "ndcg_at_5": round(sum(r.ndcg_at_5 for r in results) / count, 4),
        "precision_at_3": round(sum(r.precision_at_3 for r in results) / count, 4),
        "filler_rate": round(sum(r.filler for r in results) / listed, 4) if listed else 0.0,
        "front_door_share_of_top_3": round(sum(r.front_door_in_top_3 for r in results) / top_places, 4)
        if top_places
        else 0.0,
        "catalogue_coverage": round(len(reached) / len(specific_offers), 4) if specific_offers else 0.0,
        "offers_reached": len(reached),
        "specific_offers": len(specific_offers),
        "grade_3_in_top_3": sum(1 for r in results if not r.grade_3_missing),
        "ndcg_at_5_by_category": {
            name: {"profiles": len(values), "ndcg_at_5": round(sum(values) / len(values), 4)}
            for name, values in sorted(by_category.items())
        },
    }


def load_profiles(path: Path) -> tuple[list[dict[str, Any]], dict[str, float]]:
    """The graded profiles and the floors recorded with them."""
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    return list(document["profiles"]), dict(document.get("floor", {}))


def curated_answerer() -> tuple[Any, frozenset[str], frozenset[str]]:
    """answer(request) over the curated catalogue through run_match and the match document, as the API does;
    and the signposting and specific (non-signposting) live offer slugs."""
    from sqlmodel import Session

    from app.db import build_engine
    from app.models.matching import MatchRequest
    from app.routers.matching import _profile
    from app.services.exchange.files import read_catalogue
    from app.services.exchange.loader import load_catalogue
    from app.services.matching.documents import match_document
    from app.services.matching.match import run_match
    from app.services.store.migrations import upgrade_database
    from app.services.store.snapshot import build_snapshot

    with tempfile.TemporaryDirectory() as directory:
        url = f"sqlite:///{directory}/eval.db"
        upgrade_database(url)
        engine = build_engine(url)
        with Session(engine) as session:
            load_catalogue(session, read_catalogue(ROOT / "data"))
            session.commit()
            snapshot = build_snapshot(session, "eval")
        engine.dispose()

    def answer(request: Mapping[str, Any]) -> dict[str, Any]:
        fields = MatchRequest.model_validate(dict(request))
        outcome = run_match(snapshot, _profile(fields, fields.limit), explain=False)
        body: dict[str, Any] = json.loads(json.dumps(match_document(snapshot, outcome, explain=False), default=_raw))
        return body

    live = [offer for offer in snapshot.offers if offer.status != "closed"]
    signposting = frozenset(offer.slug for offer in live if offer.signposting)
    specific = frozenset(offer.slug for offer in live if not offer.signposting)
    return answer, signposting, specific


def _raw(value: Any) -> Any:
    import orjson

    return json.loads(orjson.dumps(value))


def markdown(figures: Mapping[str, Any], results: Sequence[ProfileResult], floor: Mapping[str, float]) -> str:
    """bench/results/eval.md."""
    lines = [
        "# Matcher ranking quality (make eval)",
        "",
        f"{figures['profiles']} golden profiles (data/golden_profiles.yaml), graded 3/2/1 from the seeds before the "
        "output was seen; curated catalogue in data/, through run_match (the function behind POST /v1/match).",
        "",
        "| measure | value | target |",
        "|---|---:|---|",
        f"| nDCG@5 | {figures['ndcg_at_5']:.4f} | >= {floor.get('ndcg_at_5', 0.9)} (floor in the repo) |",
        f"| precision@3 | {figures['precision_at_3']:.4f} | - |",
        f"| filler rate | {figures['filler_rate']:.4f} | 0 |",
        f"| front-door share of top 3 | {figures['front_door_share_of_top_3']:.4f} | 0 |",
        f"| catalogue coverage (top 5) | {figures['catalogue_coverage']:.4f} "
        f"({figures['offers_reached']} of {figures['specific_offers']} specific offers) | - |",
        f"| grade-3 offers in their top 3 | {figures['grade_3_in_top_3']} of {figures['profiles']} profiles | all |",
        "",
        "| category | profiles | nDCG@5 |",
        "|---|---:|---:|",
    ]
    for name, values in figures["ndcg_at_5_by_category"].items():
        lines.append(f"| {name} | {values['profiles']} | {values['ndcg_at_5']:.4f} |")
    lines += [
        "",
        "| profile | category | nDCG@5 | P@3 | listed | filler | top 3 | grade 3 missing |",
        "|---|---|---:|---:|---:|---:|---|---|",
    ]
    for r in results:
        lines.append(
            f"| {r.name} | {r.category} | {r.ndcg_at_5:.4f} | {r.precision_at_3:.4f} | {r.listed} | {r.filler} | "
            f"{', '.join(r.ranked[:3]) or '-'} | {', '.join(r.grade_3_missing) or '-'} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", type=Path, default=GOLDEN)
    args = parser.parse_args(argv)
    profiles, floor = load_profiles(args.profiles)
    answer, signposting, specific = curated_answerer()
    results = evaluate(profiles, answer, signposting)
    figures = summary(results, specific)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "eval.md").write_text(markdown(figures, results, floor), encoding="utf-8")
    (RESULTS / "eval_match.json").write_text(
        json.dumps({"summary": figures, "profiles": [asdict(r) for r in results]}, indent=2) + "\n", encoding="utf-8"
    )
    print(markdown(figures, results, floor))
    failed = figures["ndcg_at_5"] < floor.get("ndcg_at_5", 0.0) or figures["grade_3_in_top_3"] < len(results)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
