"""The site search in a real browser, as a patient on a phone or at a desk would use it: the
header's search form by keyboard, the results page and its empty state in both languages,
checked by axe and the Nu HTML Checker, the header still two short lines on a phone."""

import urllib.parse

import pytest

from .visit import AXE_TAGS, _axe, new_context, open_menu_if_focused
from .vnu import errors_only, run_vnu

pytestmark = pytest.mark.browser

SEARCH = {"en-ca": "/en-ca/search/", "fr-ca": "/fr-ca/recherche/"}
QUERIES = {"en-ca": ("knee", "Hip and knee problems"), "fr-ca": ("genou", "Problèmes à la hanche")}
NOTHING = {"en-ca": "No page matches", "fr-ca": "Aucune page ne correspond"}
EMERGENCY = {"en-ca": "In an emergency, call 911.", "fr-ca": "En cas d’urgence, composez le 911."}
MAX_HEADER_HEIGHT = 120


def axe_violations(page):
    response = _axe.run(
        page,
        options={"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]},
    ).response
    return [violation["id"] for violation in response["violations"]]


def tab_to(page, element_id, limit=40):
    """Tab from the top (opening the folded menu on the way) until ``element_id`` has focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        open_menu_if_focused(page)
        if page.evaluate("document.activeElement && document.activeElement.id") == element_id:
            return True
    return False


@pytest.mark.parametrize("width", ["phone", "desktop"])
@pytest.mark.parametrize("language", ["en-ca", "fr-ca"])
def test_a_patient_searches_from_the_header_with_the_keyboard(browser, live_site, language, width):
    query, expected = QUERIES[language]
    context = new_context(browser, width)
    page = context.new_page()
    try:
        page.goto(f"{live_site.origin}/{language}/")
        if width == "phone":
            height = page.evaluate(
                "document.querySelector('header.site-header').getBoundingClientRect().height"
            )
            assert height <= MAX_HEADER_HEIGHT
            assert not page.locator("#site-search-q").is_visible()  # folded behind Menu
        assert tab_to(page, "site-search-q")
        page.keyboard.type(query)
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert urllib.parse.urlsplit(page.url).path == SEARCH[language]
        assert page.locator("html").get_attribute("lang") == language[:3] + "CA"
        first = page.locator(".search-result__title a").first
        assert expected in first.inner_text()
        assert page.locator(".search-result__summary mark").count() > 0
        assert axe_violations(page) == []
        # The results' links are reached and followed with the keyboard too.
        first.focus()
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert expected in page.locator("h1").inner_text()
    finally:
        context.close()


@pytest.mark.parametrize("language", ["en-ca", "fr-ca"])
def test_the_empty_state_helps_and_passes_axe(browser, live_site, language):
    context = new_context(browser, "phone")
    page = context.new_page()
    try:
        page.goto(f"{live_site.origin}{SEARCH[language]}?q=xylophone")
        assert NOTHING[language] in page.inner_text("main")
        assert EMERGENCY[language] in page.inner_text("main")
        assert page.locator("main a[href^='tel:']").count() == 1
        assert page.locator(".search-results__suggestions a").count() > 0
        assert axe_violations(page) == []
        height = page.evaluate(
            "document.querySelector('header.site-header').getBoundingClientRect().height"
        )
        assert height <= MAX_HEADER_HEIGHT
    finally:
        context.close()


def test_results_pages_are_valid_html(vnu_jar, live_site, fetcher):
    documents = {}
    for language, path in SEARCH.items():
        query = urllib.parse.quote(QUERIES[language][0])
        for address in (
            f"{path}?q={query}",
            f"{path}?q=prolotherapy&page=2",
            f"{path}?q=xylophone",
            f"{path}?q=%3Cscript%3E&page=-1",
            path,
        ):
            answer = fetcher.get(live_site.origin + address)
            assert answer.status == 200, address
            documents[address] = answer.body
    results = run_vnu(documents, vnu_jar)
    errors = {name: [str(m) for m in errors_only(found)] for name, found in results.items()}
    assert errors == {name: [] for name in documents}
