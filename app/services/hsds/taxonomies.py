"""The vocabularies as Open Referral HSDS 3.0 taxonomies and terms, with stable UUIDs derived from slugs."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from app.models.catalogue import OFFER_KINDS
from app.services.catalogue.search import holds_every_word, literal_words
from app.services.catalogue.taxonomy import Term
from app.services.store.snapshot import CatalogueSnapshot

HSDS_VERSION = "3.0"
# The base HSDS 3.0 schema, unprofiled: this API adds no profile of its own.
HSDS_PROFILE = "https://github.com/openreferral/specification/tree/3.0/schema"
# Fixed forever: changing it would change every identifier partners have stored.
NAMESPACE = uuid.UUID("302bb2c2-67a0-5751-bbb4-5536af5ed804")


@dataclass(frozen=True)
class TaxonomySpec:
    """How one of our vocabularies is published as an HSDS taxonomy."""

    vocabulary: str
    key: str
    name: str
    description: str
    link_type: str


TAXONOMIES = (
    TaxonomySpec(
        "need",
        "support-needs",
        "Support needs",
        "The nine support needs of the Health Innovation Leeds support table, with child terms.",
        "support_need",
    ),
    TaxonomySpec(
        "stage",
        "innovation-pathway-stages",
        "Innovation pathway stages",
        "The seven-stage health innovation pathway, each with its default TRL band.",
        "pathway_stage",
    ),
    TaxonomySpec(
        "sector",
        "sectors",
        "Sectors",
        "Health innovation sectors an offer is restricted to (no term: every sector).",
        "sector",
    ),
    TaxonomySpec(
        "organisation_type",
        "organisation-types",
        "Eligible organisation types",
        "Kinds of innovator organisation an offer is open to (no term: all).",
        "eligible_organisation_type",
    ),
    TaxonomySpec(
        "location",
        "innovator-locations",
        "Innovator locations",
        "Where an innovator must be to use an offer, nested (no term: anywhere).",
        "eligible_location",
    ),
    TaxonomySpec(
        "offer_kind",
        "offer-kinds",
        "Kinds of offer",
        "Programme, service, facility, network, funding, advice or workspace.",
        "offer_kind",
    ),
    TaxonomySpec(
        "provider_kind",
        "provider-kinds",
        "Kinds of provider",
        "What kind of organisation a provider is.",
        "provider_kind",
    ),
)


def stable_id(kind: str, key: str) -> str:
    """A UUID that never changes for the same kind and slug."""
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{key}"))


def without_none(document: dict[str, Any]) -> dict[str, Any]:
    # HSDS types are plain strings: an absent value is left out rather than sent as null.
    return {key: value for key, value in document.items() if value is not None}


@dataclass(frozen=True)
class HsdsTerm:
    """One taxonomy term with the relations the filters need."""

    id: str
    vocabulary: str
    slug: str
    document: dict[str, Any]
    parent_id: str | None


class HsdsTaxonomies:
    """The HSDS taxonomies and terms of one catalogue snapshot."""

    def __init__(self, snapshot: CatalogueSnapshot) -> None:
        self.snapshot = snapshot
        self.taxonomies: dict[str, dict[str, Any]] = {}
        self.taxonomy_ids: dict[str, str] = {}
        self.terms: dict[str, HsdsTerm] = {}
        self.term_ids: dict[tuple[str, str], str] = {}
        self._build_taxonomies()

    def _vocabulary_terms(self, vocabulary: str) -> Sequence[Term]:
        if vocabulary == "offer_kind":
            return [Term("offer_kind", kind, kind.capitalize()) for kind in OFFER_KINDS]
        return self.snapshot.taxonomy.of(vocabulary)

    def _term_description(self, term: Term) -> str:
        if term.vocabulary == "stage":
            stage = next(s for s in self.snapshot.taxonomy.stages if s.slug == term.slug)
            band = f"TRL {stage.trl_min}-{stage.trl_max}"
            return f"Stage {stage.number} of the innovation pathway ({band}). {stage.description.strip()}".strip()
        parent = f" Part of '{term.parent}'." if term.parent else ""
        return f"{term.name}.{parent}"

    def _build_taxonomies(self) -> None:
        version = self.snapshot.taxonomy.version
        for spec in TAXONOMIES:
            taxonomy_id = stable_id("taxonomy", spec.key)
            self.taxonomy_ids[spec.vocabulary] = taxonomy_id
            self.taxonomies[taxonomy_id] = {
                "id": taxonomy_id,
                "name": spec.name,
                "description": spec.description,
                "version": version,
            }
            terms = self._vocabulary_terms(spec.vocabulary)
            for term in terms:
                self.term_ids[(spec.vocabulary, term.slug)] = stable_id(f"term:{spec.vocabulary}", term.slug)
            for term in terms:
                term_id = self.term_ids[(spec.vocabulary, term.slug)]
                parent_id = self.term_ids.get((spec.vocabulary, term.parent)) if term.parent else None
                document = without_none(
                    {
                        "id": term_id,
                        "code": term.slug,
                        "name": term.name,
                        "description": self._term_description(term),
                        "parent_id": parent_id,
                        "taxonomy": spec.key,
                        "taxonomy_id": taxonomy_id,
                        "language": "en",
                    }
                )
                self.terms[term_id] = HsdsTerm(term_id, spec.vocabulary, term.slug, document, parent_id)

    def term_document(self, term_id: str, *, detail: bool = True) -> dict[str, Any]:
        """A taxonomy term, with its taxonomy nested when `detail`."""
        term = self.terms[term_id]
        if not detail:
            return dict(term.document)
        return {**term.document, "taxonomy_detail": self.taxonomies[self.taxonomy_ids[term.vocabulary]]}

    def ancestors(self, term_id: str) -> list[str]:
        """The term and every term above it."""
        chain: list[str] = []
        current: str | None = term_id
        while current is not None and current not in chain:
            chain.append(current)
            current = self.terms[current].parent_id
        return chain

    def select_terms(
        self,
        *,
        search: str | None = None,
        taxonomy_ids: Sequence[str] = (),
        parent_id: str | None = None,
        top_only: bool = False,
    ) -> list[str]:
        """Term ids in taxonomy and vocabulary order, filtered."""
        words = literal_words(search)
        wanted = set(taxonomy_ids)
        chosen = []
        for term_id, term in self.terms.items():
            document = term.document
            if wanted and document["taxonomy_id"] not in wanted:
                continue
            if parent_id is not None and term.parent_id != parent_id:
                continue
            if top_only and term.parent_id is not None:
                continue
            if not holds_every_word(f"{document['code']} {document['name']} {document['description']}", words):
                continue
            chosen.append(term_id)
        return chosen

    def select_taxonomies(self, *, search: str | None = None) -> list[str]:
        """Taxonomy ids whose name or description holds every word of `search`, in order."""
        words = literal_words(search)
        return [
            tid
            for tid, doc in self.taxonomies.items()
            if holds_every_word(f"{doc['name']} {doc['description']}", words)
        ]
