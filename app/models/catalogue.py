"""The catalogue's vocabulary types and API schemas: what curators send (Create, Update), what the API shows.

The tables these describe are in app/models/catalogue_tables.py.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

from app.models.base import IsoDateTime
from app.pagination import MAX_OFFSET, PageMeta
from app.renditions import FormatParam

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, min_length=1, max_length=80)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
LongText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=4000)]
Url = Annotated[str, StringConstraints(pattern=r"^https?://[^\s]+$", max_length=500)]

Cost = Literal["free", "paid", "equity", "varies"]
OfferKind = Literal["programme", "service", "facility", "network", "funding", "advice", "workspace"]
OfferStatus = Literal["active", "forthcoming", "closed"]
ApplicationMode = Literal["rolling", "cohort"]
Vocabulary = Literal["trl", "stage", "need", "sector", "organisation_type", "location", "provider_kind"]

COSTS: tuple[str, ...] = ("free", "paid", "equity", "varies")
OFFER_KINDS: tuple[str, ...] = ("programme", "service", "facility", "network", "funding", "advice", "workspace")
OFFER_STATUSES: tuple[str, ...] = ("active", "forthcoming", "closed")


# ---- input schemas ------------------------------------------------------------------------------------------


def _holds_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_holds_nul(k) or _holds_nul(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return any(_holds_nul(v) for v in value)
    return False


class StrictModel(BaseModel):
    """Input models reject unknown fields (a typo is an error, not dropped data) and NUL characters.

    PostgreSQL cannot store a NUL in text while SQLite can: refusing it here gives one answer on both.
    """

    model_config = ConfigDict(extra="forbid")

    @model_validator(mode="before")
    @classmethod
    def _refuse_nul(cls, data: Any) -> Any:
        if _holds_nul(data):
            raise ValueError("text must not contain NUL (\\u0000) characters")
        return data


FieldName = Annotated[str, StringConstraints(pattern=r"^[a-z_]+$", max_length=40)]


class PageCitation(StrictModel):
    """A published public web page an entry rests on: its address, its date where it shows one, what it states."""

    url: Url = Field(description="The page's address.", examples=["https://www.nihr.ac.uk/news/example"])
    title: ShortText | None = Field(default=None, description="The page's title.")
    dated: date | None = Field(default=None, description="The date the page shows (published or updated), if any.")
    addresses: list[Url] = Field(
        default_factory=list,
        description="Other addresses the page gives (an organisation's site named in a news item).",
    )
    states: list[FieldName] = Field(
        default_factory=list, description="The entry's fields this page states (for example status, application)."
    )


class SeedPassage(StrictModel):
    """One more passage of a seed document, for an entry whose facts sit in several places of the seeds."""

    source: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_.-]+\.txt$", max_length=120)]
    passage: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=600)]
    states: list[FieldName] = Field(default_factory=list, description="The entry's fields this passage states.")


class Provenance(StrictModel):
    """Where an entry's facts come from: a seed passage, public pages, or the curator (see data/README.md)."""

    source: Annotated[str, StringConstraints(pattern=r"^(curator|[A-Za-z0-9_.-]+\.txt)$", max_length=120)] | None = (
        Field(
            default=None,
            description="A seed file name in shared/seeds/, or `curator` for the curator's own judgement.",
            examples=["003_ce0b1fbad513ce44.txt"],
        )
    )
    passage: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=600)] | None = Field(
        default=None, description="The short passage of the source the entry rests on (or the curator's note)."
    )
    states: list[FieldName] = Field(default_factory=list, description="The entry's fields the passage states.")
    further_passages: list[SeedPassage] = Field(
        default_factory=list, description="More seed passages the entry rests on, each with the fields it states."
    )
    pages: list[PageCitation] = Field(default_factory=list, description="Public web pages the entry rests on.")
    note: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=1000)] | None = Field(
        default=None, description="The curator's note on the sources: where they disagree, what replaced what."
    )

    @model_validator(mode="after")
    def _cites_something(self) -> Provenance:
        if (self.source is None) != (self.passage is None):
            raise ValueError("give a seed `source` and its `passage` together, or neither")
        if self.source is None and not self.pages and not self.further_passages:
            raise ValueError("cite a seed passage, a public page, or `source: curator` with a reason")
        return self


class Application(StrictModel):
    """How an innovator applies: any time (rolling) or in cohorts, with the next deadline when known."""

    mode: ApplicationMode = "rolling"
    next_deadline: date | None = None


def _unique(values: list[Any]) -> list[Any]:
    if len(set(values)) != len(values):
        raise ValueError("must not repeat a value")
    return values


