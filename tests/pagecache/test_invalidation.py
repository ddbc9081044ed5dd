"""Every change an editor makes reaches the next anonymous reader, in both languages.

Each test first proves the page is served from the cache (a change written behind Wagtail's
back, without its signals, is *not* seen), then makes the change the way the admin does and
checks that the next anonymous request sees it everywhere it shows.
"""

import pytest
from wagtail.models import Page

from directory.models import DirectoryPage, Resource
from practice.models import PracticeDetails
from treatments.models import ConditionIndexPage, ConditionPage, TreatmentPage

pytestmark = pytest.mark.django_db


def text(anonymous, url):
    response = anonymous(url)
    assert response.status_code == 200, url
    return response.content.decode()


def prime(anonymous, *urls):
    """Cache each page, and prove the cache answers: a silent change is not seen."""
    return {url: text(anonymous, url) for url in urls}


def locale(code):
    from wagtail.models import Locale

    return Locale.objects.get(language_code=code)


def english_condition(site):
    page = ConditionPage.objects.live().filter(locale__language_code="en-ca").order_by("path")[0]
    return page, page.get_translation(locale("fr-ca"))


def test_a_silent_change_is_not_seen_so_the_cache_answers(site, anonymous):
    page, _french = english_condition(site)
    url = page.get_url()
    prime(anonymous, url)
    ConditionPage.objects.filter(pk=page.pk).update(title="Changed behind Wagtail's back")
    assert "behind Wagtail" not in text(anonymous, url)


def test_publishing_a_page_updates_it_and_its_index(site, anonymous):
    page, french = english_condition(site)
    index = page.get_parent()
    prime(anonymous, page.get_url(), index.get_url(), french.get_url())

    page.summary = "A summary an editor has just published."
    page.save_revision().publish()

    assert "just published" in text(anonymous, page.get_url())
    assert "just published" in text(anonymous, index.get_url())  # the index's card
    # The French page was not changed and still answers (from the cache or not).
    assert "just published" not in text(anonymous, french.get_url())


def test_unpublishing_a_page_removes_it_from_its_index_and_its_twin(site, anonymous):
    page, french = english_condition(site)
    url, index_url, french_url = page.get_url(), page.get_parent().get_url(), french.get_url()
    pages = prime(anonymous, url, index_url, french_url)
    assert f'href="{url}"' in pages[index_url]
    assert 'rel="alternate" hreflang="en-CA"' in pages[french_url]

    page.unpublish()

    assert anonymous(url).status_code == 404
    assert f'href="{url}"' not in text(anonymous, index_url)
    # The French page no longer offers the English one as its alternate.
    assert 'rel="alternate" hreflang="en-CA"' not in text(anonymous, french_url)


def test_moving_a_page_purges_its_old_address_and_both_indexes(site, anonymous):
    page, _french = english_condition(site)
    old_index = page.get_parent().specific
    other = ConditionIndexPage(title="More conditions", slug="more-conditions")
    old_index.get_parent().add_child(instance=other)
    other.save_revision().publish()
    old_url = page.get_url()
    prime(anonymous, old_url, old_index.get_url(), other.get_url())

    page.move(other, pos="last-child")
    page.refresh_from_db()

    new_url = page.get_url()
    assert new_url != old_url
    # Not the cached page: Wagtail's redirects send the old address to the new one.
    assert anonymous(old_url)["Location"] == new_url
    assert anonymous(new_url).status_code == 200
    assert f'href="{old_url}"' not in text(anonymous, old_index.get_url())
    assert f'href="{new_url}"' in text(anonymous, other.get_url())


def test_deleting_a_page_purges_it_and_its_index(site, anonymous):
    page, _french = english_condition(site)
    url, index_url = page.get_url(), page.get_parent().get_url()
    prime(anonymous, url, index_url)

    Page.objects.get(pk=page.pk).delete()

    assert anonymous(url).status_code == 404
    assert f'href="{url}"' not in text(anonymous, index_url)


