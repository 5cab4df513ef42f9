"""The ruleset: weights, thresholds and rule switches, validated from a plain mapping."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from app.matching.datafile import section
from app.matching.datafile import version as datafile_version
from app.matching.vocabulary import Vocabulary

COMPONENTS = ("need", "stage", "keywords", "sector", "audience", "local")
"""The soft score components, in the order they are reported."""

TEXT_FIELDS = ("name", "summary", "description", "keywords")
"""The offer fields searched by keyword, each with its own weight."""


@dataclass(frozen=True)
class Weights:
    """How much each score component counts; only components the request uses are counted."""

    need: float
    stage: float
    keywords: float
    sector: float
    audience: float
    local: float

    def of(self, component: str) -> float:
        """The weight of one component by name."""
        return float(getattr(self, component))


@dataclass(frozen=True)
class NeedRules:
    """How need fit is scored."""

    parent_fraction: float
    breadth: float

    @property
    def tier_gap(self) -> float:
        """The smallest need-score gap between a full match, a parent-level match and no match."""
        return min(1.0 - self.breadth - self.parent_fraction, self.parent_fraction * (1.0 - self.breadth))


@dataclass(frozen=True)
class StageRules:
    """How stage fit is scored, and the optional stage gate."""

    next_fraction: float
    ahead_decay: float
    behind_fraction: float
    max_stage_gap: int | None


@dataclass(frozen=True)
class KeywordRules:
    """BM25 parameters and per-field weights for keyword relevance."""

    k1: float
    b: float
    field_weights: tuple[tuple[str, float], ...]


@dataclass(frozen=True)
class DiversityRules:
    """How the top of the list is spread across needs and providers."""

    need_window: int
    max_per_provider: int


@dataclass(frozen=True)
class ResultRules:
    """Result thresholds and the size of the candidate pool diversity works on."""

    min_score: float
    candidate_pool: int


@dataclass(frozen=True)
class FocusRules:
    """How an offer's focus (its sectors, organisation types and locations) counts: a soft preference."""

    open_fraction: float
    """Score of an offer open to all, between one focused on you (1) and one focused elsewhere (0)."""


@dataclass(frozen=True)
class PathwayRules:
    """The route ahead: the needs innovators typically have at each stage (data, not code)."""

    typical_needs: Mapping[int, tuple[str, ...]]
    source: str
    """Where the table comes from: a seed file name, or `curator`."""

    def check(self, vocabulary: Vocabulary) -> None:
        """Raise ValueError unless every stage is a pathway stage and every need a known need."""
        for stage, needs in self.typical_needs.items():
            if stage not in vocabulary.stage_by_number:
                raise ValueError(f"rules: 'pathway.typical_needs' names stage {stage}, not a pathway stage")
            for need in needs:
                if need not in vocabulary.need_names:
                    raise ValueError(
                        f"rules: 'pathway.typical_needs.{stage}' names unknown need '{need}'; "
                        f"valid values: {', '.join(vocabulary.need_names)}"
                    )


@dataclass(frozen=True)
class Rules:
    """A complete, validated ruleset."""

    version: str
    weights: Weights
    needs: NeedRules
    stages: StageRules
    keywords: KeywordRules
    focus: FocusRules
    diversity: DiversityRules
    results: ResultRules
    pathway: PathwayRules

    @classmethod
    def from_mapping(cls, data: Mapping[str, object]) -> Rules:
        """Validate a parsed rules.yaml mapping; raise ValueError naming the first bad key."""
        top = section(
            "rules",
            data,
            "",
            ("version", "weights", "needs", "stages", "keywords", "focus", "diversity", "results", "pathway"),
        )
        version = datafile_version("rules", top)
        weights = _weights(top["weights"])
        needs = _needs(top["needs"], weights)
        stages = _stages(top["stages"])
        keywords = _keywords(top["keywords"])
        raw_focus = section("rules", top["focus"], "focus", ("open_fraction",))
        focus = FocusRules(open_fraction=_fraction(raw_focus["open_fraction"], "focus.open_fraction"))
        pathway = _pathway(top["pathway"])
        raw_diversity = section("rules", top["diversity"], "diversity", ("need_window", "max_per_provider"))
        diversity = DiversityRules(
            need_window=_integer(raw_diversity["need_window"], "diversity.need_window", minimum=0),
            max_per_provider=_integer(raw_diversity["max_per_provider"], "diversity.max_per_provider", minimum=0),
        )
        raw_results = section("rules", top["results"], "results", ("min_score", "candidate_pool"))
        results = ResultRules(
            min_score=_fraction(raw_results["min_score"], "results.min_score"),
            candidate_pool=_integer(raw_results["candidate_pool"], "results.candidate_pool", minimum=1),
        )
        return cls(
            version=version,
            weights=weights,
            needs=needs,
            stages=stages,
            keywords=keywords,
            focus=focus,
            diversity=diversity,
            results=results,
            pathway=pathway,
        )


