from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Provenance")


@_attrs_define
class Provenance:
    """Where a fact comes from: a seed document and the passage it rests on, or the curator.

    Attributes:
        passage (str): The short passage of the source the entry rests on (or the curator's note).
        source (str): A seed file name in shared/seeds/, or `curator` for the curator's own judgement.
    """

    passage: str
    source: str

    def to_dict(self) -> dict[str, Any]:
        passage = self.passage

        source = self.source

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "passage": passage,
                "source": source,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        passage = d.pop("passage")

        source = d.pop("source")

        provenance = cls(
            passage=passage,
            source=source,
        )

        return provenance
