"""Keys and sample entries for the tests of curators' writes."""

from __future__ import annotations

from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session

from app.services.editing.audit import Actor
from app.services.editing.auth import create_key, revoke_key


def issue_key(engine: Engine, name: str, role: str, *, revoked: bool = False) -> str:
    """Create a key in the database and return it (revoked at once if asked)."""
    with Session(engine) as session:
        key = create_key(session=session, name=name, role=role, actor=Actor("test"))
        if revoked:
            revoke_key(session=session, name=name, actor=Actor("test"))
        session.commit()
    return key.key


def bearer(key: str) -> dict[str, str]:
    """The Authorization header for a key."""
    return {"Authorization": f"Bearer {key}"}


def new_offer(slug: str = "delta-accelerator", **changes: Any) -> dict[str, Any]:
    """A valid new offer for the fixture catalogue (it passes the catalogue lint: next step, cited page, judgement)."""
    offer: dict[str, Any] = {
        "slug": slug,
        "name": "Delta digital accelerator",
        "provider": "beta-advisors",
        "summary": "A twelve-week accelerator for digital health start-ups.",
        "description": "Cohorts of digital health start-ups get mentoring, NHS introductions and regulatory advice.",
        "url": f"https://delta.example.org/{slug}",
        "contact_route": "Apply on the accelerator's page",
        "needs": ["regulatory-advice", "health-system-access"],
        "stages": [4, 5],
        "sectors": ["digital-health"],
        "kind": "programme",
        "cost": "free",
        "application": {"mode": "cohort", "next_deadline": "2027-03-01"},
        "keywords": ["accelerator", "cohort"],
        "provenance": {
            "source": "curator",
            "passage": "Test entry.",
            "pages": [{"url": f"https://delta.example.org/{slug}", "title": "Test page"}],
        },
        "curator_judgement": [
            "provider",
            "kind",
            "needs",
            "stages",
            "sectors",
            "cost",
            "status",
            "application",
            "contact_route",
        ],
    }
    offer.update(changes)
    return offer


def new_provider(slug: str = "delta-hub", **changes: Any) -> dict[str, Any]:
    """A valid new provider."""
    provider: dict[str, Any] = {
        "slug": slug,
        "name": "Delta Hub",
        "kind": "accelerator",
        "description": "An innovation hub in Leeds.",
        "website": "https://delta.example.org",
        "base_location": "leeds",
        "provenance": {
            "source": "curator",
            "passage": "Test entry.",
            "pages": [{"url": "https://delta.example.org", "title": "Test page"}],
        },
        "curator_judgement": ["kind", "base_location"],
    }
    provider.update(changes)
    return provider
