"""Facet counts of offers: how many of the selected offers each vocabulary value would keep."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from app.models.catalogue import COSTS, OFFER_KINDS, OfferPublic
from app.models.facets import FacetCount, NeedFacet, OfferFacets, StageFacet
from app.services.store.snapshot import CatalogueSnapshot


def _restricted_count(value: str, lists: Iterable[list[str]]) -> int:
    return sum(1 for served in lists if not served or value in served)


def offer_facets(snapshot: CatalogueSnapshot, offers: Sequence[OfferPublic]) -> OfferFacets:
    """Count, for every value of each facet, the offers among `offers` that the value would select."""
    taxonomy = snapshot.taxonomy
    need_sets = [set(offer.needs) for offer in offers]
    needs = [
        NeedFacet(
            value=term.slug,
            name=term.name,
            parent=term.parent,
            count=sum(1 for tagged in need_sets if tagged & taxonomy.need_family(term.slug)),
        )
        for term in taxonomy.of("need")
    ]
    stages = [
        StageFacet(
            value=stage.number,
            name=stage.name,
            count=sum(1 for offer in offers if stage.number in offer.stages),
        )
        for stage in taxonomy.stages
    ]
    sectors = [
        FacetCount(value=term.slug, name=term.name, count=_restricted_count(term.slug, (o.sectors for o in offers)))
        for term in taxonomy.of("sector")
    ]
    kinds = [FacetCount(value=k, name=k, count=sum(1 for o in offers if o.kind == k)) for k in OFFER_KINDS]
    costs = [FacetCount(value=c, name=c, count=sum(1 for o in offers if o.cost == c)) for c in COSTS]
    provider_kind_of = {p.slug: p.kind for p in snapshot.providers}
    provider_kinds = [
        FacetCount(
            value=term.slug,
            name=term.name,
            count=sum(1 for o in offers if provider_kind_of.get(o.provider.slug) == term.slug),
        )
        for term in taxonomy.of("provider_kind")
    ]
    return OfferFacets(
        catalogue_version=snapshot.stamp,
        total=len(offers),
        need=needs,
        stage=stages,
        sector=sectors,
        kind=kinds,
        cost=costs,
        provider_kind=provider_kinds,
    )
