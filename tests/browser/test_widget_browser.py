"""The widget in a real browser: embedded on another origin, by mouse and by keyboard, failing and recovering."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import RESULTS_DIR, ApiServer, HostServer, Tab, free_port, partner_page, snippet_from_demo_page

from tests.conftest import fixture_catalogue_dir

pytestmark = pytest.mark.browser

RESULT_TITLES = "support-navigator li.result [part~=result-title]"


def open_widget(tab: Tab, url: str) -> Any:
    page = tab.page
    page.goto(url)
    page.wait_for_selector("support-navigator select#stage")
    return page


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
                    text: active.textContent.trim(), outline: style.outlineStyle,
                    part: active.getAttribute('part') || ''};
        }"""
    )
    return found


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


def fill_and_submit(page: Any) -> None:
    page.select_option("support-navigator #stage", "5")
    page.check("support-navigator input[value=regulatory-advice]")
    page.select_option("support-navigator #sector", "digital-health")
    page.select_option("support-navigator #organisation_type", "startup")
    page.select_option("support-navigator #location", "leeds")
    page.click("support-navigator button[type=submit]")
    page.wait_for_selector("support-navigator #results-heading")


PROFILE = {"stage": 5, "needs": "regulatory-advice", "sector": "digital-health", "organisation_type": "startup"}


def test_fill_the_form_and_get_ranked_results_across_origins(
    tab: Tab, api_server: ApiServer, host_server: HostServer
) -> None:
    page = open_widget(tab, host_server.origin + "/")
    page.select_option("support-navigator #trl", "7")
    assert "TRL 7 fits stage 5 (Clearance and trials)" in page.inner_text("support-navigator #crosswalk")
    page.select_option("support-navigator #trl", "")
    fill_and_submit(page)

    expected = api_server.match(**PROFILE, location="leeds")
    assert expected, "the catalogue has offers for this profile"
    assert shown_slugs(page) == expected
    heading = page.inner_text("support-navigator #results-heading")
    assert heading == ("1 offer that fits you" if len(expected) == 1 else f"{len(expected)} offers that fit you")
    first = page.locator("support-navigator li.result").first
    assert first.locator("[part=provider]").inner_text().startswith("Provided by ")
    assert first.locator("[part=reasons] li").count() >= 1
    links = page.locator("support-navigator li.result a[part=link]")
    for index in range(links.count()):
        link = links.nth(index)
        assert (link.get_attribute("href") or "").startswith(("https://", "http://"))
        assert link.get_attribute("target") == "_blank" and "noopener" in (link.get_attribute("rel") or "")

    # Focus moves to the results, and the live region announces them.
    assert focused(page)["id"] == "results-heading"
    page.wait_for_function(
        "() => document.querySelector('support-navigator').shadowRoot.querySelector('[role=status]').textContent"
        ".includes('that fit')"
    )
    query = parse_qs(urlsplit(page.url).query)
    assert query["sn-stage"] == ["5"] and query["sn-needs"] == ["regulatory-advice"] and query["sn-org"] == ["startup"]

    assert_no_stray_words(page)
    RESULTS_DIR.mkdir(exist_ok=True)
    page.screenshot(path=str(RESULTS_DIR / "widget.png"), full_page=True)
    assert tab.problems == [], tab.problems
    assert_only_expected_origins(tab, api_server.origin, host_server.origin)
    assert any(url.startswith(api_server.origin + "/v1/match?") for url in tab.requests)


