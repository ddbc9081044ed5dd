"""The checks as an editor and a reviewer meet them in the page editor."""

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry, WorkflowState
from wagtail.test.utils.form_data import rich_text

from safeguards.overrides import OVERRIDE_ACTION
from tests.editorial.conftest import edit_form_data

pytestmark = pytest.mark.django_db

BAD_SUMMARY = "The best, guaranteed treatment for joint pain."


@pytest.fixture(autouse=True)
def _rules(rules):
    return rules


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def texts_of(response):
    return [str(m) for m in response.context["messages"]]


def test_opening_the_editor_shows_rule_hits_with_the_reason_and_the_reading_level(
    client, clinical_pages, editor
):
    treatment, _condition = clinical_pages
    treatment.summary = BAD_SUMMARY
    treatment.save_revision()
    client.force_login(editor)
    response = client.get(edit_url(treatment))
    assert response.status_code == 200
    texts = texts_of(response)
    assert any("“The best” in “summary”" in t and "CPSO" in t and "Instead:" in t for t in texts)
    assert any("“guaranteed” in “summary”" in t for t in texts)
    assert any(t.startswith("Reading level: grade") for t in texts)


def test_a_draft_with_a_hit_is_saved_as_typed(client, clinical_pages, editor):
    treatment, _condition = clinical_pages
    client.force_login(editor)
    data = edit_form_data(treatment, editor, summary=BAD_SUMMARY)
    response = client.post(edit_url(treatment), data, follow=True)
    assert response.status_code == 200
    treatment.refresh_from_db()
    assert treatment.get_latest_revision_as_object().summary == BAD_SUMMARY
    assert any("“The best”" in text for text in texts_of(response))


def test_publishing_a_hit_needs_an_override_recorded_in_the_history(
    client, clinical_pages, administrator
):
    treatment, _condition = clinical_pages
    client.force_login(administrator)
    data = edit_form_data(treatment, administrator, summary=BAD_SUMMARY)
    response = client.post(edit_url(treatment), {**data, "action-publish": "Publish"}, follow=True)
    treatment.refresh_from_db()
    assert treatment.summary != BAD_SUMMARY  # not published ...
    assert treatment.get_latest_revision_as_object().summary == BAD_SUMMARY  # ... but kept
    assert any("not published" in text for text in texts_of(response))
    override_url = reverse("safeguards:override", args=[treatment.pk])
    assert override_url in response.content.decode()

    # A reason is required.
    response = client.post(override_url, {"reason": ""})
    assert (
        response.status_code == 200
        and not PageLogEntry.objects.filter(action=OVERRIDE_ACTION).exists()
    )

    response = client.post(override_url, {"reason": "Quoted from the study's own title."})
    assert response.status_code == 302
    treatment.refresh_from_db()
    assert treatment.summary == BAD_SUMMARY
    entry = PageLogEntry.objects.get(page=treatment, action=OVERRIDE_ACTION)
    assert entry.user == administrator
    assert entry.data["reason"] == "Quoted from the study's own title."
    assert "Quoted from the study's own title." in entry.message

    history = client.get(reverse("wagtailadmin_pages:history", args=[treatment.pk]))
    assert "Quoted from the study" in history.content.decode()

    # The override covers that wording: publishing it again goes through.
    data = edit_form_data(treatment, administrator, title="Prolotherapy (retitled)")
    client.post(edit_url(treatment), {**data, "action-publish": "Publish"})
    treatment.refresh_from_db()
    assert treatment.title == "Prolotherapy (retitled)"


def test_a_clean_page_publishes_without_override(client, clinical_pages, administrator):
    treatment, _condition = clinical_pages
    client.force_login(administrator)
    data = edit_form_data(treatment, administrator, summary="An injection treatment.")
    client.post(edit_url(treatment), {**data, "action-publish": "Publish"})
    treatment.refresh_from_db()
    assert treatment.summary == "An injection treatment."


def test_submitting_without_references_says_what_to_add_and_keeps_the_draft(
    client, clinical_pages, editor
):
    treatment, _condition = clinical_pages
    client.force_login(editor)
    data = edit_form_data(treatment, editor, summary="A new summary.")
    data["references-count"] = "0"
    response = client.post(edit_url(treatment), {**data, "action-submit": "Submit"}, follow=True)
    texts = texts_of(response)
    assert any("“References” is empty" in t and "at least one published source" in t for t in texts)
    assert not WorkflowState.objects.filter(
        object_id=str(treatment.pk), status=WorkflowState.STATUS_IN_PROGRESS
    ).exists()
    treatment.refresh_from_db()
    assert treatment.get_latest_revision_as_object().summary == "A new summary."


def test_submitting_without_risks_names_the_section(client, clinical_pages, editor):
    treatment, _condition = clinical_pages
    client.force_login(editor)
    data = edit_form_data(treatment, editor)
    data["risks-count"] = "0"
    response = client.post(edit_url(treatment), {**data, "action-submit": "Submit"}, follow=True)
    texts = texts_of(response)
    assert any(
        "“Risks and side effects” is empty" in t and "Common and rare side effects" in t
        for t in texts
    )
    assert not treatment.workflow_in_progress


def test_the_condition_page_needs_its_urgent_care_section(client, clinical_pages, editor):
    _treatment, condition = clinical_pages
    client.force_login(editor)
    data = edit_form_data(condition, editor, urgent_care=rich_text(""))
    response = client.post(edit_url(condition), {**data, "action-submit": "Submit"}, follow=True)
    assert any("“When to get help urgently” is empty" in t for t in texts_of(response))


def test_the_override_page_is_refused_to_someone_who_cannot_edit(client, clinical_pages, make_user):
    treatment, _condition = clinical_pages
    client.force_login(make_user("reception", "Reception"))
    response = client.post(
        reverse("safeguards:override", args=[treatment.pk]), {"reason": "A forged override."}
    )
    assert response.status_code in (302, 403)
    assert not PageLogEntry.objects.filter(action=OVERRIDE_ACTION).exists()


def test_creating_and_publishing_a_page_with_a_hit_saves_a_draft(
    client, clinical_pages, administrator
):
    from tests.treatments.test_admin import treatment_form
    from treatments.models import TreatmentPage

    treatment, _condition = clinical_pages
    index = treatment.get_parent()
    client.force_login(administrator)
    url = reverse("wagtailadmin_pages:add", args=["treatments", "treatmentpage", index.pk])
    data = treatment_form(title="Sclerotherapy", slug="sclerotherapy", summary=BAD_SUMMARY)
    response = client.post(url, data, follow=True)
    assert response.status_code == 200
    new = TreatmentPage.objects.get(slug="sclerotherapy")
    assert not new.live
    assert new.get_latest_revision_as_object().summary == BAD_SUMMARY
    assert any("not published" in text for text in texts_of(response))


def test_the_editor_gets_its_warnings_by_field(client, clinical_pages, editor, make_user):
    treatment, _condition = clinical_pages
    treatment.summary = BAD_SUMMARY
    treatment.save_revision()
    client.force_login(editor)
    html = client.get(edit_url(treatment)).content.decode()
    assert "safeguards/field-warnings" in html
    findings = client.get(reverse("safeguards:page_findings", args=[treatment.pk])).json()
    assert {f["field"] for f in findings["findings"]} == {"summary"}
    assert any("CPSO" in f["message"] for f in findings["findings"])

    client.force_login(make_user("frontdesk", "Reception"))
    response = client.get(reverse("safeguards:page_findings", args=[treatment.pk]))
    assert response.status_code in (302, 403)
