"""Loading a validated catalogue directory into the database: an idempotent upsert by slug."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlmodel import Session, select

from app.models.base import as_utc, utcnow
from app.models.catalogue_tables import CatalogueState, Offer, Provider, TaxonomyTerm
from app.services.catalogue.reads import offer_values, provider_values
from app.services.catalogue.taxonomy import VOCABULARIES, Taxonomy, Term
from app.services.exchange.files import CatalogueDocument
from app.services.store.state import bump_stamp, lock_for_write


@dataclass
class LoadReport:
    """What a load changed, per kind of entity."""

    created: dict[str, int] = field(default_factory=lambda: {"taxonomy": 0, "providers": 0, "offers": 0})
    updated: dict[str, int] = field(default_factory=lambda: {"taxonomy": 0, "providers": 0, "offers": 0})
    unchanged: dict[str, int] = field(default_factory=lambda: {"taxonomy": 0, "providers": 0, "offers": 0})

    @property
    def changed(self) -> bool:
        """Whether anything was written."""
        return any(self.created.values()) or any(self.updated.values())

    def summary(self) -> str:
        """One line a curator can read."""
        parts = [
            f"{kind}: {self.created[kind]} created, {self.updated[kind]} updated, {self.unchanged[kind]} unchanged"
            for kind in ("taxonomy", "providers", "offers")
        ]
        return "; ".join(parts)


def _normalise(value: Any) -> Any:
    return as_utc(value) if hasattr(value, "tzinfo") else value


def _apply(row: Any, values: Mapping[str, Any]) -> bool:
    """Set the values that differ; report whether any did."""
    changed = False
    for name, value in values.items():
        if _normalise(getattr(row, name)) != _normalise(value):
            setattr(row, name, value)
            changed = True
    return changed


def _term_values(term: Term, position: int) -> dict[str, Any]:
    return {
        "name": term.name,
        "parent_slug": term.parent,
        "position": position,
        "attributes": dict(term.attributes),
        "source": term.source,
    }


def _load_taxonomy(session: Session, taxonomy: Taxonomy, report: LoadReport) -> None:
    now = utcnow()
    existing = {(row.vocabulary, row.slug): row for row in session.exec(select(TaxonomyTerm))}
    for vocabulary in VOCABULARIES:
        for position, term in enumerate(taxonomy.of(vocabulary)):
            values = _term_values(term, position)
            row = existing.get((vocabulary, term.slug))
            if row is None:
                session.add(
                    TaxonomyTerm(vocabulary=vocabulary, slug=term.slug, created_at=now, updated_at=now, **values)
                )
                report.created["taxonomy"] += 1
            elif _apply(row, values):
                row.updated_at = now
                report.updated["taxonomy"] += 1
            else:
                report.unchanged["taxonomy"] += 1


def load_taxonomy_from_db(session: Session) -> Taxonomy:
    """The taxonomy as stored, in display order."""
    order = {name: index for index, name in enumerate(VOCABULARIES)}
    rows = sorted(session.exec(select(TaxonomyTerm)), key=lambda r: (order.get(r.vocabulary, 99), r.position, r.slug))
    version = session.exec(select(CatalogueState.taxonomy_version).where(CatalogueState.id == 1)).first() or ""
    terms = tuple(
        Term(row.vocabulary, row.slug, row.name, row.parent_slug, row.source, dict(row.attributes)) for row in rows
    )
    return Taxonomy(version=version, terms=terms)


def _id(row: Provider) -> int:
    assert row.id is not None
    return row.id


def _upsert(
    session: Session,
    table: type[Offer] | type[Provider],
    rows: dict[str, Any],
    entries: list[dict[str, Any]],
    report: LoadReport,
    kind: str,
    now: datetime,
) -> None:
    """Insert or update one kind of record by slug (a loaded record is live again); bump the version of a change."""
    for entry_values in entries:
        values = entry_values | {"withdrawn_at": None}
        row = rows.get(values["slug"])
        if row is None:
            row = table(created_at=now, updated_at=now, version=1, **values)
            session.add(row)
            rows[values["slug"]] = row
            report.created[kind] += 1
        elif _apply(row, values):
            row.updated_at = now
            row.version += 1
            report.updated[kind] += 1
        else:
            report.unchanged[kind] += 1


def load_catalogue(session: Session, document: CatalogueDocument) -> LoadReport:
    """Upsert the taxonomy, providers and offers of a validated document; bump the stamp if anything changed.

    Entries not in the document are left alone. The caller commits.
    """
    lock_for_write(session)
    report = LoadReport()
    now = utcnow()
    _load_taxonomy(session, document.taxonomy, report)

    providers = {row.slug: row for row in session.exec(select(Provider))}
    provider_rows = [provider_values(entry) for entry in document.providers]
    _upsert(session, Provider, providers, provider_rows, report, "providers", now)
    session.flush()
    offer_rows = [
        offer_values(entry, provider_id=_id(providers[entry.provider]), taxonomy=document.taxonomy)
        for entry in document.offers
    ]
    offers = {row.slug: row for row in session.exec(select(Offer))}
    _upsert(session, Offer, offers, offer_rows, report, "offers", now)

    stored_version = session.exec(select(CatalogueState.taxonomy_version).where(CatalogueState.id == 1)).first()
    if report.changed or stored_version != document.taxonomy.version:
        bump_stamp(session, taxonomy_version=document.taxonomy.version)
    session.flush()
    return report


def catalogue_is_empty(session: Session) -> bool:
    """True when no offer, provider or taxonomy term has ever been loaded."""
    return session.exec(select(TaxonomyTerm.id).limit(1)).first() is None
