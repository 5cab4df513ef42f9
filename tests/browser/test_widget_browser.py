"""The widget in a real browser on another origin: three ways in, by mouse and keyboard, failing and recovering."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import RESULTS_DIR, ApiServer, HostServer, Tab, free_port, partner_page, snippet_from_demo_page

from app.config import PROJECT_ROOT
from tests.conftest import fixture_catalogue_dir

pytestmark = pytest.mark.browser

WIDE, NARROW = 1280, 375
DESCRIPTION = (
    "We are a start-up in Leeds with a prototype of an app for heart failure patients, tested with users. "
    "We need regulatory advice on medical device rules and seed investment."
)


# ---- helpers ---------------------------------------------------------------------------------------------------


def ready(page: Any) -> None:
    """The widget has loaded its vocabulary (or said why it could not)."""
    page.wait_for_function(
        """() => [...document.querySelectorAll('support-navigator')].every(n => {
            const root = n.shadowRoot;
            return root && (root.querySelector('form[part=form][aria-busy=false]')
                || root.querySelector('[part=error]:not([hidden])'));
        })"""
    )


def open_widget(tab: Tab, url: str) -> Any:
    page = tab.page
    page.goto(url)
    ready(page)
    return page


def open_expert(tab: Tab, url: str) -> Any:
    """The widget with its expert form open ("I know what I need" when the guided ways are offered)."""
    page = open_widget(tab, url)
    way = page.locator("support-navigator button[data-way=expert]")
    if way.count() and way.is_visible():
        way.click()
    page.wait_for_selector("support-navigator input#stage")
    return page


def stage_chosen(page: Any) -> str | None:
    """The value of the stage radio that is checked ("" for "Not sure"), or None when none is."""
    chosen = page.locator("support-navigator input[name=stage]:checked")
    return chosen.get_attribute("value") if chosen.count() else None


def shown_slugs(page: Any) -> list[str]:
    slugs: list[str] = page.eval_on_selector_all(
        "support-navigator ol[part=list] > li.result", "items => items.map(item => item.dataset.slug)"
    )
    return slugs


def focused(page: Any) -> dict[str, str]:
    """The element focused inside the widget's shadow root."""
    found: dict[str, str] = page.evaluate(
        """() => {
            const active = document.querySelector('support-navigator')?.shadowRoot?.activeElement;
            if (!active) return {};
            const style = getComputedStyle(active);
            return {tag: active.tagName.toLowerCase(), id: active.id, value: active.value ?? '',
                    text: active.textContent.trim(), outline: style.outlineStyle, type: active.type || '',
                    part: active.getAttribute('part') || '', way: active.dataset.way || '',
                    label: active.getAttribute('aria-label') || ''};
        }"""
    )
    return found


def tab_to(page: Any, predicate: Any, limit: int = 80) -> dict[str, str]:
    for _ in range(limit):
        page.keyboard.press("Tab")
        now = focused(page)
        if predicate(now):
            assert now["outline"] not in {"", "none"}, f"no visible focus on {now}"
            return now
    raise AssertionError("the control could not be reached with Tab")


def assert_no_stray_words(page: Any) -> None:
    """No "null" or "undefined" leaks into what a person reads."""
    texts: list[str] = page.eval_on_selector_all(
        "support-navigator", "nodes => nodes.map(n => n.shadowRoot.querySelector('[part=container]').innerText)"
    )
    for text in texts:
        assert not re.search(r"\b(null|undefined|NaN|\[object Object\])\b", text), text


def assert_only_expected_origins(tab: Tab, *origins: str) -> None:
    strangers = [url for url in tab.requests if not any(url.startswith(origin + "/") for origin in origins)]
    assert strangers == [], f"the widget requested something outside api-base: {strangers}"


def shoot(page: Any, name: str) -> None:
    """A full-page screenshot of this state at 1280 and at 375 px: test-results/widget-<name>-<width>.png."""
    RESULTS_DIR.mkdir(exist_ok=True)
    before = page.viewport_size
    for width in (WIDE, NARROW):
        page.set_viewport_size({"width": width, "height": 900 if width == WIDE else 812})
        page.wait_for_timeout(100)
        page.screenshot(path=str(RESULTS_DIR / f"widget-{name}-{width}.png"), full_page=True)
    page.set_viewport_size(before)


def serious(page: Any) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']]}"
        for v in results.response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


