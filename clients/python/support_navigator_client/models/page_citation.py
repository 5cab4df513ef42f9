from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PageCitation")


@_attrs_define
class PageCitation:
    """A published public web page an entry rests on: its address, its date where it shows one, what it states.

    Attributes:
        url (str): The page's address.
        addresses (list[str] | Unset): Other addresses the page gives (an organisation's site named in a news item).
        dated (datetime.date | None | Unset): The date the page shows (published or updated), if any.
        states (list[str] | Unset): The entry's fields this page states (for example status, application).
        title (None | str | Unset): The page's title.
    """

    url: str
    addresses: list[str] | Unset = UNSET
    dated: datetime.date | None | Unset = UNSET
    states: list[str] | Unset = UNSET
    title: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        addresses: list[str] | Unset = UNSET
        if not isinstance(self.addresses, Unset):
            addresses = self.addresses

        dated: None | str | Unset
        if isinstance(self.dated, Unset):
            dated = UNSET
        elif isinstance(self.dated, datetime.date):
            dated = self.dated.isoformat()
        else:
            dated = self.dated

        states: list[str] | Unset = UNSET
        if not isinstance(self.states, Unset):
            states = self.states

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "url": url,
            }
        )
        if addresses is not UNSET:
            field_dict["addresses"] = addresses
        if dated is not UNSET:
            field_dict["dated"] = dated
        if states is not UNSET:
            field_dict["states"] = states
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url")

        addresses = cast(list[str], d.pop("addresses", UNSET))

        def _parse_dated(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                dated_type_0 = datetime.date.fromisoformat(data)

                return dated_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        dated = _parse_dated(d.pop("dated", UNSET))

        states = cast(list[str], d.pop("states", UNSET))

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        page_citation = cls(
            url=url,
            addresses=addresses,
            dated=dated,
            states=states,
            title=title,
        )

        return page_citation
