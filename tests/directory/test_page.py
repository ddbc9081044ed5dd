"""The directory page as a patient sees it, in English and in French."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.models import KIND_GROUPS, Resource
from directory.services import load_seed
from home.localization import translate_from_catalogue

pytestmark = pytest.mark.django_db

SEED = load_seed()


def get(client, page, query=""):
    response = client.get(page.url + query)
    assert response.status_code == 200
    return response.content.decode()


def entry_html(html, title):
    """The <article> of the resource titled ``title``."""
    for article in re.findall(r"<article class=\"resource-entry.*?</article>", html, re.S):
        if f">{title}<" in article:
            return article
    raise AssertionError(f"no entry titled {title!r}")


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_seeded_resource_is_listed_in_both_languages(client, seeded, language):
    page = seeded[0] if language == "en" else seeded[1]
    html = get(client, page)
    for entry in SEED["resource"]:
        assert f">{entry['title'][language]}<" in html, entry["key"]
        if "description" in entry:
            assert entry["description"][language] in html
    expected_lang = "en-CA" if language == "en" else "fr-CA"
    assert f'<html lang="{expected_lang}">' in html


def test_groups_come_in_order_with_headings_and_counts(client, seeded):
    html = get(client, seeded[0])
    headings = re.findall(r'<h2 class="directory-group__heading" id="kind-([\w-]+)">(.*?) <', html)
    assert [slug for slug, _ in headings] == [
        "websites",
        "articles",
        "books",
        "learning-resources",
        "organizations",
    ]
    assert 'Websites <span class="directory-group__count">(7)</span>' in html
    assert 'Articles and research <span class="directory-group__count">(2)</span>' in html
    assert 'Books <span class="directory-group__count">(3)</span>' in html
    assert 'Organizations <span class="directory-group__count">(3)</span>' in html


def test_french_headings_and_interface_words(client, seeded):
    html = get(client, seeded[1])
    assert "Sites Web <span" in html
    assert "Organismes <span" in html
    assert "Site externe" in html
    assert "En anglais seulement" in html
    assert "ne se porte pas garante" in html  # not an endorsement


def test_page_says_listings_are_not_endorsements(client, seeded):
    assert "A listing is not an endorsement" in get(client, seeded[0])


@pytest.mark.parametrize(
    ("slug", "count"),
    [
        ("websites", 7),
        ("articles", 2),
        ("books", 3),
        ("learning-resources", 1),
        ("organizations", 3),
    ],
)
def test_filter_by_each_kind_shows_only_that_group(client, seeded, slug, count):
    html = get(client, seeded[0], f"?kind={slug}")
    assert re.findall(r'id="kind-([\w-]+)"', html) == [slug]
    assert html.count('<article class="resource-entry') == count
    assert f'href="?kind={slug}" aria-current="true"' in html
    assert "There is no such kind" not in html


def test_filter_links_work_without_javascript(client, seeded):
    html = get(client, seeded[1])
    for _kind, slug, _heading in KIND_GROUPS:
        if slug != "videos":  # no video is listed: no link to an empty group
            assert f'href="?kind={slug}"' in html
    # The page's only script folds the header's menu on phones; the directory needs none.
    assert "<script" not in html.split("<main", 1)[1]


def test_a_kind_with_nothing_in_it_says_so_honestly(client, seeded):
    html = get(client, seeded[0], "?kind=videos")
    assert "Nothing is listed under Videos yet." in html
    assert '<article class="resource-entry' not in html
    assert "See all resources" in html
    french = get(client, seeded[1], "?kind=videos")
    assert "Rien n’est encore répertorié sous «\u00a0Vidéos\u00a0»." in french


@pytest.mark.parametrize(
    "value",
    [
        "nonsense",
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        "x" * 5000,
        "%00",
        "books\x00",
    ],
)
def test_unknown_or_hostile_kind_shows_everything_with_a_notice(client, seeded, value):
    response = client.get(seeded[0].url, {"kind": value})
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is no such kind of resource, so all resources are shown." in html
    assert html.count('<article class="resource-entry') == len(SEED["resource"])
    assert "<script>alert" not in html


def test_repeated_kind_parameter_is_handled(client, seeded):
    response = client.get(seeded[0].url + "?kind=books&kind=websites")
    assert response.status_code == 200


def test_resources_without_an_address_have_no_link(client, seeded):
    html = get(client, seeded[0])
    faber = entry_html(html, "Dr. William Faber")
    assert "<a " not in faber
    # Who, what and where, with no placeholder: the group's note says how to find it.
    assert "Milwaukee, USA" in faber
    assert "Web address not listed yet." not in html
    book = entry_html(html, "Principles of Prolotherapy")
    assert "<a " not in book


def test_only_the_confirmed_addresses_are_linked(client, seeded):
    html = get(client, seeded[0])
    external = re.findall(r'<a class="resource-entry__link" href="(http[^"]+)"', html)
    assert sorted(external) == [
        "http://www.aaomed.org/",
        "https://journalofprolotherapy.com/",
        "https://www.caringmedical.com/",
    ]


def test_external_links_say_so_and_open_safely_in_the_same_tab(client, seeded):
    for page, label in ((seeded[0], "External site"), (seeded[1], "Site externe")):
        html = get(client, page)
        links = re.findall(r'<a class="resource-entry__link" href="http[^>]*>.*?</a>', html, re.S)
        assert len(links) == 3
        for link in links:
            assert 'rel="noopener noreferrer"' in link
            assert "target=" not in link
            assert label in link


def test_the_practice_links_to_its_own_home_page_in_the_readers_language(
    client, seeded, home_pages
):
    english_home, french_home = home_pages
    english = entry_html(get(client, seeded[0]), "Our practice")
    assert f'href="{english_home.url}"' in english
    assert "rel=" not in english and "External site" not in english
    french = entry_html(get(client, seeded[1]), "Notre clinique")
    assert f'href="{french_home.url}"' in french
    assert "Site externe" not in french


def test_english_only_resources_are_marked_on_french_pages(client, seeded):
    html = get(client, seeded[1])
    journal = entry_html(html, "Journal of Prolotherapy")
    assert "En anglais seulement" in journal
    assert '<span lang="en">Journal of Prolotherapy</span>' in journal
    # A translated title is French: no lang="en" on it.
    hauser = entry_html(html, "Dr Ross Hauser")
    assert 'lang="en">Dr Ross Hauser' not in hauser
    # The practice's own entry is bilingual: no badge.
    assert "seulement" not in entry_html(html, "Notre clinique")
    # English pages do not mark English resources.
    assert "In English only" not in get(client, seeded[0])


def test_articles_show_journal_issue_pages_authors_and_permission(client, seeded):
    article = entry_html(get(client, seeded[0]), SEED["resource"][7]["title"]["en"])
    assert "Robert Banner, MD" in article
    assert "Orthopaedic Division Review, November/December 2006, pp. 24–27" in article
    assert "kind permission of Orthopaedic Division Review" in article
    french = entry_html(get(client, seeded[1]), SEED["resource"][7]["title"]["fr"])
    assert "Orthopaedic Division Review, novembre-décembre 2006, p. 24–27" in french


def test_hidden_resources_are_not_listed(client, seeded):
    Resource.objects.filter(seed_key="primal-pictures").update(is_shown=False)
    assert "Primal Pictures" not in get(client, seeded[0])
    assert "Primal Pictures" not in get(client, seeded[1])


def test_hiding_the_english_hides_every_language_hiding_the_french_only_french(
    client, seeded, locales
):
    english, french = locales
    Resource.objects.filter(seed_key="primal-pictures", locale=english).update(is_shown=False)
    assert "Primal Pictures" not in get(client, seeded[1])
    Resource.objects.filter(seed_key="primal-pictures", locale=english).update(is_shown=True)
    Resource.objects.filter(seed_key="primal-pictures", locale=french).update(is_shown=False)
    assert "Primal Pictures" in get(client, seeded[0])
    assert "Primal Pictures" not in get(client, seeded[1])


def test_untranslated_resource_on_a_french_page_says_it_is_in_english(
    client, seeded, make_resource
):
    make_resource(title="Brand new resource", description="Not yet in French.")
    entry = entry_html(get(client, seeded[1]), "Brand new resource")
    assert "Pas encore traduite\u00a0: affichée en anglais" in entry
    assert '<span lang="en-CA">Brand new resource</span>' in entry
    assert 'lang="en-CA">Not yet in French.</p>' in entry


def test_a_translated_resource_shows_its_french(client, seeded, make_resource, locales):
    resource = make_resource(title="Anatomy atlas", description="Pictures of the body.")
    translate_from_catalogue(
        resource,
        locales[1],
        {"Anatomy atlas": "Atlas d’anatomie", "Pictures of the body.": "Des images du corps."},
    )
    html = get(client, seeded[1])
    assert "Atlas d’anatomie" in html and "Des images du corps." in html
    assert "Anatomy atlas" not in html


def test_an_empty_directory_says_so(client, seeded):
    Resource.objects.all().delete()
    html = get(client, seeded[0])
    assert "No resources are listed yet." in html
    assert "directory-filter" not in html


def _render_queries(client, page):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(page.url).status_code == 200
    return len(queries)


def _add_translated_resources(count, locales, with_links=False):
    english, french = locales
    for number in range(count):
        resource = Resource.objects.create(
            kind=KIND_GROUPS[number % len(KIND_GROUPS)][0],
            title=f"Resource {number}",
            url=f"https://example.org/{number}" if with_links else "",
            locale=english,
        )
        copy = resource.copy_for_translation(french)
        copy.title = f"Ressource {number}"
        copy.save()


@pytest.mark.parametrize("language", [0, 1])
def test_query_count_does_not_grow_with_the_number_of_resources(client, seeded, locales, language):
    page = seeded[language]
    Resource.objects.all().delete()
    _add_translated_resources(5, locales, with_links=True)
    client.get(page.url)  # warm per-process caches (site root paths)
    few = _render_queries(client, page)
    _add_translated_resources(45, locales, with_links=True)
    many = _render_queries(client, page)
    assert Resource.objects.filter(locale=locales[0]).count() == 50
    assert many == few


def test_directory_page_lives_under_the_home_page_only():
    from wagtail.models import Page

    from directory.models import DirectoryPage
    from home.models import HomePage

    assert DirectoryPage.allowed_parent_page_models() == [HomePage]
    assert DirectoryPage.allowed_subpage_models() == []
    assert DirectoryPage in HomePage.allowed_subpage_models()
    assert Page not in DirectoryPage.allowed_parent_page_models()
