"""Fixtures shared by every suite."""

import pytest


@pytest.fixture
def home_pages(db):
    """(English home, French home): locales, the default site and both home pages."""
    from home.services import setup_site

    return setup_site()


@pytest.fixture
def french_admin(db, django_user_model):
    """A superuser whose admin interface is in French."""
    from wagtail.users.models import UserProfile

    user = django_user_model.objects.create_superuser("adminfr", password="pw-for-tests-only")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "fr-ca"
    profile.save()
    return user
