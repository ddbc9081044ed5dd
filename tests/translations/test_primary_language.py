"""French as the primary language by one setting, English staying the default (issue 21)."""

import pytest
from wagtail.models import Locale

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("primary", "accept_language", "expected"),
    [
        ("en-ca", "de-DE", "/en-ca/"),
        ("en-ca", "", "/en-ca/"),
        ("en-ca", "fr-FR,fr;q=0.9", "/fr-ca/"),
        ("fr-ca", "de-DE", "/fr-ca/"),
        ("fr-ca", "", "/fr-ca/"),
        ("fr-ca", ";;;,,q=abc", "/fr-ca/"),
        ("fr-ca", "en-US,en;q=0.8", "/en-ca/"),
        ("fr-ca", "de-DE,en;q=0.5", "/en-ca/"),
    ],
)
def test_the_root_address_falls_back_to_the_primary_language(
    client, home_pages, settings, primary, accept_language, expected
):
    settings.PRIMARY_LANGUAGE = primary
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected


def test_a_saved_language_choice_wins_at_the_root(client, home_pages, settings):
    settings.PRIMARY_LANGUAGE = "fr-ca"
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en-ca"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr-CA")["Location"] == "/en-ca/"


@pytest.mark.parametrize(("primary", "x_default"), [("en-ca", "/en-ca/"), ("fr-ca", "/fr-ca/")])
def test_x_default_follows_the_primary_language(client, home_pages, settings, primary, x_default):
    settings.PRIMARY_LANGUAGE = primary
    for prefix in ("/en-ca/", "/fr-ca/"):
        html = client.get(prefix).content.decode()
        assert f'hreflang="x-default" href="http://testserver{x_default}"' in html


@pytest.mark.parametrize("primary", ["en-ca", "fr-ca"])
def test_the_admins_default_content_language_and_the_switcher_follow_it(
    home_pages, settings, primary
):
    from home.languages import languages_in_order

    settings.PRIMARY_LANGUAGE = primary
    assert Locale.get_default().language_code == primary
    assert languages_in_order()[0][0] == primary
    assert {code for code, _name in languages_in_order()} == {"en-ca", "fr-ca"}


def test_an_unknown_primary_language_keeps_the_site_language(client, home_pages, settings):
    settings.PRIMARY_LANGUAGE = "de-de"
    assert Locale.get_default().language_code == "en-ca"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="de-DE")["Location"] == "/en-ca/"
