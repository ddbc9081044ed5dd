"""The browser suite's fixtures: the real site served as in production, one Chromium for the
session, the sitemap, and each page's visit at each width (made once, read by every check).

Without Chromium, Java or the HTML checker the tests that need them are skipped with a message
saying how to install them; under CI=true they fail instead, so CI always runs them.
"""

import os
import shutil
import signal
import sys
from pathlib import Path

import pytest

from . import fixture_site
from .crawl import LANGUAGES, Fetcher, parse_sitemap
from .live_server import REPO, running_site
from .visit import CHROMIUM_ARGS, new_context, visit_page
from .vnu import run_vnu

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
VNU_JAR = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
# Addresses that exist nowhere: the error page is checked like any other page.
NOT_FOUND_PATHS = {"en-ca": "/en-ca/nowhere-to-be-found/", "fr-ca": "/fr-ca/nulle-part/"}


def _missing(message):
    if os.environ.get("CI", "").strip().lower() == "true":
        pytest.fail(f"{message} (CI=true, so the browser suite must run)", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def chromium_path():
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        _missing(
            f"Chromium not found at {CHROMIUM}: install Debian's chromium: apt-get install chromium"
        )
    return CHROMIUM


@pytest.fixture(scope="session")
def vnu_jar():
    if not shutil.which("java"):
        _missing("Java not found for the HTML checker: apt-get install default-jre-headless")
    if not VNU_JAR.is_file():
        _missing(f"The HTML checker is missing ({VNU_JAR}): run make browser-deps (needs npm)")
    return VNU_JAR


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(chromium_path), args=CHROMIUM_ARGS
        )
        try:
            yield chromium
        finally:
            chromium.close()


def _interrupt(signum, frame):
    raise KeyboardInterrupt  # so a killed run still stops the server and removes its data


@pytest.fixture(scope="session")
def live_site():
    """The seeded site under gunicorn, as `make run` serves it; stopped even on failure."""
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        with running_site(Path(sys.executable)) as site:
            yield site
    finally:
        signal.signal(signal.SIGTERM, previous)


@pytest.fixture(scope="session")
def fetcher():
    return Fetcher()


@pytest.fixture(scope="session")
def sitemap(live_site, fetcher):
    answer = fetcher.get(f"{live_site.origin}/sitemap.xml")
    assert answer.status == 200, f"/sitemap.xml answered {answer.status}"
    entries = parse_sitemap(answer.body)
    assert entries, "/sitemap.xml lists no page"
    return entries


@pytest.fixture(scope="session")
def site_pages(live_site, sitemap):
    """{language: [(address, expected status)]}: the sitemap's pages, then the 404 page."""
    pages = {language: [] for language in LANGUAGES}
    for entry in sitemap:
        if entry.language in pages:
            pages[entry.language].append((entry.loc, 200))
    for language, path in NOT_FOUND_PATHS.items():
        pages[language].append((live_site.origin + path, 404))
    return pages


@pytest.fixture(scope="session")
def browser_context(browser, live_site):
    """One browser context per width for the live site: get(width)."""
    contexts = {}

    def get(width):
        if width not in contexts:
            contexts[width] = new_context(browser, width)
        return contexts[width]

    yield get
    for context in contexts.values():
        context.close()


@pytest.fixture(scope="session")
def site_visits(browser_context, site_pages):
    """get(language, width): the visits of every page of a language at a width, made once."""
    shutil.rmtree(SCREENSHOTS, ignore_errors=True)
    visits = {}

    def get(language, width):
        if (language, width) not in visits:
            visits[language, width] = [
                visit_page(
                    browser_context(width),
                    url,
                    width,
                    screenshot_dir=SCREENSHOTS / language,
                    expected_status=status,
                )
                for url, status in site_pages[language]
            ]
        return visits[language, width]

    return get


@pytest.fixture(scope="session")
def vnu_results(vnu_jar, site_pages, fetcher):
    """{name: [VnuMessage]} for every page of the site (its address) and every fixture page
    ("fixture:" + path): one Java run for all of them, since the JVM is slow to start."""
    documents = {}
    for pages in site_pages.values():
        for url, _ in pages:
            documents[url] = fetcher.get(url).body
    for path, html in fixture_site.PAGES.items():
        documents[f"fixture:{path}"] = html
    return run_vnu(documents, vnu_jar)
