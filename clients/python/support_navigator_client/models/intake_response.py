from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.follow_up_out import FollowUpOut
    from ..models.inference_out import InferenceOut
    from ..models.intake_profile import IntakeProfile
    from ..models.match_response import MatchResponse


T = TypeVar("T", bound="IntakeResponse")


@_attrs_define
class IntakeResponse:
    """The inferred profile, every inference with its source and reason, what more would help, and the match.

    Attributes:
        follow_up (list[FollowUpOut]): Plain sentences saying what more would help, most useful first; empty when
            nothing is missing.
        inferences (list[InferenceOut]):
        match (MatchResponse | None): The POST /v1/match answer for `profile`; null when the profile gives the matcher
            nothing to go on yet (see follow_up).
        profile (IntakeProfile): The inferred profile: a valid POST /v1/match body. Fields nothing evidenced are left
            out.
        version (str): The intake file's version (data/intake.yaml).
    """

    follow_up: list[FollowUpOut]
    inferences: list[InferenceOut]
    match: MatchResponse | None
    profile: IntakeProfile
    version: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.match_response import MatchResponse  # noqa: PLC0415

        follow_up = []
        for follow_up_item_data in self.follow_up:
            follow_up_item = follow_up_item_data.to_dict()
            follow_up.append(follow_up_item)

        inferences = []
        for inferences_item_data in self.inferences:
            inferences_item = inferences_item_data.to_dict()
            inferences.append(inferences_item)

        match: dict[str, Any] | None
        if isinstance(self.match, MatchResponse):
            match = self.match.to_dict()
        else:
            match = self.match

        profile = self.profile.to_dict()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "follow_up": follow_up,
                "inferences": inferences,
                "match": match,
                "profile": profile,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.follow_up_out import FollowUpOut  # noqa: PLC0415
        from ..models.inference_out import InferenceOut  # noqa: PLC0415
        from ..models.intake_profile import IntakeProfile  # noqa: PLC0415
        from ..models.match_response import MatchResponse  # noqa: PLC0415

        d = dict(src_dict)
        follow_up = []
        _follow_up = d.pop("follow_up")
        for follow_up_item_data in _follow_up:
            follow_up_item = FollowUpOut.from_dict(follow_up_item_data)

            follow_up.append(follow_up_item)

        inferences = []
        _inferences = d.pop("inferences")
        for inferences_item_data in _inferences:
            inferences_item = InferenceOut.from_dict(inferences_item_data)

            inferences.append(inferences_item)

        def _parse_match(data: object) -> MatchResponse | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                match_type_0 = MatchResponse.from_dict(data)

                return match_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MatchResponse | None, data)

        match = _parse_match(d.pop("match"))

        profile = IntakeProfile.from_dict(d.pop("profile"))

        version = d.pop("version")

        intake_response = cls(
            follow_up=follow_up,
            inferences=inferences,
            match=match,
            profile=profile,
            version=version,
        )

        intake_response.additional_properties = d
        return intake_response

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
