"""The notice of a new request is sent by the task worker, not in the patient's request, and the
task itself keeps nothing the patient typed."""

import json

import pytest
from django.core import mail
from django_tasks_db.models import DBTaskResult

from practice.models import AppointmentRequest
from tests.operations.conftest import RefusingBackend, make_due_now, run_queued_tasks
from tests.practice.conftest import CONTACT

pytestmark = pytest.mark.django_db

PRIVATE = ("Marie", "Tremblay", "555-0199", "marie@example.org", "Hernie", "anticoagulants")


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    settings.REQUEST_NOTIFICATION_EMAIL = "reception@example.org"


def post_request(client, valid_post, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            CONTACT["fr-ca"],
            valid_post(
                contact_method="email",
                email="marie@example.org",
                reason="Hernie discale L4-L5, anticoagulants",
            ),
        )
    assert response.status_code == 302
    return AppointmentRequest.objects.get()


def test_the_request_answers_before_the_notice_and_the_worker_sends_it(
    client, practice, valid_post, database_tasks, django_capture_on_commit_callbacks
):
    stored = post_request(client, valid_post, django_capture_on_commit_callbacks)
    assert mail.outbox == []  # nothing sent inside the patient's request
    task = DBTaskResult.objects.get()
    assert task.task_path == "practice.tasks.send_request_notice"
    stored_task = json.dumps(task.args_kwargs, ensure_ascii=False)
    assert stored_task == json.dumps({"args": [stored.pk], "kwargs": {}})
    assert not any(private in stored_task for private in PRIVATE)

    assert run_queued_tasks() == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["reception@example.org"]
    assert f"/admin/practice_requests/edit/{stored.pk}/" in message.body
    assert not any(private in message.subject + message.body for private in PRIVATE)


def test_a_mail_server_that_is_down_is_retried_by_the_worker(
    client, practice, valid_post, database_tasks, settings, django_capture_on_commit_callbacks
):
    post_request(client, valid_post, django_capture_on_commit_callbacks)
    settings.EMAIL_BACKEND = f"{RefusingBackend.__module__}.RefusingBackend"
    assert run_queued_tasks() == 1
    assert DBTaskResult.objects.filter(status="READY").count() == 1  # the retry, later

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    make_due_now()
    assert run_queued_tasks() == 1
    assert len(mail.outbox) == 1


def test_a_request_purged_before_the_worker_runs_sends_nothing(
    client, practice, valid_post, database_tasks, django_capture_on_commit_callbacks
):
    post_request(client, valid_post, django_capture_on_commit_callbacks)
    AppointmentRequest.objects.all().delete()
    assert run_queued_tasks() == 1
    assert mail.outbox == []