def test_the_shared_link_restores_the_same_results(tab: Tab, api_server: ApiServer, host_server: HostServer) -> None:
    page = open_widget(tab, host_server.origin + "/")
    fill_and_submit(page)
    first_slugs = shown_slugs(page)
    shared = page.url

    other = tab.page.context.new_page()
    other.goto(shared)
    other.wait_for_selector("support-navigator #results-heading")
    assert shown_slugs(other) == first_slugs
    assert other.input_value("support-navigator #stage") == "5"
    assert other.input_value("support-navigator #location") == "leeds"
    assert other.is_checked("support-navigator input[value=regulatory-advice]")
    # Restoring on load announces the results but leaves the page's focus alone.
    assert focused(other) == {}

    # Back to the empty form, then forward to the results again.
    page.go_back()
    page.wait_for_selector("support-navigator section[part=results]", state="hidden")
    assert page.input_value("support-navigator #stage") == ""
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
    shown = stages.nth(0).locator("li.result").evaluate_all("items => items.map(item => item.dataset.slug)")
    assert shown == [item["offer"]["slug"] for item in expected[0]["results"]]
    assert parse_qs(urlsplit(page.url).query)["sn-view"] == ["route"]
    assert page.get_attribute("support-navigator button[part~=view] >> text=Your route", "aria-pressed") == "true"

    # The route view is shareable too.
    again = tab.page.context.new_page()
    again.goto(page.url)
    again.wait_for_selector("support-navigator ol[part=route]")
    assert again.locator("support-navigator ol[part=route] > li").count() == stages.count()


def test_keyboard_only(tab: Tab, api_server: ApiServer, host_server: HostServer) -> None:
    page = open_widget(tab, host_server.origin + "/")
    keyboard = page.keyboard

    def tab_to(predicate: Any, limit: int = 60) -> dict[str, str]:
        for _ in range(limit):
            keyboard.press("Tab")
            now = focused(page)
            if predicate(now):
                assert now["outline"] not in {"", "none"}, f"no visible focus on {now}"
                return now
        raise AssertionError("the control could not be reached with Tab")

    # Submitting nothing says what is missing and puts focus on the first question.
    tab_to(lambda f: f.get("part") == "button submit")
    keyboard.press("Enter")
    assert focused(page)["id"] == "stage"
    assert "Choose a pathway stage, a TRL or at least one need" in page.inner_text("support-navigator #form-error")

    tab_to(lambda f: f.get("value") == "regulatory-advice")
    keyboard.press("Space")
    assert page.is_checked("support-navigator input[value=regulatory-advice]")
    tab_to(lambda f: f.get("id") == "keywords")
    keyboard.type("regulatory")
    tab_to(lambda f: f.get("part") == "button submit")
    keyboard.press("Enter")
    page.wait_for_selector("support-navigator #results-heading")
    assert focused(page)["id"] == "results-heading"
    assert shown_slugs(page) == api_server.match(needs="regulatory-advice", keywords="regulatory")

    tab_to(lambda f: f.get("text") == "Your route")
    keyboard.press("Space")
    page.wait_for_selector("support-navigator ol[part=route]")
    assert focused(page)["id"] == "results-heading"
    tab_to(lambda f: f.get("text") == "Ranked list")
    keyboard.press("Enter")
    page.wait_for_selector("support-navigator ol[part=list]")
    if page.locator("support-navigator li.result a[part=link]").count():
        link = tab_to(lambda f: f.get("tag") == "a")
        assert link["text"].endswith("(opens in a new tab)")
    tab_to(lambda f: f.get("part") == "button share")


def test_api_stopped_then_back(tab: Tab, api_server: ApiServer, host_server: HostServer) -> None:
    page = open_widget(tab, host_server.origin + "/")
    page.check("support-navigator input[value=seed-investment]")
    api_server.stop()
    try:
        page.click("support-navigator button[type=submit]")
        problem = page.wait_for_selector("support-navigator [part=error]:not([hidden])")
        assert "can't reach the support navigator" in problem.inner_text()
        assert_no_stray_words(page)
        assert focused(page)["part"] == "error"
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


def test_the_api_s_own_objection_is_shown_politely(tab: Tab, api_server: ApiServer, host_server: HostServer) -> None:
    # A hand-edited link with a TRL outside the stage's band: the API answers 422 and the widget says why.
    page = open_widget(tab, host_server.origin + "/?sn-stage=1&sn-trl=9")
    problem = page.wait_for_selector("support-navigator [part=error]:not([hidden])")
    text = problem.inner_text()
    assert text.startswith("Please check your answers:")
    assert page.locator("support-navigator button[part~=retry]").count() == 0
    assert_no_stray_words(page)
    # The form explains the crosswalk and will not send the same mismatch again.
    assert "TRL 9 does not fit stage 1" in page.inner_text("support-navigator #crosswalk")
    page.click("support-navigator button[type=submit]")
    assert "TRL 9 does not fit stage 1" in page.inner_text("support-navigator #form-error")


