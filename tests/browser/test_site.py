"""Every live page of the real site, in both languages, at a phone and a desktop width.

Pages come from /sitemap.xml (plus each language's 404 page), so new page types are checked as
soon as they are published. Each test covers one rule for one language and width and lists
every offending page, so one run shows everything to fix.
"""

import pytest

from . import checks
from .crawl import LANGUAGES, page_meta, parity_problems, reachable_pages
from .crawl import orphans as find_orphans
from .visit import WIDTHS, open_menu_if_focused
from .vnu import errors_only

pytestmark = pytest.mark.browser

EVERY_LANGUAGE_AND_WIDTH = [
    pytest.param(language, width, id=f"{language}-{width}")
    for language in LANGUAGES
    for width in WIDTHS
]
FRENCH_AT_EVERY_WIDTH = [pytest.param("fr-ca", width, id=f"fr-ca-{width}") for width in WIDTHS]


def assert_no_problems(visits, *rules):
    found = []
    for visit in visits:
        problems = [problem for rule in rules for problem in rule(visit)]
        if problems:
            found.append((visit, problems))
    if found:
        pytest.fail(checks.report(found), pytrace=False)


@pytest.mark.parametrize(("language", "width"), EVERY_LANGUAGE_AND_WIDTH)
def test_pages_load(site_visits, language, width):
    assert_no_problems(site_visits(language, width), checks.visit_problems)


@pytest.mark.parametrize(("language", "width"), EVERY_LANGUAGE_AND_WIDTH)
def test_axe_finds_no_wcag_violation(site_visits, language, width):
    assert_no_problems(site_visits(language, width), checks.axe_problems)


@pytest.mark.parametrize(("language", "width"), EVERY_LANGUAGE_AND_WIDTH)
def test_no_request_to_another_origin(site_visits, language, width):
    assert_no_problems(site_visits(language, width), checks.privacy_problems)


@pytest.mark.parametrize(("language", "width"), EVERY_LANGUAGE_AND_WIDTH)
def test_internal_links_and_files_resolve(site_visits, fetcher, language, width):
    assert_no_problems(
        site_visits(language, width), lambda visit: checks.link_problems(visit, fetcher)
    )


