"""The page cache on, emptied before and after each test, over the whole seeded site."""

import io

import pytest


@pytest.fixture(autouse=True)
def page_cache(settings):
    from pagecache import store

    settings.PAGE_CACHE_ENABLED = True
    store.clear()
    yield
    store.clear()


@pytest.fixture(autouse=True)
def english_by_default():
    from django.utils import translation

    with translation.override("en-ca"):
        yield


@pytest.fixture
def site(home_pages):
    """The practice's pages, treatments, conditions and directory, in both languages (the
    editorial groups and workflows are left out: the cache does not depend on them)."""
    from directory.services import seed_directory
    from practice.services import seed_practice
    from treatments.services import seed_treatments

    out = io.StringIO()
    seed_practice()
    seed_treatments()
    seed_directory(stdout=out)
    return home_pages


@pytest.fixture
def anonymous(client):
    """An anonymous reader with no cookies between requests (each a new visitor)."""

    def get(url, **headers):
        client.cookies.clear()
        return client.get(url, **headers)

    return get