def in_first_viewport(page: Any, selector: str) -> bool:
    """The element lies wholly inside the first screenful of the page (no scrolling needed to see it)."""
    inside: bool = page.locator(selector).evaluate(
        """el => { const r = el.getBoundingClientRect();
                   return r.top + scrollY >= 0 && r.bottom + scrollY <= innerHeight; }"""
    )
    return inside


def fill_and_submit(page: Any) -> None:
    page.check("support-navigator input[name=stage][value='5']")
    page.click("support-navigator details:has(input[value=regulatory-advice]) summary")
    page.check("support-navigator input[value=regulatory-advice]")
    page.select_option("support-navigator #sector", "digital-health")
    page.select_option("support-navigator #organisation_type", "startup")
    page.select_option("support-navigator #location", "leeds")
    page.click("support-navigator form[part=form] button[type=submit]")
    page.wait_for_selector("support-navigator #results-heading")


def check_cards(page: Any, answer: dict[str, Any]) -> None:
    """Each card shows what the API said about its offer: the next step, provider, kind, cost, badge, reasons."""
    cards = page.locator("support-navigator ol[part=list] > li.result")
    assert cards.count() == len(answer["results"])
    for index, item in enumerate(answer["results"]):
        card, offer = cards.nth(index), item["offer"]
        assert card.get_attribute("data-slug") == offer["slug"]
        assert card.locator("[part=result-title]").inner_text() == f"{item['rank']}. {offer['name']}"
        assert card.locator("[part=provider]").inner_text() == f"Provided by {offer['provider']['name']}"
        link = card.locator("a[part~=link]")
        if offer.get("url"):
            assert link.get_attribute("href") == page.evaluate("u => new URL(u).href", offer["url"])
            assert link.get_attribute("target") == "_blank" and link.get_attribute("rel") == "noopener noreferrer"
            assert link.inner_text().startswith(f"Go to {offer['name']}")
        else:
            assert link.count() == 0
        if offer.get("contact_route"):
            assert card.locator("[part=contact]").inner_text() == f"Next step: {offer['contact_route']}"
        assert card.locator("[part=kind]").count() == 1 and card.locator("[part=cost]").count() == 1
        assert (card.locator("[part~=badge]:text('Opening soon')").count() == 1) == bool(item.get("forthcoming"))
        assert card.locator("[part=reasons] li").all_inner_texts() == [r["text"] for r in item["reasons"]]
    doors = page.locator("support-navigator [part=front-door] li.result")
    assert doors.evaluate_all("items => items.map(i => i.dataset.slug)") == [
        (door.get("offer") or door)["slug"] for door in answer.get("front_door") or []
    ]
    if answer.get("front_door"):
        assert page.inner_text("support-navigator [part=front-door] h3") == "Not what you need?"
        # Once, and after the ranked list.
        order = page.eval_on_selector(
            "support-navigator",
            "n => [...n.shadowRoot.querySelector('[part=results]').children].map(c => c.getAttribute('part'))",
        )
        assert order.index("front-door") > order.index("list") and order.count("front-door") == 1


@pytest.fixture
def questions(api_server: ApiServer) -> list[dict[str, Any]]:
    found = api_server.questions()
    if found is None:
        pytest.skip("this build serves no GET /v1/intake (the guided intake is built on the intake branch)")
    return found


PROFILE = {"stage": 5, "needs": "regulatory-advice", "sector": "digital-health", "organisation_type": "startup"}


# ---- the expert form ---------------------------------------------------------------------------------------------