@pytest.mark.parametrize(("language", "width"), EVERY_LANGUAGE_AND_WIDTH)
def test_keyboard(site_visits, language, width):
    """Skip link first and into main, focus always visible, switcher and navigation reached."""
    assert_no_problems(site_visits(language, width), checks.keyboard_problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_horizontal_scroll_on_a_phone(site_visits, language):
    assert_no_problems(site_visits(language, "phone"), checks.overflow_problems)


@pytest.mark.parametrize(("language", "width"), FRENCH_AT_EVERY_WIDTH)
def test_french_pages_read_as_french(site_visits, language, width):
    assert_no_problems(site_visits(language, width), checks.french_text_problems)


@pytest.mark.parametrize(("language", "width"), FRENCH_AT_EVERY_WIDTH)
def test_french_typography(site_visits, language, width):
    assert_no_problems(site_visits(language, width), checks.typography_problems)


@pytest.mark.parametrize(("language", "width"), EVERY_LANGUAGE_AND_WIDTH)
def test_screenshots_are_written(site_visits, language, width):
    missing = [
        visit.label
        for visit in site_visits(language, width)
        if not (visit.screenshot and visit.screenshot.is_file() and visit.screenshot.stat().st_size)
    ]
    if missing:
        pytest.fail("screenshot: none written for:\n" + "\n".join(missing), pytrace=False)


@pytest.mark.parametrize(("language", "width"), EVERY_LANGUAGE_AND_WIDTH)
def test_navigation_works_with_the_keyboard(browser_context, live_site, language, width):
    """From the home page, Tab to each main navigation link and press Enter: it opens."""
    home = f"{live_site.origin}/{language}/"
    page = browser_context(width).new_page()
    try:
        problems = _follow_navigation_with_keyboard(page, home)
    finally:
        page.close()
    if problems:
        w, h = WIDTHS[width]
        pytest.fail(
            "\n".join(
                f"{home} [{language}, {width} {w}×{h}] {p.rule}: {p.detail}" for p in problems
            ),
            pytrace=False,
        )


def _follow_navigation_with_keyboard(page, home):
    response = page.goto(home)
    if response is None or response.status != 200:
        return [
            checks.Problem("visit:status", f"the home page answered {response and response.status}")
        ]
    links = page.eval_on_selector_all("nav.site-nav a[href]", "links => links.map(a => a.href)")
    if not links:
        return [checks.Problem("keyboard:navigation", "no link in nav.site-nav")]
    problems = []
    for index, href in enumerate(links):
        page.goto(home)
        for _ in range(100):
            page.keyboard.press("Tab")
            open_menu_if_focused(page)
            if page.evaluate(
                "(i) => document.activeElement === "
                "document.querySelectorAll('nav.site-nav a[href]')[i]",
                index,
            ):
                break
        else:
            problems.append(checks.Problem("keyboard:navigation", f"Tab never reaches {href}"))
            continue
        with page.expect_navigation(wait_until="load"):  # closing mid-load can hang
            page.keyboard.press("Enter")
        if page.url != href:
            problems.append(
                checks.Problem("keyboard:navigation", f"Enter on {href} opened {page.url}")
            )
    return problems


@pytest.mark.parametrize("language", LANGUAGES)
def test_html_is_valid(vnu_results, site_pages, language):
    found = []
    for url, _ in site_pages[language]:
        for message in errors_only(vnu_results.get(url, [])):
            found.append(f"{url} [{language}, any width] vnu: {message}")
    if found:
        pytest.fail(f"{len(found)} HTML error(s):\n" + "\n".join(found), pytrace=False)


def test_sitemap_lists_pages_in_both_languages(sitemap):
    by_language = {
        language: [e.loc for e in sitemap if e.language == language] for language in LANGUAGES
    }
    assert all(by_language.values()), f"the sitemap lacks a language: {by_language}"


def test_every_page_has_its_twin_in_the_other_language(sitemap, fetcher):
    """Every live page has a live twin, linked both ways by hreflang and by the switcher."""

    def meta_for(url):
        answer = fetcher.get(url)
        return page_meta(answer.body, url) if answer.status == 200 else None

    problems = parity_problems(sitemap, meta_for)
    if problems:
        pytest.fail(
            f"{len(problems)} problem(s):\n"
            + "\n".join(
                f"{url} [language parity] {rule}: {detail}" for url, rule, detail in problems
            ),
            pytrace=False,
        )


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_page_is_orphaned_from_navigation(live_site, sitemap, fetcher, language):
    """Following links from the home page, without leaving the language, reaches every page."""
    home = f"{live_site.origin}/{language}/"
    reachable = reachable_pages(home, fetcher, stay_within=home)
    live = [entry.loc for entry in sitemap if entry.language == language]
    missing = find_orphans(live, reachable)
    if missing:
        pytest.fail(
            f"{len(missing)} page(s) [{language}, any width] orphan: no chain of links from "
            f"{home} in the same language reaches:\n" + "\n".join(missing),
            pytrace=False,
        )


def test_the_server_logged_no_error(live_site, site_visits):
    """Runs last: a page that failed on the server (500) left its traceback in the log."""
    for language in LANGUAGES:
        for width in WIDTHS:
            site_visits(language, width)
    log = live_site.log.read_text(encoding="utf-8", errors="replace")
    errors = log.split("\nInternal Server Error: ")[1:]
    if errors:
        pytest.fail(
            f"{len(errors)} server error(s) while the suite ran; the first:\n"
            f"Internal Server Error: {errors[0][:3000]}",
            pytrace=False,
        )
