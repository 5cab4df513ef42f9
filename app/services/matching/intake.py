"""Feeding the pure intake: the questions from data/, the reader per spec, and the match for the inferred profile."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from app.config import get_settings
from app.errors import FieldProblem, ValidationProblem
from app.intake import IntakeError, IntakeOutcome, IntakeRequest, IntakeSpec, Reader, infer
from app.matching import CatalogueIndex, Vocabulary
from app.matching.text import stem
from app.models.intake import IntakeRequest as IntakeBody
from app.services.exchange.curated_yaml import read_curated_yaml
from app.services.insights.demand import catalogue_vocabulary, record_intake
from app.services.matching.documents import match_document
from app.services.matching.match import matcher_index, run_match
from app.services.store.snapshot import CatalogueSnapshot


@dataclass(frozen=True)
class LoadedIntake:
    """The validated intake file, its reader and the GET /v1/intake document, built once per file."""

    spec: IntakeSpec
    digest: str

    @cached_property
    def reader(self) -> Reader:
        """The description reader (its patterns compiled once)."""
        return Reader(self.spec)

    @cached_property
    def questions_document(self) -> dict[str, Any]:
        """The body of GET /v1/intake (the IntakeQuestions shape)."""
        return {
            "version": self.spec.version,
            "questions": [
                {
                    "id": q.id,
                    "text": q.text,
                    "help": q.help,
                    "kind": q.kind,
                    "options": [{"id": o.id, "label": o.label, "implies": _implies(o.implies)} for o in q.options],
                }
                for q in self.spec.questions
            ],
        }

    @property
    def etag_key(self) -> str:
        """What GET /v1/intake's ETag is derived from: the file's version and its exact content."""
        return f"intake:{self.spec.version}:{self.digest}"


def _implies(implication: Any) -> dict[str, Any]:
    found: dict[str, Any] = {}
    if implication.stage is not None:
        found["stage"] = implication.stage
    if implication.trl is not None:
        found["trl"] = list(implication.trl)
    if implication.needs:
        found["needs"] = list(implication.needs)
    for name in ("organisation_type", "location", "sector"):
        if getattr(implication, name) is not None:
            found[name] = getattr(implication, name)
    return found


@lru_cache
def load_intake(data_dir: Path) -> LoadedIntake:
    """Read and validate data_dir/intake.yaml against data_dir/taxonomy.yaml; ValueError names the bad entry."""
    path = data_dir / "intake.yaml"
    vocabulary = Vocabulary.from_mapping(read_curated_yaml(data_dir / "taxonomy.yaml"))
    spec = IntakeSpec.from_mapping(read_curated_yaml(path), vocabulary)
    raw = path.read_bytes()
    return LoadedIntake(spec, hashlib.sha256(raw).hexdigest()[:16])


_current: tuple[Path, LoadedIntake] | None = None


def current_intake() -> LoadedIntake:
    """The intake the service runs with (data/intake.yaml, or NAVIGATOR_DATA_DIR's), kept per settings object."""
    global _current
    data_dir = get_settings().data_dir
    current = _current
    if current is None or current[0] is not data_dir:
        current = (data_dir, load_intake(data_dir))
        _current = current
    return current[1]


def _keyword_terms(snapshot: CatalogueSnapshot, index: CatalogueIndex) -> frozenset[str]:
    """The description words worth passing on as keywords: terms of the catalogue's text that the matcher counts as
    evidence (within its IDF floor, not one of its stop words), so an inferred profile is never refused for them."""
    vocabulary = catalogue_vocabulary(snapshot)  # outside `derived`: its lock is not re-entrant

    def build(_snap: CatalogueSnapshot) -> frozenset[str]:
        stopped = {stem(word) for word in index.synonyms.stop_words}
        return frozenset(term for term in vocabulary if term in index.informative and term not in stopped)

    return snapshot.derived(f"intake_keyword_terms:{index.ruleset_version}", build)


def run_intake(snapshot: CatalogueSnapshot, body: IntakeBody) -> dict[str, Any]:
    """The POST /v1/intake answer: the inferred profile, its inferences, follow-ups and the match for it.

    The match is computed by the same service function POST /v1/match uses. When the profile gives the matcher
    nothing to search on (no stage, TRL, needs or informative keywords), `match` is null and a follow-up
    says what would help. Only the inferred profile is recorded as demand, never the words typed.
    """
    loaded = current_intake()
    index = matcher_index(snapshot)
    request = IntakeRequest(
        answers=body.answers,
        description=body.description,
        sector=body.sector,
        organisation_type=body.organisation_type,
        location=body.location,
        limit=body.limit,
    )
    try:
        outcome = infer(
            loaded.spec,
            request,
            reader=loaded.reader,
            vocabulary=index.vocabulary,
            known_terms=_keyword_terms(snapshot, index),
        )
    except IntakeError as error:
        raise ValidationProblem([FieldProblem(field=e.field, message=e.message) for e in error.errors]) from error
    follow_up = list(outcome.follow_up)
    match: dict[str, Any] | None = None
    try:
        matched = run_match(snapshot, outcome.profile, explain=False)
    except ValidationProblem:
        if outcome.has_anchor:
            raise  # the inferred profile itself was refused: a bug to surface, never to hide
        follow_up.append(loaded.spec.follow_up["match"])
        record_intake(_unmatched_profile(outcome), [])
    else:
        match = match_document(snapshot, matched, explain=False)
        record_intake(matched.profile.as_dict(), [scored.offer.slug for scored in matched.results])
    return {
        "version": outcome.version,
        "profile": outcome.profile_document(),
        "inferences": [
            {"field": i.field, "value": i.value, "because": i.because, "source": i.source} for i in outcome.inferences
        ],
        "follow_up": [{"field": f.key, "question": f.question, "text": f.text} for f in _unique(follow_up)],
        "match": match,
    }


def _unique(items: list[Any]) -> list[Any]:
    return list({item.key: item for item in items}.values())


def _unmatched_profile(outcome: IntakeOutcome) -> dict[str, object]:
    profile = outcome.profile
    return {
        "stage": profile.stage,
        "stages": [],
        "needs": list(profile.needs),
        "sector": profile.sector,
        "organisation_type": profile.organisation_type,
        "location": profile.location,
    }
