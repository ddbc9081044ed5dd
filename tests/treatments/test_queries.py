"""Index pages take the same number of queries whatever the number of pages they list."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from treatments.models import ConditionIndexPage, ConditionPage, TreatmentIndexPage, TreatmentPage

pytestmark = pytest.mark.django_db


def add_children(index, model, count):
    for number in range(count):
        page = model(
            title=f"Page {number}",
            slug=f"page-{number}",
            summary=f"Summary of page {number}.",
            next_review_due="2026-11-25",
        )
        if model is ConditionPage:
            page.urgent_care = "<p>Warning signs.</p>"
        index.add_child(instance=page)
        page.save_revision().publish()


def queries_to_render(client, url):
    client.get(url)  # warm caches that do not depend on the page (site root paths, ...)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    ("index_model", "child_model"),
    [(TreatmentIndexPage, TreatmentPage), (ConditionIndexPage, ConditionPage)],
)
def test_index_query_count_does_not_grow_with_its_children(
    client, home_pages, index_model, child_model
):
    english_home, _french_home = home_pages
    small = index_model(title="Small", slug="small")
    large = index_model(title="Large", slug="large")
    # One index per home page is the editors' rule; two here, to compare like with like.
    english_home.add_child(instance=small)
    english_home.add_child(instance=large)
    add_children(small, child_model, 5)
    add_children(large, child_model, 50)

    small_html = client.get(small.get_url()).content.decode()
    assert small_html.count('class="card"') == 5
    assert client.get(large.get_url()).content.decode().count('class="card"') == 50
    assert queries_to_render(client, small.get_url()) == queries_to_render(client, large.get_url())
