from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="NeedCreate")


@_attrs_define
class NeedCreate:
    """A new child term under one of the nine top-level needs.

    Attributes:
        name (str):
        parent (str): A top-level need slug.
        slug (str):
    """

    name: str
    parent: str
    slug: str

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        parent = self.parent

        slug = self.slug

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "parent": parent,
                "slug": slug,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        parent = d.pop("parent")

        slug = d.pop("slug")

        need_create = cls(
            name=name,
            parent=parent,
            slug=slug,
        )

        return need_create
