"""Curators' writes to the catalogue: create, replace, patch, withdraw and restore, with compare-and-swap.

Every change is one `UPDATE … WHERE id = :id AND version = :seen` (compare-and-swap), so two editors holding the
same version can never both succeed, on SQLite and on PostgreSQL alike; the stamp bump and the audit row go in the
same transaction, so a change, its record and the caches' invalidation commit or fail together.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field, ValidationError
from sqlalchemy import update
from sqlmodel import Session, col, func, select

from app.errors import Conflict, FieldProblem, NotFound, ValidationProblem, field_path
from app.models.base import as_utc, utcnow
from app.models.catalogue import (
    Offer,
    OfferCreate,
    OfferUpdate,
    Provider,
    ProviderCreate,
    ProviderUpdate,
    Slug,
    TaxonomyTerm,
)
from app.services.catalogue.reads import offer_entry, offer_values, provider_entry, provider_values
from app.services.catalogue.taxonomy import Taxonomy
from app.services.editing.audit import Actor, record_event
from app.services.editing.preconditions import Precondition, check_precondition, entity_etag, stale_for
from app.services.exchange.lint import LintProblem, lint_offer, lint_provider
from app.services.exchange.loader import load_taxonomy_from_db
from app.services.store.state import bump_stamp, lock_for_write


class RecordMeta(BaseModel):
    """The bookkeeping of an editable record."""

    version: int = Field(description="Bumped by every change; the ETag is derived from it.", examples=[3])
    etag: str = Field(description="Send it back as If-Match to change the record.", examples=['"offer-propel-yh-v3"'])
    withdrawn_at: datetime | None = Field(description="Set when withdrawn (kept, hidden from the public API).")
    created_at: datetime
    updated_at: datetime


class OfferRecord(RecordMeta):
    """An offer as curators edit it: the curated-file form (`entry`, ready to PUT back) and its bookkeeping."""

    entry: OfferCreate


class ProviderRecord(RecordMeta):
    """A provider as curators edit it: the curated-file form (`entry`) and its bookkeeping."""

    entry: ProviderCreate
    live_offers: list[str] = Field(description="Slugs of its offers that are not withdrawn.")


class NeedCreate(BaseModel):
    """A new child term under one of the nine top-level needs."""

    model_config = {"extra": "forbid"}

    slug: Slug = Field(examples=["software-as-a-medical-device"])
    name: str = Field(min_length=1, max_length=200, examples=["Software as a medical device"])
    parent: Slug = Field(description="A top-level need slug.", examples=["professional-advice"])


class NeedCreated(BaseModel):
    """A need term just added."""

    slug: str
    name: str
    parent: str
    source: str = Field(examples=["curator"])


# ---- reads ------------------------------------------------------------------------------------------------------


def _offer_row(session: Session, slug: str) -> Offer:
    row = session.exec(select(Offer).where(Offer.slug == slug)).first()
    if row is None:
        raise NotFound(f"There is no offer '{slug}'.")
    return row


def _provider_row(session: Session, slug: str) -> Provider:
    row = session.exec(select(Provider).where(Provider.slug == slug)).first()
    if row is None:
        raise NotFound(f"There is no provider '{slug}'.")
    return row


def _provider_slug(session: Session, provider_id: int) -> str:
    row = session.get(Provider, provider_id)
    assert row is not None
    return row.slug


def _meta(entity_type: str, row: Offer | Provider) -> dict[str, Any]:
    return {
        "version": row.version,
        "etag": entity_etag(entity_type, row.slug, row.version),
        "withdrawn_at": as_utc(row.withdrawn_at),
        "created_at": as_utc(row.created_at),
        "updated_at": as_utc(row.updated_at),
    }


def _offer_record(session: Session, row: Offer) -> OfferRecord:
    return OfferRecord(entry=offer_entry(row, _provider_slug(session, row.provider_id)), **_meta("offer", row))


def _live_offer_slugs(session: Session, provider_id: int | None) -> list[str]:
    query = select(Offer.slug).where(Offer.provider_id == provider_id, col(Offer.withdrawn_at).is_(None))
    return sorted(session.exec(query))


def _provider_record(session: Session, row: Provider) -> ProviderRecord:
    return ProviderRecord(
        entry=provider_entry(row), live_offers=_live_offer_slugs(session, row.id), **_meta("provider", row)
    )


def get_offer(*, session: Session, slug: str) -> OfferRecord:
    """An offer's editable record, withdrawn or not."""
    return _offer_record(session, _offer_row(session, slug))


