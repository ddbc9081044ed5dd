"""Each check can fail: the same visit and rules as test_site.py, run on the fixture site
(fixture_site.py), where every page under /fr-ca/casse/ has exactly one thing broken.

The good fixture pages pass every rule, so each failure below comes from the one breakage.
"""

import pytest

from . import checks, fixture_site
from .crawl import Fetcher, orphans, reachable_pages
from .visit import new_context, visit_page
from .vnu import errors_only

pytestmark = pytest.mark.browser

GOOD_PAGES = ["/fr-ca/", "/en-ca/", "/fr-ca/page-liee/", "/en-ca/linked-page/"]


def every_rule(visit, fetcher):
    rules = [
        checks.visit_problems,
        checks.axe_problems,
        checks.privacy_problems,
        checks.keyboard_problems,
        lambda visit: checks.link_problems(visit, fetcher),
    ]
    if visit.width == "phone":
        rules.append(checks.overflow_problems)
    if visit.language == "fr-ca":
        rules += [checks.french_text_problems, checks.typography_problems]
    return [problem for rule in rules for problem in rule(visit)]


@pytest.fixture(scope="module")
def fixture_origin():
    with fixture_site.serve() as origin:
        yield origin


@pytest.fixture(scope="module")
def fixture_visit(browser, fixture_origin, tmp_path_factory):
    """visit(path, width="phone"): a fixture page visited exactly as the real pages are."""
    contexts = {}
    screenshots = tmp_path_factory.mktemp("fixture-screenshots")

    def visit(path, width="phone"):
        if width not in contexts:
            contexts[width] = new_context(browser, width)
        return visit_page(contexts[width], fixture_origin + path, width, screenshots)

    yield visit
    for context in contexts.values():
        context.close()


@pytest.mark.parametrize("width", ["phone", "desktop"])
@pytest.mark.parametrize("path", GOOD_PAGES)
def test_good_fixture_pages_pass_every_rule(fixture_visit, path, width):
    visit = fixture_visit(path, width)
    problems = every_rule(visit, Fetcher())
    assert not problems, checks.report([(visit, problems)])
    assert visit.switcher_landed == visit.switcher_href  # the switcher was really followed


@pytest.mark.parametrize(
    "breakage", [name for name, (_, _, rule, _) in fixture_site.BREAKAGES.items() if rule != "vnu"]
)
def test_each_breakage_is_caught(fixture_visit, breakage):
    path, _, rule, words = fixture_site.BREAKAGES[breakage]
    visit = fixture_visit(path)
    problems = every_rule(visit, Fetcher())
    caught = [p for p in problems if p.rule == rule and words in p.detail]
    assert caught, f"{breakage}: no {rule} problem mentioning {words!r}; got {problems}"
    # The failure message names the page, its language, the width and the rule.
    message = checks.report([(visit, caught)])
    assert f"{path} [fr-ca, phone 390×844] {rule}:" in message


def test_html_checker_passes_the_good_pages(vnu_results):
    for path in GOOD_PAGES:
        assert not errors_only(vnu_results[f"fixture:{path}"]), path


def test_html_checker_catches_an_unclosed_tag(vnu_results):
    path = fixture_site.BREAKAGES["unclosed-tag"][0]
    errors = [str(message) for message in errors_only(vnu_results[f"fixture:{path}"])]
    assert any("Unclosed element" in error and "div" in error for error in errors), errors


def test_html_checker_catches_an_image_without_alt(vnu_results):
    path = fixture_site.BREAKAGES["image-without-alt"][0]
    errors = [str(message) for message in errors_only(vnu_results[f"fixture:{path}"])]
    assert any("alt" in error for error in errors), errors


def test_an_orphan_page_is_caught(fixture_origin):
    """The broken pages are linked from nowhere: orphans; the nav's linked page is not."""
    home = f"{fixture_origin}/fr-ca/"
    reachable = reachable_pages(home, Fetcher(), stay_within=home)
    linked = f"{fixture_origin}/fr-ca/page-liee/"
    orphan = f"{fixture_origin}/fr-ca/casse/note-espace/"
    assert orphans([home, linked, orphan], reachable) == [orphan]
