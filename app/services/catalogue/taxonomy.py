"""The public vocabulary (stages, TRLs, needs, sectors, organisation types, locations, provider kinds) as data."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal

from app.errors import FieldProblem
from app.matching import StageBand
from app.matching.vocabulary import unknown_terms
from app.models.catalogue import OfferCreate, ProviderCreate

Positions = Literal["always", "several", "never"]


@dataclass(frozen=True)
class Term:
    """One row of one vocabulary, as stored in taxonomy_term."""

    vocabulary: str
    slug: str
    name: str
    parent: str | None = None
    source: str = "support-table"
    attributes: Mapping[str, Any] = field(default_factory=dict)


VOCABULARIES = ("trl", "stage", "need", "sector", "organisation_type", "location", "provider_kind")
RESTRICTION_TERM_FIELDS = (
    ("sector", "sectors"),
    ("organisation_type", "organisation_types"),
    ("location", "locations"),
)
"""The fields of an offer's `restrictions`, each with the vocabulary its slugs come from."""
OFFER_TERM_FIELDS = (("need", "needs"), *RESTRICTION_TERM_FIELDS)
"""The fields of an offer that hold vocabulary slugs, each with its vocabulary."""
VOCABULARY_LABELS = {
    "trl": "TRL",
    "stage": "stage",
    "need": "need",
    "sector": "sector",
    "organisation_type": "organisation type",
    "location": "location",
    "provider_kind": "provider kind",
}


@dataclass(frozen=True)
class Taxonomy:
    """Every vocabulary, in display order, with the lookups the filters and the matcher need."""

    version: str
    terms: tuple[Term, ...]

    def of(self, vocabulary: str) -> tuple[Term, ...]:
        """The terms of one vocabulary, in order."""
        return self._by_vocabulary.get(vocabulary, ())

    @cached_property
    def _by_vocabulary(self) -> dict[str, tuple[Term, ...]]:
        grouped: dict[str, list[Term]] = {}
        for term in self.terms:
            grouped.setdefault(term.vocabulary, []).append(term)
        return {name: tuple(terms) for name, terms in grouped.items()}

    def slugs(self, vocabulary: str) -> tuple[str, ...]:
        """Valid slugs of one vocabulary, in order."""
        return tuple(term.slug for term in self.of(vocabulary))

    @cached_property
    def stages(self) -> tuple[StageBand, ...]:
        """The pathway stages as typed records, in order: the one place their stored attributes are read."""
        return tuple(
            StageBand(
                number=int(t.attributes["number"]),
                slug=t.slug,
                name=t.name,
                trl_min=int(t.attributes["trl_min"]),
                trl_max=int(t.attributes["trl_max"]),
                description=str(t.attributes.get("description") or ""),
            )
            for t in self.of("stage")
        )

    @cached_property
    def trl_levels(self) -> tuple[tuple[int, str], ...]:
        """Each TRL as (level, name), in order: the one place the TRL terms' stored level is read."""
        return tuple((int(t.attributes["level"]), t.name) for t in self.of("trl"))

    @cached_property
    def stage_bands(self) -> dict[int, tuple[int, int]]:
        """Stage number -> (trl_min, trl_max)."""
        return {stage.number: (stage.trl_min, stage.trl_max) for stage in self.stages}

    def stages_for_trl(self, trl: int) -> list[int]:
        """Every stage whose band contains the TRL (the bands overlap on purpose)."""
        return [number for number, (low, high) in self.stage_bands.items() if low <= trl <= high]

    def trl_band_for_stages(self, stages: Iterable[int]) -> tuple[int, int]:
        """The TRL band covering every given stage."""
        bands = [self.stage_bands[s] for s in stages]
        return min(b[0] for b in bands), max(b[1] for b in bands)

    @cached_property
    def need_children(self) -> dict[str, tuple[str, ...]]:
        """Parent need -> its child needs."""
        children: dict[str, list[str]] = {}
        for term in self.of("need"):
            if term.parent:
                children.setdefault(term.parent, []).append(term.slug)
        return {parent: tuple(kids) for parent, kids in children.items()}

    def need_family(self, slug: str) -> set[str]:
        """A need and every need below it: asking for a parent matches offers tagged with its children."""
        family = {slug}
        for child in self.need_children.get(slug, ()):
            family |= self.need_family(child)
        return family

    def need_name(self, slug: str) -> str:
        """The display name of a need."""
        return next((t.name for t in self.of("need") if t.slug == slug), slug)

    @cached_property
    def _location_parents(self) -> dict[str, str | None]:
        return {t.slug: t.parent for t in self.of("location")}

    def location_chain(self, slug: str) -> list[str]:
        """A location and every location enclosing it: leeds -> leeds, west-yorkshire, yorkshire-and-humber, uk."""
        chain: list[str] = []
        current: str | None = slug
        while current is not None and current not in chain:
            chain.append(current)
            current = self._location_parents.get(current)
        return chain

    def unknown(self, vocabulary: str, values: Iterable[str]) -> list[tuple[int, str]]:
        """Each value that is not a slug of the vocabulary, by position, with its message (one wording for all)."""
        return unknown_terms(VOCABULARY_LABELS[vocabulary], values, self.slugs(vocabulary))

    def field_problems(
        self, vocabulary: str, field: str, values: Sequence[str], *, positions: Positions = "always"
    ) -> list[FieldProblem]:
        """A problem for each unknown value, at `field[i]` (`always`), at `field` (`never`), or indexed only when
        `values` holds several (`several`, for repeatable query parameters)."""
        indexed = positions == "always" or (positions == "several" and len(values) > 1)
        return [
            FieldProblem(field=f"{field}[{position}]" if indexed else field, message=message)
            for position, message in self.unknown(vocabulary, values)
        ]

    def offer_term_problems(self, offer: OfferCreate, *, positions: Positions = "always") -> list[FieldProblem]:
        """A problem for each slug of the offer the vocabularies do not hold: its needs, sectors, organisation types
        and locations, and those of its `restrictions` (the one check of an offer's terms, for writes and files)."""
        problems: list[FieldProblem] = []
        for vocabulary, name in OFFER_TERM_FIELDS:
            problems += self.field_problems(vocabulary, name, getattr(offer, name), positions=positions)
        if offer.restrictions is not None:
            for vocabulary, name in RESTRICTION_TERM_FIELDS:
                values = getattr(offer.restrictions, name)
                problems += self.field_problems(vocabulary, f"restrictions.{name}", values, positions=positions)
        return problems

    def provider_term_problems(self, provider: ProviderCreate) -> list[FieldProblem]:
        """A problem for the provider's kind or base location when the vocabularies do not hold it."""
        problems = self.field_problems("provider_kind", "kind", [provider.kind], positions="never")
        if provider.base_location is not None:
            problems += self.field_problems("location", "base_location", [provider.base_location], positions="never")
        return problems