def test_an_origin_the_api_does_not_allow_gets_the_friendly_message(tab: Tab, api_server: ApiServer) -> None:
    # NAVIGATOR_CORS_ORIGINS names only the partner's origin: the browser itself refuses the answers elsewhere.
    stranger = HostServer(port=free_port())
    stranger.pages["/"] = (partner_page(snippet_from_demo_page(api_server.origin)), {})
    stranger.serve()
    try:
        tab.page.goto(stranger.origin + "/")
        problem = tab.page.wait_for_selector("support-navigator [part=error]:not([hidden])")
        assert "can't reach the support navigator" in problem.inner_text()
        assert tab.page.locator("support-navigator select#stage").count() == 0
    finally:
        stranger.shutdown()


def test_no_results_says_so(tab: Tab, tmp_path: Path) -> None:
    # The curated catalogue always has an answer (its navigator of last resort serves every need), so this runs
    # a second real server over the hand-made test catalogue, where nothing serves venture investment abroad.
    host = HostServer(port=free_port())
    env = {
        **os.environ,
        "NAVIGATOR_DATABASE_URL": f"sqlite:///{tmp_path / 'fixture.db'}",
        "NAVIGATOR_DATA_DIR": str(fixture_catalogue_dir(tmp_path)),
        "NAVIGATOR_CORS_ORIGINS": f'["{host.origin}"]',
    }
    env.pop("NAVIGATOR_REDIS_URL", None)
    api = ApiServer(port=free_port(), env=env, log=tmp_path / "fixture-server.log")
    api.start()
    host.pages["/"] = (partner_page(snippet_from_demo_page(api.origin)), {})
    host.serve()
    try:
        assert api.match(needs="venture-investment", location="international") == []
        page = open_widget(tab, host.origin + "/?sn-needs=venture-investment&sn-location=international")
        page.wait_for_selector("support-navigator [part=empty]")
        assert "No offers fit all of that" in page.inner_text("support-navigator [part=empty]")
    finally:
        host.shutdown()
        api.stop()


def _serious(page: Any) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']]}"
        for v in results.response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


def test_axe_finds_nothing_serious(tab: Tab, api_server: ApiServer, host_server: HostServer) -> None:
    page = open_widget(tab, host_server.origin + "/")
    assert _serious(page) == []
    fill_and_submit(page)
    assert _serious(page) == []
    page.click("support-navigator button[part~=view] >> text=Your route")
    page.wait_for_selector("support-navigator ol[part=route]")
    assert _serious(page) == []
    page.click("support-navigator button[type=submit]")
    page.wait_for_selector("support-navigator #results-heading")
    page.goto(host_server.origin + "/?sn-stage=1&sn-trl=9")
    page.wait_for_selector("support-navigator [part=error]:not([hidden])")
    assert _serious(page) == []


def test_demo_page_on_the_api_origin(tab: Tab, api_server: ApiServer) -> None:
    page = tab.page
    page.goto(api_server.origin + "/widget/")
    page.wait_for_selector("support-navigator.partner-theme select#stage")
    snippet = page.inner_text("#snippet")
    assert f'<script src="{api_server.origin}/widget/navigator.js" defer></script>' in snippet
    assert f'<support-navigator api-base="{api_server.origin}"></support-navigator>' in snippet
    themed = page.locator("support-navigator.partner-theme")
    assert themed.locator("[part=title]").inner_text().upper() == "WHERE NEXT FOR YOUR INNOVATION?"
    submit = themed.locator("button[type=submit]")
    assert submit.inner_text() == "Show me support"
    assert submit.evaluate("b => getComputedStyle(b).backgroundColor") == "rgb(106, 27, 111)"
    themed.locator("input[value=work-space]").check()
    submit.click()
    themed.locator("#results-heading").wait_for()
    assert themed.locator("li.result").count() <= 3
    assert "sn-" not in page.url
    assert_no_stray_words(page)
    assert _serious(page) == []
    RESULTS_DIR.mkdir(exist_ok=True)
    page.screenshot(path=str(RESULTS_DIR / "widget-demo.png"), full_page=True)