def test_the_expert_form_gives_cards_that_lead_somewhere(
    tab: Tab, api_server: ApiServer, host_server: HostServer
) -> None:
    page = open_expert(tab, host_server.origin + "/")
    assert serious(page) == []
    shoot(page, "expert-form")
    page.select_option("support-navigator #trl", "7")
    assert "TRL 7 fits stage 5 (Clearance and trials)" in page.inner_text("support-navigator #crosswalk")
    page.select_option("support-navigator #trl", "")
    # The needs are a compact grouped picker: the nine needs, each with its more specific ones folded away.
    assert page.locator("support-navigator fieldset[data-field=needs] input:visible").count() == 9
    fill_and_submit(page)

    answer = api_server.match_body(**PROFILE, location="leeds")
    assert answer["results"], "the catalogue has offers for this profile"
    check_cards(page, answer)
    count = len(answer["results"])
    heading = page.inner_text("support-navigator #results-heading")
    assert heading == ("1 offer that fits you" if count == 1 else f"{count} offers that fit you")

    # Results first: the form folds into one line with "Change", and focus moves to the results.
    assert page.locator("support-navigator form[part=form]").is_hidden()
    summary = page.inner_text("support-navigator [part=search-summary]")
    assert "Stage 5 · Regulatory advice · Digital health" in summary and "Leeds" in summary and "Change" in summary
    assert focused(page)["id"] == "results-heading"
    page.wait_for_function(
        "() => document.querySelector('support-navigator').shadowRoot.querySelector('[role=status]').textContent"
        ".includes('that fit')"
    )
    query = parse_qs(urlsplit(page.url).query)
    assert query["sn-stage"] == ["5"] and query["sn-needs"] == ["regulatory-advice"] and query["sn-org"] == ["startup"]
    assert_no_stray_words(page)
    assert serious(page) == []
    shoot(page, "results")
    page.screenshot(path=str(RESULTS_DIR / "widget.png"), full_page=True)

    page.click("support-navigator [part=search-summary] button")
    assert page.locator("support-navigator form[part=form]").is_visible()
    assert focused(page)["id"] == "stage-5" and stage_chosen(page) == "5"
    assert tab.problems == [], tab.problems
    assert_only_expected_origins(tab, api_server.origin, host_server.origin)
    assert any(url.startswith(api_server.origin + "/v1/match?") for url in tab.requests)


def test_results_are_in_the_first_viewport_on_a_phone(tab: Tab, api_server: ApiServer, host_server: HostServer) -> None:
    tab.page.set_viewport_size({"width": NARROW, "height": 812})
    page = open_expert(tab, host_server.origin + "/")
    page.locator("support-navigator form[part=form] button[type=submit]").scroll_into_view_if_needed()
    fill_and_submit(page)
    assert in_first_viewport(page, "support-navigator #results-heading")
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW, "nothing overflows sideways"


def test_the_shared_link_restores_the_same_results(tab: Tab, api_server: ApiServer, host_server: HostServer) -> None:
    page = open_expert(tab, host_server.origin + "/")
    fill_and_submit(page)
    first_slugs = shown_slugs(page)
    shared = page.url

    other = tab.page.context.new_page()
    other.goto(shared)
    other.wait_for_selector("support-navigator #results-heading")
    assert shown_slugs(other) == first_slugs
    assert stage_chosen(other) == "5"
    assert other.input_value("support-navigator #location") == "leeds"
    assert other.is_checked("support-navigator input[value=regulatory-advice]")
    # Restoring on load announces the results but leaves the page's focus alone.
    assert focused(other) == {}

    # Back to the empty form, then forward to the results again.
    page.go_back()
    page.wait_for_selector("support-navigator section[part=results]", state="hidden")
    assert stage_chosen(page) == ""
    assert page.locator("support-navigator input#stage").is_visible()
    page.go_forward()
    page.wait_for_selector("support-navigator #results-heading")
    assert shown_slugs(page) == first_slugs


def test_your_route_view(tab: Tab, api_server: ApiServer, host_server: HostServer) -> None:
    page = open_widget(tab, host_server.origin + "/?sn-trl=4&sn-needs=research-expertise")
    page.wait_for_selector("support-navigator #results-heading")
    page.click("support-navigator button[part~=view] >> text=Your route")
    page.wait_for_selector("support-navigator ol[part=route]")
    assert page.inner_text("support-navigator #results-heading") == "Your route through the pathway"
    stages = page.locator("support-navigator ol[part=route] > li")
    titles = [stages.nth(i).locator("[part=stage-title]").inner_text() for i in range(stages.count())]
    expected = api_server.pathway(trl=4, needs="research-expertise", per_stage=3)
    assert titles == [f"Stage {step['stage']['number']}: {step['stage']['name']}" for step in expected]
    current = page.locator("support-navigator ol[part=route] > li[aria-current=step]")
    assert current.count() == sum(step["is_current"] for step in expected) >= 1
    assert "You are here" in current.first.inner_text()
    seen: dict[str, list[int]] = {}
    for step in expected:
        for item in step["results"]:
            seen.setdefault(item["offer"]["slug"], []).append(step["stage"]["number"])
    for index, step in enumerate(expected):
        shown = stages.nth(index).locator("li.result")
        assert shown.evaluate_all("items => items.map(item => item.dataset.slug)") == [
            item["offer"]["slug"] for item in step["results"]
        ]
        # A stage nothing serves says so in the API's own words; an offer at several stages is marked as such.
        note = stages.nth(index).locator("[part=note]")
        assert note.all_inner_texts() == ([step["note"]] if step.get("note") else [])
        for position, item in enumerate(step["results"]):
            others = [n for n in seen[item["offer"]["slug"]] if n != step["stage"]["number"]]
            badge = shown.nth(position).locator("[part~=recurs]")
            if others:
                label = "Also at stage " if len(others) == 1 else "Also at stages "
                assert badge.inner_text() == label + ", ".join(map(str, others))
            else:
                assert badge.count() == 0
    assert parse_qs(urlsplit(page.url).query)["sn-view"] == ["route"]
    assert page.get_attribute("support-navigator button[part~=view] >> text=Your route", "aria-pressed") == "true"
    assert_no_stray_words(page)
    assert serious(page) == []
    shoot(page, "route")

    # The route view is shareable too.
    again = tab.page.context.new_page()
    again.goto(page.url)
    again.wait_for_selector("support-navigator ol[part=route]")
    assert again.locator("support-navigator ol[part=route] > li").count() == stages.count()