def taxonomy_from_document(document: Mapping[str, Any]) -> Taxonomy:
    """Build the taxonomy from data/taxonomy.yaml's parsed content (validated by catalogue_files)."""
    terms: list[Term] = []
    for trl in document["trls"]:
        terms.append(Term("trl", str(trl["level"]), trl["name"], attributes={"level": int(trl["level"])}))
    for stage in document["stages"]:
        attributes = {
            "number": int(stage["number"]),
            "trl_min": int(stage["trl_min"]),
            "trl_max": int(stage["trl_max"]),
            "description": stage.get("description", ""),
        }
        terms.append(Term("stage", stage["slug"], stage["name"], attributes=attributes))
    for need in document["needs"]:
        terms.append(Term("need", need["slug"], need["name"], source=need.get("source") or "support-table"))
        for child in need.get("children") or []:
            terms.append(
                Term(
                    "need",
                    child["slug"],
                    child["name"],
                    parent=need["slug"],
                    source=child.get("source") or "support-table",
                )
            )
    for vocabulary, key in (("sector", "sectors"), ("organisation_type", "organisation_types")):
        for item in document[key]:
            terms.append(Term(vocabulary, item["slug"], item["name"], source=item.get("source") or "contract"))
    for location in document["locations"]:
        terms.append(Term("location", location["slug"], location["name"], parent=location.get("parent")))
    for kind in document.get("provider_kinds", []):
        terms.append(Term("provider_kind", kind["slug"], kind["name"], source="curator"))
    return Taxonomy(version=str(document["version"]), terms=tuple(terms))
