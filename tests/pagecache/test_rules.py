"""What the page cache never keeps, how query strings are keyed, HTTP revalidation, and a cache
that is down."""

import logging

import pytest
from wagtail.models import Page

pytestmark = pytest.mark.django_db

HOME = "/en-ca/"


def rename_silently(page, title):
    """A change written behind Wagtail's back: only an uncached render can show it."""
    Page.objects.filter(pk=page.pk).update(title=title)


def test_query_strings_cannot_fill_the_cache(home_pages, anonymous):
    english_home, _french = home_pages
    anonymous(HOME)
    rename_silently(english_home, "Renamed silently")
    # Tracking parameters share the page's entry: served from it, not rendered again.
    for number in range(50):
        response = anonymous(f"{HOME}?utm_source=flood{number}&utm={number}&fbclid=x")
        assert "Renamed silently" not in response.content.decode()
    # Any other parameter is rendered without the cache, never stored.
    assert "Renamed silently" in anonymous(f"{HOME}?q=knee").content.decode()
    assert "Renamed silently" not in anonymous(HOME).content.decode()


def test_the_directory_kind_filter_is_cached_per_kind(home_pages, anonymous, settings):
    from directory.services import seed_directory

    seed_directory()
    from directory.models import DirectoryPage

    directory = DirectoryPage.objects.get(locale__language_code="en-ca")
    url = directory.get_url()
    books = anonymous(f"{url}?kind=books").content.decode()
    everything = anonymous(url).content.decode()
    assert books != everything
    assert anonymous(f"{url}?kind=books&utm_medium=mail").content.decode() == books
    rename_silently(directory, "Renamed directory")
    assert "Renamed directory" not in anonymous(f"{url}?kind=books").content.decode()
    # An unknown kind is rendered (the page shows a notice) but never stored.
    assert "Renamed directory" in anonymous(f"{url}?kind=nonsense").content.decode()


def test_signed_in_readers_are_never_served_nor_stored(home_pages, anonymous, client, admin_user):
    english_home, _french = home_pages
    anonymous(HOME)
    client.force_login(admin_user)
    rename_silently(english_home, "Seen by staff")
    response = client.get(HOME)
    assert "Seen by staff" in response.content.decode()
    assert "private" in response["Cache-Control"]
    client.logout()
    rename_silently(english_home, "Original again")
    # What staff saw was not stored for the public.
    assert "Seen by staff" not in anonymous(HOME).content.decode()


def test_the_contact_form_with_its_csrf_token_is_never_stored(home_pages, anonymous):
    from practice.models import ContactPage
    from practice.services import seed_practice

    seed_practice()
    contact = ContactPage.objects.get(locale__language_code="en-ca")
    first = anonymous(contact.get_url())
    assert "csrfmiddlewaretoken" in first.content.decode()
    rename_silently(contact, "Contact renamed")
    assert "Contact renamed" in anonymous(contact.get_url()).content.decode()
    assert "ETag" not in first


def test_posts_and_errors_are_not_stored(home_pages, anonymous, client):
    assert anonymous("/en-ca/no-such-page/").status_code == 404
    english_home, _french = home_pages
    Page.objects.filter(pk=english_home.pk).update(slug="home")
    assert client.post(HOME).status_code in (200, 403, 405)
    rename_silently(english_home, "After a post")
    assert "After a post" in anonymous(HOME).content.decode()


def test_revalidation_gets_a_304_until_the_page_changes(home_pages, anonymous):
    english_home, _french = home_pages
    first = anonymous(HOME)
    assert first["Cache-Control"] in ("public, no-cache", "no-cache, public")
    assert "Cookie" in first["Vary"]
    assert "Accept-Language" not in first["Vary"]  # the language is in the address
    assert first["Content-Language"] == "en-ca"
    etag, modified = first["ETag"], first["Last-Modified"]

    assert anonymous(HOME, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert anonymous(HOME, HTTP_IF_MODIFIED_SINCE=modified).status_code == 304

    english_home.title = "Published since"
    english_home.save_revision().publish()
    again = anonymous(HOME, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 200
    assert "Published since" in again.content.decode()
    assert again["ETag"] != etag


def test_the_language_redirect_varies_on_accept_language(home_pages, anonymous):
    response = anonymous("/", HTTP_ACCEPT_LANGUAGE="fr-CA")
    assert response.status_code == 302
    assert response["Location"] == "/fr-ca/"
    assert "Accept-Language" in response["Vary"]


def test_a_cache_that_is_down_serves_pages_uncached_with_one_warning(
    home_pages, anonymous, settings, caplog
):
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        },
    }
    english_home, _french = home_pages
    with caplog.at_level(logging.WARNING, logger="pagecache"):
        for number in range(3):
            rename_silently(english_home, f"Uncached {number}")
            response = anonymous(HOME)
            assert response.status_code == 200
            assert f"Uncached {number}" in response.content.decode()
        english_home.save_revision().publish()  # a purge that cannot be made
        assert anonymous("/fr-ca/").status_code == 200
    warnings = [r for r in caplog.records if r.name == "pagecache" and r.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert "uncached" in warnings[0].getMessage()
