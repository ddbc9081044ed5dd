"""The practice's seeded site (pages, resources, synonyms, search index) in both languages.

Seeding takes a while, so it is done once for the whole tests/search package inside a
transaction that is rolled back after its last test: each test still runs in its own
savepoint (the ``db`` fixture) and the rest of the suite never sees this content.
"""

import io

import pytest
from django.db import transaction

SEARCH_PATHS = {"en-ca": "/en-ca/search/", "fr-ca": "/fr-ca/recherche/"}


@pytest.fixture(autouse=True)
def english_by_default():
    """Each test starts in English: a French request earlier in the run leaves French active."""
    from django.utils import translation

    with translation.override("en-ca"):
        yield


@pytest.fixture(scope="package")
def seeded_site(django_db_setup, django_db_blocker):
    from django.core.management import call_command

    with django_db_blocker.unblock(), transaction.atomic():
        call_command("setup_site", "--no-admin", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def site(seeded_site, db):
    """The seeded site, for one test (its changes are rolled back after it)."""


def search_page(client, language, query=None, **params):
    if query is not None:
        params["q"] = query
    return client.get(SEARCH_PATHS[language], params)


def result_titles(response):
    from html.parser import HTMLParser

    class Titles(HTMLParser):
        def __init__(self):
            super().__init__()
            self.titles, self._in_title = [], False

        def handle_starttag(self, tag, attrs):
            if tag == "h2" and ("class", "search-result__title") in attrs:
                self._in_title = True
                self.titles.append("")

        def handle_endtag(self, tag):
            if tag == "h2":
                self._in_title = False

        def handle_data(self, data):
            if self._in_title:
                self.titles[-1] += data

    parser = Titles()
    parser.feed(response.content.decode())
    return [title.strip() for title in parser.titles]
