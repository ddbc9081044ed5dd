"""A patient's words find the right page in their own language: synonyms, accents, stemming."""

import re

import pytest
from django.db import connection

from .conftest import result_titles, search_page

pytestmark = pytest.mark.django_db

ON_POSTGRES = connection.vendor == "postgresql"
TMJ_FR = "Dysfonction de l’articulation temporo-mandibulaire (ATM)"
SHOULDER_FR = "Problèmes à l’épaule, dont ceux de la coiffe des rotateurs"


def first_titles(client, language, query, count=3):
    response = search_page(client, language, query)
    assert response.status_code == 200
    return result_titles(response)[:count]


@pytest.mark.parametrize(
    ("language", "query", "expected"),
    [
        ("en-ca", "knee", "Hip and knee problems"),
        ("en-ca", "TMJ", "Temporomandibular joint (TMJ) syndrome"),
        ("en-ca", "jaw", "Temporomandibular joint (TMJ) syndrome"),
        ("en-ca", "jaw pain", "Temporomandibular joint (TMJ) syndrome"),
        ("en-ca", "prolo", "Prolotherapy"),
        ("en-ca", "OA", "Osteoarthritis"),
        ("fr-ca", "genou", "Problèmes à la hanche et au genou"),
        ("fr-ca", "ATM", TMJ_FR),
        ("fr-ca", "prolo", "Prolothérapie"),
        ("fr-ca", "arthrose", "Arthrose"),
    ],
)
def test_a_patients_word_finds_the_page(client, site, language, query, expected):
    assert expected in first_titles(client, language, query)


# Each synonym pair of the issue, each way, in the language where the page uses the other word.
@pytest.mark.parametrize(
    ("language", "query", "expected"),
    [
        ("en-ca", "jaw", "Temporomandibular joint (TMJ) syndrome"),
        ("fr-ca", "mâchoire", TMJ_FR),
        ("en-ca", "prolothérapie", "Prolotherapy"),
        ("fr-ca", "prolotherapy", "Prolothérapie"),
        ("en-ca", "sciatique", "Low back pain"),
        ("fr-ca", "sciatica", "Douleur lombaire"),
        ("en-ca", "coup de fouet", "Neck pain and whiplash"),
        ("fr-ca", "whiplash", "Douleur au cou et coup de fouet cervical"),
        ("en-ca", "arthrose", "Osteoarthritis"),
        ("fr-ca", "OA", "Arthrose"),
    ],
)
def test_synonyms_find_the_page_that_uses_the_other_word(client, site, language, query, expected):
    assert expected in first_titles(client, language, query, count=5)


def test_synonyms_are_read_from_the_editable_setting(client, site):
    from search.models import SearchSynonyms

    assert "Hip and knee problems" not in first_titles(client, "en-ca", "zorblat")
    synonyms = SearchSynonyms.load()
    synonyms.english += "\nzorblat, knee"
    synonyms.save()
    assert first_titles(client, "en-ca", "zorblat", count=1) == ["Hip and knee problems"]
    # Only in English: the French list is its own.
    assert first_titles(client, "fr-ca", "zorblat") == []


@pytest.mark.skipif(ON_POSTGRES, reason="SQLite's tokenizer folds accents; PostgreSQL's does not")
@pytest.mark.parametrize("query", ["epaule", "EPAULE", "Épaule", "épaule"])
def test_accents_and_case_do_not_matter_on_sqlite(client, site, query):
    assert first_titles(client, "fr-ca", query, count=1) == [SHOULDER_FR]


@pytest.mark.skipif(not ON_POSTGRES, reason="stemming is PostgreSQL's (French and English)")
@pytest.mark.parametrize(
    ("language", "query", "expected"),
    [
        ("fr-ca", "genoux", "Problèmes à la hanche et au genou"),
        ("fr-ca", "épaules", SHOULDER_FR),
        ("en-ca", "knees", "Hip and knee problems"),
        ("en-ca", "shoulders", "Shoulder problems, including the rotator cuff"),
    ],
)
def test_postgres_stems_each_language_with_its_own_configuration(
    client, site, language, query, expected
):
    assert expected in first_titles(client, language, query)


def test_the_french_index_uses_french_stemming_on_postgres(site):
    if not ON_POSTGRES:
        pytest.skip("PostgreSQL only")
    from wagtail.search.models import IndexEntry

    from treatments.models import ConditionPage

    french = ConditionPage.objects.get(title=SHOULDER_FR)
    english = ConditionPage.objects.get(title="Shoulder problems, including the rotator cuff")
    assert IndexEntry  # the rows below are Wagtail's IndexEntry
    french_title = str(french.index_entries.get().title)
    english_title = str(english.index_entries.get().title)
    assert "'épaul'" in french_title  # French stemmer: « épaule » -> épaul
    assert "'problem'" in english_title  # English stemmer: problems -> problem
    # French stop words dropped, « problèmes » stemmed: the English configuration would keep
    # « des » and give « problèm ».
    assert "'des'" not in french_title
    assert "'problem'" in french_title


@pytest.mark.parametrize("query", ["prolotherapy", "knee", "pain", "douleur", "TMJ"])
def test_french_results_never_list_english_pages(client, site, query):
    html = search_page(client, "fr-ca", query).content.decode()
    links = re.findall(r'class="search-result__title"><a href="([^"]+)"', html)
    assert all(link.startswith("/fr-ca/") for link in links)


@pytest.mark.parametrize("query", ["prolothérapie", "genou", "douleur"])
def test_english_results_never_list_french_pages(client, site, query):
    html = search_page(client, "en-ca", query).content.decode()
    links = re.findall(r'class="search-result__title"><a href="([^"]+)"', html)
    assert all(link.startswith("/en-ca/") for link in links)


def test_titles_rank_above_body_text(client, site):
    # "Osteoarthritis" is in several pages' text; the page titled so comes first.
    assert first_titles(client, "en-ca", "osteoarthritis", count=1) == ["Osteoarthritis"]
    assert first_titles(client, "fr-ca", "arthrose", count=1) == ["Arthrose"]


@pytest.mark.parametrize(
    ("language", "query", "expected"),
    [
        ("fr-ca", "genoux", "Problèmes à la hanche et au genou"),
        ("en-ca", "knees", "Hip and knee problems"),
        ("en-ca", "shoulders", "Shoulder problems, including the rotator cuff"),
    ],
)
def test_a_plural_finds_the_singular_on_both_databases(client, site, language, query, expected):
    assert expected in first_titles(client, language, query)
