"""The alias policy in a real browser: a French address whose page has become an alias of the
English page (what "Convert to alias" or locale synchronisation makes) answers 404 in French,
says the page is not yet offered in French, links to the English page marked as English, and is
neither in the sitemap nor announced by the English page's hreflang.

The alias is made on the running site's own French low back pain page and undone afterwards,
so the rest of the suite sees the site as seeded.
"""

import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from .live_server import _environment, _manage
from .visit import new_context

pytestmark = pytest.mark.browser

FRENCH_PATH = "/fr-ca/problemes-de-sante/douleur-lombaire/"
ENGLISH_PATH = "/en-ca/conditions/low-back-pain/"
NOTICE = "Cette page n’est pas encore offerte en français."

_ALIAS = """
from wagtail.models import Locale, Page
english = Page.objects.get(
    url_path__endswith="/conditions/low-back-pain/", locale__language_code="en-ca"
)
french = english.get_translation(Locale.objects.get(language_code="fr-ca"))
Page.objects.filter(pk=french.pk).update(alias_of={alias_of})
# Written behind Wagtail's back (no signal): the page cache is told by hand.
from pagecache import dependencies, signal_handlers
signal_handlers.purge(dependencies.for_page(english))
signal_handlers.purge(dependencies.for_page(french))
"""


def _set_alias(live_site, to_english):
    code = _ALIAS.format(alias_of="english" if to_english else "None")
    _manage(Path(sys.executable), _environment(live_site.data_dir), "shell", "-c", code)


def _get(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - our server
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


@pytest.fixture(scope="module")
def french_alias(live_site):
    status, _html = _get(live_site.origin + FRENCH_PATH)
    assert status == 200, "the seeded French page should be live before the test"
    _set_alias(live_site, to_english=True)
    try:
        yield live_site
    finally:
        _set_alias(live_site, to_english=False)
        assert _get(live_site.origin + FRENCH_PATH)[0] == 200


def test_the_alias_answers_404_in_french_with_a_link_to_the_english(browser, french_alias):
    context = new_context(browser, "phone")
    page = context.new_page()
    try:
        response = page.goto(french_alias.origin + FRENCH_PATH)
        assert response.status == 404
        assert page.evaluate("document.documentElement.lang") == "fr-CA"
        assert page.get_by_text(NOTICE).is_visible()
        link = page.locator(f'main a[href="{ENGLISH_PATH}"]')
        assert link.count() == 1
        assert link.get_attribute("lang") == "en-CA"
        assert link.get_attribute("hreflang") == "en-CA"
        assert "Numbness" not in page.inner_text("main")  # no English content served
    finally:
        context.close()


def test_the_alias_is_not_listed_nor_announced(french_alias):
    _status, sitemap = _get(french_alias.origin + "/sitemap.xml")
    assert "douleur-lombaire" not in sitemap
    assert "/en-ca/conditions/low-back-pain/" in sitemap
    _status, english = _get(french_alias.origin + ENGLISH_PATH)
    head = english.split("</head>")[0]
    assert 'hreflang="fr-CA"' not in head
