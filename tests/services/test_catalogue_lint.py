"""The catalogue lint: each rule refuses what it should, names entry, field and rule, and passes good entries."""

from __future__ import annotations

from typing import Any

import pytest

from app.models.catalogue import OfferCreate, ProviderCreate
from app.services.exchange.lint import SUMMARY_LIMIT, LintProblem, lint_catalogue, lint_offer, lint_provider
from tests.curators import new_offer, new_provider

FRONT_DOOR = "https://front.example.org/door/"


def offer(slug: str = "delta-accelerator", **changes: Any) -> OfferCreate:
    return OfferCreate.model_validate(new_offer(slug, **changes))


def provider(slug: str = "delta-hub", **changes: Any) -> ProviderCreate:
    return ProviderCreate.model_validate(new_provider(slug, **changes))


def rules(problems: list[LintProblem]) -> set[tuple[str, str]]:
    return {(p.field, p.rule) for p in problems}


def test_good_entries_pass() -> None:
    assert lint_offer(offer(), provider_website=None, front_door_url=FRONT_DOOR) == []
    assert lint_provider(provider()) == []


@pytest.mark.parametrize(
    ("field", "text"),
    [
        ("summary", "The seed reports 51 UK companies in the programme."),
        ("description", "One of the investors that the support table lists under investor networks."),
        ("description", "The 2020 seed names it among the routes into the NHS."),
        ("summary", "Named in the table's footnote as an example."),
        ("description", "This description comes from the narrative, so the needs are the curator's reading."),
        ("contact_route", "Through whatever the sources say"),
    ],
)
def test_source_talk_in_public_copy_is_refused(field: str, text: str) -> None:
    problems = lint_offer(offer(**{field: text}), provider_website=None, front_door_url=FRONT_DOOR)
    assert (field, "source-talk") in rules(problems)
    assert all(p.slug == "delta-accelerator" and p.entity == "offer" for p in problems)


@pytest.mark.parametrize(
    "text",
    [
        "Seed investment for early-stage companies and seed rounds up to £1m.",
        "Equity for start-ups at seed stage, and a seed fund for spin-outs.",
        "Investor networks (seed) and venture capital.",
    ],
)
def test_seed_funding_words_are_not_source_talk(text: str) -> None:
    assert lint_offer(offer(summary=text), provider_website=None, front_door_url=FRONT_DOOR) == []


def test_a_summary_over_the_limit_is_refused() -> None:
    problems = lint_offer(offer(summary="x" * (SUMMARY_LIMIT + 1)), provider_website=None, front_door_url=FRONT_DOOR)
    assert rules(problems) == {("summary", "summary-too-long")}
    assert lint_offer(offer(summary="x" * SUMMARY_LIMIT), provider_website=None, front_door_url=FRONT_DOOR) == []


def test_an_offer_without_a_next_step_is_refused() -> None:
    no_url = lint_offer(offer(url=None), provider_website=None, front_door_url=FRONT_DOOR)
    assert ("url", "no-next-step") in rules(no_url)
    no_route = lint_offer(offer(contact_route=None), provider_website=None, front_door_url=FRONT_DOOR)
    assert ("contact_route", "no-next-step") in rules(no_route)
    blank = lint_offer(offer(contact_route="   "), provider_website=None, front_door_url=FRONT_DOOR)
    assert ("contact_route", "no-next-step") in rules(blank)


def test_an_address_no_provenance_supports_is_refused() -> None:
    guessed = offer(url="https://guessed.example.com/programme")
    problems = lint_offer(guessed, provider_website=None, front_door_url=FRONT_DOOR)
    assert rules(problems) == {("url", "unsupported-address")}
    assert "https://guessed.example.com/programme" in problems[0].message
    website = provider(website="https://elsewhere.example.com")
    assert rules(lint_provider(website)) == {("website", "unsupported-address")}