def test_keyboard_only_through_the_expert_form(tab: Tab, api_server: ApiServer, host_server: HostServer) -> None:
    page = open_widget(tab, host_server.origin + "/")
    keyboard = page.keyboard
    if page.locator("support-navigator button[data-way=expert]").is_visible():
        tab_to(page, lambda f: f.get("way") == "expert")
        keyboard.press("Enter")
        assert focused(page)["id"] == "stage"

    # Submitting nothing says what is missing and puts focus on the first question.
    tab_to(page, lambda f: f.get("part") == "button submit")
    keyboard.press("Enter")
    assert focused(page)["id"] == "stage"
    assert "Choose a pathway stage, a TRL, at least one need" in page.inner_text("support-navigator #form-error")

    # The more specific needs unfold from the keyboard.
    tab_to(page, lambda f: f.get("tag") == "summary" and "Professional advice" in f.get("text", ""))
    keyboard.press("Enter")
    tab_to(page, lambda f: f.get("value") == "regulatory-advice")
    keyboard.press("Space")
    assert page.is_checked("support-navigator input[value=regulatory-advice]")
    tab_to(page, lambda f: f.get("id") == "keywords")
    keyboard.type("regulatory")
    tab_to(page, lambda f: f.get("part") == "button submit")
    keyboard.press("Enter")
    page.wait_for_selector("support-navigator #results-heading")
    assert focused(page)["id"] == "results-heading"
    assert shown_slugs(page) == api_server.match(needs="regulatory-advice", keywords="regulatory")

    tab_to(page, lambda f: f.get("text") == "Your route")
    keyboard.press("Space")
    page.wait_for_selector("support-navigator ol[part=route]")
    assert focused(page)["id"] == "results-heading"
    tab_to(page, lambda f: f.get("text") == "Ranked list")
    keyboard.press("Enter")
    page.wait_for_selector("support-navigator ol[part=list]")
    if page.locator("support-navigator li.result a[part~=link]").count():
        link = tab_to(page, lambda f: f.get("tag") == "a")
        assert link["text"].endswith("(opens in a new tab)")
    tab_to(page, lambda f: f.get("part") == "button share")


# ---- the guided questions and the description ---------------------------------------------------------------------


def _answer_by_keyboard(page: Any, question: dict[str, Any]) -> Any:
    """Answers a question from the keyboard: the fourth option of the first single-choice question, the first two of
    a multiple-choice one, a sentence for a text one; other questions are skipped. Returns the answer given."""
    keyboard = page.keyboard
    now = focused(page)
    kind = question["kind"]
    if kind == "text":
        assert now["tag"] == "textarea"
        keyboard.type("An app for heart failure patients")
        return "An app for heart failure patients"
    assert now["tag"] == "input" and now["value"] == question["options"][0]["id"], now
    if kind == "multi":
        keyboard.press("Space")
        keyboard.press("Tab")
        keyboard.press("Space")
        return [question["options"][0]["id"], question["options"][1]["id"]]
    keyboard.press("Space")
    steps = min(3, len(question["options"]) - 1)
    for _ in range(steps):
        keyboard.press("ArrowDown")
    return question["options"][steps]["id"]


