from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.intake_question_kind import IntakeQuestionKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.intake_option import IntakeOption


T = TypeVar("T", bound="IntakeQuestion")


@_attrs_define
class IntakeQuestion:
    """One question: `single` takes one option id, `multi` a list of option ids, `text` plain words.

    Attributes:
        id (str):
        kind (IntakeQuestionKind):
        text (str):
        help_ (None | str | Unset):
        options (list[IntakeOption] | Unset): Empty for `text` questions.
    """

    id: str
    kind: IntakeQuestionKind
    text: str
    help_: None | str | Unset = UNSET
    options: list[IntakeOption] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        kind = self.kind.value

        text = self.text

        help_: None | str | Unset
        if isinstance(self.help_, Unset):
            help_ = UNSET
        else:
            help_ = self.help_

        options: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.options, Unset):
            options = []
            for options_item_data in self.options:
                options_item = options_item_data.to_dict()
                options.append(options_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "text": text,
            }
        )
        if help_ is not UNSET:
            field_dict["help"] = help_
        if options is not UNSET:
            field_dict["options"] = options

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.intake_option import IntakeOption  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        kind = IntakeQuestionKind(d.pop("kind"))

        text = d.pop("text")

        def _parse_help_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        help_ = _parse_help_(d.pop("help", UNSET))

        _options = d.pop("options", UNSET)
        options: list[IntakeOption] | Unset = UNSET
        if _options is not UNSET:
            options = []
            for options_item_data in _options:
                options_item = IntakeOption.from_dict(options_item_data)

                options.append(options_item)

        intake_question = cls(
            id=id,
            kind=kind,
            text=text,
            help_=help_,
            options=options,
        )

        intake_question.additional_properties = d
        return intake_question

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
