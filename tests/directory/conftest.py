"""Fixtures for the resource directory: seeded pages and a quick way to make resources."""

import pytest


@pytest.fixture
def seeded(home_pages):
    """(English directory page, French directory page) with every practice resource."""
    from directory.models import DirectoryPage
    from directory.services import seed_directory

    seed_directory()
    english_home, french_home = home_pages
    english = DirectoryPage.objects.child_of(english_home).get()
    return english, english.get_translation(french_home.locale)


@pytest.fixture
def locales(home_pages):
    english_home, french_home = home_pages
    return english_home.locale, french_home.locale


@pytest.fixture
def make_resource(locales):
    from directory.models import Resource

    english, _french = locales

    def make(**fields):
        values = {"kind": "website", "title": "A resource", "locale": english, **fields}
        resource = Resource(**values)
        resource.full_clean()
        resource.save()
        return resource

    return make


@pytest.fixture(autouse=True)
def english_by_default():
    """Each test starts in English: a French request earlier in the run leaves French active."""
    from django.utils import translation

    with translation.override("en-ca"):
        yield