def test_keyboard_only_through_the_guided_questions(
    tab: Tab, api_server: ApiServer, host_server: HostServer, questions: list[dict[str, Any]]
) -> None:
    page = open_widget(tab, host_server.origin + "/")
    keyboard = page.keyboard
    total = len(questions)
    assert page.get_attribute("support-navigator button[data-way=guided]", "aria-pressed") == "true"
    tab_to(page, lambda f: f.get("tag") in {"input", "textarea"})
    answers: dict[str, Any] = {}
    answered_single = False
    for number, question in enumerate(questions, start=1):
        assert page.inner_text("support-navigator [part=step]") == f"{number} of {total}"
        assert page.inner_text("support-navigator [part=question] legend") == question["text"]
        assert_no_stray_words(page)
        assert serious(page) == [], f"question {number}"
        shoot(page, f"question-{number}")
        if question["kind"] != "single" or not answered_single:
            answers[question["id"]] = _answer_by_keyboard(page, question)
            answered_single = answered_single or question["kind"] == "single"
        tab_to(page, lambda f: f.get("part") == "button next")
        keyboard.press("Enter")
        if number < total:
            assert focused(page)["tag"] in {"input", "textarea"}
        query = parse_qs(urlsplit(page.url).query)
        assert query["sn-way"] == ["guided"]
        assert query["sn-step"] == [str(number + 1) if number < total else "summary"]

    # The summary lists every answer, each with its own "Change".
    rows = page.locator("support-navigator [part=answers] > li")
    assert rows.count() == total
    for index, question in enumerate(questions):
        text = rows.nth(index).inner_text()
        given = answers.get(question["id"])
        if given is None:
            assert "Not answered" in text
        elif question["kind"] == "text":
            assert given in text
        else:
            for option in question["options"]:
                assert (option["label"] in text) == (option["id"] in (given if isinstance(given, list) else [given]))
    assert serious(page) == []
    shoot(page, "summary")

    # Back to a question from the summary and forward again keeps the answers.
    tab_to(page, lambda f: f.get("part") == "button change")
    keyboard.press("Enter")
    assert page.inner_text("support-navigator [part=step]") == f"1 of {total}"
    for _ in range(total):
        tab_to(page, lambda f: f.get("part") == "button next")
        keyboard.press("Enter")
    assert page.locator("support-navigator [part=answers]").is_visible()
    tab_to(page, lambda f: f.get("part") == "button submit")
    keyboard.press("Enter")
    page.wait_for_selector("support-navigator #results-heading")
    assert focused(page)["id"] == "results-heading"

    expected = api_server.intake(answers=answers, limit=10)
    assert expected is not None
    assert shown_slugs(page) == [item["offer"]["slug"] for item in expected["match"]["results"]]
    if expected["match"]["results"]:
        check_cards(page, expected["match"])
    # What the widget understood, in plain words, with where it came from and a way to change it.
    understood = page.locator("support-navigator [part=inferences] li")
    assert understood.count() == len(expected["inferences"]) >= 1
    for index, inference in enumerate(expected["inferences"]):
        line = understood.nth(index).inner_text()
        assert inference["because"].rstrip(".") in line
        assert understood.nth(index).locator("button").get_attribute("aria-label").startswith("Change ")
    assert "From your answers:" in page.inner_text("support-navigator [part=search-summary]")
    assert_no_stray_words(page)
    assert serious(page) == []
    shoot(page, "guided-results")
    # The first screenful on a phone, as the README shows it.
    page.set_viewport_size({"width": NARROW, "height": 812})
    page.evaluate("scrollTo(0, 0)")
    page.screenshot(path=str(RESULTS_DIR / "widget-guided-results-375-first-screen.png"))
    assert in_first_viewport(page, "support-navigator #results-heading")
    page.set_viewport_size({"width": WIDE, "height": 900})

    # The address holds the answers: a shared link gives the same results, and Back returns to the summary.
    other = tab.page.context.new_page()
    other.goto(page.url)
    other.wait_for_selector("support-navigator #results-heading")
    assert shown_slugs(other) == shown_slugs(page)
    page.go_back()
    page.wait_for_selector("support-navigator [part=answers]")
    assert page.locator("support-navigator section[part=results]").is_hidden()

    # Changing an inference opens the expert form with the understood profile, at that field.
    page.go_forward()
    page.wait_for_selector("support-navigator [part=inferences]")
    page.click("support-navigator [part=inferences] li >> nth=0 >> button")
    assert page.locator("support-navigator form[part=form]").is_visible()
    assert focused(page)["tag"] in {"select", "input"}
    assert tab.problems == [], tab.problems