class Restrictions(StrictModel):
    """Who may use an offer at all, where a source says so (its sectors, organisation types and locations
    lists are only its focus). The matcher leaves out innovators outside a restriction, and shows the offer to
    them as a near miss."""

    locations: list[Slug] = Field(default_factory=list, description="Only innovators in these locations.")
    organisation_types: list[Slug] = Field(default_factory=list, description="Only these organisation types.")
    sectors: list[Slug] = Field(default_factory=list, description="Only these sectors.")
    provenance: Provenance = Field(description="The passage the restriction rests on, or `curator` with the reason.")

    _unique_lists = field_validator("locations", "organisation_types", "sectors")(_unique)

    @model_validator(mode="after")
    def _restricts_something(self) -> Restrictions:
        if not (self.locations or self.organisation_types or self.sectors):
            raise ValueError("a restriction names at least one location, organisation type or sector")
        return self


class ProviderCreate(StrictModel):
    """A new provider, as curators write it in data/catalogue/providers.yaml or POST it."""

    slug: Slug = Field(examples=["nexus-university-of-leeds"])
    name: ShortText
    kind: Slug = Field(description="A provider kind from /v1/provider-kinds.", examples=["university"])
    description: LongText
    website: Url | None = None
    base_location: Slug | None = Field(default=None, description="A location slug from /v1/locations.")
    provenance: Provenance
    curator_judgement: list[FieldName] = Field(
        default_factory=list, description="Fields that are the curator's judgement rather than a source's statement."
    )


class ProviderUpdate(StrictModel):
    """A partial change to a provider: every field optional, only the fields sent are changed."""

    name: ShortText | None = None
    kind: Slug | None = None
    description: LongText | None = None
    website: Url | None = None
    base_location: Slug | None = None
    provenance: Provenance | None = None
    curator_judgement: list[FieldName] | None = None


class OfferCreate(StrictModel):
    """A new offer, as curators write it in data/catalogue/offers.yaml or POST it."""

    slug: Slug = Field(examples=["propel-yh"])
    name: ShortText
    provider: Slug = Field(description="The slug of the provider that runs the offer.")
    summary: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=400)]
    description: LongText
    url: Url | None = None
    contact_route: Annotated[str, StringConstraints(strip_whitespace=True, max_length=400)] | None = None
    needs: list[Slug] = Field(min_length=1, description="Need slugs (parents or children) from /v1/needs.")
    stages: list[Annotated[int, Field(ge=1, le=7)]] = Field(min_length=1, description="Pathway stages 1-7 served.")
    trl_min: Annotated[int, Field(ge=1, le=9)] | None = Field(default=None, description="Omit to derive from stages.")
    trl_max: Annotated[int, Field(ge=1, le=9)] | None = Field(default=None, description="Omit to derive from stages.")
    sectors: list[Slug] = Field(default_factory=list, description="Sectors served; empty serves all sectors.")
    organisation_types: list[Slug] = Field(
        default_factory=list, description="Eligible organisation types; empty = all."
    )
    locations: list[Slug] = Field(default_factory=list, description="Eligible innovator locations; empty = anywhere.")
    cost: Cost = "varies"
    kind: OfferKind
    status: OfferStatus = "active"
    signposting: bool = Field(
        default=False,
        description="A front door that points innovators to the right support rather than offering it: "
        "never ranked among specific offers, returned in a match's `front_door`.",
    )
    restrictions: Restrictions | None = Field(
        default=None, description="Real eligibility limits, with their source; none when the offer is open to all."
    )
    application: Application = Field(default_factory=Application)
    keywords: list[Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)]] = Field(
        default_factory=list
    )
    provenance: Provenance
    curator_judgement: list[FieldName] = Field(
        default_factory=list, description="Fields that are the curator's judgement rather than a source's statement."
    )
    last_verified_at: datetime | None = None

    _unique_lists = field_validator("needs", "stages", "sectors", "organisation_types", "locations")(_unique)

    @model_validator(mode="after")
    def _trl_band_ordered(self) -> OfferCreate:
        if (self.trl_min is None) != (self.trl_max is None):
            raise ValueError("give both trl_min and trl_max, or neither to derive them from stages")
        if self.trl_min is not None and self.trl_max is not None and self.trl_min > self.trl_max:
            raise ValueError("trl_min must not exceed trl_max")
        return self


class OfferUpdate(StrictModel):
    """A partial change to an offer: every field optional, only the fields sent are changed."""

    name: ShortText | None = None
    provider: Slug | None = None
    summary: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=400)] | None = None
    description: LongText | None = None
    url: Url | None = None
    contact_route: Annotated[str, StringConstraints(strip_whitespace=True, max_length=400)] | None = None
    needs: list[Slug] | None = Field(default=None, min_length=1)
    stages: list[Annotated[int, Field(ge=1, le=7)]] | None = Field(default=None, min_length=1)
    trl_min: Annotated[int, Field(ge=1, le=9)] | None = None
    trl_max: Annotated[int, Field(ge=1, le=9)] | None = None
    sectors: list[Slug] | None = None
    organisation_types: list[Slug] | None = None
    locations: list[Slug] | None = None
    cost: Cost | None = None
    kind: OfferKind | None = None
    status: OfferStatus | None = None
    signposting: bool | None = None
    restrictions: Restrictions | None = None
    application: Application | None = None
    keywords: list[Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)]] | None = None
    provenance: Provenance | None = None
    curator_judgement: list[FieldName] | None = None
    last_verified_at: datetime | None = None


