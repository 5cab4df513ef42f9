"""Vocabulary endpoints: stages with the TRL crosswalk, needs tree, sectors, organisation types, locations."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, Field

from app.deps import NOT_MODIFIED, TAXONOMY_CACHE, SnapshotDep, conditional_get
from app.errors import problem_responses
from app.services.taxonomy import LocationPublic, NeedPublic, StagePublic, TermPublic, TrlPublic

router = APIRouter(prefix="/v1", tags=["taxonomy"], responses=problem_responses(422, 500, 503))


class StagesResponse(BaseModel):
    """The seven-stage pathway and the TRL crosswalk."""

    taxonomy_version: str
    stages: list[StagePublic]
    trls: list[TrlPublic] = Field(description="Each TRL with the stages whose band contains it.")


class NeedsResponse(BaseModel):
    """The nine support needs with their child terms."""

    taxonomy_version: str
    needs: list[NeedPublic]


class TermsResponse(BaseModel):
    """A flat vocabulary."""

    taxonomy_version: str
    terms: list[TermPublic]


class LocationsResponse(BaseModel):
    """Innovator locations, nested."""

    taxonomy_version: str
    locations: list[LocationPublic]


@router.get("/stages", responses=NOT_MODIFIED)
def list_stages(snapshot: SnapshotDep, request: Request, response: Response) -> StagesResponse:
    """The pathway stages with their TRL bands, and for each TRL the stages it belongs to."""
    conditional_get(request, response, snapshot.stamp, cache_control=TAXONOMY_CACHE)
    taxonomy = snapshot.taxonomy
    stages = [
        StagePublic(
            number=int(t.attributes["number"]),
            slug=t.slug,
            name=t.name,
            description=str(t.attributes.get("description", "")),
            trl_band=(int(t.attributes["trl_min"]), int(t.attributes["trl_max"])),
        )
        for t in taxonomy.of("stage")
    ]
    trls = [
        TrlPublic(
            level=int(t.attributes["level"]), name=t.name, stages=taxonomy.stages_for_trl(int(t.attributes["level"]))
        )
        for t in taxonomy.of("trl")
    ]
    return StagesResponse(taxonomy_version=taxonomy.version, stages=stages, trls=trls)


@router.get("/needs", responses=NOT_MODIFIED)
def list_needs(snapshot: SnapshotDep, request: Request, response: Response) -> NeedsResponse:
    """The support needs as a tree: asking for a parent need matches offers tagged with its children."""
    conditional_get(request, response, snapshot.stamp, cache_control=TAXONOMY_CACHE)
    taxonomy = snapshot.taxonomy
    terms = taxonomy.of("need")

    def node(slug: str) -> NeedPublic:
        term = next(t for t in terms if t.slug == slug)
        children = [node(child) for child in taxonomy.need_children.get(slug, ())]
        return NeedPublic(slug=term.slug, name=term.name, parent=term.parent, source=term.source, children=children)

    return NeedsResponse(taxonomy_version=taxonomy.version, needs=[node(t.slug) for t in terms if t.parent is None])


def _terms(snapshot: SnapshotDep, vocabulary: str) -> TermsResponse:
    return TermsResponse(
        taxonomy_version=snapshot.taxonomy.version,
        terms=[TermPublic(slug=t.slug, name=t.name) for t in snapshot.taxonomy.of(vocabulary)],
    )


@router.get("/sectors", responses=NOT_MODIFIED)
def list_sectors(snapshot: SnapshotDep, request: Request, response: Response) -> TermsResponse:
    """Sectors; an offer with no sector list serves all of them."""
    conditional_get(request, response, snapshot.stamp, cache_control=TAXONOMY_CACHE)
    return _terms(snapshot, "sector")


@router.get("/organisation-types", responses=NOT_MODIFIED)
def list_organisation_types(snapshot: SnapshotDep, request: Request, response: Response) -> TermsResponse:
    """Organisation types an innovator can be."""
    conditional_get(request, response, snapshot.stamp, cache_control=TAXONOMY_CACHE)
    return _terms(snapshot, "organisation_type")


@router.get("/provider-kinds", responses=NOT_MODIFIED)
def list_provider_kinds(snapshot: SnapshotDep, request: Request, response: Response) -> TermsResponse:
    """Kinds of provider organisation (university, NHS trust, accelerator…)."""
    conditional_get(request, response, snapshot.stamp, cache_control=TAXONOMY_CACHE)
    return _terms(snapshot, "provider_kind")


@router.get("/locations", responses=NOT_MODIFIED)
def list_locations(snapshot: SnapshotDep, request: Request, response: Response) -> LocationsResponse:
    """Where an innovator can be; leeds is in west-yorkshire, in yorkshire-and-humber, in uk."""
    conditional_get(request, response, snapshot.stamp, cache_control=TAXONOMY_CACHE)
    taxonomy = snapshot.taxonomy
    locations = [
        LocationPublic(slug=t.slug, name=t.name, parent=t.parent, within=taxonomy.location_chain(t.slug)[1:])
        for t in taxonomy.of("location")
    ]
    return LocationsResponse(taxonomy_version=taxonomy.version, locations=locations)
