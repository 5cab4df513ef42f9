"""Feeding the pure matcher: rules from data/, vocabulary and offer records from the snapshot, one index per version."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from app.config import get_settings
from app.errors import FieldProblem, ServiceUnavailable, ValidationProblem
from app.matching import (
    CatalogueIndex,
    MatchOutcome,
    NormalisedProfile,
    OfferRecord,
    PathwayOutcome,
    Profile,
    ProfileError,
    Rules,
    Synonyms,
    Vocabulary,
    front_doors,
    match,
    normalise_profile,
    route_ahead,
)
from app.services.catalogue.taxonomy import Taxonomy
from app.services.exchange.curated_yaml import read_curated_yaml
from app.services.store.snapshot import CatalogueSnapshot


@lru_cache
def load_rules(path: Path) -> Rules:
    """The ruleset in a rules.yaml file (weights, thresholds, switches, version)."""
    return Rules.from_mapping(read_curated_yaml(path))


@lru_cache
def load_synonyms_data(path: Path) -> dict[str, object]:
    """The parsed synonyms.yaml (validated against the catalogue's vocabulary when the matcher index is built)."""
    data = read_curated_yaml(path)
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping")
    return data


def synonyms_for(vocabulary: Vocabulary) -> Synonyms:
    """The reviewed synonyms of data/synonyms.yaml, checked against `vocabulary`: an unknown need refuses."""
    path = get_settings().data_dir / "synonyms.yaml"
    try:
        return Synonyms.from_mapping(load_synonyms_data(path), vocabulary)
    except ValueError as error:
        raise ValueError(f"{path}: {error}") from error


def ruleset_version() -> str:
    """What a match answer depends on besides the catalogue: the rules' and the synonyms' versions."""
    return _current_ruleset()[2]


_current: tuple[Path, Rules, str] | None = None


def _current_ruleset() -> tuple[Path, Rules, str]:
    """The data directory, its rules and `ruleset_version()`, kept against the settings' data_dir object itself.

    Asked on every match, so nothing is joined, hashed or formatted per request; settings are cached, and replaced
    when tests override them, which starts a new entry.
    """
    global _current
    data_dir = get_settings().data_dir
    current = _current
    if current is None or current[0] is not data_dir:
        rules = load_rules(data_dir / "rules.yaml")
        version = load_synonyms_data(data_dir / "synonyms.yaml").get("version")
        current = (data_dir, rules, f"{rules.version}+synonyms.{version}")
        _current = current
    return current


def current_rules() -> Rules:
    """The ruleset the service runs with: data/rules.yaml (or NAVIGATOR_DATA_DIR's)."""
    return _current_ruleset()[1]


def vocabulary_of(taxonomy: Taxonomy) -> Vocabulary:
    """The matcher's view of the taxonomy."""
    return Vocabulary(
        stages=taxonomy.stages,
        needs=tuple((t.slug, t.parent, t.name) for t in taxonomy.of("need")),
        locations=tuple((t.slug, t.parent, t.name) for t in taxonomy.of("location")),
        sectors=tuple((t.slug, t.name) for t in taxonomy.of("sector")),
        organisation_types=tuple((t.slug, t.name) for t in taxonomy.of("organisation_type")),
    )


def offer_records(snapshot: CatalogueSnapshot) -> list[OfferRecord]:
    """Every live offer as the matcher's input record (closed offers included: the engine excludes them)."""
    records = []
    for offer in snapshot.offers:
        provider = snapshot.providers_by_slug[offer.provider.slug]
        records.append(
            OfferRecord(
                slug=offer.slug,
                name=offer.name,
                summary=offer.summary,
                description=offer.description,
                url=offer.url,
                provider_slug=provider.slug,
                provider_name=provider.name,
                provider_location=provider.base_location,
                needs=tuple(offer.needs),
                stages=tuple(offer.stages),
                trl_min=offer.trl_band[0],
                trl_max=offer.trl_band[1],
                sectors=tuple(offer.sectors),
                organisation_types=tuple(offer.organisation_types),
                locations=tuple(offer.locations),
                status=offer.status,
                kind=offer.kind,
                cost=offer.cost,
                keywords=tuple(offer.keywords),
                signposting=offer.signposting,
                restricted_sectors=tuple(offer.restrictions.sectors) if offer.restrictions else (),
                restricted_organisation_types=(
                    tuple(offer.restrictions.organisation_types) if offer.restrictions else ()
                ),
                restricted_locations=tuple(offer.restrictions.locations) if offer.restrictions else (),
            )
        )
    return records


def matcher_index(snapshot: CatalogueSnapshot, rules: Rules | None = None) -> CatalogueIndex:
    """The matcher's index for this catalogue version and ruleset, built once and then shared."""
    ruleset = rules or current_rules()

    def build(frozen: CatalogueSnapshot) -> CatalogueIndex:
        if not frozen.taxonomy.of("stage"):
            raise ServiceUnavailable(
                "The catalogue has not been loaded yet, so there is nothing to match. Try again shortly."
            )
        vocabulary = vocabulary_of(frozen.taxonomy)
        return CatalogueIndex.build(offer_records(frozen), vocabulary, ruleset, frozen.stamp, synonyms_for(vocabulary))

    return snapshot.derived(f"matcher-index:{ruleset.version}:{ruleset_version()}", build)


def _normalise(profile: Profile, index: CatalogueIndex) -> NormalisedProfile:
    try:
        return normalise_profile(profile, index.vocabulary, index.synonyms)
    except ProfileError as error:
        raise ValidationProblem([FieldProblem(field=e.field, message=e.message) for e in error.errors]) from error


def run_match(snapshot: CatalogueSnapshot, profile: Profile, *, explain: bool) -> MatchOutcome:
    """Rank offers for a profile; a profile the taxonomy rejects is a 422 naming each field.

    The one entry point of matching for the API (POST and GET /v1/match, and the guided intake).
    """
    index = matcher_index(snapshot)
    return match(index, _normalise(profile, index), explain=explain)


def run_pathway(snapshot: CatalogueSnapshot, profile: Profile, *, per_stage: int) -> PathwayOutcome:
    """The route ahead: best offers for the current stage and each later one."""
    index = matcher_index(snapshot)
    normalised = _normalise(profile, index)
    routes = route_ahead(index, normalised, per_stage=per_stage)
    return PathwayOutcome(
        normalised, index.ruleset_version, index.catalogue_version, routes, front_door=front_doors(index, normalised)
    )