def _weights(value: object) -> Weights:
    raw = section("rules", value, "weights", COMPONENTS)
    return Weights(**{name: _number(raw[name], f"weights.{name}") for name in COMPONENTS})


def _needs(value: object, weights: Weights) -> NeedRules:
    """The need rules, checked against the weights: a better need fit must always rank higher."""
    raw = section("rules", value, "needs", ("parent_fraction", "breadth"))
    needs = NeedRules(
        parent_fraction=_fraction(raw["parent_fraction"], "needs.parent_fraction"),
        breadth=_fraction(raw["breadth"], "needs.breadth"),
    )
    if needs.tier_gap <= 0:
        raise ValueError(
            "rules: 'needs.parent_fraction' plus 'needs.breadth' must stay below 1 "
            "so that a full need match always scores above a parent-level one"
        )
    others = sum(weights.of(name) for name in COMPONENTS if name != "need")
    if weights.need * needs.tier_gap <= others:
        raise ValueError(
            f"rules: 'weights.need' ({weights.need}) is too small: it must exceed "
            f"{others / needs.tier_gap:.4g} (the other weights, {others:.4g}, divided by the need tier gap "
            f"{needs.tier_gap:.4g}) so that a better need fit always ranks higher whatever the other components"
        )
    return needs


def _stages(value: object) -> StageRules:
    raw = section("rules", value, "stages", ("next_fraction", "ahead_decay", "behind_fraction", "max_stage_gap"))
    gap = raw["max_stage_gap"]
    return StageRules(
        next_fraction=_fraction(raw["next_fraction"], "stages.next_fraction"),
        ahead_decay=_fraction(raw["ahead_decay"], "stages.ahead_decay"),
        behind_fraction=_fraction(raw["behind_fraction"], "stages.behind_fraction"),
        max_stage_gap=None if gap is None else _integer(gap, "stages.max_stage_gap", minimum=0),
    )


def _keywords(value: object) -> KeywordRules:
    raw = section("rules", value, "keywords", ("k1", "b", "field_weights"))
    raw_fields = section("rules", raw["field_weights"], "keywords.field_weights", TEXT_FIELDS)
    keywords = KeywordRules(
        k1=_number(raw["k1"], "keywords.k1"),
        b=_fraction(raw["b"], "keywords.b"),
        field_weights=tuple(
            (name, _number(raw_fields[name], f"keywords.field_weights.{name}")) for name in TEXT_FIELDS
        ),
    )
    if all(weight == 0 for _, weight in keywords.field_weights):
        raise ValueError("rules: 'keywords.field_weights' must give at least one field a positive weight")
    return keywords


def _pathway(value: object) -> PathwayRules:
    raw = section("rules", value, "pathway", ("source", "typical_needs"))
    source = raw["source"]
    if not isinstance(source, str) or not source.strip():
        raise ValueError("rules: 'pathway.source' must name a seed file or say 'curator'")
    raw_typical = raw["typical_needs"]
    if not isinstance(raw_typical, Mapping):
        raise ValueError("rules: 'pathway.typical_needs' must map stage numbers to lists of need slugs")
    typical: dict[int, tuple[str, ...]] = {}
    for stage, slugs in raw_typical.items():
        number = _integer(stage, "pathway.typical_needs (a stage number)", minimum=1)
        if not isinstance(slugs, list) or not all(isinstance(slug, str) and slug for slug in slugs):
            raise ValueError(f"rules: 'pathway.typical_needs.{number}' must be a list of need slugs")
        typical[number] = tuple(dict.fromkeys(slugs))
    return PathwayRules(typical_needs=typical, source=source.strip())


def _number(value: object, path: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0 or value != value:
        raise ValueError(f"rules: '{path}' must be a number >= 0, got {value!r}")
    return float(value)


def _fraction(value: object, path: str) -> float:
    number = _number(value, path)
    if number > 1:
        raise ValueError(f"rules: '{path}' must be between 0 and 1, got {value!r}")
    return number


def _integer(value: object, path: str, *, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise ValueError(f"rules: '{path}' must be an integer >= {minimum}, got {value!r}")
    return value
