"""Editors manage resources in Wagtail's admin: list, search, filters, create, edit, translate."""

import pytest
from django.urls import reverse

from directory.models import Resource
from home.localization import translate_from_catalogue

pytestmark = pytest.mark.django_db

INDEX = "wagtailsnippets_directory_resource:list"
ADD = "wagtailsnippets_directory_resource:add"
EDIT = "wagtailsnippets_directory_resource:edit"


@pytest.fixture
def admin_client(client, django_user_model, home_pages):
    user = django_user_model.objects.create_superuser("editor", password="pw-for-tests-only")
    client.force_login(user)
    return client


def form_data(**overrides):
    data = {
        "kind": "website",
        "language": "en",
        "title": "Prolotherapy information site",
        "authors": "",
        "description": "Plain information on prolotherapy.",
        "url": "https://example.org/",
        "page": "",
        "document": "",
        "publisher": "",
        "issue": "",
        "year": "",
        "pages": "",
        "region": "",
        "note": "",
        "sort_order": "100",
        "is_shown": "on",
    }
    data.update(overrides)
    return data


def test_resources_have_a_menu_item(admin_client):
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse(INDEX) in html
    assert "Resources" in html


def test_list_shows_seeded_resources_with_useful_columns(admin_client, seeded):
    response = admin_client.get(reverse(INDEX), {"locale": "en-ca"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Journal of Prolotherapy" in html
    assert "American Association of Orthopaedic Medicine (AAOM)" in html
    for heading in ("Kind", "Language", "Authors or owner", "Web address or page", "Shown"):
        assert heading in html
    assert "Organization" in html  # kind shown by its label, not its code


def test_search_finds_resources_by_part_of_a_word(admin_client, seeded):
    html = admin_client.get(reverse(INDEX), {"q": "Pasquarel", "locale": "en-ca"}).content.decode()
    assert "Principles of Prolotherapy" in html
    assert "Journal of Prolotherapy" not in html


def test_filter_by_kind(admin_client, seeded):
    html = admin_client.get(reverse(INDEX), {"kind": "book", "locale": "en-ca"}).content.decode()
    assert "Principles of Prolotherapy" in html
    assert "Journal of Prolotherapy" not in html


def test_filter_by_language(admin_client, seeded):
    html = admin_client.get(reverse(INDEX), {"language": "en-fr", "locale": "en-ca"})
    html = html.content.decode()
    assert "Our practice" in html
    assert "Journal of Prolotherapy" not in html


def test_create_a_resource_in_the_admin(admin_client):
    response = admin_client.post(reverse(ADD) + "?locale=en-ca", form_data())
    assert response.status_code == 302, response.content.decode()[:3000]
    resource = Resource.objects.get(title="Prolotherapy information site")
    assert resource.url == "https://example.org/"
    assert resource.locale.language_code == "en-ca"


def test_a_resource_without_an_address_is_valid(admin_client):
    response = admin_client.post(reverse(ADD) + "?locale=en-ca", form_data(url=""))
    assert response.status_code == 302
    assert Resource.objects.get(title="Prolotherapy information site").url == ""


@pytest.mark.parametrize(
    "address", ["javascript:alert(1)", "ftp://example.org/file", "mailto:a@example.org"]
)
def test_only_web_addresses_are_accepted(admin_client, address):
    response = admin_client.post(reverse(ADD) + "?locale=en-ca", form_data(url=address))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Enter a full web address that starts with https:// or http://." in html
    assert "Plain information on prolotherapy." in html  # nothing typed is lost
    assert not Resource.objects.exists()


def test_a_year_in_the_future_is_refused(admin_client):
    response = admin_client.post(
        reverse(ADD) + "?locale=en-ca", form_data(kind="book", url="", year="2999")
    )
    assert response.status_code == 200
    assert "The year 2999 is in the future." in response.content.decode()
    assert not Resource.objects.exists()


def test_publishing_the_english_proposes_its_shared_fields_to_the_french(admin_client, seeded):
    """The French gets the new address as a draft for French review (tests/translations)."""
    english = Resource.objects.get(seed_key="william-faber-website", locale__language_code="en-ca")
    data = form_data(
        title=english.title, description=english.description, url="https://faber.example/"
    )
    response = admin_client.post(
        reverse(EDIT, args=[english.pk]), {**data, "action-publish": "action-publish"}
    )
    assert response.status_code == 302
    french = Resource.objects.get(seed_key="william-faber-website", locale__language_code="fr-ca")
    assert french.url == ""  # live as it was, until a French reviewer approves
    draft = french.get_latest_revision_as_object()
    assert draft.url == "https://faber.example/"
    assert draft.title == "Dr William Faber"  # the French words are untouched


def test_translate_a_resource_created_in_the_admin(admin_client, locales):
    admin_client.post(reverse(ADD) + "?locale=en-ca", form_data())
    resource = Resource.objects.get(title="Prolotherapy information site")
    french = translate_from_catalogue(
        resource,
        locales[1],
        {
            "Prolotherapy information site": "Site d’information sur la prolothérapie",
            "Plain information on prolotherapy.": "De l’information simple sur la prolothérapie.",
        },
    )
    assert french.locale == locales[1]
    assert french.title == "Site d’information sur la prolothérapie"
    assert french.url == resource.url
    # The French is a wagtail-localize translation: its editor opens from the admin.
    response = admin_client.get(reverse(EDIT, args=[french.pk]))
    assert response.status_code == 200
    assert "Site d’information sur la prolothérapie" in response.content.decode()


def test_the_admin_offers_to_translate_a_resource(admin_client, locales):
    admin_client.post(reverse(ADD) + "?locale=en-ca", form_data())
    resource = Resource.objects.get(title="Prolotherapy information site")
    url = reverse(
        "wagtail_localize:submit_snippet_translation",
        args=["directory", "resource", resource.pk],
    )
    response = admin_client.post(url, {"locales": [locales[1].pk]})
    assert response.status_code == 302
    assert resource.get_translation_or_none(locales[1]) is not None
