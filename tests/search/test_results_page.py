"""The results page as a patient sees it, and every hostile input the issue lists."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .conftest import SEARCH_PATHS, result_titles, search_page

pytestmark = pytest.mark.django_db


def test_a_result_shows_title_type_highlighted_summary_and_path(client, site):
    html = search_page(client, "en-ca", "knee").content.decode()
    link = '<a href="/en-ca/conditions/hip-and-knee-problems/">Hip and knee problems</a>'
    assert f'<h2 class="search-result__title">{link}</h2>' in html
    assert '<p class="search-result__type">Condition</p>' in html
    assert "<mark>knee</mark>" in html
    assert '<p class="search-result__path">/en-ca/conditions/hip-and-knee-problems/</p>' in html


def test_french_results_say_the_page_type_in_french(client, site):
    html = search_page(client, "fr-ca", "genou").content.decode()
    assert '<p class="search-result__type">Problème de santé</p>' in html
    assert "<mark>genou</mark>" in html
    assert '<html lang="fr-CA">' in html


def test_the_header_of_every_page_has_a_labelled_search_form(client, site):
    for path, action, label in (
        ("/en-ca/", "/en-ca/search/", "Site search"),
        ("/fr-ca/", "/fr-ca/recherche/", "Recherche dans le site"),
    ):
        html = client.get(path, follow=True).content.decode()
        header = html.split('<header class="site-header">')[1].split("</header>")[0]
        assert f'role="search" action="{action}" method="get" aria-label="{label}"' in header
        assert '<label class="visually-hidden" for="site-search-q">' in header


def test_the_language_switcher_repeats_the_search_in_the_other_language(client, site):
    html = search_page(client, "en-ca", "knee").content.decode()
    assert 'href="/fr-ca/recherche/?q=knee"' in html


def test_results_are_paginated_ten_a_page_with_plain_links(client, site):
    first = search_page(client, "en-ca", "prolotherapy")
    titles = result_titles(first)
    assert len(titles) == 10
    html = first.content.decode()
    assert 'href="/en-ca/search/?q=prolotherapy&amp;page=2" rel="next"' in html
    second = search_page(client, "en-ca", "prolotherapy", page="2")
    second_titles = result_titles(second)
    assert second_titles and not set(second_titles) & set(titles)
    assert 'href="/en-ca/search/?q=prolotherapy" rel="prev"' in second.content.decode()


def test_no_result_offers_pages_the_phone_and_911(client, site):
    from practice.formatting import phone_display
    from practice.selectors import practice_details

    for language, words in (
        ("en-ca", ("No page matches", "You may be looking for", "In an emergency, call 911.")),
        ("fr-ca", ("Aucune page ne correspond", "Vous cherchez peut-être", "composez le 911")),
    ):
        html = search_page(client, language, "xylophone").content.decode()
        assert result_titles(search_page(client, language, "xylophone")) == []
        for word in words:
            assert word in html
        assert phone_display(practice_details(language).phone) in html
        assert f'href="/{language}/' in html.split("search-results__suggestions")[1]


def test_a_search_answers_in_the_same_number_of_queries_however_many_pages(client, site):
    from treatments.models import ConditionIndexPage, ConditionPage

    index = ConditionIndexPage.objects.get(locale__language_code="en-ca")

    def add(count):
        for number in range(count):
            page = ConditionPage(
                title=f"Knee pain {number}",
                summary="The knee.",
                urgent_care="<p>Warning signs.</p>",
                next_review_due="2026-11-25",
            )
            index.add_child(instance=page)
            page.save_revision().publish()

    def queries():
        search_page(client, "en-ca", "knee")
        with CaptureQueriesContext(connection) as captured:
            assert search_page(client, "en-ca", "knee").status_code == 200
        return len(captured)

    add(12)
    few = queries()
    add(40)
    assert queries() == few


HOSTILE_QUERIES = [
    "",
    "   ",
    "x" * 10_000,
    "knee " * 2_000,
    "& | ! : * ( )",
    "knee & pain | !back",
    "knee:*",
    '"knee',
    "'knee'",
    'knee" OR "1"="1',
    "'; DROP TABLE wagtailcore_page; --",
    "NEAR(knee pain)",
    "title:knee",
    "-knee",
    "^knee",
    "<script>alert('x')</script>",
    "<b onmouseover=alert(1)>knee</b>",
    "knee\x00pain",
    "\x00",
    "%",
    "\\",
    "😀 genou",
    "_",
]


@pytest.mark.parametrize("language", ["en-ca", "fr-ca"])
@pytest.mark.parametrize("query", HOSTILE_QUERIES, ids=range(len(HOSTILE_QUERIES)))
def test_hostile_queries_get_a_page_never_an_error(client, site, language, query):
    response = search_page(client, language, query)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "onmouseover=alert" not in html
    assert "\x00" not in html


def test_markup_in_the_query_is_shown_as_words(client, site):
    html = search_page(client, "en-ca", "<script>alert('x')</script> knee").content.decode()
    assert 'value="script alert x script knee"' in html


@pytest.mark.parametrize("query_string", [b"q=%ff%fe%fd", b"q=%c3%28knee", b"q=knee%00", b"q=%"])
def test_invalid_utf8_and_broken_escapes_get_a_page(client, site, query_string):
    response = client.get(SEARCH_PATHS["en-ca"], QUERY_STRING=query_string.decode("latin-1"))
    assert response.status_code == 200


@pytest.mark.parametrize(
    "page", ["0", "-1", "-99999999999", "abc", "2.5", "99999", "9" * 10_000, "1e9", " 1", "\x00"]
)
def test_bad_page_numbers_get_a_clear_message(client, site, page):
    response = search_page(client, "en-ca", "knee", page=page)
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is no such page of results." in html
    assert 'href="/en-ca/search/?q=knee">Go to the first page of results' in html


def test_the_page_is_not_indexed_by_search_engines(client, site):
    response = search_page(client, "en-ca", "knee")
    assert response["X-Robots-Tag"] == "noindex"
    assert '<meta name="robots" content="noindex">' in response.content.decode()


def test_a_post_is_refused_without_an_error(client, site):
    assert client.post(SEARCH_PATHS["en-ca"], {"q": "knee"}).status_code == 405


def test_an_empty_query_shows_the_form_and_no_error(client, site):
    html = search_page(client, "en-ca").content.decode()
    assert 'id="search-q"' in html
    assert re.search(r"No page matches", html) is None
