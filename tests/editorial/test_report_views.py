"""The two reports on Wagtail's report views: pagination, filters, ordering, export, and bad input
answered with the nearest valid page, never a 500."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from editorial import selectors
from tests.editorial.test_reports import (  # noqa: F401 - fixtures
    admin_client,
    due_pages,
    make_resource,
    translation_states,
)

pytestmark = pytest.mark.django_db

TRANSLATIONS = reverse("editorial:translations_report")
CLINICAL = reverse("editorial:clinical_review_report")

BAD_INPUT = [
    {"p": "-3"},
    {"p": "999999"},
    {"p": "two"},
    {"p": "1e9"},
    {"ordering": "password"},
    {"ordering": "-"},
    {"state": "<script>"},
    {"kind": "nothing"},
    {"content_type": "999999"},
    {"content_type": "x"},
    {"target_locale": "-1"},
    {"locale": "fr"},
    {"due": "tomorrow"},
]


@pytest.mark.parametrize("params", BAD_INPUT)
def test_bad_input_gets_a_page_never_a_500(admin_client, translation_states, due_pages, params):  # noqa: F811
    for url in (TRANSLATIONS, CLINICAL):
        response = admin_client.get(url, params)
        assert response.status_code == 200, (url, params)


def test_translations_report_pages_and_orders(admin_client, translation_states):  # noqa: F811
    english_home, french_home = None, None
    response = admin_client.get(TRANSLATIONS, {"ordering": "-title"})
    titles = [str(row.english) for row in response.context["rows"]]
    assert titles == sorted(titles, reverse=True)
    assert response.context["paginator"].per_page == 50
    response = admin_client.get(TRANSLATIONS, {"kind": "resource"})
    assert {str(row.english) for row in response.context["rows"]} == {"AAOM", "Hackett", "Primal"}
    response = admin_client.get(TRANSLATIONS, {"state": selectors.OUT_OF_DATE, "kind": "page"})
    assert [row.state for row in response.context["rows"]] == [selectors.OUT_OF_DATE]
    del english_home, french_home


def test_translations_report_exports_a_spreadsheet(admin_client, translation_states):  # noqa: F811
    response = admin_client.get(TRANSLATIONS, {"export": "csv"})
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode()
    assert "Hackett" in body and "Out of date" in body
    response = admin_client.get(TRANSLATIONS, {"export": "xlsx"})
    assert response.status_code == 200


def test_clinical_review_report_exports_and_filters(admin_client, due_pages):  # noqa: F811
    treatment, condition, later, french_condition, undated = due_pages
    body = b"".join(admin_client.get(CLINICAL, {"export": "csv"}).streaming_content).decode()
    assert condition.title in body and later.title not in body
    response = admin_client.get(CLINICAL, {"due": "undated"})
    pages = [row.page.pk for _locale, rows in response.context["sections"] for row in rows]
    assert pages == [undated.pk]
    response = admin_client.get(CLINICAL, {"locale": french_condition.locale_id})
    assert [locale.language_code for locale, _rows in response.context["sections"]] == ["fr-ca"]


def test_clinical_review_query_loads_no_streamfield(admin_client, due_pages):  # noqa: F811
    with CaptureQueriesContext(connection) as captured:
        admin_client.get(CLINICAL)
    report_queries = [q["sql"] for q in captured if "treatments_" in q["sql"]]
    assert report_queries
    assert not any('"body"' in sql or "sections" in sql for sql in report_queries)


def test_results_only_url_for_wagtail_filters(admin_client, translation_states):  # noqa: F811
    response = admin_client.get(
        reverse("editorial:translations_report_results"), {"state": "missing"}
    )
    assert response.status_code == 200
    assert "Resources" in response.content.decode()


def test_dashboard_queries_do_not_grow_with_content(admin_client, editorial):  # noqa: F811
    english_home, french_home = editorial
    url = reverse("wagtailadmin_home")

    def queries():
        admin_client.get(url)  # warm the per-process caches
        with CaptureQueriesContext(connection) as captured:
            response = admin_client.get(url)
        assert response.status_code == 200
        return len(captured)

    for number in range(2):
        make_resource(english_home.locale, f"R{number}", "D.", "F.", french_home.locale)
    few = queries()
    for number in range(2, 10):
        make_resource(english_home.locale, f"R{number}", "D.", "F.", french_home.locale)
    assert queries() == few
