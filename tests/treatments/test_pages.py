"""Every seeded page renders in both languages with its review line, disclaimer and JSON-LD,
and links between treatments and conditions stay in the reader's language."""

import json
import re

import pytest
from django.utils.html import escape

from treatments.models import ConditionPage, TreatmentPage

pytestmark = pytest.mark.django_db

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)
EXPECTED = {
    "en": {
        "lang": 'lang="en-CA"',
        "review": "Not yet reviewed by a physician.",
        # No due date on a page never reviewed: it would soon be a date already past.
        "no_due_date": "Review due",
        "disclaimer": "It is not medical advice",
        "in_language": "en-CA",
        "prefix": "/en-ca/",
    },
    "fr": {
        "lang": 'lang="fr-CA"',
        # A translation says its French has its own review, not yet done on seeded pages.
        "review": "Pas encore révisée par un médecin. La traduction française n’a pas encore "
        "été révisée.",
        "no_due_date": "Révision prévue",
        "disclaimer": "Elle ne constitue pas un avis médical",
        "in_language": "fr-CA",
        "prefix": "/fr-ca/",
    },
}


def json_ld(html):
    scripts = JSON_LD.findall(html)
    assert len(scripts) == 1
    return json.loads(scripts[0])


def test_there_is_a_page_for_the_treatment_and_each_condition(seeded):
    for code in ("en", "fr"):
        assert sum(isinstance(page, TreatmentPage) for page in seeded[code]) == 1
        assert sum(isinstance(page, ConditionPage) for page in seeded[code]) == 9
        assert all(page.live for page in seeded[code])


@pytest.mark.parametrize("code", ["en", "fr"])
def test_every_seeded_page_renders_with_review_line_disclaimer_and_json_ld(client, seeded, code):
    expected = EXPECTED[code]
    for page in seeded[code]:
        url = page.get_url()
        assert url.startswith(expected["prefix"])
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert expected["lang"] in html
        assert f'<h1 class="page-header__title">{escape(page.title)}</h1>' in html
        assert escape(expected["review"]) in html, url
        assert expected["no_due_date"] not in html, url
        assert escape(expected["disclaimer"]) in html, url

        data = json_ld(html)
        assert data["@context"] == "https://schema.org"
        assert data["@type"] == "MedicalWebPage"
        assert data["inLanguage"] == expected["in_language"]
        assert data["name"] == page.title
        assert data["about"]["name"] == page.title
        expected_type = "MedicalTherapy" if isinstance(page, TreatmentPage) else "MedicalCondition"
        assert data["about"]["@type"] == expected_type
        # Not reviewed: no review date and, above all, no invented reviewer.
        assert "lastReviewed" not in data
        assert "reviewedBy" not in data


def test_review_line_and_json_ld_after_a_physicians_review(client, seeded):
    import datetime

    page = seeded["fr"][0]
    page.last_reviewed = datetime.date(2026, 3, 12)
    page.reviewed_by = "Dre Jane Smith, M.D."
    page.next_review_due = datetime.date(2027, 3, 1)
    page.save_revision().publish()
    html = client.get(page.get_url()).content.decode()
    # The clinical review is of the English text; "M.D." ends the sentence without "M.D..".
    assert (
        "Révision clinique du texte anglais\u00a0: 12 mars 2026, par Dre Jane Smith, M.D. " in html
    )
    assert "Prochaine révision prévue\u00a0: 1er mars 2027." in html
    data = json_ld(html)
    assert data["lastReviewed"] == "2026-03-12"
    assert data["reviewedBy"] == {"@type": "Person", "name": "Dre Jane Smith, M.D."}


def test_treatment_page_lists_other_names_in_the_readers_language(client, seeded):
    english = client.get(seeded["en"][0].get_url()).content.decode()
    french = client.get(seeded["fr"][0].get_url()).content.decode()
    assert "Also known as" in english and "<li>Stimulated ligament repair</li>" in english
    assert "Autres noms" in french and "<li>Réparation ligamentaire stimulée</li>" in french
    data = json_ld(french)
    assert "Réparation ligamentaire stimulée" in data["about"]["alternateName"]
    assert len(data["about"]["alternateName"]) == 6


def test_condition_pages_have_the_urgent_care_callout(client, seeded):
    for code, words in (("en", ("Urgent", "call 911", "811")), ("fr", ("Urgence", "911", "811"))):
        for page in seeded[code]:
            if not isinstance(page, ConditionPage):
                continue
            html = client.get(page.get_url()).content.decode()
            assert 'class="callout callout--urgent"' in html
            for word in words:
                assert word in html


def test_links_between_treatments_and_conditions_stay_in_the_readers_language(client, seeded):
    for code, prefix in (("en", "/en-ca/"), ("fr", "/fr-ca/")):
        treatment = seeded[code][0]
        conditions = [page for page in seeded[code] if isinstance(page, ConditionPage)]
        treatment_html = client.get(treatment.get_url()).content.decode()
        for condition in conditions:
            assert f'href="{condition.get_url()}"' in treatment_html
            condition_html = client.get(condition.get_url()).content.decode()
            assert f'href="{treatment.get_url()}"' in condition_html
            links = re.findall(r'href="(/(?:en|fr)-ca/[^"]*)"', condition_html)
            # Every link in the page body is in the reader's language (the switcher aside).
            body = condition_html.split('<main id="main"', 1)[1]
            for link in re.findall(r'href="(/(?:en|fr)-ca/[^"]*)"', body):
                assert link.startswith(prefix), link
            assert links


def test_french_condition_linked_to_an_english_treatment_shows_the_french_one(client, seeded):
    """A French page's stored link points at the English treatment: it is localized."""
    french_condition = next(p for p in seeded["fr"] if isinstance(p, ConditionPage))
    link = french_condition.treatment_links.get()
    assert link.treatment.locale.language_code == "en-ca"
    html = client.get(french_condition.get_url()).content.decode()
    assert f'href="{seeded["fr"][0].get_url()}"' in html
    assert f'href="{seeded["en"][0].get_url()}"' not in html.split('<main id="main"', 1)[1]


def test_unpublished_translation_falls_back_to_the_page_that_exists(client, seeded):
    french_treatment = seeded["fr"][0]
    french_treatment.unpublish()
    french_condition = next(p for p in seeded["fr"] if isinstance(p, ConditionPage))
    html = client.get(french_condition.get_url()).content.decode()
    assert f'href="{seeded["en"][0].get_url()}"' in html


def test_index_pages_list_their_children_with_summaries(client, indexes, seeded):
    for code in ("en", "fr"):
        treatment_index, condition_index = indexes[code]
        html = client.get(condition_index.get_url()).content.decode()
        conditions = [page for page in seeded[code] if isinstance(page, ConditionPage)]
        positions = []
        for page in conditions:
            assert escape(page.summary) in html
            positions.append(html.index(f'href="{page.get_url()}"'))
        assert positions == sorted(positions)  # the editors' (tree) order
        html = client.get(treatment_index.get_url()).content.decode()
        assert escape(seeded[code][0].summary) in html


def test_json_ld_cannot_be_broken_out_of(client, seeded):
    page = seeded["en"][0]
    page.summary = "</script><script>alert(1)</script> & more"
    page.save_revision().publish()
    html = client.get(page.get_url()).content.decode()
    assert "<script>alert(1)" not in html
    assert json_ld(html)["description"] == page.summary


def test_indexes_are_in_the_main_navigation(client, seeded):
    html = client.get("/fr-ca/").content.decode()
    assert ">Traitements<" in html
    assert ">Problèmes de santé<" in html
