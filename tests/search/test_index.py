"""The index follows the site: publishing, unpublishing, translating; update_index rebuilds it."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Locale

from search.services import build_index_if_empty

from .conftest import result_titles, search_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def condition_index():
    from treatments.models import ConditionIndexPage

    return ConditionIndexPage.objects.get(locale__language_code="en-ca")


def new_condition(index, title, word):
    from treatments.models import ConditionPage

    page = ConditionPage(
        title=title,
        summary=f"About {word}.",
        urgent_care="<p>Warning signs.</p>",
        next_review_due="2026-11-25",
    )
    index.add_child(instance=page)
    return page


def test_publishing_and_unpublishing_update_the_index(client, site, condition_index):
    page = new_condition(condition_index, "Draft page", "zygapophyseal")
    page.live = False
    page.save()
    assert result_titles(search_page(client, "en-ca", "zygapophyseal")) == []
    page.save_revision().publish()
    assert result_titles(search_page(client, "en-ca", "zygapophyseal")) == ["Draft page"]
    page.refresh_from_db()  # publish() saved another copy of the page
    page.unpublish()
    assert result_titles(search_page(client, "en-ca", "zygapophyseal")) == []


def test_a_new_revision_replaces_the_old_words(client, site, condition_index):
    page = new_condition(condition_index, "Changing page", "quokka")
    page.save_revision().publish()
    page.summary = "About a wombat."
    page.save_revision().publish()
    assert result_titles(search_page(client, "en-ca", "quokka")) == []
    assert result_titles(search_page(client, "en-ca", "wombat")) == ["Changing page"]


def test_a_translated_page_is_found_in_its_language_only(client, site, condition_index):
    page = new_condition(condition_index, "Translated page", "ocelot")
    page.save_revision().publish()
    french = page.copy_for_translation(Locale.objects.get(language_code="fr-ca"))
    french.title = "Page traduite"
    french.summary = "À propos de l’ocelot tacheté."
    french.save_revision().publish()
    assert result_titles(search_page(client, "fr-ca", "tacheté")) == ["Page traduite"]
    assert result_titles(search_page(client, "en-ca", "tacheté")) == []
    assert result_titles(search_page(client, "fr-ca", "ocelot")) == ["Page traduite"]


def test_update_index_rebuilds_it(client, site):
    from wagtail.search.models import IndexEntry

    IndexEntry.objects.all().delete()
    assert result_titles(search_page(client, "en-ca", "knee")) == []
    call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())
    assert "Hip and knee problems" in result_titles(search_page(client, "en-ca", "knee"))


def test_the_set_up_step_builds_an_empty_index_once(client, site):
    from wagtail.search.models import IndexEntry

    assert build_index_if_empty() is False  # the seeded site has its index
    IndexEntry.objects.all().delete()
    assert build_index_if_empty() is True
    assert "Hip and knee problems" in result_titles(search_page(client, "en-ca", "knee"))


def test_synonyms_are_seeded_once_and_an_editors_list_is_kept(site):
    from search.models import SearchSynonyms
    from search.services import seed_synonyms

    synonyms = SearchSynonyms.load()
    assert "tmj, jaw" in synonyms.english
    assert "atm, mâchoire" in synonyms.french
    synonyms.english = "knee, genou"
    synonyms.french = ""
    synonyms.save()
    seed_synonyms()
    assert SearchSynonyms.load().english == "knee, genou"


def test_resources_are_found_only_when_live_and_shown(client, site):
    from directory.models import Resource

    resource = Resource.objects.filter(locale__language_code="en-ca", live=True).first()
    resource.description = "A guide to aardvarkology."
    resource.save()
    response = search_page(client, "en-ca", "aardvarkology")
    assert result_titles(response) == [resource.title]
    assert '<p class="search-result__type">Resource</p>' in response.content.decode()
    assert result_titles(search_page(client, "fr-ca", "aardvarkology")) == []
    resource.is_shown = False
    resource.save()
    assert result_titles(search_page(client, "en-ca", "aardvarkology")) == []


def test_a_page_behind_a_password_is_not_listed(client, site, condition_index):
    from wagtail.models import PageViewRestriction

    page = new_condition(condition_index, "Private page", "pangolin")
    page.save_revision().publish()
    assert result_titles(search_page(client, "en-ca", "pangolin")) == ["Private page"]
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret-for-tests"
    )
    response = search_page(client, "en-ca", "pangolin")
    assert result_titles(response) == []
    assert "No page matches" in response.content.decode()
