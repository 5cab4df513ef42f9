"""Rules-based matching of innovator profiles to support offers: pure, deterministic, explainable."""

from app.matching.engine import considered_needs, front_doors, match, route_ahead
from app.matching.index import CatalogueIndex
from app.matching.outcome import FrontDoor, MatchOutcome, NearMiss, PathwayOutcome, Reason, ScoredOffer, StageRoute
from app.matching.profile import FieldError, NormalisedProfile, ProfileError, normalise_profile
from app.matching.records import OfferRecord, Profile
from app.matching.rules import Rules
from app.matching.synonyms import Synonyms
from app.matching.vocabulary import StageBand, Vocabulary

__all__ = [
    "CatalogueIndex",
    "FieldError",
    "FrontDoor",
    "MatchOutcome",
    "NearMiss",
    "NormalisedProfile",
    "OfferRecord",
    "PathwayOutcome",
    "Profile",
    "ProfileError",
    "Reason",
    "Rules",
    "ScoredOffer",
    "StageBand",
    "StageRoute",
    "Synonyms",
    "Vocabulary",
    "considered_needs",
    "front_doors",
    "match",
    "normalise_profile",
    "route_ahead",
]