def test_keyboard_only_through_the_description(
    tab: Tab, api_server: ApiServer, host_server: HostServer, questions: list[dict[str, Any]]
) -> None:
    tab.page.set_viewport_size({"width": NARROW, "height": 812})
    page = open_widget(tab, host_server.origin + "/")
    keyboard = page.keyboard
    tab_to(page, lambda f: f.get("way") == "describe")
    keyboard.press("Enter")
    assert focused(page)["id"] == "description"
    assert serious(page) == []
    shoot(page, "describe")
    # Nothing written: the widget says so next to the box.
    tab_to(page, lambda f: f.get("part") == "button submit")
    keyboard.press("Enter")
    assert focused(page)["id"] == "description"
    assert "Write a sentence or two" in page.inner_text("support-navigator #description-error")
    keyboard.type(DESCRIPTION)
    tab_to(page, lambda f: f.get("part") == "button submit")
    keyboard.press("Enter")
    page.wait_for_selector("support-navigator #results-heading")
    assert focused(page)["id"] == "results-heading"
    assert in_first_viewport(page, "support-navigator #results-heading")

    expected = api_server.intake(description=DESCRIPTION, limit=10)
    assert expected is not None
    assert shown_slugs(page) == [item["offer"]["slug"] for item in expected["match"]["results"]]
    assert page.locator("support-navigator [part=inferences] li").count() == len(expected["inferences"])
    assert "From your description:" in page.inner_text("support-navigator [part=search-summary]")
    assert parse_qs(urlsplit(page.url).query)["sn-d"] == [DESCRIPTION]
    assert serious(page) == []
    shoot(page, "describe-results")
    # Change reopens the box with the words in it.
    page.click("support-navigator [part=search-summary] button")
    assert focused(page)["id"] == "description"
    assert page.input_value("support-navigator #description") == DESCRIPTION
    assert tab.problems == [], tab.problems


def test_an_intake_answer_the_api_refuses_never_leaves_the_widget_stuck(
    tab: Tab, api_server: ApiServer, host_server: HostServer, questions: list[dict[str, Any]]
) -> None:
    first = questions[0]
    assert first["kind"] == "single"
    # A hand-edited link with an option the questions do not have: the API refuses it, the summary says so at the
    # question, and changing the answer gets the results.
    page = open_widget(tab, host_server.origin + f"/?sn-way=guided&sn-a-{first['id']}=spaceship&sn-step=results")
    row = page.wait_for_selector(f"support-navigator [part=answers] li[data-question={first['id']}] [part=field-error]")
    assert row.inner_text()
    assert "not one of the choices" in page.inner_text(f"support-navigator li[data-question={first['id']}]")
    assert page.locator("support-navigator [part=error]").is_visible()
    assert_no_stray_words(page)
    assert serious(page) == []
    shoot(page, "guided-refused")
    page.click(f"support-navigator li[data-question={first['id']}] button")
    assert page.inner_text("support-navigator [part=step]").startswith("1 of ")
    page.check(f"support-navigator input[value={first['options'][0]['id']}]")
    for _ in questions:
        page.click("support-navigator button[part~=next]")
    page.click("support-navigator form[part=guided] button[type=submit]")
    page.wait_for_selector("support-navigator #results-heading")
    assert page.locator("support-navigator [part=error]").is_hidden()

    # A description over 1,000 characters: the API's words next to the box, and a shorter one works.
    page.goto(host_server.origin + "/?sn-way=describe&sn-step=results&sn-d=" + "heart%20" * 200)
    error = page.wait_for_selector("support-navigator #description-error:not([hidden])")
    assert error.inner_text()
    assert page.get_attribute("support-navigator #description", "aria-invalid") == "true"
    page.fill("support-navigator #description", DESCRIPTION)
    page.click("support-navigator form[part=describe] button[type=submit]")
    page.wait_for_selector("support-navigator #results-heading")


def test_a_description_too_vague_to_search_asks_for_more(
    tab: Tab, api_server: ApiServer, host_server: HostServer, questions: list[dict[str, Any]]
) -> None:
    expected = api_server.intake(description="Hello there", limit=10)
    assert expected is not None and expected["match"] is None and expected["follow_up"]
    page = open_widget(tab, host_server.origin + "/?sn-way=describe&sn-step=results&sn-d=Hello%20there")
    page.wait_for_selector("support-navigator #results-heading")
    assert page.inner_text("support-navigator #results-heading") == "Tell us a little more"
    assert page.locator("support-navigator [part=follow-up] li > span").all_inner_texts() == [
        item["text"] for item in expected["follow_up"]
    ]
    assert page.locator("support-navigator button[part~=share]").count() == 0
    assert page.locator("support-navigator button[part~=view]").count() == 0
    assert_no_stray_words(page)
    assert serious(page) == []
    shoot(page, "tell-us-more")
    assert page.locator("support-navigator [part=follow-up] button").all_inner_texts() == ["Add to your description"]
    page.click("support-navigator [part=follow-up] button")
    assert focused(page)["id"] == "description"
    assert page.input_value("support-navigator #description") == "Hello there"