def test_publishing_a_french_translation_reaches_both_languages(site, anonymous):
    page, french = english_condition(site)
    french = french.specific
    french.unpublish()
    url, french_index_url = page.get_url(), french.get_parent().get_url()
    french_url = french.get_url()
    pages = prime(anonymous, url, french_index_url)
    assert 'rel="alternate" hreflang="fr-CA"' not in pages[url]
    assert f'href="{french_url}"' not in pages[french_index_url]

    french.title = "Titre français tout juste publié"
    french.save_revision().publish()

    english = text(anonymous, url)
    assert f'rel="alternate" hreflang="fr-CA" href="http://testserver{french_url}"' in english
    index = text(anonymous, french_index_url)
    assert "Titre français tout juste publié" in index
    assert "Titre français tout juste publié" in text(anonymous, french_url)


def test_a_changed_condition_reaches_the_treatment_pages_that_list_it(site, anonymous):
    treatment = TreatmentPage.objects.live().filter(locale__language_code="en-ca").first()
    listed = [
        page
        for page in ConditionPage.objects.live().filter(locale__language_code="en-ca")
        if f'href="{page.get_url()}"' in text(anonymous, treatment.get_url())
    ]
    assert listed, "the seeded treatment lists conditions"
    condition = listed[0].specific
    prime(anonymous, treatment.get_url())

    condition.title = "A condition renamed by an editor"
    condition.save_revision().publish()

    assert "A condition renamed by an editor" in text(anonymous, treatment.get_url())


def test_a_resource_change_reaches_the_directory_in_each_language(site, anonymous):
    english_directory = DirectoryPage.objects.get(locale__language_code="en-ca")
    french_directory = DirectoryPage.objects.get(locale__language_code="fr-ca")
    resource = Resource.objects.filter(live=True, locale__language_code="en-ca").first()
    twin = Resource.objects.filter(
        translation_key=resource.translation_key, locale__language_code="fr-ca"
    ).first()
    from directory.models import KIND_GROUPS

    kind_slug = next(slug for kind, slug, _heading in KIND_GROUPS if kind == resource.kind)
    urls = [
        english_directory.get_url(),
        f"{english_directory.get_url()}?kind={kind_slug}",
        french_directory.get_url(),
    ]
    prime(anonymous, *urls)

    resource.title = "A resource title just approved"
    resource.save_revision().publish()
    if twin is not None:
        twin.title = "Un titre de ressource tout juste approuvé"
        twin.save_revision().publish()

    assert "A resource title just approved" in text(anonymous, urls[0])
    assert "A resource title just approved" in text(anonymous, urls[1])
    french = text(anonymous, urls[2])
    assert ("tout juste approuvé" if twin else "A resource title just approved") in french


def test_practice_facts_reach_the_footer_of_every_page_in_both_languages(site, anonymous):
    urls = [page.get_url() for page in Page.objects.live().filter(depth__gt=1)]
    urls = [url for url in urls if "contact" not in url and "joindre" not in url]
    prime(anonymous, *urls)

    details = PracticeDetails.objects.get(locale__language_code="en-ca")
    details.phone = "6135550142"
    details.save()

    for url in urls:
        assert 'href="tel:+16135550142"' in text(anonymous, url), url


def test_renaming_a_menu_page_reaches_every_header_of_its_language(site, anonymous):
    index = ConditionIndexPage.objects.get(locale__language_code="en-ca")
    urls = [page.get_url() for page in Page.objects.live().filter(locale=index.locale, depth__gt=1)]
    urls = [url for url in urls if "contact" not in url]
    french_home = Page.objects.get(depth=2, locale__language_code="fr-ca").get_url()
    prime(anonymous, *urls, french_home)

    index.title = "Health problems we see"
    index.save_revision().publish()

    for url in urls:
        assert "Health problems we see" in text(anonymous, url), url
    assert "Health problems we see" not in text(anonymous, french_home)
