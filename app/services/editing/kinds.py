"""What curators' writes need to know of each kind of record (offer, provider): one descriptor per kind.

The writes themselves (app/services/editing/writes.py) are generic; a `RecordKind` names the table, the curated-file
schema, how a row becomes that entry and its editable record, how a validated entry becomes column values (after
checking its references and the catalogue lint), and the guards a withdrawal or a restore must pass.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, Literal, TypeVar

from sqlmodel import Session, col, select

from app.conditional import entity_etag
from app.errors import Conflict, FieldProblem, ValidationProblem
from app.models.admin import OfferRecord, ProviderRecord
from app.models.base import as_utc
from app.models.catalogue import OfferCreate, ProviderCreate
from app.models.catalogue_tables import Offer, Provider
from app.services.catalogue.reads import offer_entry, offer_values, provider_entry, provider_values
from app.services.exchange.lint import LintProblem, lint_offer, lint_provider
from app.services.exchange.loader import load_taxonomy_from_db

Row = TypeVar("Row", Offer, Provider)
Entry = TypeVar("Entry", OfferCreate, ProviderCreate)
Record = TypeVar("Record", OfferRecord, ProviderRecord)


@dataclass(frozen=True)
class RecordKind(Generic[Row, Entry, Record]):
    """One kind of editable record, as the generic writes see it."""

    name: Literal["offer", "provider"]
    table: type[Row]
    schema: type[Entry]
    entry_of: Callable[[Session, Row], Entry]
    record_of: Callable[[Session, Row], Record]
    checked_values: Callable[[Session, Entry], dict[str, Any]]
    """Column values of a new or changed entry, after a 422 naming every unknown reference or broken lint rule."""
    before_withdraw: Callable[[Session, Row], None]
    before_restore: Callable[[Session, Row], None]


def _meta(entity_type: str, row: Offer | Provider) -> dict[str, Any]:
    return {
        "version": row.version,
        "etag": entity_etag(entity_type, row.slug, row.version),
        "withdrawn_at": as_utc(row.withdrawn_at),
        "created_at": as_utc(row.created_at),
        "updated_at": as_utc(row.updated_at),
    }


def _refuse(problems: list[FieldProblem]) -> None:
    if problems:
        raise ValidationProblem(problems)


def _refuse_lint(problems: list[LintProblem]) -> None:
    """422 naming the field and the rule of every lint problem (data/README.md lists the rules)."""
    _refuse(
        [FieldProblem(field=p.field, message=f"Rule '{p.rule}' ({p.entity} '{p.slug}'): {p.message}") for p in problems]
    )


def _nothing(session: Session, row: Any) -> None:
    """No guard: the generic checks are enough."""


# ---- offers -----------------------------------------------------------------------------------------------------


def _provider_slug(session: Session, provider_id: int) -> str:
    row = session.get(Provider, provider_id)
    assert row is not None
    return row.slug


def _offer_entry(session: Session, row: Offer) -> OfferCreate:
    return offer_entry(row, _provider_slug(session, row.provider_id))


def _offer_record(session: Session, row: Offer) -> OfferRecord:
    return OfferRecord(entry=_offer_entry(session, row), **_meta("offer", row))


def _checked_provider(session: Session, entry: OfferCreate) -> tuple[Provider | None, list[FieldProblem]]:
    provider = session.exec(select(Provider).where(Provider.slug == entry.provider)).first()
    if provider is None:
        return None, [
            FieldProblem(field="provider", message=f"Unknown provider '{entry.provider}'. See /v1/providers.")
        ]
    if provider.withdrawn_at is not None:
        return None, [FieldProblem(field="provider", message=f"The provider '{entry.provider}' is withdrawn.")]
    return provider, []


def _offer_values(session: Session, entry: OfferCreate) -> dict[str, Any]:
    """Check every reference of the entry (422 naming each unknown one) and the lint; its column values."""
    taxonomy = load_taxonomy_from_db(session)
    provider, problems = _checked_provider(session, entry)
    _refuse(problems + taxonomy.offer_term_problems(entry))
    assert provider is not None and provider.id is not None
    door = None
    if not entry.signposting:
        door = session.exec(
            select(Offer.url).where(Offer.signposting, col(Offer.withdrawn_at).is_(None)).order_by(Offer.slug)
        ).first()
    _refuse_lint(lint_offer(entry, provider_website=provider.website, front_door_url=door))
    return offer_values(entry, provider_id=provider.id, taxonomy=taxonomy)


def _offer_restorable(session: Session, row: Offer) -> None:
    provider = session.get(Provider, row.provider_id)
    if provider is not None and provider.withdrawn_at is not None:
        raise Conflict(f"Restore the provider '{provider.slug}' first: it is withdrawn.")


OFFER: RecordKind[Offer, OfferCreate, OfferRecord] = RecordKind(
    name="offer",
    table=Offer,
    schema=OfferCreate,
    entry_of=_offer_entry,
    record_of=_offer_record,
    checked_values=_offer_values,
    before_withdraw=_nothing,
    before_restore=_offer_restorable,
)


# ---- providers --------------------------------------------------------------------------------------------------


def live_offer_slugs(session: Session, provider_id: int | None) -> list[str]:
    """Slugs of the provider's offers that are not withdrawn."""
    query = select(Offer.slug).where(Offer.provider_id == provider_id, col(Offer.withdrawn_at).is_(None))
    return sorted(session.exec(query))


def _provider_record(session: Session, row: Provider) -> ProviderRecord:
    return ProviderRecord(
        entry=provider_entry(row), live_offers=live_offer_slugs(session, row.id), **_meta("provider", row)
    )


def _provider_values(session: Session, entry: ProviderCreate) -> dict[str, Any]:
    """Check the kind and base location (422 naming an unknown one) and the lint; its column values."""
    taxonomy = load_taxonomy_from_db(session)
    _refuse(taxonomy.provider_term_problems(entry))
    _refuse_lint(lint_provider(entry))
    return provider_values(entry)


def _provider_withdrawable(session: Session, row: Provider) -> None:
    live = live_offer_slugs(session, row.id)
    if live:
        raise Conflict(f"The provider '{row.slug}' still has live offers ({', '.join(live)}); withdraw them first.")


PROVIDER: RecordKind[Provider, ProviderCreate, ProviderRecord] = RecordKind(
    name="provider",
    table=Provider,
    schema=ProviderCreate,
    entry_of=lambda session, row: provider_entry(row),
    record_of=_provider_record,
    checked_values=_provider_values,
    before_withdraw=_provider_withdrawable,
    before_restore=_nothing,
)