def test_guided_results_are_in_the_first_viewport_on_a_phone(
    tab: Tab, api_server: ApiServer, host_server: HostServer, questions: list[dict[str, Any]]
) -> None:
    tab.page.set_viewport_size({"width": NARROW, "height": 812})
    first = questions[0]
    page = open_widget(
        tab, host_server.origin + f"/?sn-way=guided&sn-step=summary&sn-a-{first['id']}={first['options'][0]['id']}"
    )
    page.wait_for_selector("support-navigator [part=answers]")
    page.locator("support-navigator form[part=guided] button[type=submit]").scroll_into_view_if_needed()
    page.click("support-navigator form[part=guided] button[type=submit]")
    page.wait_for_selector("support-navigator #results-heading")
    assert in_first_viewport(page, "support-navigator #results-heading")
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW


# ---- failing and recovering ---------------------------------------------------------------------------------------


def test_api_stopped_then_back(tab: Tab, api_server: ApiServer, host_server: HostServer) -> None:
    page = open_expert(tab, host_server.origin + "/")
    page.check("support-navigator input[value=seed-investment]")
    api_server.stop()
    try:
        page.click("support-navigator form[part=form] button[type=submit]")
        problem = page.wait_for_selector("support-navigator [part=error]:not([hidden])")
        assert "can't reach the support navigator" in problem.inner_text()
        assert_no_stray_words(page)
        assert focused(page)["part"] == "error"
        assert serious(page) == []
        shoot(page, "unreachable")
        retry = page.locator("support-navigator button[part~=retry]")
        retry.click()
        page.wait_for_selector("support-navigator [part=error]:not([hidden])")
        assert page.locator("support-navigator [part=results]").is_hidden()
    finally:
        api_server.start()
    page.click("support-navigator button[part~=retry]")
    page.wait_for_selector("support-navigator #results-heading")
    assert page.locator("support-navigator [part=error]").is_hidden()
    assert shown_slugs(page) == api_server.match(needs="seed-investment")
    assert focused(page)["id"] == "results-heading"


def test_the_api_s_own_objection_is_shown_next_to_the_field(
    tab: Tab, api_server: ApiServer, host_server: HostServer
) -> None:
    # A hand-edited link with a TRL outside the stage's band: the API answers 422 naming trl, and the widget says why
    # beside the TRL, with the form open.
    page = open_widget(tab, host_server.origin + "/?sn-stage=1&sn-trl=9")
    note = page.wait_for_selector("support-navigator #trl-error")
    assert "TRL 9 is outside stage 1" in note.inner_text()
    assert page.get_attribute("support-navigator #trl", "aria-invalid") == "true"
    assert "trl-error" in (page.get_attribute("support-navigator #trl", "aria-describedby") or "")
    assert page.locator("support-navigator form[part=form]").is_visible()
    assert page.inner_text("support-navigator [part=error]").startswith("Please check")
    assert page.locator("support-navigator button[part~=retry]").count() == 0
    assert_no_stray_words(page)
    assert serious(page) == []
    shoot(page, "refused")
    # The form explains the crosswalk and will not send the same mismatch again.
    assert "TRL 9 does not fit stage 1" in page.inner_text("support-navigator #crosswalk")
    page.click("support-navigator form[part=form] button[type=submit]")
    assert "TRL 9 does not fit stage 1" in page.inner_text("support-navigator #form-error")
    page.select_option("support-navigator #trl", "")
    page.click("support-navigator form[part=form] button[type=submit]")
    page.wait_for_selector("support-navigator #results-heading")
    assert page.locator("support-navigator #trl-error").count() == 0


