"""Fixtures for the safeguards: the seeded rules and glossary, clinical pages, admin users."""

import pytest

# The editorial suite's roles and clinical pages (its conftest is not a parent of this one).
from tests.editorial.conftest import (  # noqa: F401
    administrator,
    clinical_pages,
    editor,
    editorial,
    make_user,
    reviewer,
)


@pytest.fixture(autouse=True)
def english_by_default():
    from django.utils import translation

    with translation.override("en-ca"):
        yield


@pytest.fixture
def rules(db):
    from safeguards.services import seed_safeguards

    seed_safeguards()


@pytest.fixture
def seeded(home_pages, rules):
    """{"en": [...], "fr": [...]} seeded treatment and condition pages (specific)."""
    from treatments.models import ConditionPage, TreatmentPage
    from treatments.services import seed_treatments

    seed_treatments()
    english_home, french_home = home_pages
    return {
        code: [
            *TreatmentPage.objects.descendant_of(home).order_by("path"),
            *ConditionPage.objects.descendant_of(home).order_by("path"),
        ]
        for home, code in ((english_home, "en"), (french_home, "fr"))
    }


@pytest.fixture
def treatment(seeded):
    from treatments.models import TreatmentPage

    return TreatmentPage.objects.filter(locale__language_code="en-ca").first()


@pytest.fixture
def admin_client(client, django_user_model):
    """A superuser's admin session (two-step sign-in verified as the middleware requires)."""
    user = django_user_model.objects.create_superuser(
        "root", password="pw-for-tests-only", first_name="Ada", last_name="Admin, MD"
    )
    client.force_login(user)
    return client
