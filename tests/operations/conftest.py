"""Fixtures for running the site: the database task backend, a worker run, editorial roles."""

import pytest
from django.core.mail.backends.base import BaseEmailBackend

from tests.editorial.conftest import (  # noqa: F401 - fixtures shared with the editorial suite
    clinical_pages,
    editor,
    editorial,
    make_user,
    reviewer,
)

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture
def database_tasks(settings):
    """Tasks stored in the database, as `make run` and production keep them."""
    settings.TASKS = DATABASE_TASKS


def run_queued_tasks(limit=50):
    """Run every ready task as `manage.py db_worker` does (its own run_task); return how many."""
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
    )
    ran = 0
    while ran < limit:
        result = DBTaskResult.objects.ready().first()
        if result is None:
            break
        result.claim(worker.worker_id)
        worker.run_task(result)
        ran += 1
    return ran


def make_due_now():
    """Move deferred tasks (retries) to now, as if their wait had passed."""
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult, get_date_max

    DBTaskResult.objects.filter(status="READY").exclude(run_after=get_date_max()).update(
        run_after=timezone.now()
    )


class RefusingBackend(BaseEmailBackend):
    """A mail server that is down: every connection is refused."""

    def open(self):
        raise ConnectionRefusedError(111, "Connection refused")

    def send_messages(self, messages):
        self.open()
