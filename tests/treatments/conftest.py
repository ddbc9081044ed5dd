"""Fixtures for treatment and condition pages: the seeded practice content, in both languages."""

import pytest


@pytest.fixture(autouse=True)
def english_by_default():
    """Each test starts in English: a French request earlier in the run leaves French active."""
    from django.utils import translation

    with translation.override("en-ca"):
        yield


@pytest.fixture
def seeded(home_pages):
    """The seeded treatment and condition pages: {"en": [...], "fr": [...]} of specific pages."""
    from treatments.models import ConditionPage, TreatmentPage
    from treatments.services import seed_treatments

    seed_treatments()
    english_home, french_home = home_pages
    pages = {}
    for home, code in ((english_home, "en"), (french_home, "fr")):
        pages[code] = [
            *TreatmentPage.objects.descendant_of(home).order_by("path"),
            *ConditionPage.objects.descendant_of(home).order_by("path"),
        ]
    return pages


@pytest.fixture
def indexes(seeded, home_pages):
    """{"en"/"fr": (treatment index, condition index)}."""
    from treatments.models import ConditionIndexPage, TreatmentIndexPage

    english_home, french_home = home_pages
    return {
        code: (
            TreatmentIndexPage.objects.child_of(home).get(),
            ConditionIndexPage.objects.child_of(home).get(),
        )
        for code, home in (("en", english_home), ("fr", french_home))
    }
