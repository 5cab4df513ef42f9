"""The matcher's inputs: an offer from the catalogue and an innovator's profile as requested."""

from __future__ import annotations

from dataclasses import dataclass

OFFER_STATUSES = ("active", "forthcoming", "closed")


@dataclass(frozen=True)
class OfferRecord:
    """One support offer, flattened by the caller from the catalogue (slugs only, no ORM objects)."""

    slug: str
    name: str
    summary: str
    description: str
    url: str | None
    provider_slug: str
    provider_name: str
    provider_location: str | None
    needs: tuple[str, ...]
    stages: tuple[int, ...]
    trl_min: int
    trl_max: int
    sectors: tuple[str, ...]
    organisation_types: tuple[str, ...]
    locations: tuple[str, ...]
    status: str
    kind: str
    cost: str
    keywords: tuple[str, ...]
    signposting: bool = False
    """A front door pointing innovators to other support: never ranked, returned apart (MatchOutcome.front_door)."""
    restricted_sectors: tuple[str, ...] = ()
    """Real eligibility limits, where a source says so; `sectors`, `organisation_types` and `locations` above
    are only the offer's focus (a soft preference)."""
    restricted_organisation_types: tuple[str, ...] = ()
    restricted_locations: tuple[str, ...] = ()


@dataclass(frozen=True)
class Profile:
    """The match request as given (types already checked upstream, values not yet)."""

    stage: int | None = None
    trl: int | None = None
    needs: tuple[str, ...] = ()
    sector: str | None = None
    organisation_type: str | None = None
    location: str | None = None
    keywords: str | None = None
    limit: int = 10
