"""The page explorer and the Resource listing: wagtail-localize's Translate/Sync buttons are read
once per listing (translations/listing_buttons.py), not with 4 queries per row."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page

from home.localization import translate_from_catalogue
from tests.editorial.test_reports import admin_client, make_resource  # noqa: F401

pytestmark = pytest.mark.django_db


def add_pages(parent, start, number, french_locale):
    for index in range(start, start + number):
        page = Page(title=f"Page {index}", slug=f"page-{index}")
        parent.add_child(instance=page)
        page.save_revision().publish()
        if index % 2:
            translate_from_catalogue(
                page,
                french_locale,
                {page.title: f"Page {index} (fr)", page.slug: f"page-{index}-fr"},
            )


def queries(client, url):
    client.get(url)  # warm the per-process caches (content types, site root paths)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response


def test_explorer_buttons_do_not_grow_with_rows(admin_client, editorial):  # noqa: F811
    english_home, french_home = editorial
    url = reverse("wagtailadmin_explore", args=[english_home.pk])
    add_pages(english_home, 0, 3, french_home.locale)
    few, response = queries(admin_client, url)
    assert "Translate this page" in response.content.decode()
    add_pages(english_home, 3, 6, french_home.locale)
    many, response = queries(admin_client, url)
    assert "Sync translated pages" in response.content.decode()
    assert many == few


def test_resource_listing_buttons_do_not_grow_with_rows(admin_client, editorial):  # noqa: F811
    english_home, french_home = editorial
    url = reverse("wagtailsnippets_directory_resource:list") + "?locale=en-ca"
    for index in range(3):
        make_resource(
            english_home.locale, f"R{index}", f"D{index}.", f"F{index}.", french_home.locale
        )
    few, _response = queries(admin_client, url)
    for index in range(3, 9):
        make_resource(
            english_home.locale, f"R{index}", f"D{index}.", f"F{index}.", french_home.locale
        )
    many, response = queries(admin_client, url)
    assert "Sync translated snippets" in response.content.decode()
    assert many == few


@pytest.mark.parametrize("group", ["Translators", "Editors"])
def test_french_resource_listing_stays_flat_for_group_members(client, make_user, editorial, group):
    """The French listing, where each row is a translation with a "Submit translation for review"
    button: its language right and workflow state are read once per listing, not per row."""
    english_home, french_home = editorial
    client.force_login(make_user(f"user-{group}", group))
    url = reverse("wagtailsnippets_directory_resource:list") + "?locale=fr-ca"
    for index in range(3):
        make_resource(
            english_home.locale, f"R{index}", f"D{index}.", f"F{index}.", french_home.locale
        )
    few, response = queries(client, url)
    assert "Submit translation for review" in response.content.decode()
    for index in range(3, 9):
        make_resource(
            english_home.locale, f"R{index}", f"D{index}.", f"F{index}.", french_home.locale
        )
    many, _response = queries(client, url)
    assert many == few