def test_an_origin_the_api_does_not_allow_gets_the_friendly_message(tab: Tab, api_server: ApiServer) -> None:
    # NAVIGATOR_CORS_ORIGINS names only the partner's origin: the browser itself refuses the answers elsewhere.
    stranger = HostServer(port=free_port())
    stranger.pages["/"] = (partner_page(snippet_from_demo_page(api_server.origin)), {})
    stranger.serve()
    try:
        tab.page.goto(stranger.origin + "/")
        problem = tab.page.wait_for_selector("support-navigator [part=error]:not([hidden])")
        assert "can't reach the support navigator" in problem.inner_text()
        assert tab.page.locator("support-navigator input#stage").count() == 0
    finally:
        stranger.shutdown()


def _with_intake(directory: Path) -> Path:
    """The fixture catalogue with the real intake questions beside it (when this build has them)."""
    questions = PROJECT_ROOT / "data" / "intake.yaml"
    if questions.exists():
        shutil.copy(questions, directory / "intake.yaml")
    return directory


def test_no_results_says_what_would_help(tab: Tab, tmp_path: Path) -> None:
    # A second real server over the hand-made test catalogue, where nothing serves venture investment abroad.
    host = HostServer(port=free_port())
    env = {
        **os.environ,
        "NAVIGATOR_DATABASE_URL": f"sqlite:///{tmp_path / 'fixture.db'}",
        "NAVIGATOR_DATA_DIR": str(_with_intake(fixture_catalogue_dir(tmp_path))),
        "NAVIGATOR_CORS_ORIGINS": f'["{host.origin}"]',
    }
    env.pop("NAVIGATOR_REDIS_URL", None)
    api = ApiServer(port=free_port(), env=env, log=tmp_path / "fixture-server.log")
    api.start()
    host.pages["/"] = (partner_page(snippet_from_demo_page(api.origin)), {})
    host.serve()
    try:
        params = {"needs": "venture-investment", "location": "international"}
        answer = api.match_body(**params, explain="full", limit=10)
        assert answer["results"] == []
        page = open_widget(tab, host.origin + "/?sn-needs=venture-investment&sn-location=international")
        page.wait_for_selector("support-navigator [part=empty]")
        assert page.inner_text("support-navigator #results-heading") == "No offers fit all of that"
        assert page.inner_text("support-navigator [part=empty]").startswith("What would help:")
        near = page.locator("support-navigator [part=near-misses] li.result")
        assert near.evaluate_all("items => items.map(i => i.dataset.slug)") == [
            item["offer"]["slug"] for item in (answer.get("near_misses") or [])[:5]
        ]
        for index, item in enumerate((answer.get("near_misses") or [])[:5]):
            assert item["hint"] in near.nth(index).inner_text()
        doors = page.locator("support-navigator [part=front-door] li.result")
        assert doors.count() == len(answer.get("front_door") or [])
        # Nothing to share.
        assert page.locator("support-navigator button[part~=share]").count() == 0
        assert_no_stray_words(page)
        assert serious(page) == []
        shoot(page, "empty")
    finally:
        host.shutdown()
        api.stop()


def test_demo_page_on_the_api_origin(tab: Tab, api_server: ApiServer) -> None:
    page = tab.page
    failed: list[str] = []
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.goto(api_server.origin + "/widget/")
    ready(page)
    snippet = page.inner_text("#snippet")
    assert f'<script src="{api_server.origin}/widget/navigator.js" defer></script>' in snippet
    assert f'<support-navigator api-base="{api_server.origin}"></support-navigator>' in snippet
    icon = page.get_attribute("link[rel=icon]", "href")
    assert icon and page.evaluate("href => fetch(href).then(r => r.ok && r.headers.get('content-type'))", icon) == (
        "image/svg+xml"
    )
    themed = page.locator("support-navigator.partner-theme")
    assert themed.locator("[part=title]").inner_text().upper() == "WHERE NEXT FOR YOUR INNOVATION?"
    way = themed.locator("button[data-way=expert]")
    if way.count() and way.is_visible():
        way.click()
    submit = themed.locator("form[part=form] button[type=submit]")
    assert submit.inner_text() == "Show me support"
    assert submit.evaluate("b => getComputedStyle(b).backgroundColor") == "rgb(106, 27, 111)"
    themed.locator("input[value=work-space]").check()
    submit.click()
    themed.locator("#results-heading").wait_for()
    assert themed.locator("ol[part=list] > li.result").count() <= 3
    assert "sn-" not in page.url
    assert_no_stray_words(page)
    assert serious(page) == []
    assert failed == [], f"the demo page asked for something missing: {failed}"
    RESULTS_DIR.mkdir(exist_ok=True)
    page.screenshot(path=str(RESULTS_DIR / "widget-demo.png"), full_page=True)
