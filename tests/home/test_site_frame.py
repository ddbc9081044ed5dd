"""The bilingual frame: languages, alternates, switcher, redirects, errors, sitemap, headers."""

import re
from xml.etree import ElementTree

import pytest
from django.test import override_settings
from django.urls import reverse

from home.services import get_home_pages, setup_site

pytestmark = pytest.mark.django_db


def test_home_pages_render_in_their_language(client, home_pages):
    for prefix, lang, other_lang, other_name in [
        ("/en-ca/", "en-CA", "fr-CA", "Français"),
        ("/fr-ca/", "fr-CA", "en-CA", "English"),
    ]:
        response = client.get(prefix)
        html = response.content.decode()
        assert response.status_code == 200
        assert f'<html lang="{lang}">' in html
        assert f'<link rel="canonical" href="http://testserver{prefix}">' in html
        assert '<link rel="alternate" hreflang="en-CA" href="http://testserver/en-ca/">' in html
        assert '<link rel="alternate" hreflang="fr-CA" href="http://testserver/fr-ca/">' in html
        assert 'hreflang="x-default" href="http://testserver/en-ca/"' in html
        assert re.search(
            rf'<a class="language-switcher" href="/{other_lang.lower()}/" '
            rf'lang="{other_lang}" hreflang="{other_lang}">{other_name}',
            html,
        )
        assert html.index('class="skip-link"') < html.index("<header")
        assert '<main id="main"' in html


def test_french_home_is_french(client, home_pages):
    html = client.get("/fr-ca/").content.decode()
    assert "Passer au contenu principal" in html
    assert "Clinique de prolothérapie" in html
    assert "Il s’agit d’information générale" in html


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("fr", "/fr-ca/"),
        ("fr-FR,fr;q=0.9", "/fr-ca/"),
        ("fr-CA", "/fr-ca/"),
        ("en-US,en;q=0.8", "/en-ca/"),
        ("de-DE", "/en-ca/"),
        ("", "/en-ca/"),
        (";;;,,q=abc", "/en-ca/"),
        ("x" * 500, "/en-ca/"),
    ],
)
def test_root_redirects_by_accept_language(client, home_pages, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.parametrize(
    ("path", "lang", "title"),
    [
        ("/en-ca/no-such-page/", "en-CA", "Page not found"),
        ("/fr-ca/nulle-part/", "fr-CA", "Page introuvable"),
    ],
)
def test_not_found_in_the_language_of_the_address(client, home_pages, path, lang, title):
    response = client.get(path)
    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert title in html


@pytest.mark.parametrize(
    "path",
    [
        "/de/",
        "/fr/",
        "/en-ca/%00/",
        "/en-ca/" + "a" * 3000 + "/",
        "/fr-ca/é<script>/",
        "/en-ca/../../etc/passwd",
    ],
)
def test_bad_addresses_never_fail(client, home_pages, path):
    response = client.get(path, follow=True)
    assert response.status_code == 404


def test_server_error_page_needs_no_database(rf, django_assert_num_queries):
    from home.views import server_error

    with django_assert_num_queries(0):
        response = server_error(rf.get("/fr-ca/quelque-chose/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="fr-CA">' in html
    assert "Une erreur" in html or "Un problème" in html
    english = server_error(rf.get("/en-ca/x/")).content.decode()
    assert '<html lang="en-CA">' in english and "Something went wrong" in english


def test_sitemap_lists_both_languages_with_alternates(client, home_pages):
    response = client.get(reverse("sitemap"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    namespaces = {
        "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
        "x": "http://www.w3.org/1999/xhtml",
    }
    tree = ElementTree.fromstring(response.content)
    urls = {
        url.findtext("s:loc", namespaces=namespaces): url
        for url in tree.findall("s:url", namespaces)
    }
    assert set(urls) >= {"http://testserver/en-ca/", "http://testserver/fr-ca/"}
    alternates = {
        (link.get("hreflang"), link.get("href"))
        for link in urls["http://testserver/fr-ca/"].findall("x:link", namespaces)
    }
    assert alternates == {
        ("en-CA", "http://testserver/en-ca/"),
        ("fr-CA", "http://testserver/fr-ca/"),
    }


def test_sitemap_leaves_out_unpublished_pages(client, home_pages):
    _en, fr = home_pages
    fr.unpublish()
    body = client.get(reverse("sitemap")).content.decode()
    assert "/fr-ca/" not in body


def test_robots_points_to_sitemap(client, home_pages):
    body = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "Disallow: /admin/" in body


def test_security_headers_on_public_pages(client, home_pages):
    response = client.get("/en-ca/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_switcher_goes_to_french_home_when_page_has_no_live_twin(client, home_pages):
    _en, fr = home_pages
    fr.unpublish()
    html = client.get("/en-ca/").content.decode()
    assert 'class="language-switcher" href="/fr-ca/" lang="fr-CA"' in html
    assert "this page is not available in that language" in html
    assert '<link rel="alternate" hreflang="fr-CA"' not in html


def test_setup_twice_changes_nothing(home_pages, django_user_model):
    from wagtail.models import Locale, Page, Revision

    from home.services import ensure_admin_user

    ensure_admin_user()
    before = (
        Page.objects.count(),
        Locale.objects.count(),
        Revision.objects.count(),
        django_user_model.objects.count(),
    )
    setup_site()
    assert ensure_admin_user()[1] is None
    after = (
        Page.objects.count(),
        Locale.objects.count(),
        Revision.objects.count(),
        django_user_model.objects.count(),
    )
    assert before == after
    english, french = get_home_pages()
    assert french.locale.language_code == "fr-ca"
    assert french.translation_key == english.translation_key


def test_french_home_is_fully_translated_in_the_translation_editor(home_pages):
    from wagtail_localize.models import Translation

    translation = Translation.objects.get(target_locale__language_code="fr-ca")
    total, translated = translation.get_progress()
    assert total == translated > 0


def test_french_dates_and_times_read_the_quebec_way():
    import datetime

    from django.utils import formats, translation

    moment = datetime.datetime(2026, 11, 25, 14, 30)
    with translation.override("fr-ca"):
        assert formats.date_format(moment) == "25 novembre 2026"
        assert formats.time_format(moment) == "14\xa0h\xa030"
        assert formats.time_format(datetime.time(9, 5)) == "9\xa0h\xa005"
    with translation.override("en-ca"):
        assert formats.date_format(moment) == "25 November 2026"


@override_settings(LANGUAGE_CODE="en-ca")
def test_admin_speaks_french_to_a_french_user(client, french_admin):
    client.force_login(french_admin)
    html = client.get("/admin/").content.decode()
    assert 'lang="fr-ca"' in html
    assert "Tableau de bord" in html


def test_home_pages_have_a_meta_description_from_their_introduction(client, home_pages):
    """Lighthouse's SEO audit: the home page had none (no search description is seeded)."""
    for prefix in ("/en-ca/", "/fr-ca/"):
        html = client.get(prefix).content.decode()
        found = re.search(r'<meta name="description" content="([^"]+)">', html)
        assert found, prefix
        text = found.group(1)
        assert "<" not in text and not re.search(r"\.\w", text)  # paragraphs spaced, no tags
        assert len(text.split()) <= 36
