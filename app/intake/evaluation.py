"""Scoring intake answers against golden descriptions: stage inside the band, needs recall and precision, top 5."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from app.matching import Vocabulary


@dataclass(frozen=True)
class Golden:
    """One golden description: the judgement written from the seeds before the reader existed."""

    id: str
    description: str
    stage: tuple[int, int] | None
    needs: tuple[str, ...]
    top5: str
    held_out: bool = False
    """Written before the code ran on it and never tuned on: reported apart, as the figure for new wording."""

    @classmethod
    def from_mapping(cls, row: Mapping[str, object]) -> Golden:
        """One entry of data/golden_descriptions.yaml."""
        stage = row.get("stage")
        needs = row.get("needs") or []
        assert stage is None or (isinstance(stage, list) and len(stage) == 2), row
        assert isinstance(needs, list), row
        return cls(
            id=str(row["id"]),
            description=str(row["description"]),
            stage=None if stage is None else (int(stage[0]), int(stage[1])),
            needs=tuple(str(n) for n in needs),
            top5=str(row["top5"]),
            held_out=bool(row.get("held_out", False)),
        )


@dataclass(frozen=True)
class Scored:
    """How one intake answer did against its golden description."""

    golden: Golden
    stages: tuple[int, ...]
    needs: tuple[str, ...]
    stage_ok: bool
    needs_found: int
    needs_right: int
    top5_rank: int | None

    @property
    def recall(self) -> float | None:
        """Share of the expected needs the answer found (None when none were expected)."""
        return self.needs_found / len(self.golden.needs) if self.golden.needs else None

    @property
    def precision(self) -> float | None:
        """Share of the inferred needs that were expected (None when none were inferred)."""
        return self.needs_right / len(self.needs) if self.needs else None


def related(a: str, b: str, vocabulary: Vocabulary) -> bool:
    """The same need, or one the other's parent: asking for either finds the other's offers."""
    parents = vocabulary.need_parents
    return a == b or parents.get(a) == b or parents.get(b) == a


def score(
    golden: Golden,
    profile: Mapping[str, object],
    result_slugs: Sequence[str],
    vocabulary: Vocabulary,
) -> Scored:
    """Score one POST /v1/intake `profile` and its match's result slugs (in rank order) against `golden`."""
    stage, trl = profile.get("stage"), profile.get("trl")
    if isinstance(stage, int):
        stages: tuple[int, ...] = (stage,)
    elif isinstance(trl, int):
        stages = vocabulary.stages_for_trl(trl)
    else:
        stages = ()
    if golden.stage is None:
        stage_ok = not stages
    else:
        low, high = golden.stage
        stage_ok = bool(stages) and all(low <= s <= high for s in stages)
    raw_needs = profile.get("needs") or []
    needs = tuple(str(n) for n in raw_needs) if isinstance(raw_needs, list) else ()
    found = sum(any(related(e, n, vocabulary) for n in needs) for e in golden.needs)
    right = sum(any(related(n, e, vocabulary) for e in golden.needs) for n in needs)
    top = list(result_slugs[:5])
    rank = top.index(golden.top5) + 1 if golden.top5 in top else None
    return Scored(golden, stages, needs, stage_ok, found, right, rank)


@dataclass(frozen=True)
class Summary:
    """The figures over every golden description (needs pooled over all of them)."""

    count: int
    stage_accuracy: float
    needs_recall: float
    needs_precision: float
    top5_hit_rate: float


def summarise(scored: Sequence[Scored]) -> Summary:
    """Stage accuracy, pooled needs recall and precision, and the top-5 hit rate."""
    expected = sum(len(s.golden.needs) for s in scored)
    inferred = sum(len(s.needs) for s in scored)
    count = len(scored)
    return Summary(
        count=count,
        stage_accuracy=sum(s.stage_ok for s in scored) / count if count else 0.0,
        needs_recall=sum(s.needs_found for s in scored) / expected if expected else 0.0,
        needs_precision=sum(s.needs_right for s in scored) / inferred if inferred else 0.0,
        top5_hit_rate=sum(s.top5_rank is not None for s in scored) / count if count else 0.0,
    )
