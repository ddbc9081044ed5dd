"""The content checks on the admin's preview: a banner above the previewed page, as typed (not
saved), and nothing of it on the public page, even for staff."""

import pytest
from django.urls import reverse

from tests.editorial.conftest import edit_form_data

pytestmark = pytest.mark.django_db

BAD_SUMMARY = "The best, guaranteed treatment for joint pain."


@pytest.fixture(autouse=True)
def _rules(rules):
    return rules


def preview(client, page, user, **changes):
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    response = client.post(url, edit_form_data(page, user, **changes))
    assert response.json()["is_valid"], response.content.decode()[:2000]
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_preview_shows_the_rule_hits_of_what_is_typed(client, clinical_pages, editor):
    treatment, _condition = clinical_pages
    client.force_login(editor)
    html = preview(client, treatment, editor, summary=BAD_SUMMARY)
    assert "data-preview-checks" in html
    banner = html.split("data-preview-checks", 1)[1].split("</aside>", 1)[0]
    assert "content checks to look at" in banner
    assert "“guaranteed” in “summary”" in banner and "CPSO" in banner
    assert "Readers never see this box" in banner
    # Only a preview: nothing was saved.
    treatment.refresh_from_db()
    assert treatment.get_latest_revision_as_object().summary != BAD_SUMMARY


def test_a_clean_preview_says_so(client, clinical_pages, editor):
    treatment, _condition = clinical_pages
    client.force_login(editor)
    html = preview(client, treatment, editor, summary="An injection treatment.")
    assert "Preview only: no content check finding" in html


def test_the_public_page_never_shows_the_banner(client, clinical_pages, editor):
    treatment, _condition = clinical_pages
    treatment.summary = BAD_SUMMARY
    treatment.save_revision().publish()
    treatment.refresh_from_db()
    for user in (None, editor):
        if user:
            client.force_login(user)
        response = client.get(treatment.url)
        assert response.status_code == 200
        assert "data-preview-checks" not in response.content.decode()
        assert "preview-checks.css" not in response.content.decode()
