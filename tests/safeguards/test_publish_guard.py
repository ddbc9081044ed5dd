"""Wording that breaks a content rule goes live by no other way than the editor's: approving from
the workflow action view (the dashboard's "Approve"), bulk publish and scheduled publishing all
stop until an override is recorded, then go through."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry, WorkflowState

from safeguards.guard import HELD_ACTION
from safeguards.overrides import OVERRIDE_ACTION
from tests.editorial.conftest import edit_form_data

pytestmark = pytest.mark.django_db

BAD_SUMMARY = "The best, guaranteed treatment for joint pain."
REASON = "Quoted from the study's own title."


@pytest.fixture(autouse=True)
def _rules(rules):
    return rules


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def override_url(page):
    return reverse("safeguards:override", args=[page.pk])


def submitted(client, page, editor, **changes):
    """The editor submits ``changes`` for clinical review (a rule hit may be submitted)."""
    client.force_login(editor)
    data = edit_form_data(page, editor, **changes)
    response = client.post(edit_url(page), {**data, "action-submit": "Submit"})
    assert response.status_code == 302
    return WorkflowState.objects.active().get(object_id=str(page.pk))


def approve_url(page, state):
    return reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", state.current_task_state.pk]
    )


def messages_of(response):
    return [str(m) for m in response.context["messages"]]


# Approval from the workflow action view ---------------------------------------------------------


@pytest.mark.parametrize("modal", [False, True])
def test_a_reviewer_approving_a_rule_hit_is_sent_to_the_override_and_nothing_is_published(
    client, clinical_pages, editor, reviewer, modal
):
    treatment, _condition = clinical_pages
    state = submitted(client, treatment, editor, summary=BAD_SUMMARY)
    client.force_login(reviewer)
    headers = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"} if modal else {}
    response = client.post(approve_url(treatment, state), {"comment": ""}, **headers)
    held_url = override_url(treatment) + "?held=approval"
    if modal:
        assert response.json()["redirect"] == held_url
    else:
        assert response.status_code == 302 and response.url == held_url

    treatment.refresh_from_db()
    state.refresh_from_db()
    assert treatment.summary != BAD_SUMMARY
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert treatment.last_reviewed is None or treatment.reviewed_by != "Claire Tremblay, MD"

    page = client.get(held_url).content.decode()
    assert "Not approved" in page and "guaranteed" in page

    # The reviewer records why, then approves: the same wording goes live.
    assert client.post(override_url(treatment), {"reason": REASON}).status_code == 302
    assert PageLogEntry.objects.filter(page=treatment, action=OVERRIDE_ACTION).exists()
    state.refresh_from_db()
    response = client.post(approve_url(treatment, state), {"comment": ""})
    assert response.status_code == 302
    treatment.refresh_from_db()
    assert treatment.live and treatment.summary == BAD_SUMMARY
    assert treatment.reviewed_by == "Claire Tremblay, MD"


def test_a_clean_approval_from_the_action_view_publishes(client, clinical_pages, editor, reviewer):
    treatment, _condition = clinical_pages
    state = submitted(client, treatment, editor, summary="An injection treatment, reviewed.")
    client.force_login(reviewer)
    response = client.post(approve_url(treatment, state), {"comment": ""})
    assert response.status_code == 302 and "safeguards" not in response.url
    treatment.refresh_from_db()
    assert treatment.summary == "An injection treatment, reviewed."


# Bulk publish -------------------------------------------------------------------------------------


def bulk_publish_url(page, include_descendants=False):
    return (
        reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
        + f"?id={page.pk}&next=/admin/pages/{page.get_parent().pk}/"
    )


def test_bulk_publish_of_a_rule_hit_publishes_nothing_until_the_override(
    client, clinical_pages, administrator
):
    # Administrators are the ones who may bulk publish clinical pages (editorial refuses it to
    # clinical reviewers: their pages go live through the review).
    treatment, condition = clinical_pages
    treatment.summary = BAD_SUMMARY
    treatment.save_revision(user=administrator)
    client.force_login(administrator)

    response = client.post(bulk_publish_url(treatment), {}, follow=True)
    assert response.status_code == 200
    texts = messages_of(response)
    assert any("Nothing was published" in t and "Prolotherapy" in t for t in texts)
    assert override_url(treatment) in response.content.decode()
    treatment.refresh_from_db()
    assert treatment.summary != BAD_SUMMARY and treatment.has_unpublished_changes

    client.post(override_url(treatment), {"reason": REASON})
    treatment.refresh_from_db()
    client.post(bulk_publish_url(treatment), {})
    treatment.refresh_from_db()
    assert treatment.summary == BAD_SUMMARY and not treatment.has_unpublished_changes


def test_bulk_publish_with_descendants_checks_the_draft_descendants(
    client, clinical_pages, administrator
):
    treatment, _condition = clinical_pages
    treatment.summary = BAD_SUMMARY
    treatment.save_revision()
    treatment.unpublish()
    index = treatment.get_parent()
    client.force_login(administrator)
    response = client.post(bulk_publish_url(index), {"include_descendants": "on"}, follow=True)
    assert any("Prolotherapy" in t for t in messages_of(response))
    treatment.refresh_from_db()
    assert not treatment.live


def test_bulk_publish_of_clean_pages_goes_through(client, clinical_pages, administrator):
    treatment, _condition = clinical_pages
    treatment.summary = "A clean draft summary."
    treatment.save_revision()
    client.force_login(administrator)
    client.post(bulk_publish_url(treatment), {})
    treatment.refresh_from_db()
    assert treatment.summary == "A clean draft summary."


# Scheduled publishing ---------------------------------------------------------------------------


def scheduled(page, user, summary):
    """A revision approved to go live a minute ago (as the editor's or a workflow's publish with a
    go-live date leaves it)."""
    page = type(page).objects.get(pk=page.pk)  # the live page as stored, not a stale copy
    page.summary = summary
    page.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision = page.save_revision(user=user)
    revision.publish(user=user)
    revision.refresh_from_db()
    assert revision.approved_go_live_at is not None
    # The clock moves on: the go-live date is now a minute ago.
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save(update_fields=["approved_go_live_at", "content"])
    return revision


def test_scheduled_publishing_holds_a_rule_hit_logs_it_and_tells_who_scheduled_it(
    clinical_pages, administrator, django_capture_on_commit_callbacks
):
    treatment, _condition = clinical_pages
    administrator.email = "ana@example.org"
    administrator.save()
    revision = scheduled(treatment, administrator, BAD_SUMMARY)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("publish_scheduled")
    treatment.refresh_from_db()
    revision.refresh_from_db()
    assert treatment.summary != BAD_SUMMARY
    assert revision.approved_go_live_at is None  # held: a later run does not publish it either
    entry = PageLogEntry.objects.get(page=treatment, action=HELD_ACTION)
    assert "Superlative" in ", ".join(entry.data["rules"]) or entry.data["rules"]
    assert "content rules" in entry.message

    assert [m.to for m in mail.outbox] == [["ana@example.org"]]
    message = mail.outbox[0]
    assert "Prolotherapy" in message.subject
    assert reverse("wagtailadmin_pages:edit", args=[treatment.pk]) in message.body
    assert BAD_SUMMARY not in message.body

    # Twice is the same: nothing more held, logged or sent.
    with django_capture_on_commit_callbacks(execute=True):
        call_command("publish_scheduled")
    assert PageLogEntry.objects.filter(page=treatment, action=HELD_ACTION).count() == 1
    assert len(mail.outbox) == 1


def test_scheduled_publishing_with_an_override_or_clean_wording_goes_live(
    clinical_pages, administrator
):
    from safeguards.overrides import record_override, rule_breaches

    treatment, condition = clinical_pages
    revision = scheduled(treatment, administrator, BAD_SUMMARY)
    record_override(treatment, administrator, REASON, rule_breaches(revision.as_object()))
    scheduled(condition, administrator, "Pain in the lower back, reviewed.")

    call_command("publish_scheduled")
    treatment.refresh_from_db()
    condition.refresh_from_db()
    assert treatment.summary == BAD_SUMMARY
    assert condition.summary == "Pain in the lower back, reviewed."
    assert not PageLogEntry.objects.filter(action=HELD_ACTION).exists()