def get_provider(*, session: Session, slug: str) -> ProviderRecord:
    """A provider's editable record, withdrawn or not."""
    return _provider_record(session, _provider_row(session, slug))


# ---- validation -------------------------------------------------------------------------------------------------


def _validated(model: type[OfferCreate] | type[ProviderCreate], data: Mapping[str, Any]) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise ValidationProblem(
            [
                FieldProblem(field=field_path(("body", *error["loc"])), message=str(error["msg"]))
                for error in exc.errors()
            ]
        ) from exc


def _term_problems(taxonomy: Taxonomy, vocabulary: str, field: str, values: list[str]) -> list[FieldProblem]:
    return taxonomy.field_problems(vocabulary, field, values)


def _checked_offer_provider(session: Session, entry: OfferCreate, taxonomy: Taxonomy) -> Provider:
    """The offer's provider row, after checking every reference of the entry (422 naming each unknown one)."""
    problems: list[FieldProblem] = []
    provider = session.exec(select(Provider).where(Provider.slug == entry.provider)).first()
    if provider is None:
        problems.append(
            FieldProblem(field="provider", message=f"Unknown provider '{entry.provider}'. See /v1/providers.")
        )
    elif provider.withdrawn_at is not None:
        problems.append(FieldProblem(field="provider", message=f"The provider '{entry.provider}' is withdrawn."))
    problems += _term_problems(taxonomy, "need", "needs", entry.needs)
    problems += _term_problems(taxonomy, "sector", "sectors", entry.sectors)
    problems += _term_problems(taxonomy, "organisation_type", "organisation_types", entry.organisation_types)
    problems += _term_problems(taxonomy, "location", "locations", entry.locations)
    if entry.restrictions is not None:
        for vocabulary, field in (
            ("sector", "sectors"),
            ("organisation_type", "organisation_types"),
            ("location", "locations"),
        ):
            values = getattr(entry.restrictions, field)
            problems += _term_problems(taxonomy, vocabulary, f"restrictions.{field}", values)
    if problems:
        raise ValidationProblem(problems)
    assert provider is not None
    return provider


def _check_provider_terms(entry: ProviderCreate, taxonomy: Taxonomy) -> None:
    problems = [
        FieldProblem(field="kind", message=problem.message)
        for problem in _term_problems(taxonomy, "provider_kind", "kind", [entry.kind])
    ]
    if entry.base_location is not None:
        problems += [
            FieldProblem(field="base_location", message=problem.message)
            for problem in _term_problems(taxonomy, "location", "base_location", [entry.base_location])
        ]
    if problems:
        raise ValidationProblem(problems)


def _refuse_lint(problems: list[LintProblem]) -> None:
    """422 naming the field and the rule of every lint problem (data/README.md lists the rules)."""
    if problems:
        raise ValidationProblem(
            [
                FieldProblem(field=p.field, message=f"Rule '{p.rule}' ({p.entity} '{p.slug}'): {p.message}")
                for p in problems
            ]
        )


def _lint_offer(session: Session, entry: OfferCreate, provider: Provider) -> None:
    door = None
    if not entry.signposting:
        door = session.exec(
            select(Offer.url).where(Offer.signposting, Offer.withdrawn_at.is_(None)).order_by(Offer.slug)  # type: ignore[union-attr]
        ).first()
    _refuse_lint(lint_offer(entry, provider_website=provider.website, front_door_url=door))


