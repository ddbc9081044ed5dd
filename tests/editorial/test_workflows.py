"""Both review workflows end to end, through the admin's views: submit, reject, approve, publish."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, TaskState, WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from editorial import selectors, services
from editorial.models import ClinicalReviewTask
from tests.editorial.conftest import edit_form_data

pytestmark = pytest.mark.django_db


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def action_url(page, action, task_state):
    return reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])


def current_state(page):
    return WorkflowState.objects.active().get(object_id=str(page.pk))


def messages_of(response):
    return [str(m).strip() for m in response.context["messages"]] if response.context else []


def submit(client, page, user, **changes):
    data = edit_form_data(page, user, **changes)
    response = client.post(edit_url(page), {**data, "action-submit": "Submit"})
    assert response.status_code == 302, response.content.decode()[:2000]
    return current_state(page)


# Clinical review ------------------------------------------------------------------------------


def test_clinical_review_end_to_end(client, clinical_pages, editor, reviewer, settings):
    settings.CLINICAL_REVIEW_INTERVAL_MONTHS = 6
    treatment, _condition = clinical_pages
    today = timezone.localdate()

    client.force_login(editor)
    state = submit(client, treatment, editor, summary="A revised plain-language summary.")
    assert state.workflow.name == services.CLINICAL_WORKFLOW
    assert isinstance(state.current_task_state.task.specific, ClinicalReviewTask)
    treatment.refresh_from_db()
    assert treatment.summary != "A revised plain-language summary."  # not live yet

    # The reviewer asks for changes, with a comment.
    client.force_login(reviewer)
    task_state = state.current_task_state
    client.post(action_url(treatment, "reject", task_state), {"comment": "Cite the 2020 review."})
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_REJECTED
    assert task_state.comment == "Cite the 2020 review."
    assert current_state(treatment).status == WorkflowState.STATUS_NEEDS_CHANGES

    # The editor resubmits; the reviewer approves, which records the review and publishes.
    client.force_login(editor)
    state = submit(client, treatment, editor, summary="A revised summary, with the citation.")
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    client.force_login(reviewer)
    response = client.post(
        action_url(treatment, "approve", state.current_task_state), {"comment": ""}
    )
    assert response.status_code == 302
    treatment.refresh_from_db()
    assert treatment.live and not treatment.has_unpublished_changes
    assert treatment.summary == "A revised summary, with the citation."
    assert treatment.last_reviewed == today
    assert treatment.reviewed_by == "Claire Tremblay, MD"
    assert treatment.next_review_due == services.add_months(today, 6)
    assert not WorkflowState.objects.active().filter(object_id=str(treatment.pk)).exists()


def test_reviewer_approves_from_the_page_editor(client, clinical_pages, editor, reviewer):
    _treatment, condition = clinical_pages
    client.force_login(editor)
    state = submit(client, condition, editor)
    client.force_login(reviewer)
    data = edit_form_data(condition, reviewer)
    client.post(
        edit_url(condition),
        {**data, "action-workflow-action": "true", "workflow-action-name": "approve"},
    )
    condition.refresh_from_db()
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert condition.last_reviewed == timezone.localdate()
    assert condition.reviewed_by == "Claire Tremblay, MD"


@pytest.mark.parametrize("through", ["action view", "page editor"])
def test_approval_without_a_reviewer_name_is_refused_and_saves_nothing(
    client, clinical_pages, editor, make_user, through
):
    treatment, _condition = clinical_pages
    nameless = make_user("nameless", services.CLINICAL_REVIEWERS, language="fr-ca")
    client.force_login(editor)
    state = submit(client, treatment, editor)
    revisions = treatment.revisions.count()

    client.force_login(nameless)
    if through == "action view":
        url = action_url(treatment, "approve", state.current_task_state)
        response = client.post(url, {"comment": ""}, follow=True)
    else:
        data = edit_form_data(treatment, nameless, title="Prolotherapy (edited in review)")
        data.update({"action-workflow-action": "true", "workflow-action-name": "approve"})
        response = client.post(edit_url(treatment), data, follow=True)
    assert any("Votre compte n’a pas de nom" in message for message in messages_of(response))

    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.status == TaskState.STATUS_IN_PROGRESS
    treatment.refresh_from_db()
    assert treatment.revisions.count() == revisions
    assert treatment.last_reviewed is None and treatment.reviewed_by == ""
    assert treatment.title == "Prolotherapy"


def test_add_months_clamps_to_the_end_of_the_month():
    assert services.add_months(datetime.date(2026, 1, 31), 1) == datetime.date(2026, 2, 28)
    assert services.add_months(datetime.date(2026, 11, 25), 12) == datetime.date(2027, 11, 25)
    assert services.add_months(datetime.date(2027, 12, 15), 3) == datetime.date(2028, 3, 15)


# French translation review ---------------------------------------------------------------------


def change_english_title(page, title):
    page = page.specific
    page.title = title
    page.save_revision().publish()
    return page


def translate_string(source, french_locale, path, french_text):
    segment = StringSegment.objects.select_related("string", "context").get(
        source=source, context__path=path
    )
    StringTranslation.objects.update_or_create(
        translation_of=segment.string,
        locale=french_locale,
        context=segment.context,
        defaults={"data": french_text},
    )


def test_french_translation_review_end_to_end(
    client, editorial, administrator, translator, french_reviewer
):
    english_home, french_home = editorial
    translation = Translation.objects.get(
        source__object_id=english_home.translation_key, target_locale=french_home.locale
    )
    french_title = french_home.title

    # The English changes and is published: the French page stays entirely French.
    change_english_title(english_home, "Prolotherapy practice in Ottawa")
    french_home.refresh_from_db()
    assert french_home.title == french_title

    # A translator syncs (never publishing) and submits too early: refused, with the count.
    translation.source.update_from_db()
    client.force_login(translator)
    submit_url = reverse("editorial:submit_translation", args=[french_home.pk])
    assert client.get(submit_url).status_code == 200
    response = client.post(submit_url, follow=True)
    assert any("Translate every string before submitting" in m for m in messages_of(response))
    assert not WorkflowState.objects.active().filter(object_id=str(french_home.pk)).exists()

    # Translated, then submitted: the French reviewer asks for changes...
    translate_string(translation.source, french_home.locale, "title", "Clinique à Ottawa")
    client.post(submit_url)
    state = current_state(french_home)
    assert state.workflow.name == services.FRENCH_WORKFLOW
    french_home.refresh_from_db()
    assert french_home.title == french_title  # a draft until approved

    client.force_login(french_reviewer)
    client.post(
        action_url(french_home, "reject", state.current_task_state),
        {"comment": "« Clinique de prolothérapie à Ottawa », s’il vous plaît."},
    )
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES

    def report_state():
        rows = {row.english.pk: row for row in selectors.translation_rows()}
        return rows[english_home.pk].state, rows[english_home.pk].in_review

    assert report_state() == (selectors.IN_PROGRESS, False)

    # ...the translator fixes it and resubmits; the reviewer approves, which publishes.
    client.force_login(translator)
    translate_string(
        translation.source, french_home.locale, "title", "Clinique de prolothérapie à Ottawa"
    )
    client.post(submit_url)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert report_state() == (selectors.IN_PROGRESS, True)
    client.force_login(french_reviewer)
    client.post(action_url(french_home, "approve", state.current_task_state), {"comment": ""})
    french_home = Page.objects.get(pk=french_home.pk)
    assert french_home.live and french_home.title == "Clinique de prolothérapie à Ottawa"
    assert not french_home.has_unpublished_changes
    assert report_state() == (selectors.PUBLISHED, False)


def test_translator_cannot_publish_french_pages_directly(client, editorial, translator):
    _english_home, french_home = editorial
    client.force_login(translator)
    response = client.get(edit_url(french_home))
    assert response.context["props"]  # the translation editor
    assert '"canPublish": false' in response.context["props"].replace("\\", "") or (
        not french_home.permissions_for_user(translator).can_publish()
    )
    translation = Translation.objects.get(
        target_locale=french_home.locale, source__object_id=french_home.translation_key
    )
    response = client.post(edit_url(french_home), {"action": "publish"})
    assert response.status_code in (302, 403)
    assert translation.pk
