"""What the matcher hands back: ranked offers with reasons, near misses and stage routes."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.matching.profile import NormalisedProfile
from app.matching.records import OfferRecord
from app.matching.vocabulary import StageBand


@dataclass(frozen=True)
class Reason:
    """One plain-English reason an offer was matched; `code` is stable, `text` is for people."""

    code: str
    text: str


@dataclass(frozen=True)
class ScoredOffer:
    """One result. `components` is filled only when explain=True: (component, score in [0, 1]) pairs."""

    rank: int
    score: float
    offer: OfferRecord
    reasons: tuple[Reason, ...]
    components: tuple[tuple[str, float], ...]
    forthcoming: bool


@dataclass(frozen=True)
class NearMiss:
    """An offer one hard filter kept out, that would otherwise have made the list."""

    offer: OfferRecord
    criterion: str
    hint: str
    score: float


@dataclass(frozen=True)
class FrontDoor:
    """A signposting service: where to go when none of the results fits; its reasons say what it points to."""

    offer: OfferRecord
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class Answer:
    """What every answer of the matcher carries: the profile as normalised, the versions it was computed against
    and the front doors to offer beside it."""

    profile: NormalisedProfile
    ruleset_version: str
    catalogue_version: str
    front_door: tuple[FrontDoor, ...] = field(default=(), kw_only=True)


@dataclass(frozen=True)
class MatchOutcome(Answer):
    """The full answer to one match request."""

    results: tuple[ScoredOffer, ...]
    near_misses: tuple[NearMiss, ...]


@dataclass(frozen=True)
class StageRoute:
    """The best offers at one stage of the road ahead."""

    stage: StageBand
    is_current: bool
    results: tuple[ScoredOffer, ...]
    note: str | None = None
    """Set when nothing in the catalogue serves this stage for the request."""


@dataclass(frozen=True)
class PathwayOutcome(Answer):
    """The route ahead for a profile."""

    routes: tuple[StageRoute, ...]
