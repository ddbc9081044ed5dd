"""Background work: publishing answers at once, the worker sends the e-mails and retries them."""

import datetime
import logging

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_submitted
from wagtail.users.models import UserProfile

from editorial import services
from operations import notifications
from tests.editorial.conftest import edit_form_data
from tests.operations.conftest import make_due_now, run_queued_tasks

pytestmark = pytest.mark.django_db


def submit(client, page, user, **changes):
    data = edit_form_data(page, user, **changes)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), {**data, "action-submit": "Submit"}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return WorkflowState.objects.active().get(object_id=str(page.pk))


@pytest.fixture
def reviewers(make_user, reviewer):
    reviewer.email = "claire@example.org"
    reviewer.save()
    french = make_user(
        "reviewer-fr",
        services.CLINICAL_REVIEWERS,
        first_name="Julie",
        last_name="Roy",
        language="fr-ca",
    )
    french.email = "julie@example.org"
    french.save()
    return reviewer, french


@pytest.fixture
def submitting_editor(editor):
    editor.email = "emilie@example.org"
    editor.save()
    return editor


def test_wagtails_own_senders_are_replaced_by_ours():
    for signal, sender in ((task_submitted, TaskState), (workflow_submitted, WorkflowState)):
        receivers = signal._live_receivers(sender)[0]
        names = {getattr(receiver, "__name__", type(receiver).__name__) for receiver in receivers}
        assert not any("EmailNotifier" in name for name in names), names
        assert any(name.startswith("enqueue_") for name in names), names


def test_submitting_answers_before_any_email_and_the_worker_sends_them(
    client,
    clinical_pages,
    reviewers,
    submitting_editor,
    database_tasks,
    django_capture_on_commit_callbacks,
    settings,
):
    settings.WAGTAILADMIN_BASE_URL = "https://clinic.example.org"
    treatment, _condition = clinical_pages
    client.force_login(submitting_editor)
    with django_capture_on_commit_callbacks(execute=True):
        state = submit(client, treatment, submitting_editor, summary="A clearer summary.")
    assert mail.outbox == []  # nothing was sent inside the editor's request
    queued = set(DBTaskResult.objects.ready().values_list("task_path", flat=True))
    assert "operations.tasks.send_workflow_notification" in queued

    run_queued_tasks()
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {"claire@example.org", "julie@example.org"}  # the group only
    english, french = by_recipient["claire@example.org"], by_recipient["julie@example.org"]
    assert "has been submitted for approval" in english.body
    assert "soumise" in french.body.lower() or "soumis" in french.body.lower()
    task = state.current_task_state.task
    base = "https://clinic.example.org/admin/pages"
    for link in (
        f"{base}/workflow/preview/{treatment.pk}/{task.pk}/",
        f"{base}/{treatment.pk}/edit/",
    ):
        assert link in english.body and link in french.body


def test_approval_and_changes_requested_reach_the_editor(
    client,
    clinical_pages,
    reviewers,
    submitting_editor,
    database_tasks,
    django_capture_on_commit_callbacks,
):
    treatment, _condition = clinical_pages
    reviewer, _french = reviewers
    client.force_login(submitting_editor)
    with django_capture_on_commit_callbacks(execute=True):
        state = submit(client, treatment, submitting_editor, summary="A clearer summary.")
    run_queued_tasks()
    mail.outbox.clear()

    client.force_login(reviewer)
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[treatment.pk, "reject", state.current_task_state.pk],
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"comment": "Cite the 2020 review."})
    run_queued_tasks()
    assert [message.to for message in mail.outbox] == [["emilie@example.org"]]
    assert "Cite the 2020 review." in mail.outbox[0].body


def test_smtp_down_publish_succeeds_logged_once_retried_then_given_up(
    client,
    clinical_pages,
    reviewers,
    submitting_editor,
    database_tasks,
    django_capture_on_commit_callbacks,
    settings,
    caplog,
):
    settings.EMAIL_BACKEND = "tests.operations.conftest.RefusingBackend"
    settings.EMAIL_SEND_ATTEMPTS = 3
    treatment, _condition = clinical_pages
    client.force_login(submitting_editor)
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, treatment, submitting_editor, summary="A clearer summary.")

    with caplog.at_level(logging.INFO, "operations.mail"):
        run_queued_tasks()
        retry = (
            DBTaskResult.objects.ready().count()
            + DBTaskResult.objects.filter(status="READY", run_after__gt=timezone.now()).count()
        )
        assert retry == 1  # a retry, later: not ready now
        assert DBTaskResult.objects.ready().count() == 0
        for _attempt in range(5):
            make_due_now()
            run_queued_tasks()

    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    errors = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert len(warnings) == 1
    assert "Connection refused" in warnings[0].getMessage()
    assert len(errors) == 1 and "after 3 attempts" in errors[0].getMessage()
    assert not DBTaskResult.objects.filter(status="READY").exists()  # the limit holds
    assert mail.outbox == []


def test_a_retry_goes_only_to_the_recipients_not_reached(
    clinical_pages, reviewers, submitting_editor, monkeypatch, database_tasks
):
    from operations import mail as operations_mail
    from operations.tasks import send_workflow_notification

    reviewer, french = reviewers
    calls = []

    def refuse_julie(messages):
        calls.append(sorted(messages))
        return {pk: OSError("refused") for pk in messages if pk == french.pk}

    monkeypatch.setattr(operations_mail, "send_each", refuse_julie)
    monkeypatch.setattr(
        notifications,
        "workflow_messages",
        lambda kind, instance, user: {reviewer: object(), french: object()},
    )
    treatment, _condition = clinical_pages
    treatment.save_revision(user=submitting_editor)
    state = treatment.get_workflow().start(treatment, submitting_editor)
    send_workflow_notification.call("workflow_submitted", state.pk, None)
    make_due_now()
    run_queued_tasks(limit=1)
    assert calls == [sorted([reviewer.pk, french.pk]), [french.pk]]


def test_publishing_leaves_the_reference_index_to_the_worker(clinical_pages, database_tasks):
    treatment, _condition = clinical_pages
    treatment.save_revision().publish()
    assert (
        DBTaskResult.objects.ready()
        .filter(task_path="wagtail.tasks.update_reference_index_task")
        .exists()
    )
    run_queued_tasks()
    assert not DBTaskResult.objects.ready().exists()
    assert DBTaskResult.objects.failed().count() == 0


def test_the_dashboard_says_when_tasks_wait_for_a_worker(admin_client, database_tasks, settings):
    from operations.tasks import send_clinical_review_digest

    settings.TASKS_STALE_MINUTES = 5
    send_clinical_review_digest.enqueue(0)
    warning = "Background tasks are waiting"
    assert warning not in admin_client.get(reverse("wagtailadmin_home")).content.decode()
    DBTaskResult.objects.update(enqueued_at=timezone.now() - datetime.timedelta(minutes=7))
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert warning in html and "7 minutes" in html
    run_queued_tasks()
    assert warning not in admin_client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_dashboard_warning_in_french(client, french_admin, database_tasks):
    from operations.tasks import send_clinical_review_digest

    send_clinical_review_digest.enqueue(0)
    DBTaskResult.objects.update(enqueued_at=timezone.now() - datetime.timedelta(minutes=9))
    client.force_login(french_admin)
    assert UserProfile.get_for_user(french_admin).preferred_language == "fr-ca"
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Des tâches d’arrière-plan attendent" in html
