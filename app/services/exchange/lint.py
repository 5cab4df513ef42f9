"""The catalogue lint: the rules every provider and offer must meet before anything is written (data/README.md).

One function per entry kind returns every problem found, each naming the entry, the field and the rule, so the
loader, the import, the admin API and the tests refuse the same things with the same words:

- `source-talk`: public copy (name, summary, description, contact route) talks about the sources instead of the
  support ("the seed reports", "the support table lists"); such passages belong in `provenance`.
- `summary-too-long`: a summary over 200 characters.
- `no-next-step`: an offer without both an http(s) `url` and a `contact_route`.
- `unsupported-address`: a `url` or `website` that no provenance supports. An address is supported by a cited
  page (its own address, its site's home page, or an address it gives) or by an address written in a cited seed
  passage; an offer may also use its provider's website or the front door's address.
- `unstated-field`: a field holding a value that no cited passage's or page's `states` lists, and that
  `curator_judgement` does not list either.
- `unknown-field`: `states` or `curator_judgement` naming a field the entry does not have.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from app.models.catalogue import OfferCreate, Provenance, ProviderCreate

SUMMARY_LIMIT = 200

OFFER_FACT_FIELDS = (
    "provider",
    "kind",
    "needs",
    "stages",
    "trl_min",
    "trl_max",
    "sectors",
    "organisation_types",
    "locations",
    "cost",
    "status",
    "application",
    "contact_route",
)
PROVIDER_FACT_FIELDS = ("kind", "base_location")
OFFER_COPY_FIELDS = ("name", "summary", "description", "contact_route")
PROVIDER_COPY_FIELDS = ("name", "description")

_FUNDING_WORDS = r"(?:round|stage|fund|funds|funding|investment|investments|investors?|capital|money|networks?|corn)"
SOURCE_TALK = re.compile(
    "|".join(
        [
            rf"\b(?:the|this|a|that|\d{{4}})\s+seeds?\b(?!\s*-?\s*{_FUNDING_WORDS})",
            r"\bseed\s+(?:document|report|text|file|passage)s?\b",
            r"\bsupport\s+table\b",
            r"\bthe\s+table(?:'s)?\s+(?:lists?|names?|gives?|footnote)",
            r"\bcurator",
            r"\bprovenance\b",
            r"\bthis\s+(?:entry|description)\b",
            r"\bthe\s+sources?\s+(?:say|says|do|does|give|gives|name|names|state|states)\b",
        ]
    ),
    re.IGNORECASE,
)
_ADDRESS = re.compile(r"(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:/[^\s)\"'\u2019,;]*)?", re.I)


@dataclass(frozen=True)
class LintProblem:
    """One broken rule: which entry, which field, which rule, and what to do about it."""

    entity: str
    slug: str
    field: str
    rule: str
    message: str

    def text(self) -> str:
        """The problem in one line, as the CLI prints it."""
        return f"{self.entity} '{self.slug}': field '{self.field}': rule '{self.rule}': {self.message}"


def normalised_address(address: str) -> str:
    """An address without scheme, `www.` or trailing slash, in lower case, for comparison."""
    bare = re.sub(r"^https?://", "", address.strip(), flags=re.I)
    bare = re.sub(r"^www\.", "", bare, flags=re.I)
    return bare.rstrip("/").casefold()


def _home(address: str) -> str:
    return normalised_address(address).split("/", 1)[0]


def supported_addresses(provenance: Provenance) -> set[str]:
    """Every address the provenance supports: cited pages and their home pages, and addresses in the passage."""
    found: set[str] = set()
    for page in provenance.pages:
        for address in (page.url, *page.addresses):
            found |= {normalised_address(address), _home(address)}
    passages = [p.passage for p in provenance.further_passages]
    if provenance.passage and provenance.source != "curator":
        passages.append(provenance.passage)
    for passage in passages:
        for match in _ADDRESS.findall(passage):
            if not match[0].isdigit():
                found |= {normalised_address(match), _home(match)}
    return found


def _stated_fields(provenance: Provenance) -> set[str]:
    stated = set(provenance.states)
    for passage in provenance.further_passages:
        stated |= set(passage.states)
    for page in provenance.pages:
        stated |= set(page.states)
    return stated


def _holds_value(value: Any) -> bool:
    if value is None:
        return False
    if isinstance(value, list | tuple | str):
        return bool(value)
    return True


def _copy_problems(entity: str, slug: str, values: Mapping[str, Any], fields: Iterable[str]) -> list[LintProblem]:
    problems = []
    for field in fields:
        text = values.get(field)
        if not isinstance(text, str):
            continue
        match = SOURCE_TALK.search(text)
        if match:
            problems.append(
                LintProblem(
                    entity,
                    slug,
                    field,
                    "source-talk",
                    f"public copy talks about the sources ('{match.group(0)}'); say what the innovator gets and "
                    "keep passages about the sources in provenance",
                )
            )
    return problems


def _fact_problems(
    entity: str,
    slug: str,
    values: Mapping[str, Any],
    provenance: Provenance,
    judgement: Sequence[str],
    fact_fields: Iterable[str],
    known_fields: Iterable[str],
) -> list[LintProblem]:
    problems = []
    known = set(known_fields)
    for field in sorted(set(judgement) - known):
        problems.append(
            LintProblem(entity, slug, "curator_judgement", "unknown-field", f"'{field}' is not a field of a {entity}")
        )
    stated = _stated_fields(provenance)
    for field in sorted(stated - known):
        problems.append(
            LintProblem(entity, slug, "provenance", "unknown-field", f"states '{field}', not a field of a {entity}")
        )
    for field in fact_fields:
        if _holds_value(values.get(field)) and field not in stated and field not in judgement:
            problems.append(
                LintProblem(
                    entity,
                    slug,
                    field,
                    "unstated-field",
                    "no cited passage or page states this field; cite one that does (its `states`) or list the "
                    "field in curator_judgement",
                )
            )
    return problems


def lint_provider(entry: ProviderCreate) -> list[LintProblem]:
    """Every rule a provider breaks."""
    values = entry.model_dump()
    problems = _copy_problems("provider", entry.slug, values, PROVIDER_COPY_FIELDS)
    if entry.website is not None and normalised_address(entry.website) not in supported_addresses(entry.provenance):
        problems.append(
            LintProblem(
                "provider",
                entry.slug,
                "website",
                "unsupported-address",
                f"no cited page or passage gives {entry.website}; cite the page it comes from, or leave it null",
            )
        )
    problems += _fact_problems(
        "provider",
        entry.slug,
        values,
        entry.provenance,
        entry.curator_judgement,
        PROVIDER_FACT_FIELDS,
        ProviderCreate.model_fields,
    )
    return problems


def lint_offer(entry: OfferCreate, *, provider_website: str | None, front_door_url: str | None) -> list[LintProblem]:
    """Every rule an offer breaks; its provider's website and the front door's address may serve as its `url`."""
    values = entry.model_dump()
    problems = _copy_problems("offer", entry.slug, values, OFFER_COPY_FIELDS)
    if len(entry.summary) > SUMMARY_LIMIT:
        problems.append(
            LintProblem(
                "offer",
                entry.slug,
                "summary",
                "summary-too-long",
                f"{len(entry.summary)} characters; at most {SUMMARY_LIMIT} (the rest belongs in the description)",
            )
        )
    if entry.url is None or not (entry.contact_route or "").strip():
        missing = " and ".join(name for name in ("url", "contact_route") if not values.get(name))
        problems.append(
            LintProblem(
                "offer",
                entry.slug,
                "url" if entry.url is None else "contact_route",
                "no-next-step",
                f"an offer needs an http(s) url and a contact_route (missing: {missing}); with no page of its own "
                "use its provider's website, else the front door's address, and say in contact_route how it leads on",
            )
        )
    if entry.url is not None:
        fallbacks = {normalised_address(a) for a in (provider_website, front_door_url) if a}
        if normalised_address(entry.url) not in supported_addresses(entry.provenance) | fallbacks:
            problems.append(
                LintProblem(
                    "offer",
                    entry.slug,
                    "url",
                    "unsupported-address",
                    f"no cited page or passage gives {entry.url}, and it is neither the provider's website nor the "
                    "front door's address",
                )
            )
    problems += _fact_problems(
        "offer",
        entry.slug,
        values,
        entry.provenance,
        entry.curator_judgement,
        OFFER_FACT_FIELDS,
        OfferCreate.model_fields,
    )
    return problems


def lint_catalogue(providers: Sequence[ProviderCreate], offers: Sequence[OfferCreate]) -> list[LintProblem]:
    """Every rule the entries of a whole catalogue break."""
    websites = {provider.slug: provider.website for provider in providers}
    # An offer with no page of its own or of its provider's may point to the front door (a signposting offer).
    front_door = next((offer.url for offer in sorted(offers, key=lambda o: o.slug) if offer.signposting), None)
    problems = [problem for provider in providers for problem in lint_provider(provider)]
    for offer in offers:
        door = None if offer.signposting else front_door
        problems += lint_offer(offer, provider_website=websites.get(offer.provider), front_door_url=door)
    return problems
