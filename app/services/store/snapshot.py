"""The read model: one immutable snapshot of the catalogue per version stamp, shared by every reader.

Each request reads the stamp (one single-row query); when another worker or host changed the catalogue,
the stamp differs and this process rebuilds its snapshot, so every worker serves the new data at once.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session, select

from app.models.catalogue import OfferPublic, ProviderPublic
from app.models.catalogue_tables import Offer, Provider
from app.services.catalogue.reads import offer_public, provider_public
from app.services.catalogue.taxonomy import Taxonomy
from app.services.exchange.loader import load_taxonomy_from_db
from app.services.store.state import catalogue_changes, current_stamp

Derived = TypeVar("Derived")
LIVE_STATUSES = ("active", "forthcoming")


@dataclass
class CatalogueSnapshot:
    """The whole public catalogue at one version: immutable once built."""

    stamp: str
    taxonomy: Taxonomy
    offers: tuple[OfferPublic, ...]
    providers: tuple[ProviderPublic, ...]
    withdrawn_offers: frozenset[str]
    withdrawn_providers: frozenset[str]
    _derived: dict[str, Any] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def __post_init__(self) -> None:
        self.offers_by_slug = {offer.slug: offer for offer in self.offers}
        self.providers_by_slug = {provider.slug: provider for provider in self.providers}

    def derived(self, name: str, build: Callable[[CatalogueSnapshot], Derived]) -> Derived:
        """A structure computed once per snapshot (the matcher index, search terms), built on first use."""
        if name in self._derived:  # built: no lock needed to read it (entries are only ever added)
            return self._derived[name]  # type: ignore[no-any-return]
        with self._lock:
            if name not in self._derived:
                self._derived[name] = build(self)
            return self._derived[name]  # type: ignore[no-any-return]


def build_snapshot(session: Session, stamp: str) -> CatalogueSnapshot:
    """Read the whole catalogue in one transaction and freeze it."""
    taxonomy = load_taxonomy_from_db(session)
    providers = {row.id: row for row in session.exec(select(Provider))}
    offer_rows = list(session.exec(select(Offer).order_by(Offer.slug)))
    live_offers = [
        row for row in offer_rows if row.withdrawn_at is None and providers[row.provider_id].withdrawn_at is None
    ]
    counts: dict[int, int] = {}
    for row in live_offers:
        if row.status in LIVE_STATUSES:
            counts[row.provider_id] = counts.get(row.provider_id, 0) + 1
    public_providers = sorted(
        (provider_public(row, counts.get(row.id or 0, 0)) for row in providers.values() if row.withdrawn_at is None),
        key=lambda p: (p.name.casefold(), p.slug),
    )
    return CatalogueSnapshot(
        stamp=stamp,
        taxonomy=taxonomy,
        offers=tuple(offer_public(row, providers[row.provider_id]) for row in live_offers),
        providers=tuple(public_providers),
        withdrawn_offers=frozenset(row.slug for row in offer_rows if row.withdrawn_at is not None),
        withdrawn_providers=frozenset(row.slug for row in providers.values() if row.withdrawn_at is not None),
    )


class SnapshotCache:
    """Holds the newest snapshot this process has built; rebuilds when the stamp moves.

    Readers may take the snapshot without asking the database again for `max_age` seconds after it was last
    checked (`fresh`); a commit in this process that changed the catalogue marks it stale at once, so this
    process always reads its own writes and other processes see them within `max_age`.
    """

    def __init__(self) -> None:
        self._snapshot: CatalogueSnapshot | None = None
        self._checked_at = float("-inf")
        self._confirmed_at = float("-inf")
        self._confirmed_generation = -1
        self._lock = threading.Lock()
        self.generation = 0
        """Bumped by mark_stale: a check started before a local write cannot answer readers after it."""
        self.failed_at: float | None = None
        """When the last check failed, if no check has succeeded since (the database is unreachable)."""

    def get(self, session: Session, *, on_stamp: Callable[[], None] | None = None) -> CatalogueSnapshot:
        """The snapshot for the catalogue version this session sees (always asks the database for the stamp).

        A check that overlapped a write in this process (mark_stale) answers its caller but is not kept:
        what it read may predate the write, and readers after the write must see it.
        """
        generation = self.generation
        checked_at = time.monotonic()
        try:
            stamp = current_stamp(session)
            if on_stamp is not None:
                on_stamp()
            snapshot = self._snapshot
            if snapshot is None or snapshot.stamp != stamp:
                with self._lock:
                    snapshot = self._snapshot
                    if snapshot is None or snapshot.stamp != stamp:
                        snapshot = build_snapshot(session, stamp)
                        if generation == self.generation:
                            self._snapshot = snapshot
        except SQLAlchemyError:
            self.failed_at = time.monotonic()
            raise
        self.failed_at = None
        if generation == self.generation:
            self._checked_at = max(self._checked_at, checked_at)
            self._confirmed_at = max(self._confirmed_at, checked_at)
            self._confirmed_generation = generation
        return snapshot

    def fresh(self, max_age: float) -> CatalogueSnapshot | None:
        """The snapshot if it was checked against the database at most `max_age` seconds ago, else None."""
        snapshot = self._snapshot
        if snapshot is not None and time.monotonic() - self._checked_at <= max_age:
            return snapshot
        return None

    def stale(self, max_age: float) -> tuple[CatalogueSnapshot, float] | None:
        """The snapshot and its age if it was last confirmed current at most `max_age` seconds ago, else None.

        For answering while the database cannot be reached: what the catalogue was a little while ago. Never
        after a write in this process since that confirmation (the snapshot is then known to be out of date).
        """
        snapshot = self._snapshot
        age = time.monotonic() - self._confirmed_at
        if snapshot is not None and age <= max_age and self._confirmed_generation == self.generation:
            return snapshot, age
        return None

    def mark_stale(self) -> None:
        """The catalogue changed: the next reader checks the database."""
        self.generation += 1
        self._checked_at = float("-inf")

    def latest(self) -> CatalogueSnapshot | None:
        """The newest snapshot built in this process, without touching the database (None before the first)."""
        return self._snapshot

    def clear(self) -> None:
        """Forget the snapshot (tests that swap databases)."""
        with self._lock:
            self._snapshot = None
            self._checked_at = self._confirmed_at = float("-inf")
            self.failed_at = None


snapshot_cache = SnapshotCache()
# A committed write in this process (state.bump_stamp) marks the snapshot stale: this process reads it at once.
catalogue_changes.subscribe(snapshot_cache.mark_stale)