# ---- public schemas -----------------------------------------------------------------------------------------


class ProviderRef(BaseModel):
    """The provider of an offer, in brief."""

    slug: str
    name: str


class OfferPublic(BaseModel):
    """An offer as the public API shows it."""

    slug: str = Field(examples=["propel-yh"])
    name: str
    summary: str
    description: str
    url: str | None = Field(description="The next step: the offer's own page, else its provider's (http or https).")
    contact_route: str | None = Field(description="How to start, in words.")
    provider: ProviderRef
    needs: list[str]
    stages: list[int]
    trl_band: tuple[int, int] = Field(description="Lowest and highest TRL served.", examples=[[5, 8]])
    sectors: list[str] = Field(description="Sectors served; empty serves all sectors.")
    organisation_types: list[str] = Field(description="Eligible organisation types; empty = all.")
    locations: list[str] = Field(description="Eligible innovator locations; empty = anywhere.")
    cost: Cost
    kind: OfferKind
    status: OfferStatus
    signposting: bool = Field(description="A front door pointing to other support (see `front_door` in /v1/match).")
    restrictions: Restrictions | None = Field(description="Real eligibility limits with their source, or null.")
    application: Application
    keywords: list[str]
    provenance: Provenance
    curator_judgement: list[str]
    last_verified_at: datetime | None
    created_at: datetime
    updated_at: datetime


class ProviderPublic(BaseModel):
    """A provider as the public API shows it."""

    slug: str = Field(examples=["nexus-university-of-leeds"])
    name: str
    kind: str
    description: str
    website: str | None
    base_location: str | None
    provenance: Provenance
    curator_judgement: list[str] = Field(default_factory=list, description="Fields no source states.")
    offer_count: int = Field(description="Active and forthcoming offers of this provider.")
    created_at: datetime
    updated_at: datetime


class ProviderDetail(ProviderPublic):
    """A provider with its offers."""

    offers: list[OfferPublic]


# ---- pages and filters of the list endpoints -------------------------------------------------------------


class OfferPage(PageMeta):
    """One page of offers."""

    items: list[OfferPublic]


class ProviderPage(PageMeta):
    """One page of providers."""

    items: list[ProviderPublic]


OfferSort = Literal["name", "-name", "slug", "-slug", "updated_at", "-updated_at", "relevance"]


class OfferSelection(BaseModel):
    """Which offers: repeated values combine with OR, different fields with AND (shared by list and facets)."""

    model_config = ConfigDict(extra="forbid")

    stage: list[Annotated[int, Field(ge=1, le=7)]] = Field(default_factory=list, description="Pathway stage 1-7.")
    trl: list[Annotated[int, Field(ge=1, le=9)]] = Field(default_factory=list, description="TRL 1-9 in the band.")
    need: list[str] = Field(default_factory=list, description="Need slug; a parent matches its children.")
    sector: list[str] = Field(default_factory=list, description="Sector served (offers for all sectors match).")
    organisation_type: list[str] = Field(default_factory=list, description="Eligible organisation type.")
    location: list[str] = Field(default_factory=list, description="Innovator location; nested (leeds is in uk).")
    provider: list[str] = Field(default_factory=list, description="Provider slug.")
    kind: list[OfferKind] = Field(default_factory=list)
    cost: list[Cost] = Field(default_factory=list)
    status: list[OfferStatus] = Field(default_factory=list, description="Default: active and forthcoming.")
    q: str | None = Field(
        default=None,
        max_length=200,
        description="Words that must all appear in the offer's name, keywords, summary or description, stemmed "
        "as match keywords are; only stop words or punctuation is a 422.",
    )
    modified_after: IsoDateTime | None = Field(default=None, description="Only offers changed after this time.")


class OfferFilters(FormatParam, OfferSelection):
    """Filters of GET /v1/offers, with the order, the page and the rendition."""

    model_config = ConfigDict(extra="forbid")

    sort: OfferSort | None = Field(default=None, description="Default: relevance with q, else name.")
    limit: int = Field(default=20, ge=1, le=100)
    offset: int = Field(default=0, ge=0, le=MAX_OFFSET, description="Offers to skip.")


class ProviderFilters(FormatParam):
    """Filters of GET /v1/providers."""

    model_config = ConfigDict(extra="forbid")

    kind: list[str] = Field(default_factory=list, description="Provider kind slug, repeatable.")
    limit: int = Field(default=50, ge=1, le=100)
    offset: int = Field(default=0, ge=0, le=MAX_OFFSET, description="Providers to skip.")
