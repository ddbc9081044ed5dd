"""Fixtures for the practice: its details and pages seeded in both languages, a form post."""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def practice(home_pages):
    """(English home, French home) with the practice's details and pages."""
    from practice.services import seed_practice

    seed_practice()
    return home_pages


@pytest.fixture
def valid_post():
    def make(**changes):
        data = {
            "topic": "appointment",
            "name": "Marie Tremblay",
            "contact_method": "phone",
            "phone": "514 555-0199",
            "email": "",
            "preferred_language": "fr-ca",
            "preferred_times": "Le matin",
            "reason": "Douleur au genou depuis six mois.",
            "consent": "on",
            "website": "",
        }
        data.update(changes)
        return {key: value for key, value in data.items() if value is not None}

    return make


CONTACT = {"en-ca": "/en-ca/contact/", "fr-ca": "/fr-ca/nous-joindre/"}
SENT = {"en-ca": "/en-ca/contact/sent/", "fr-ca": "/fr-ca/nous-joindre/envoye/"}
