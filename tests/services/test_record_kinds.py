"""The generic writes: one function per action serves offers and providers alike, through their RecordKind."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from app.conditional import parse_if_match
from app.errors import Conflict, NotFound, ValidationProblem
from app.models import AuditEvent
from app.services.editing import writes
from app.services.editing.audit import Actor
from app.services.editing.kinds import OFFER, PROVIDER, RecordKind
from app.services.store.state import current_stamp
from tests.curators import new_offer, new_provider

ACTOR = Actor(key_name="kinds-test")
KINDS: list[tuple[RecordKind[Any, Any, Any], dict[str, Any]]] = [
    (OFFER, new_offer("kinds-offer")),
    (PROVIDER, new_provider("kinds-provider")),
]


def _precondition(kind: RecordKind[Any, Any, Any], record: Any, slug: str) -> Any:
    return parse_if_match(record.etag, kind.name, slug)


@pytest.mark.parametrize(("kind", "raw"), KINDS, ids=["offer", "provider"])
def test_one_lifecycle_serves_every_kind(fixture_db: Engine, kind: RecordKind[Any, Any, Any], raw: Any) -> None:
    slug = raw["slug"]
    with Session(fixture_db) as session:
        stamp = current_stamp(session)
        created = writes.create(kind, session=session, entry=kind.schema.model_validate(raw), actor=ACTOR)
        assert created.version == 1 and created.entry.slug == slug
        assert current_stamp(session) != stamp, "a write bumps the version stamp"
        # The record's entry is the curated-file form: sent back unchanged it replaces the record with itself.
        replaced = writes.replace(
            kind,
            session=session,
            slug=slug,
            entry=created.entry,
            precondition=_precondition(kind, created, slug),
            actor=ACTOR,
        )
        assert replaced.version == 2 and replaced.entry == created.entry
        withdrawn = writes.withdraw(
            kind, session=session, slug=slug, precondition=_precondition(kind, replaced, slug), actor=ACTOR
        )
        assert withdrawn.withdrawn_at is not None
        with pytest.raises(Conflict, match=f"The {kind.name} '{slug}' is withdrawn"):
            writes.patch(
                kind,
                session=session,
                slug=slug,
                changes=kind.schema.model_validate(raw),
                precondition=_precondition(kind, withdrawn, slug),
                actor=ACTOR,
            )
        restored = writes.restore(
            kind, session=session, slug=slug, precondition=_precondition(kind, withdrawn, slug), actor=ACTOR
        )
        assert restored.withdrawn_at is None and restored.version == 4
        actions = session.exec(
            select(AuditEvent.action).where(AuditEvent.entity_slug == slug).order_by(AuditEvent.id)  # type: ignore[arg-type]
        ).all()
        assert list(actions) == ["create", "replace", "withdraw", "restore"]
        with pytest.raises(Conflict, match=f"already used by a withdrawn {kind.name}|already used"):
            writes.create(kind, session=session, entry=kind.schema.model_validate(raw), actor=ACTOR)
        with pytest.raises(NotFound, match=f"There is no {kind.name} 'no-such-record'"):
            writes.get(kind, session=session, slug="no-such-record")


def test_each_kind_keeps_its_own_guards(fixture_db: Engine) -> None:
    with Session(fixture_db) as session:
        provider = writes.get(PROVIDER, session=session, slug="alpha-university")
        assert provider.live_offers, "the fixture provider has live offers"
        with pytest.raises(Conflict, match="still has live offers"):
            writes.withdraw(
                PROVIDER,
                session=session,
                slug="alpha-university",
                precondition=_precondition(PROVIDER, provider, "alpha-university"),
                actor=ACTOR,
            )
        bad = new_offer("kinds-bad", needs=["time-travel"], provider="no-such-provider")
        with pytest.raises(ValidationProblem) as caught:
            writes.create(OFFER, session=session, entry=OFFER.schema.model_validate(bad), actor=ACTOR)
        fields = {problem.field: problem.message for problem in caught.value.errors or []}
        assert fields["provider"].startswith("Unknown provider 'no-such-provider'")
        assert fields["needs[0]"].startswith("Unknown need 'time-travel'. Valid values: ")
