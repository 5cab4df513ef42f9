"""The public vocabulary the matcher speaks: stages, needs, locations, sectors and organisation types."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

Term = tuple[str, str | None, str]
"""A hierarchical term: (slug, parent slug or None, name)."""

Named = tuple[str, str]
"""A flat term: (slug, name)."""


@dataclass(frozen=True, slots=True)
class StageBand:
    """One stage of the seven-stage pathway with its default TRL band."""

    number: int
    slug: str
    name: str
    trl_min: int
    trl_max: int
    description: str = ""

    def contains_trl(self, trl: int) -> bool:
        """Whether this stage's TRL band includes `trl`."""
        return self.trl_min <= trl <= self.trl_max


@dataclass(frozen=True)
class Vocabulary:
    """The controlled vocabularies; lookups are derived once and cached on the instance."""

    stages: tuple[StageBand, ...]
    needs: tuple[Term, ...]
    locations: tuple[Term, ...]
    sectors: tuple[Named, ...]
    organisation_types: tuple[Named, ...]

    def __post_init__(self) -> None:
        numbers = [band.number for band in self.stages]
        if numbers != list(range(1, len(numbers) + 1)) or not numbers:
            raise ValueError(f"stages must be numbered 1..n in order, got {numbers}")
        for band in self.stages:
            if not 1 <= band.trl_min <= band.trl_max <= 9:
                raise ValueError(f"stage {band.number} has an invalid TRL band {band.trl_min}-{band.trl_max}")
        for label, terms in (("needs", self.needs), ("locations", self.locations)):
            slugs = [slug for slug, _, _ in terms]
            _require_unique(label, slugs)
            known = set(slugs)
            for slug, parent, _ in terms:
                if parent is not None and parent not in known:
                    raise ValueError(f"{label}: '{slug}' has unknown parent '{parent}'")
            _require_acyclic(label, {slug: parent for slug, parent, _ in terms})
        _require_unique("sectors", [slug for slug, _ in self.sectors])
        _require_unique("organisation_types", [slug for slug, _ in self.organisation_types])

    @classmethod
    def from_mapping(cls, taxonomy: Mapping[str, object]) -> Vocabulary:
        """Build from the parsed data/taxonomy.yaml mapping (the caller does the YAML parsing)."""
        stages = tuple(
            StageBand(
                number=_int(row, "number"),
                slug=_str(row, "slug"),
                name=_str(row, "name"),
                trl_min=_int(row, "trl_min"),
                trl_max=_int(row, "trl_max"),
            )
            for row in _rows(taxonomy, "stages")
        )
        needs: list[Term] = []
        for row in _rows(taxonomy, "needs"):
            parent = _str(row, "slug")
            needs.append((parent, None, _str(row, "name")))
            for child in _rows(row, "children"):
                needs.append((_str(child, "slug"), parent, _str(child, "name")))
        locations: list[Term] = []
        for row in _rows(taxonomy, "locations"):
            raw_parent = row.get("parent")
            if raw_parent is not None and not isinstance(raw_parent, str):
                raise ValueError(f"locations: parent of '{row.get('slug')}' must be a slug or null")
            locations.append((_str(row, "slug"), raw_parent, _str(row, "name")))
        return cls(
            stages=stages,
            needs=tuple(needs),
            locations=tuple(locations),
            sectors=tuple((_str(row, "slug"), _str(row, "name")) for row in _rows(taxonomy, "sectors")),
            organisation_types=tuple(
                (_str(row, "slug"), _str(row, "name")) for row in _rows(taxonomy, "organisation_types")
            ),
        )

    @cached_property
    def stage_by_number(self) -> dict[int, StageBand]:
        """Stage bands keyed by stage number."""
        return {band.number: band for band in self.stages}

    @property
    def last_stage(self) -> int:
        """The highest stage number (7 on the real pathway)."""
        return self.stages[-1].number

    def stages_for_trl(self, trl: int) -> tuple[int, ...]:
        """Every stage whose band contains `trl` (the bands overlap: TRL 2 is in stages 1 and 2)."""
        return tuple(band.number for band in self.stages if band.contains_trl(trl))

    @cached_property
    def need_names(self) -> dict[str, str]:
        """Need names keyed by slug."""
        return {slug: name for slug, _, name in self.needs}

    @cached_property
    def need_parents(self) -> dict[str, str | None]:
        """Each need's parent slug (None for top-level needs)."""
        return {slug: parent for slug, parent, _ in self.needs}

    @cached_property
    def need_descendants(self) -> dict[str, tuple[str, ...]]:
        """Each need's descendants (children, grandchildren...), in vocabulary order, excluding itself."""
        return _descendants(self.needs)

    @cached_property
    def need_ancestors(self) -> dict[str, tuple[str, ...]]:
        """Each need's ancestors, nearest first, excluding itself."""
        return {slug: _chain(slug, self.need_parents)[1:] for slug in self.need_parents}

    @cached_property
    def location_names(self) -> dict[str, str]:
        """Location names keyed by slug."""
        return {slug: name for slug, _, name in self.locations}

    @cached_property
    def location_parents(self) -> dict[str, str | None]:
        """Each location's parent slug (None for top-level locations)."""
        return {slug: parent for slug, parent, _ in self.locations}

    def location_chain(self, slug: str) -> tuple[str, ...]:
        """The location and every location enclosing it, nearest first (leeds -> ..., uk)."""
        return _chain(slug, self.location_parents)

    @cached_property
    def sector_names(self) -> dict[str, str]:
        """Sector names keyed by slug."""
        return dict(self.sectors)

    @cached_property
    def organisation_type_names(self) -> dict[str, str]:
        """Organisation type names keyed by slug."""
        return dict(self.organisation_types)


