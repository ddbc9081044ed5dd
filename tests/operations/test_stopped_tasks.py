"""A worker killed while running a task: the scheduled job marks the task failed after the
timeout (once, however often it runs) and the dashboard says so."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from operations.worker import STOPPED_PATH, fail_stopped_tasks
from tests.operations.conftest import run_queued_tasks

pytestmark = pytest.mark.django_db

WARNING = "Background tasks stopped halfway"


def running_task(minutes_ago):
    """A task a worker claimed ``minutes_ago`` and never finished (killed with it)."""
    from operations.tasks import bench_ping

    result = DBTaskResult.objects.get(pk=bench_ping.enqueue().id)
    result.claim("a-worker-that-died")
    DBTaskResult.objects.filter(pk=result.pk).update(
        started_at=timezone.now() - datetime.timedelta(minutes=minutes_ago)
    )
    return result


def test_a_task_left_running_past_the_timeout_is_marked_failed_once(
    database_tasks, settings, caplog
):
    settings.TASKS_RUNNING_TIMEOUT_MINUTES = 30
    stopped, still_working = running_task(31), running_task(5)

    assert fail_stopped_tasks() == 1
    stopped.refresh_from_db()
    still_working.refresh_from_db()
    assert stopped.status == "FAILED" and stopped.exception_class_path == STOPPED_PATH
    assert "worker stopped" in stopped.traceback
    assert still_working.status == "RUNNING"
    assert "left running by a worker that stopped" in caplog.text

    assert fail_stopped_tasks() == 0  # twice: nothing more
    assert run_queued_tasks() == 0  # a failed task is not run again behind anyone's back


def test_the_job_is_in_the_schedule_and_runs_through_run_job(database_tasks, settings):
    from operations.schedule import job

    assert job("fail_stopped_tasks").available
    running_task(45)
    call_command("run_job", "fail_stopped_tasks")
    assert DBTaskResult.objects.failed().count() == 1


def test_the_dashboard_says_so_in_english_and_french(
    admin_client, client, french_admin, database_tasks
):
    running_task(60)
    home = reverse("wagtailadmin_home")
    assert WARNING not in admin_client.get(home).content.decode()
    fail_stopped_tasks()
    html = admin_client.get(home).content.decode()
    assert WARNING in html and "operations.tasks.bench_ping" in html and "30 minutes" in html

    client.force_login(french_admin)
    assert "Tâches d’arrière-plan arrêtées en cours de route" in client.get(home).content.decode()

    # A day later the panel is gone (the failed record stays until it is pruned).
    DBTaskResult.objects.update(finished_at=timezone.now() - datetime.timedelta(days=2))
    assert WARNING not in admin_client.get(home).content.decode()