def _slug_matches(path_slug: str, body_slug: str) -> None:
    if path_slug != body_slug:
        raise ValidationProblem(
            [
                FieldProblem(
                    field="slug",
                    message=f"The body's slug '{body_slug}' differs from the URL's '{path_slug}'. Slugs are public "
                    "and never change: create a new record and withdraw this one instead.",
                )
            ]
        )


# ---- writing ----------------------------------------------------------------------------------------------------


def _compare_and_swap(session: Session, row: Offer | Provider, values: Mapping[str, Any], entity_type: str) -> None:
    """Write the values only if the row still has the version read; 412 otherwise (someone else won)."""
    model = type(row)
    result = session.execute(
        update(model)
        .where(model.id == row.id, model.version == row.version)  # type: ignore[arg-type]
        .values(**values, version=row.version + 1, updated_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        session.refresh(row)
        stale_for(entity_type, row.slug, row.version)
    session.refresh(row)


def _written(
    session: Session,
    actor: Actor,
    action: str,
    entity_type: str,
    slug: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> None:
    bump_stamp(session)
    record_event(
        session=session,
        actor=actor,
        action=action,
        entity_type=entity_type,  # type: ignore[arg-type]
        entity_slug=slug,
        before=before,
        after=after,
    )


def _not_withdrawn(entity_type: str, row: Offer | Provider) -> None:
    if row.withdrawn_at is not None:
        raise Conflict(
            f"The {entity_type} '{row.slug}' is withdrawn. POST /v1/admin/{entity_type}s/{row.slug}/restore "
            "to bring it back before changing it."
        )


def create_offer(*, session: Session, entry: OfferCreate, actor: Actor) -> OfferRecord:
    """Add an offer (409 when the slug is taken, 422 naming each unknown reference)."""
    lock_for_write(session)
    existing = session.exec(select(Offer).where(Offer.slug == entry.slug)).first()
    if existing is not None:
        hint = " by a withdrawn offer; restore it instead" if existing.withdrawn_at is not None else ""
        raise Conflict(f"The slug '{entry.slug}' is already used{hint}.")
    taxonomy = load_taxonomy_from_db(session)
    provider = _checked_offer_provider(session, entry, taxonomy)
    assert provider.id is not None
    _lint_offer(session, entry, provider)
    now = utcnow()
    row = Offer(
        **offer_values(entry, provider_id=provider.id, taxonomy=taxonomy), version=1, created_at=now, updated_at=now
    )
    session.add(row)
    session.flush()
    record = _offer_record(session, row)
    _written(session, actor, "create", "offer", entry.slug, None, record.entry.model_dump(mode="json"))
    return record


def _change_offer(
    session: Session, row: Offer, data: Mapping[str, Any], precondition: Precondition, actor: Actor, action: str
) -> OfferRecord:
    check_precondition(precondition, "offer", row.slug, row.version)
    entry: OfferCreate = _validated(OfferCreate, data)
    taxonomy = load_taxonomy_from_db(session)
    provider = _checked_offer_provider(session, entry, taxonomy)
    assert provider.id is not None
    _lint_offer(session, entry, provider)
    before = offer_entry(row, _provider_slug(session, row.provider_id)).model_dump(mode="json")
    values = offer_values(entry, provider_id=provider.id, taxonomy=taxonomy)
    values.pop("slug")
    _compare_and_swap(session, row, values, "offer")
    record = _offer_record(session, row)
    _written(session, actor, action, "offer", row.slug, before, record.entry.model_dump(mode="json"))
    return record


def replace_offer(
    *, session: Session, slug: str, entry: OfferCreate, precondition: Precondition, actor: Actor
) -> OfferRecord:
    """Replace an offer wholesale (PUT): the body is the full curated-file form."""
    _slug_matches(slug, entry.slug)
    lock_for_write(session)
    row = _offer_row(session, slug)
    _not_withdrawn("offer", row)
    return _change_offer(session, row, entry.model_dump(), precondition, actor, "replace")


def patch_offer(
    *,
    session: Session,
    slug: str,
    changes: OfferUpdate,
    precondition: Precondition,
    actor: Actor,
    action: str = "update",
) -> OfferRecord:
    """Change the fields sent (PATCH); the result is validated as a whole, like a new entry."""
    lock_for_write(session)
    row = _offer_row(session, slug)
    _not_withdrawn("offer", row)
    data = offer_entry(row, _provider_slug(session, row.provider_id)).model_dump()
    data.update(changes.model_dump(exclude_unset=True))
    return _change_offer(session, row, data, precondition, actor, action)


def verify_offer(
    *, session: Session, slug: str, verified_at: datetime | None, precondition: Precondition, actor: Actor
) -> OfferRecord:
    """Record that a curator checked the offer against its source (now, unless a time is given)."""
    changes = OfferUpdate(last_verified_at=verified_at or utcnow())
    return patch_offer(
        session=session, slug=slug, changes=changes, precondition=precondition, actor=actor, action="verify"
    )


def withdraw_offer(*, session: Session, slug: str, precondition: Precondition, actor: Actor) -> OfferRecord:
    """Withdraw an offer: kept (soft delete), hidden from lists and the matcher; its public page answers 410."""
    lock_for_write(session)
    row = _offer_row(session, slug)
    _not_withdrawn("offer", row)
    check_precondition(precondition, "offer", slug, row.version)
    before = _offer_record(session, row).entry.model_dump(mode="json")
    _compare_and_swap(session, row, {"withdrawn_at": utcnow()}, "offer")
    record = _offer_record(session, row)
    _written(session, actor, "withdraw", "offer", slug, before, None)
    return record


def restore_offer(*, session: Session, slug: str, precondition: Precondition, actor: Actor) -> OfferRecord:
    """Bring a withdrawn offer back (its provider must not be withdrawn)."""
    lock_for_write(session)
    row = _offer_row(session, slug)
    check_precondition(precondition, "offer", slug, row.version)
    if row.withdrawn_at is None:
        raise Conflict(f"The offer '{slug}' is not withdrawn.")
    provider = session.get(Provider, row.provider_id)
    if provider is not None and provider.withdrawn_at is not None:
        raise Conflict(f"Restore the provider '{provider.slug}' first: it is withdrawn.")
    _compare_and_swap(session, row, {"withdrawn_at": None}, "offer")
    record = _offer_record(session, row)
    _written(session, actor, "restore", "offer", slug, None, record.entry.model_dump(mode="json"))
    return record


def create_provider(*, session: Session, entry: ProviderCreate, actor: Actor) -> ProviderRecord:
    """Add a provider (409 when the slug is taken, 422 naming an unknown kind or location)."""
    lock_for_write(session)
    existing = session.exec(select(Provider).where(Provider.slug == entry.slug)).first()
    if existing is not None:
        hint = " by a withdrawn provider; restore it instead" if existing.withdrawn_at is not None else ""
        raise Conflict(f"The slug '{entry.slug}' is already used{hint}.")
    _check_provider_terms(entry, load_taxonomy_from_db(session))
    _refuse_lint(lint_provider(entry))
    now = utcnow()
    row = Provider(**provider_values(entry), version=1, created_at=now, updated_at=now)
    session.add(row)
    session.flush()
    record = _provider_record(session, row)
    _written(session, actor, "create", "provider", entry.slug, None, record.entry.model_dump(mode="json"))
    return record


def _change_provider(
    session: Session, row: Provider, data: Mapping[str, Any], precondition: Precondition, actor: Actor, action: str
) -> ProviderRecord:
    check_precondition(precondition, "provider", row.slug, row.version)
    entry: ProviderCreate = _validated(ProviderCreate, data)
    _check_provider_terms(entry, load_taxonomy_from_db(session))
    _refuse_lint(lint_provider(entry))
    before = provider_entry(row).model_dump(mode="json")
    values = provider_values(entry)
    values.pop("slug")
    _compare_and_swap(session, row, values, "provider")
    record = _provider_record(session, row)
    _written(session, actor, action, "provider", row.slug, before, record.entry.model_dump(mode="json"))
    return record


def replace_provider(
    *, session: Session, slug: str, entry: ProviderCreate, precondition: Precondition, actor: Actor
) -> ProviderRecord:
    """Replace a provider wholesale (PUT)."""
    _slug_matches(slug, entry.slug)
    lock_for_write(session)
    row = _provider_row(session, slug)
    _not_withdrawn("provider", row)
    return _change_provider(session, row, entry.model_dump(), precondition, actor, "replace")


def patch_provider(
    *, session: Session, slug: str, changes: ProviderUpdate, precondition: Precondition, actor: Actor
) -> ProviderRecord:
    """Change the fields sent (PATCH)."""
    lock_for_write(session)
    row = _provider_row(session, slug)
    _not_withdrawn("provider", row)
    data = provider_entry(row).model_dump()
    data.update(changes.model_dump(exclude_unset=True))
    return _change_provider(session, row, data, precondition, actor, "update")


def withdraw_provider(*, session: Session, slug: str, precondition: Precondition, actor: Actor) -> ProviderRecord:
    """Withdraw a provider with no live offers (409 naming them otherwise, so nothing disappears by accident)."""
    lock_for_write(session)
    row = _provider_row(session, slug)
    _not_withdrawn("provider", row)
    check_precondition(precondition, "provider", slug, row.version)
    live = _live_offer_slugs(session, row.id)
    if live:
        raise Conflict(f"The provider '{slug}' still has live offers ({', '.join(live)}); withdraw them first.")
    before = provider_entry(row).model_dump(mode="json")
    _compare_and_swap(session, row, {"withdrawn_at": utcnow()}, "provider")
    record = _provider_record(session, row)
    _written(session, actor, "withdraw", "provider", slug, before, None)
    return record


def restore_provider(*, session: Session, slug: str, precondition: Precondition, actor: Actor) -> ProviderRecord:
    """Bring a withdrawn provider back (its offers stay withdrawn until restored one by one)."""
    lock_for_write(session)
    row = _provider_row(session, slug)
    check_precondition(precondition, "provider", slug, row.version)
    if row.withdrawn_at is None:
        raise Conflict(f"The provider '{slug}' is not withdrawn.")
    _compare_and_swap(session, row, {"withdrawn_at": None}, "provider")
    record = _provider_record(session, row)
    _written(session, actor, "restore", "provider", slug, None, record.entry.model_dump(mode="json"))
    return record


def add_need(*, session: Session, need: NeedCreate, actor: Actor) -> NeedCreated:
    """Add a child term under a top-level need (409 when the slug is taken, 422 for a parent that is not top-level)."""
    lock_for_write(session)
    terms = {row.slug: row for row in session.exec(select(TaxonomyTerm).where(TaxonomyTerm.vocabulary == "need"))}
    if need.slug in terms:
        raise Conflict(f"The need '{need.slug}' already exists.")
    parent = terms.get(need.parent)
    if parent is None or parent.parent_slug is not None:
        top_level = sorted(slug for slug, row in terms.items() if row.parent_slug is None)
        raise ValidationProblem(
            [
                FieldProblem(
                    field="parent",
                    message=f"'{need.parent}' is not a top-level need. Valid values: {', '.join(top_level)}.",
                )
            ]
        )
    position = session.exec(select(func.max(TaxonomyTerm.position)).where(TaxonomyTerm.vocabulary == "need")).one()
    now = utcnow()
    session.add(
        TaxonomyTerm(
            vocabulary="need",
            slug=need.slug,
            name=need.name,
            parent_slug=need.parent,
            position=int(position or 0) + 1,
            attributes={},
            source="curator",
            created_at=now,
            updated_at=now,
        )
    )
    session.flush()
    created = NeedCreated(slug=need.slug, name=need.name, parent=need.parent, source="curator")
    _written(session, actor, "create", "need", need.slug, None, created.model_dump(mode="json"))
    return created