def unknown_terms(label: str, values: Iterable[str], valid: Collection[str]) -> list[tuple[int, str]]:
    """Each value that is not a slug of the vocabulary, by position, with the one message every layer sends.

    `label` names the vocabulary in words ("organisation type"); `valid` lists its slugs in display order. The
    message is always "Unknown <label> '<value>'. Valid values: <slugs>." so an API user, a curator loading files
    and an admin editor read the same words for the same mistake.
    """
    unknown = [(position, value) for position, value in enumerate(values) if value not in valid]
    if not unknown:
        return []  # the usual case, on every filtered request: no message to build
    listed = ", ".join(valid)
    return [(position, f"Unknown {label} '{value}'. Valid values: {listed}.") for position, value in unknown]


def _require_unique(label: str, slugs: Sequence[str]) -> None:
    seen: set[str] = set()
    for slug in slugs:
        if slug in seen:
            raise ValueError(f"{label}: duplicate slug '{slug}'")
        seen.add(slug)


def _require_acyclic(label: str, parents: Mapping[str, str | None]) -> None:
    for start in parents:
        seen = {start}
        parent = parents[start]
        while parent is not None:
            if parent in seen:
                raise ValueError(f"{label}: '{start}' is inside itself")
            seen.add(parent)
            parent = parents[parent]


def _chain(slug: str, parents: Mapping[str, str | None]) -> tuple[str, ...]:
    chain = [slug]
    parent = parents[slug]
    while parent is not None:
        chain.append(parent)
        parent = parents[parent]
    return tuple(chain)


def _descendants(terms: Sequence[Term]) -> dict[str, tuple[str, ...]]:
    parents = {slug: parent for slug, parent, _ in terms}
    found: dict[str, list[str]] = {slug: [] for slug in parents}
    for slug in parents:
        for ancestor in _chain(slug, parents)[1:]:
            found[ancestor].append(slug)
    return {slug: tuple(children) for slug, children in found.items()}


def _rows(mapping: Mapping[str, object], key: str) -> list[Mapping[str, object]]:
    value = mapping.get(key, [])
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(row, Mapping) for row in value):
        raise ValueError(f"taxonomy: '{key}' must be a list of mappings")
    return list(value)


def _str(row: Mapping[str, object], key: str) -> str:
    value = row.get(key)
    if not isinstance(value, str) or not value:
        raise ValueError(f"taxonomy: '{key}' must be a non-empty string in {dict(row)}")
    return value


def _int(row: Mapping[str, object], key: str) -> int:
    value = row.get(key)
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError(f"taxonomy: '{key}' must be an integer in {dict(row)}")
    return value
