"""The catalogue in Open Referral HSDS 3.0 terms: offers as services, providers as organizations, vocabularies
as taxonomies, with stable UUIDs derived from slugs.

Everything is built once per catalogue snapshot (`snapshot.derived`) and served from memory.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from app.models.catalogue import OfferPublic, ProviderPublic
from app.services.catalogue.search import holds_every_word, literal_words, offers_found
from app.services.hsds.taxonomies import (
    TAXONOMIES,
    HsdsTaxonomies,
    stable_id,
    without_none,
)
from app.services.store.snapshot import CatalogueSnapshot

STATUS = {"active": "active", "forthcoming": "inactive", "closed": "inactive"}
ALERT = {
    "forthcoming": "Opening soon: not yet taking applications.",
    "closed": "Closed to new applicants.",
}
COST_TEXT = {
    "free": "Free of charge.",
    "paid": "A fee is charged.",
    "equity": "Investment in exchange for equity.",
    "varies": "Costs vary; ask the provider.",
}


def _iso(moment: datetime) -> str:
    value = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


class HsdsCatalogue(HsdsTaxonomies):
    """The HSDS documents of one catalogue snapshot: its taxonomies, services, organizations and locations."""

    def __init__(self, snapshot: CatalogueSnapshot) -> None:
        super().__init__(snapshot)
        self.organizations = {stable_id("provider", p.slug): p for p in snapshot.providers}
        self.organization_ids = {p.slug: oid for oid, p in self.organizations.items()}
        self.services = {stable_id("offer", o.slug): o for o in snapshot.offers}
        self.service_terms = {sid: self._offer_term_ids(o) for sid, o in self.services.items()}
        self.services_in_order = sorted(self.services, key=lambda s: (self.services[s].name.casefold(), s))
        self.organizations_in_order = sorted(
            self.organizations, key=lambda o: (self.organizations[o].name.casefold(), o)
        )
        # The catalogue knows where a provider is based (an area such as Leeds, never a street address): each
        # such provider is one HSDS location, and each of its services is available at it.
        self.locations = {
            stable_id("location", f"provider:{p.slug}"): p for p in snapshot.providers if p.base_location is not None
        }
        self.location_ids = {p.slug: lid for lid, p in self.locations.items()}
        self.service_at_locations = {
            stable_id("service_at_location", f"offer:{o.slug}"): sid
            for sid, o in self.services.items()
            if o.provider.slug in self.location_ids
        }
        self.service_at_locations_in_order = sorted(
            self.service_at_locations, key=lambda a: self.services_in_order.index(self.service_at_locations[a])
        )

    # ---- services -------------------------------------------------------------------------------------------

    def _offer_links(self, offer: OfferPublic) -> list[tuple[str, str]]:
        stage_slugs = {s.number: s.slug for s in self.snapshot.taxonomy.stages}
        links = [("need", n) for n in offer.needs]
        links += [("stage", stage_slugs[s]) for s in offer.stages if s in stage_slugs]
        links += [("sector", s) for s in offer.sectors]
        links += [("organisation_type", t) for t in offer.organisation_types]
        links += [("location", loc) for loc in offer.locations]
        links.append(("offer_kind", offer.kind))
        return [(v, s) for v, s in links if (v, s) in self.term_ids]

    def _offer_term_ids(self, offer: OfferPublic) -> frozenset[str]:
        return frozenset(self.term_ids[link] for link in self._offer_links(offer))

    def _eligibility(self, offer: OfferPublic) -> str:
        taxonomy = self.snapshot.taxonomy

        def names(vocabulary: str, slugs: Iterable[str]) -> str:
            lookup = {t.slug: t.name for t in taxonomy.of(vocabulary)}
            return ", ".join(lookup.get(s, s) for s in slugs)

        parts = [
            f"Organisations: {names('organisation_type', offer.organisation_types)}."
            if offer.organisation_types
            else "Open to every kind of organisation.",
            f"Sectors: {names('sector', offer.sectors)}." if offer.sectors else "Every sector.",
            f"Innovators in: {names('location', offer.locations)}." if offer.locations else "Innovators anywhere.",
            f"Technology readiness levels {offer.trl_band[0]}-{offer.trl_band[1]}; pathway stages "
            + ", ".join(str(s) for s in offer.stages)
            + ".",
        ]
        restricted = offer.restrictions
        if restricted is not None:
            limits = [
                names(vocabulary, values)
                for vocabulary, values in (
                    ("organisation_type", restricted.organisation_types),
                    ("sector", restricted.sectors),
                    ("location", restricted.locations),
                )
                if values
            ]
            parts.append(f"Only for: {'; '.join(limits)}.")
        return " ".join(parts)

    def _application(self, offer: OfferPublic) -> str:
        if offer.application.mode == "cohort":
            text = "Apply to a cohort"
            if offer.application.next_deadline:
                text += f"; next deadline {offer.application.next_deadline.isoformat()}"
            text += "."
        else:
            text = "Apply at any time."
        if offer.contact_route:
            text += f" {offer.contact_route}"
        return text

    def modified_at(self, service_id: str) -> datetime:
        """When the service's record last changed: its offer's own edit, or its organization's (nested in it)."""
        offer = self.services[service_id]
        provider = self.snapshot.providers_by_slug.get(offer.provider.slug)
        return max(offer.updated_at, provider.updated_at) if provider is not None else offer.updated_at

    def location_document(self, location_id: str) -> dict[str, Any]:
        """A provider's base as an HSDS location: the area's name; no address, no coordinates (none is known)."""
        provider = self.locations[location_id]
        names = {t.slug: t.name for t in self.snapshot.taxonomy.of("location")}
        area = names.get(provider.base_location or "", provider.base_location or "")
        return {
            "id": location_id,
            "location_type": "physical",
            "organization_id": self.organization_ids[provider.slug],
            "name": f"{provider.name}, {area}",
            "description": f"Based in {area}. The catalogue records the area, not a street address.",
            "addresses": [],
            "phones": [],
            "schedules": [],
            "languages": [],
            "accessibility": [],
            "contacts": [],
            "attributes": [],
            "metadata": [],
        }

    def service_at_location_document(self, link_id: str, *, full: bool = False) -> dict[str, Any]:
        """A service available at its provider's base, with the location nested (and the service when `full`)."""
        service_id = self.service_at_locations[link_id]
        offer = self.services[service_id]
        location_id = self.location_ids[offer.provider.slug]
        document: dict[str, Any] = {
            "id": link_id,
            "service_id": service_id,
            "location_id": location_id,
            "description": f"{offer.name}, from {offer.provider.name}'s base.",
            "contacts": [],
            "phones": [],
            "schedules": [],
            "attributes": [],
            "metadata": [],
            "location": self.location_document(location_id),
        }
        if full:
            document["service"] = self.service_brief(service_id)
        return document

    def organization_brief(self, provider: ProviderPublic) -> dict[str, Any]:
        """The one-to-one fields of an organization."""
        return without_none(
            {
                "id": self.organization_ids[provider.slug],
                "name": provider.name,
                "description": provider.description,
                "website": provider.website,
            }
        )

    def service_brief(self, service_id: str) -> dict[str, Any]:
        """A service with its one-to-one fields and its organization (the list shape)."""
        offer = self.services[service_id]
        provider = self.snapshot.providers_by_slug.get(offer.provider.slug)
        document = without_none(
            {
                "id": service_id,
                "organization_id": self.organization_ids.get(offer.provider.slug),
                "name": offer.name,
                "alternate_name": offer.slug,
                "description": f"{offer.summary}\n\n{offer.description}",
                "url": offer.url,
                "status": STATUS[offer.status],
                "application_process": self._application(offer),
                "fees_description": COST_TEXT[offer.cost],
                "eligibility_description": self._eligibility(offer),
                "alert": ALERT.get(offer.status),
                "last_modified": _iso(self.modified_at(service_id)),
            }
        )
        if provider is not None:
            document["organization"] = self.organization_brief(provider)
        return document

    def service_full(self, service_id: str) -> dict[str, Any]:
        """A fully nested service: attributes linking every taxonomy term, service areas and cost option."""
        offer = self.services[service_id]
        document = self.service_brief(service_id)
        attributes = []
        for vocabulary, slug in self._offer_links(offer):
            term_id = self.term_ids[(vocabulary, slug)]
            spec = next(s for s in TAXONOMIES if s.vocabulary == vocabulary)
            attributes.append(
                {
                    "id": stable_id("attribute", f"offer:{offer.slug}:{vocabulary}:{slug}"),
                    "link_id": service_id,
                    "link_type": spec.link_type,
                    "link_entity": "service",
                    "taxonomy_term_id": term_id,
                    "value": slug,
                    "taxonomy_term": self.term_document(term_id),
                }
            )
        location_names = {t.slug: t.name for t in self.snapshot.taxonomy.of("location")}
        document["attributes"] = attributes
        document["service_areas"] = [
            {
                "id": stable_id("service_area", f"offer:{offer.slug}:{loc}"),
                "service_id": service_id,
                "name": location_names.get(loc, loc),
                "description": f"Open to innovators in {location_names.get(loc, loc)}.",
            }
            for loc in offer.locations
        ]
        document["cost_options"] = [
            {
                "id": stable_id("cost_option", f"offer:{offer.slug}"),
                "service_id": service_id,
                "option": offer.cost,
                "amount_description": COST_TEXT[offer.cost],
            }
        ]
        document["service_at_locations"] = [
            self.service_at_location_document(link_id)
            for link_id, linked in self.service_at_locations.items()
            if linked == service_id
        ]
        for key in (
            "phones",
            "schedules",
            "languages",
            "funding",
            "required_documents",
            "contacts",
            "metadata",
        ):
            document[key] = []
        return document

    def select_services(
        self,
        *,
        search: str | None = None,
        term_ids: Sequence[str] = (),
        taxonomy_ids: Sequence[str] = (),
        organization_id: str | None = None,
        modified_after: datetime | None = None,
    ) -> list[str]:
        """Service ids matching every filter, in name order. A term matches services linked to it or to a
        narrower term (asking for a parent need finds services tagged with its children). `search` finds the
        offers `/v1/offers?q` finds for the same words (the matcher's keyword index); a search with no word to
        search for is a 422 naming `search`."""
        found = offers_found(self.snapshot, search, field="search")
        wanted_terms = set(term_ids)
        wanted_taxonomies = set(taxonomy_ids)
        selected = []
        for service_id in self.services_in_order:
            offer = self.services[service_id]
            if found is not None and offer.slug not in found:
                continue
            if organization_id and self.organization_ids.get(offer.provider.slug) != organization_id:
                continue
            if modified_after and self.modified_at(service_id) < modified_after:
                continue
            linked = self.service_terms[service_id]
            if wanted_terms and not any(wanted_terms & set(self.ancestors(t)) for t in linked):
                continue
            if wanted_taxonomies and not any(
                self.terms[t].document["taxonomy_id"] in wanted_taxonomies for t in linked
            ):
                continue
            selected.append(service_id)
        return selected

    # ---- organizations --------------------------------------------------------------------------------------

    def organization_full(self, organization_id: str, *, full_service: bool = False) -> dict[str, Any]:
        """A fully nested organization with its services (briefly, or fully with `full_service`)."""
        provider = self.organizations[organization_id]
        document = self.organization_brief(provider)
        services = [s for s in self.services_in_order if self.services[s].provider.slug == provider.slug]
        document["services"] = [self.service_full(s) if full_service else self.service_brief(s) for s in services]
        kind_id = self.term_ids.get(("provider_kind", provider.kind))
        document["attributes"] = (
            [
                {
                    "id": stable_id("attribute", f"provider:{provider.slug}:provider_kind:{provider.kind}"),
                    "link_id": organization_id,
                    "link_type": "provider_kind",
                    "link_entity": "organization",
                    "taxonomy_term_id": kind_id,
                    "value": provider.kind,
                    "taxonomy_term": self.term_document(kind_id),
                }
            ]
            if kind_id
            else []
        )
        location_id = self.location_ids.get(provider.slug)
        document["locations"] = [self.location_document(location_id)] if location_id else []
        for key in ("funding", "contacts", "phones", "programs", "organization_identifiers", "metadata"):
            document[key] = []
        return document

    def select_service_at_locations(self, service_ids: Sequence[str]) -> list[str]:
        """The service-at-location ids of these services (already filtered), in service name order."""
        wanted = set(service_ids)
        return [a for a in self.service_at_locations_in_order if self.service_at_locations[a] in wanted]

    def select_organizations(self, *, search: str | None = None) -> list[str]:
        """Organization ids whose name or description holds every word of `search`, in name order."""
        words = literal_words(search)
        return [
            oid
            for oid in self.organizations_in_order
            if holds_every_word(f"{self.organizations[oid].name} {self.organizations[oid].description}", words)
        ]


def hsds_catalogue(snapshot: CatalogueSnapshot) -> HsdsCatalogue:
    """The snapshot's HSDS view, built on first use."""
    return snapshot.derived("hsds", HsdsCatalogue)


def page_envelope(ids: Sequence[str], page: int, per_page: int) -> tuple[list[str], dict[str, Any]]:
    """Slice one page (1-based) and the HSDS Page fields describing it."""
    total = len(ids)
    total_pages = max(1, math.ceil(total / per_page))
    start = (page - 1) * per_page
    chosen = list(ids[start : start + per_page])
    return chosen, {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page,
        "size": len(chosen),
        "first_page": page == 1,
        "last_page": page >= total_pages,
        "empty": total == 0,
    }
