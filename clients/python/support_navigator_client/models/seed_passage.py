from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SeedPassage")


@_attrs_define
class SeedPassage:
    """One more passage of a seed document, for an entry whose facts sit in several places of the seeds.

    Attributes:
        passage (str):
        source (str):
        states (list[str] | Unset): The entry's fields this passage states.
    """

    passage: str
    source: str
    states: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        passage = self.passage

        source = self.source

        states: list[str] | Unset = UNSET
        if not isinstance(self.states, Unset):
            states = self.states

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "passage": passage,
                "source": source,
            }
        )
        if states is not UNSET:
            field_dict["states"] = states

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        passage = d.pop("passage")

        source = d.pop("source")

        states = cast(list[str], d.pop("states", UNSET))

        seed_passage = cls(
            passage=passage,
            source=source,
            states=states,
        )

        return seed_passage
