from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.page_citation import PageCitation
    from ..models.seed_passage import SeedPassage


T = TypeVar("T", bound="Provenance")


@_attrs_define
class Provenance:
    """Where an entry's facts come from: a seed passage, public pages, or the curator (see data/README.md).

    Attributes:
        further_passages (list[SeedPassage] | Unset): More seed passages the entry rests on, each with the fields it
            states.
        note (None | str | Unset): The curator's note on the sources: where they disagree, what replaced what.
        pages (list[PageCitation] | Unset): Public web pages the entry rests on.
        passage (None | str | Unset): The short passage of the source the entry rests on (or the curator's note).
        source (None | str | Unset): A seed file name in shared/seeds/, or `curator` for the curator's own judgement.
        states (list[str] | Unset): The entry's fields the passage states.
    """

    further_passages: list[SeedPassage] | Unset = UNSET
    note: None | str | Unset = UNSET
    pages: list[PageCitation] | Unset = UNSET
    passage: None | str | Unset = UNSET
    source: None | str | Unset = UNSET
    states: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        further_passages: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.further_passages, Unset):
            further_passages = []
            for further_passages_item_data in self.further_passages:
                further_passages_item = further_passages_item_data.to_dict()
                further_passages.append(further_passages_item)

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        pages: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.pages, Unset):
            pages = []
            for pages_item_data in self.pages:
                pages_item = pages_item_data.to_dict()
                pages.append(pages_item)

        passage: None | str | Unset
        if isinstance(self.passage, Unset):
            passage = UNSET
        else:
            passage = self.passage

        source: None | str | Unset
        if isinstance(self.source, Unset):
            source = UNSET
        else:
            source = self.source

        states: list[str] | Unset = UNSET
        if not isinstance(self.states, Unset):
            states = self.states

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if further_passages is not UNSET:
            field_dict["further_passages"] = further_passages
        if note is not UNSET:
            field_dict["note"] = note
        if pages is not UNSET:
            field_dict["pages"] = pages
        if passage is not UNSET:
            field_dict["passage"] = passage
        if source is not UNSET:
            field_dict["source"] = source
        if states is not UNSET:
            field_dict["states"] = states

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.page_citation import PageCitation  # noqa: PLC0415
        from ..models.seed_passage import SeedPassage  # noqa: PLC0415

        d = dict(src_dict)
        _further_passages = d.pop("further_passages", UNSET)
        further_passages: list[SeedPassage] | Unset = UNSET
        if _further_passages is not UNSET:
            further_passages = []
            for further_passages_item_data in _further_passages:
                further_passages_item = SeedPassage.from_dict(further_passages_item_data)

                further_passages.append(further_passages_item)

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        _pages = d.pop("pages", UNSET)
        pages: list[PageCitation] | Unset = UNSET
        if _pages is not UNSET:
            pages = []
            for pages_item_data in _pages:
                pages_item = PageCitation.from_dict(pages_item_data)

                pages.append(pages_item)

        def _parse_passage(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        passage = _parse_passage(d.pop("passage", UNSET))

        def _parse_source(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source = _parse_source(d.pop("source", UNSET))

        states = cast(list[str], d.pop("states", UNSET))

        provenance = cls(
            further_passages=further_passages,
            note=note,
            pages=pages,
            passage=passage,
            source=source,
            states=states,
        )

        return provenance
