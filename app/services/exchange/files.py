"""Reading and validating the curated catalogue files (taxonomy.yaml and catalogue/*.yaml)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from app.errors import FieldProblem, field_path
from app.models.catalogue import OfferCreate, ProviderCreate
from app.services.catalogue.taxonomy import Taxonomy, taxonomy_from_document
from app.services.exchange.curated_yaml import CuratedYamlError, read_curated_yaml
from app.services.exchange.lint import lint_catalogue

TAXONOMY_FILE = Path("taxonomy.yaml")
PROVIDERS_FILE = Path("catalogue") / "providers.yaml"
OFFERS_FILE = Path("catalogue") / "offers.yaml"

Model = TypeVar("Model", bound=BaseModel)
Entry = TypeVar("Entry", ProviderCreate, OfferCreate)


class CatalogueFileError(ValueError):
    """The files hold bad data; each problem names the file, the entry and the field."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__(f"{len(problems)} problem(s) in the catalogue files:\n" + "\n".join(problems))
        self.problems = list(problems)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _Named(_Strict):
    slug: str = Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
    name: str = Field(min_length=1)
    source: str | None = None


class _Need(_Named):
    children: list[_Named] = Field(default_factory=list)


class _Stage(_Strict):
    number: int = Field(ge=1, le=7)
    slug: str
    name: str
    trl_min: int = Field(ge=1, le=9)
    trl_max: int = Field(ge=1, le=9)
    description: str = ""


class _Trl(_Strict):
    level: int = Field(ge=1, le=9)
    name: str


class _Location(_Named):
    parent: str | None


class TaxonomyDocument(_Strict):
    """The shape of taxonomy.yaml."""

    version: str
    trls: list[_Trl]
    stages: list[_Stage]
    needs: list[_Need]
    sectors: list[_Named]
    organisation_types: list[_Named]
    locations: list[_Location]
    provider_kinds: list[_Named] = Field(default_factory=list)


@dataclass(frozen=True)
class CatalogueDocument:
    """The validated content of a catalogue directory."""

    taxonomy_document: dict[str, Any]
    taxonomy: Taxonomy
    providers: tuple[ProviderCreate, ...]
    offers: tuple[OfferCreate, ...]


def _read_yaml(path: Path, label: str, problems: list[str]) -> Any:
    try:
        return read_curated_yaml(path)
    except FileNotFoundError:
        problems.append(f"{label}: file not found")
    except UnicodeDecodeError as exc:
        problems.append(f"{label}: not UTF-8 text (byte {exc.start})")
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", exc)
        problems.append(
            f"{label}:{where}: "
            + (str(problem) if isinstance(exc, CuratedYamlError) else f"not valid YAML ({problem})")
        )
    return None


def _entries(document: Any, key: str, label: str, problems: list[str]) -> list[Any]:
    if not isinstance(document, Mapping) or not isinstance(document.get(key), list):
        problems.append(f"{label}: expected a top-level '{key}:' list")
        return []
    extra = sorted(set(document) - {key})
    if extra:
        problems.append(f"{label}: unknown top-level key(s) {', '.join(extra)}; only '{key}' is allowed")
    return list(document[key])


def _entry_label(label: str, key: str, index: int, raw: Any) -> str:
    slug = raw.get("slug") if isinstance(raw, Mapping) else None
    return f"{label}: {key}[{index}]" + (f" (slug '{slug}')" if slug else "")


def _validate(model: type[Model], raw: Any, where: str, problems: list[str]) -> Model | None:
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        for error in exc.errors():
            problems.append(f"{where}: field '{field_path(('body', *error['loc']))}': {error['msg']}")
    return None


def validate_taxonomy_document(raw: Any, label: str, problems: list[str]) -> Taxonomy | None:
    """Validate taxonomy.yaml's content: shape, unique slugs, parents and stage bands."""
    document = _validate(TaxonomyDocument, raw, label, problems)
    if document is None:
        return None
    taxonomy = taxonomy_from_document(document.model_dump())
    seen: set[tuple[str, str]] = set()
    for term in taxonomy.terms:
        if (term.vocabulary, term.slug) in seen:
            problems.append(f"{label}: {term.vocabulary} '{term.slug}' appears twice")
        seen.add((term.vocabulary, term.slug))
    locations = set(taxonomy.slugs("location"))
    for term in taxonomy.of("location"):
        if term.parent is not None and term.parent not in locations:
            problems.append(f"{label}: location '{term.slug}': unknown parent '{term.parent}'")
    numbers = sorted(taxonomy.stage_bands)
    if numbers != list(range(1, len(numbers) + 1)):
        problems.append(f"{label}: stages must be numbered 1..n in order, got {numbers}")
    for number, (low, high) in taxonomy.stage_bands.items():
        if low > high:
            problems.append(f"{label}: stage {number}: trl_min {low} exceeds trl_max {high}")
    return taxonomy