def test_supported_addresses_a_page_its_home_an_address_it_gives_the_provider_and_the_front_door() -> None:
    home = offer(url="https://delta.example.org/")
    assert lint_offer(home, provider_website=None, front_door_url=FRONT_DOOR) == []
    given = new_offer(url="https://given.example.net/x")
    given["provenance"]["pages"][0]["addresses"] = ["https://given.example.net/x"]
    assert lint_offer(OfferCreate.model_validate(given), provider_website=None, front_door_url=FRONT_DOOR) == []
    fallback = offer(url="https://provider.example.net")
    assert lint_offer(fallback, provider_website="https://provider.example.net", front_door_url=FRONT_DOOR) == []
    assert lint_offer(offer(url=FRONT_DOOR), provider_website=None, front_door_url=FRONT_DOOR) == []
    assert rules(lint_offer(offer(url=FRONT_DOOR), provider_website=None, front_door_url=None)) == {
        ("url", "unsupported-address")
    }


def test_an_address_in_the_seed_passage_is_supported() -> None:
    entry = new_provider(website="https://www.westyorks-ca.gov.uk")
    entry["provenance"] = {
        "source": "001_7cf07db3484ec40a.txt",
        "passage": "For more information visit www.westyorks-ca.gov.uk",
        "states": ["kind", "base_location"],
    }
    assert lint_provider(ProviderCreate.model_validate(entry)) == []


def test_an_unstated_field_must_be_listed_in_curator_judgement() -> None:
    unmarked = offer(curator_judgement=["provider", "kind", "needs", "stages", "cost", "status", "application"])
    problems = lint_offer(unmarked, provider_website=None, front_door_url=FRONT_DOOR)
    assert rules(problems) == {("sectors", "unstated-field"), ("contact_route", "unstated-field")}
    stated = new_offer(curator_judgement=["provider", "kind", "needs", "stages", "cost", "status", "application"])
    stated["provenance"]["pages"][0]["states"] = ["sectors", "contact_route"]
    assert lint_offer(OfferCreate.model_validate(stated), provider_website=None, front_door_url=FRONT_DOOR) == []
    assert rules(lint_provider(provider(curator_judgement=["kind"]))) == {("base_location", "unstated-field")}
    assert lint_provider(provider(base_location=None, curator_judgement=["kind"])) == []


def test_naming_a_field_an_entry_does_not_have_is_refused() -> None:
    judgement = [*new_offer()["curator_judgement"], "colour"]
    problems = lint_offer(offer(curator_judgement=judgement), provider_website=None, front_door_url=FRONT_DOOR)
    assert rules(problems) == {("curator_judgement", "unknown-field")}


def test_the_whole_catalogue_lint_uses_each_providers_website_and_the_front_door() -> None:
    door_entry = new_offer("lahp-navigator", url=FRONT_DOOR, signposting=True)
    door_entry["provenance"]["pages"] = [{"url": FRONT_DOOR, "title": "Front door"}]
    door = OfferCreate.model_validate(door_entry)
    via_door = offer("via-door", url=FRONT_DOOR)
    via_provider_entry = new_offer("via-provider", url="https://beta.example.net")
    via_provider_entry["provenance"]["pages"] = [{"url": "https://unrelated.example.net/page", "title": "Page"}]
    via_provider = OfferCreate.model_validate(via_provider_entry)
    beta = new_provider("beta-advisors", website="https://beta.example.net")
    beta["provenance"]["pages"] = [{"url": "https://beta.example.net", "title": "Beta"}]
    problems = lint_catalogue([ProviderCreate.model_validate(beta)], [door, via_door, via_provider])
    assert problems == []
    lonely = offer("lonely", url="https://nowhere.example.com")
    assert [(p.slug, p.rule) for p in lint_catalogue([provider("beta-advisors")], [lonely])] == [
        ("lonely", "unsupported-address")
    ]


def test_problem_text_names_entry_field_and_rule() -> None:
    [problem] = lint_offer(offer(summary="x" * 300), provider_website=None, front_door_url=FRONT_DOOR)
    assert problem.text().startswith(
        "offer 'delta-accelerator': field 'summary': rule 'summary-too-long': 300 characters"
    )
