"""With the page cache off, each page type renders in a fixed number of SQL queries, whatever the
number of pages it lists, resources it shows or references it cites (two sizes each).

The ceilings are today's counts, so a change that adds a query per item, or any query at all,
fails here. Treatment and condition pages are still above the 12 the performance issue asks
for (routing costs one query per level of the address plus the served page's own row; see
pagecache.queries for what is answered once per request and the note of issue 11).
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from directory.models import DirectoryPage, Resource
from treatments.models import (
    ConditionIndexPage,
    ConditionPage,
    ConditionTreatment,
    TreatmentIndexPage,
    TreatmentPage,
)

pytestmark = pytest.mark.django_db

CEILINGS = {  # English pages; was 14, 18, 18, 32, 28, 21, 17, 15, 18 before the request memo
    "HomePage": 9,
    "TreatmentIndexPage": 10,
    "ConditionIndexPage": 10,
    "TreatmentPage": 14,
    "ConditionPage": 14,
    "DirectoryPage": 12,
    "ContactPage": 10,
    "PrivacyStatementPage": 9,
    "AccessibilityStatementPage": 10,
}


@pytest.fixture(autouse=True)
def cache_off(settings):
    settings.PAGE_CACHE_ENABLED = False


def queries(client, url):
    client.get(url)  # warm what does not depend on the page (the site, the locales)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def assert_flat(client, page_type, url, grow):
    before = queries(client, url)
    grow()
    after = queries(client, url)
    assert before == after, f"{page_type}: {before} queries, then {after}"
    assert after <= CEILINGS[page_type], f"{page_type}: {after} queries"


def english(model):
    return model.objects.live().filter(locale__language_code="en-ca").order_by("path").first()


def add_pages(parent, model, count, **fields):
    for number in range(count):
        page = model(title=f"Extra {number}", slug=f"extra-{number}", **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()


CLINICAL = {"summary": "A summary.", "next_review_due": "2027-11-25"}


@pytest.mark.parametrize("index_model", [TreatmentIndexPage, ConditionIndexPage])
def test_index_pages(site, client, index_model):
    index = english(index_model)
    child = TreatmentPage if index_model is TreatmentIndexPage else ConditionPage
    extra = {**CLINICAL, **({"urgent_care": "<p>Signs.</p>"} if child is ConditionPage else {})}
    assert_flat(
        client, index_model.__name__, index.get_url(), lambda: add_pages(index, child, 60, **extra)
    )


def test_home_page(site, client):
    home = Page.objects.get(depth=2, locale__language_code="en-ca")
    index = english(TreatmentIndexPage)

    def grow():
        for number in range(10):
            page = TreatmentIndexPage(title=f"Section {number}", slug=f"section-{number}")
            page.show_in_menus = True
            home.add_child(instance=page)
            page.save_revision().publish()
        assert index.get_parent().get_children().count() > 10

    assert_flat(client, "HomePage", home.get_url(), grow)


def test_condition_page_with_50_references_and_10_treatments(site, client):
    condition = english(ConditionPage)
    index = english(TreatmentIndexPage)

    def grow():
        add_pages(index, TreatmentPage, 10, **CLINICAL)
        for page in TreatmentPage.objects.child_of(index).filter(slug__startswith="extra-"):
            ConditionTreatment.objects.create(condition=condition, treatment=page)
        condition.references = [
            ("reference", {"title": f"Study {number}", "publication": "A journal, 2020"})
            for number in range(50)
        ]
        condition.save_revision().publish()

    assert_flat(client, "ConditionPage", condition.get_url(), grow)
    assert "Study 49" in client.get(condition.get_url()).content.decode()


def test_treatment_page_listing_many_conditions(site, client):
    treatment = english(TreatmentPage)
    index = english(ConditionIndexPage)

    def grow():
        add_pages(index, ConditionPage, 20, urgent_care="<p>Signs.</p>", **CLINICAL)
        for page in ConditionPage.objects.child_of(index).filter(slug__startswith="extra-"):
            ConditionTreatment.objects.create(condition=page, treatment=treatment)

    assert_flat(client, "TreatmentPage", treatment.get_url(), grow)
    assert "Extra 19" in client.get(treatment.get_url()).content.decode()


def test_directory_page_with_500_resources(site, client):
    directory = DirectoryPage.objects.get(locale__language_code="en-ca")
    sample = Resource.objects.filter(live=True, locale__language_code="en-ca").first()

    def grow():
        import uuid

        Resource.objects.bulk_create(
            Resource(
                kind="website",
                title=f"Extra resource {number}",
                description="A description.",
                locale_id=sample.locale_id,
                translation_key=uuid.uuid4(),
                language=sample.language,
                live=True,
            )
            for number in range(500)
        )

    assert_flat(client, "DirectoryPage", directory.get_url(), grow)
    assert "Extra resource 499" in client.get(directory.get_url()).content.decode()


@pytest.mark.parametrize(
    "model_path",
    [
        "practice.models.ContactPage",
        "practice.models.PrivacyStatementPage",
        "practice.models.pages.AccessibilityStatementPage",
    ],
)
def test_practice_pages(site, client, model_path):
    from django.utils.module_loading import import_string

    model = import_string(model_path)
    page = english(model)
    assert_flat(
        client,
        model.__name__,
        page.get_url(),
        lambda: add_pages(
            english(ConditionIndexPage), ConditionPage, 5, urgent_care="<p>Signs.</p>", **CLINICAL
        ),
    )