@dataclass
class _Reading:
    """What validating the entries of both files gathers: the problems, and where each entry was read."""

    taxonomy: Taxonomy
    problems: list[str]
    labels: dict[tuple[str, str], str]

    def entries(
        self,
        model: type[Entry],
        raw_entries: Sequence[Any],
        file_label: str,
        entity: str,
        check: Callable[[Entry], list[FieldProblem]],
    ) -> list[Entry]:
        """Entries of one file that pass their schema, each slug once, checked against the taxonomy."""
        valid: list[Entry] = []
        seen: set[str] = set()
        for index, raw in enumerate(raw_entries):
            where = _entry_label(file_label, f"{entity}s", index, raw)
            if isinstance(raw, Mapping) and isinstance(raw.get("slug"), str):
                self.labels[(entity, raw["slug"])] = where
            entry = _validate(model, raw, where, self.problems)
            if entry is None:
                continue
            if entry.slug in seen:
                self.problems.append(f"{where}: field 'slug': '{entry.slug}' is used by an earlier {entity}")
            seen.add(entry.slug)
            self.problems += [f"{where}: field '{p.field}': {p.message}" for p in check(entry)]
            valid.append(entry)
        return valid


def validate_entries(
    taxonomy: Taxonomy,
    raw_providers: Sequence[Any],
    raw_offers: Sequence[Any],
    *,
    providers_label: str = str(PROVIDERS_FILE),
    offers_label: str = str(OFFERS_FILE),
    known_providers: Iterable[str] = (),
) -> tuple[list[ProviderCreate], list[OfferCreate], list[str]]:
    """Validate provider and offer entries against their schemas, the taxonomy, each other and the catalogue lint."""
    reading = _Reading(taxonomy=taxonomy, problems=[], labels={})
    providers = reading.entries(
        ProviderCreate, raw_providers, providers_label, "provider", taxonomy.provider_term_problems
    )
    provider_slugs = set(known_providers) | {provider.slug for provider in providers}

    def check_offer(offer: OfferCreate) -> list[FieldProblem]:
        problems = taxonomy.offer_term_problems(offer, positions="never")
        if offer.provider not in provider_slugs:
            problems.insert(0, FieldProblem(field="provider", message=f"unknown provider '{offer.provider}'"))
        return problems

    offers = reading.entries(OfferCreate, raw_offers, offers_label, "offer", check_offer)
    for problem in lint_catalogue(providers, offers):
        where = reading.labels.get((problem.entity, problem.slug), f"{problem.entity} '{problem.slug}'")
        reading.problems.append(f"{where}: field '{problem.field}': rule '{problem.rule}': {problem.message}")
    return providers, offers, reading.problems


def read_catalogue(directory: Path) -> CatalogueDocument:
    """Read and validate a catalogue directory; raise CatalogueFileError listing every problem found."""
    problems: list[str] = []
    taxonomy_label = str(directory / TAXONOMY_FILE)
    raw_taxonomy = _read_yaml(directory / TAXONOMY_FILE, taxonomy_label, problems)
    raw_providers_doc = _read_yaml(directory / PROVIDERS_FILE, str(directory / PROVIDERS_FILE), problems)
    raw_offers_doc = _read_yaml(directory / OFFERS_FILE, str(directory / OFFERS_FILE), problems)
    if problems:
        raise CatalogueFileError(problems)
    taxonomy = validate_taxonomy_document(raw_taxonomy, taxonomy_label, problems)
    if taxonomy is None:
        raise CatalogueFileError(problems)
    raw_providers = _entries(raw_providers_doc, "providers", str(directory / PROVIDERS_FILE), problems)
    raw_offers = _entries(raw_offers_doc, "offers", str(directory / OFFERS_FILE), problems)
    providers, offers, entry_problems = validate_entries(
        taxonomy,
        raw_providers,
        raw_offers,
        providers_label=str(directory / PROVIDERS_FILE),
        offers_label=str(directory / OFFERS_FILE),
    )
    problems.extend(entry_problems)
    if problems:
        raise CatalogueFileError(problems)
    return CatalogueDocument(
        taxonomy_document=TaxonomyDocument.model_validate(raw_taxonomy).model_dump(exclude_none=True),
        taxonomy=taxonomy,
        providers=tuple(providers),
        offers=tuple(offers),
    )
