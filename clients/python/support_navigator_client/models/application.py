from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.application_mode import ApplicationMode
from ..types import UNSET, Unset

T = TypeVar("T", bound="Application")


@_attrs_define
class Application:
    """How an innovator applies: any time (rolling) or in cohorts, with the next deadline when known.

    Attributes:
        mode (ApplicationMode | Unset):  Default: ApplicationMode.ROLLING.
        next_deadline (datetime.date | None | Unset):
    """

    mode: ApplicationMode | Unset = ApplicationMode.ROLLING
    next_deadline: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        mode: str | Unset = UNSET
        if not isinstance(self.mode, Unset):
            mode = self.mode.value

        next_deadline: None | str | Unset
        if isinstance(self.next_deadline, Unset):
            next_deadline = UNSET
        elif isinstance(self.next_deadline, datetime.date):
            next_deadline = self.next_deadline.isoformat()
        else:
            next_deadline = self.next_deadline

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if mode is not UNSET:
            field_dict["mode"] = mode
        if next_deadline is not UNSET:
            field_dict["next_deadline"] = next_deadline

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _mode = d.pop("mode", UNSET)
        mode: ApplicationMode | Unset
        if isinstance(_mode, Unset):
            mode = UNSET
        else:
            mode = ApplicationMode(_mode)

        def _parse_next_deadline(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_deadline_type_0 = datetime.date.fromisoformat(data)

                return next_deadline_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        next_deadline = _parse_next_deadline(d.pop("next_deadline", UNSET))

        application = cls(
            mode=mode,
            next_deadline=next_deadline,
        )

        return application
