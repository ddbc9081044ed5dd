"""A French address with no approved French answers 404 in French, linking to the English."""

import pytest
from django.test import Client

from home.localization import translate_from_catalogue

pytestmark = pytest.mark.django_db

NOTICE = "Cette page n’est pas encore offerte en français."


@pytest.fixture
def draft_translation(clinical_pages, editorial):
    """The condition page translated into French but never published (waiting for review)."""
    _treatment, condition = clinical_pages
    _english_home, french_home = editorial
    translate_from_catalogue(
        condition.get_parent().specific,
        french_home.locale,
        {"Conditions": "Problèmes de santé", "conditions": "problemes-de-sante"},
    )

    class Everything(dict):
        def get(self, text, default=None):
            return {"low-back-pain": "douleur-lombaire"}.get(text, f"FR {text}")

    french = translate_from_catalogue(condition, french_home.locale, Everything(), publish=False)
    assert not french.live
    return condition, french


def test_a_draft_translation_answers_404_in_french_linking_to_the_english(draft_translation):
    condition, french = draft_translation
    response = Client().get("/fr-ca/problemes-de-sante/douleur-lombaire/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="fr-CA">' in html
    assert "Page introuvable" in html and NOTICE in html
    assert f'href="{condition.url}" hreflang="en-CA" lang="en-CA">Low back pain</a>' in html
    assert "FR " not in html  # nothing of the unreviewed French either
    sitemap = Client().get("/sitemap.xml").content.decode()
    assert "douleur-lombaire" not in sitemap
    english = Client().get(condition.url).content.decode()
    assert 'hreflang="fr-CA"' not in english.split("</head>")[0]


def test_only_a_page_that_is_not_live_looks_for_its_twin(draft_translation, monkeypatch):
    """Ordinary 404s (no page at the address) make no query for a twin."""
    from translations import routing

    calls = []
    original = routing.live_twin
    monkeypatch.setattr(routing, "live_twin", lambda page: calls.append(page) or original(page))
    visitor = Client()
    response = visitor.get("/fr-ca/problemes-de-sante/nulle-part/")
    assert response.status_code == 404 and NOTICE not in response.content.decode()
    assert calls == []
    visitor.get("/fr-ca/problemes-de-sante/douleur-lombaire/")
    assert [page.pk for page in calls] == [draft_translation[1].pk]
