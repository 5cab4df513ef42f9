"""What an answer or a cue implies about the profile, and its check against the vocabulary at load."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from app.matching import Vocabulary
from app.matching.datafile import section as _section
from app.matching.vocabulary import unknown_terms


def section(
    value: object, path: str, keys: Sequence[str], *, required: Sequence[str] | None = None
) -> Mapping[str, object]:
    """A section of intake.yaml: the reviewed data files' one check (app.matching.datafile.section), file `intake`."""
    return _section("intake", value, path, keys, required=required)


LAYERS = ("stage", "needs", "organisation_type", "location", "sector")
"""Cues are read in layers named after the first of these fields they imply."""


@dataclass(frozen=True)
class Implication:
    """What an answer or a cue implies about the profile, and the plain sentence that says why."""

    because: str
    stage: int | None = None
    trl: tuple[int, int] | None = None
    needs: tuple[str, ...] = ()
    by_stage: tuple[tuple[int, int, tuple[str, ...]], ...] = ()
    """(low, high, needs): these needs replace `needs` when the profile's final stage is in low..high."""
    organisation_type: str | None = None
    location: str | None = None
    sector: str | None = None
    ask: str | None = None
    """A follow-up key to add when this implication decides the stage (e.g. `tested`)."""

    def needs_at(self, stage: int | None) -> tuple[str, ...]:
        """The needs implied, given the profile's final stage (None: not known)."""
        if stage is not None:
            for low, high, needs in self.by_stage:
                if low <= stage <= high:
                    return needs
        return self.needs

    @property
    def fields(self) -> tuple[str, ...]:
        """The profile fields this implication sets, in LAYERS order."""
        found = []
        if self.stage is not None:
            found.append("stage")
        if self.needs or self.by_stage:
            found.append("needs")
        found.extend(name for name in LAYERS[2:] if getattr(self, name) is not None)
        return tuple(found)


class Checker:
    """Checks implied terms against the vocabulary, with messages naming the valid values."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary

    def implication(self, raw: object, where: str, *, allow_trl: bool, allow_ask: bool) -> Implication:
        keys = ["because", "stage", "needs", "by_stage", "organisation_type", "location", "sector"]
        if allow_trl:
            keys.append("trl")
        if allow_ask:
            keys.append("ask")
        row = section(raw, where, tuple(keys), required=())
        because = row.get("because")
        if not isinstance(because, str) or not because.strip():
            raise ValueError(f"intake: {where}: 'because' must be a plain sentence")
        stage = row.get("stage")
        if stage is not None and (
            isinstance(stage, bool) or not isinstance(stage, int) or stage not in self.vocabulary.stage_by_number
        ):
            raise ValueError(f"intake: {where}: unknown stage {stage!r}; valid stages: {self._stages()}")
        trl = self._trl(row.get("trl"), stage, where)
        needs = self.needs(row.get("needs"), f"{where}.needs")
        by_stage = self._by_stage(row.get("by_stage"), where)
        values: dict[str, str | None] = dict.fromkeys(("organisation_type", "location", "sector"))
        for name, known in (
            ("organisation_type", self.vocabulary.organisation_type_names),
            ("location", self.vocabulary.location_names),
            ("sector", self.vocabulary.sector_names),
        ):
            value = row.get(name)
            if value is not None:
                values[name] = _term(name.replace("_", " "), value, known, where)
        ask = row.get("ask")
        if ask is not None and not isinstance(ask, str):
            raise ValueError(f"intake: {where}: 'ask' must be a follow_up key")
        return Implication(
            because=because.strip(),
            stage=stage,
            trl=trl,
            needs=needs,
            by_stage=by_stage,
            organisation_type=values["organisation_type"],
            location=values["location"],
            sector=values["sector"],
            ask=ask,
        )

    def _stages(self) -> str:
        return ", ".join(str(band.number) for band in self.vocabulary.stages)

    def _trl(self, raw: object, stage: object, where: str) -> tuple[int, int] | None:
        if raw is None:
            return None
        if (
            not isinstance(raw, list)
            or len(raw) != 2
            or not all(isinstance(v, int) and not isinstance(v, bool) for v in raw)
            or not 1 <= raw[0] <= raw[1] <= 9
        ):
            raise ValueError(f"intake: {where}: 'trl' must be a band [low, high] of TRLs 1-9, got {raw!r}")
        if not isinstance(stage, int):
            raise ValueError(f"intake: {where}: a 'trl' band needs the 'stage' it belongs to")
        band = self.vocabulary.stage_by_number[stage]
        if not band.trl_min <= raw[0] <= raw[1] <= band.trl_max:
            raise ValueError(
                f"intake: {where}: TRL {raw[0]}-{raw[1]} is outside stage {stage}'s band {band.trl_min}-{band.trl_max}"
            )
        return (raw[0], raw[1])

    def needs(self, raw: object, where: str) -> tuple[str, ...]:
        """A list of need slugs, each known (none when `raw` is None)."""
        if raw is None:
            return ()
        if not isinstance(raw, list):
            raise ValueError(f"intake: {where} must be a list of need slugs")
        return tuple(dict.fromkeys(_term("need", need, self.vocabulary.need_names, where) for need in raw))

    def _by_stage(self, raw: object, where: str) -> tuple[tuple[int, int, tuple[str, ...]], ...]:
        if raw is None:
            return ()
        if not isinstance(raw, list):
            raise ValueError(f"intake: {where}.by_stage must be a list of {{stages: [low, high], needs: [...]}}")
        found = []
        for i, entry in enumerate(raw):
            row = section(entry, f"{where}.by_stage[{i}]", ("stages", "needs"))
            stages = row["stages"]
            last = self.vocabulary.last_stage
            if (
                not isinstance(stages, list)
                or len(stages) != 2
                or not all(isinstance(s, int) and not isinstance(s, bool) for s in stages)
                or not 1 <= stages[0] <= stages[1] <= last
            ):
                raise ValueError(f"intake: {where}.by_stage[{i}].stages must be [low, high] within 1-{last}")
            found.append((stages[0], stages[1], self.needs(row["needs"], f"{where}.by_stage[{i}].needs")))
        return tuple(found)


def _term(label: str, value: object, known: Collection[str], where: str) -> str:
    """`value` when it is a slug of `known`; else ValueError in the one message every layer sends for it."""
    if not isinstance(value, str):
        raise ValueError(f"intake: {where}: a {label} must be a slug (text), got {value!r}")
    unknown = unknown_terms(label, [value], known)
    if unknown:
        raise ValueError(f"intake: {where}: {unknown[0][1]}")
    return value
