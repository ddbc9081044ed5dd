"""Scheduled jobs: one table, the jobs run by it idempotent and never twice at once."""

import datetime
import io
import os
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page

from operations import deploy, schedule
from operations.locks import job_lock

TORONTO = ZoneInfo("America/Toronto")


def run_job(name):
    out = io.StringIO()
    call_command("run_job", name, stdout=out)
    return out.getvalue()


@pytest.fixture
def data_dir(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    return tmp_path


@pytest.fixture
def scheduled_page(home_pages, data_dir):
    """A new page, approved to go live in an hour."""
    english_home, _french_home = home_pages
    page = Page(title="Winter hours", slug="winter-hours", live=False)
    english_home.add_child(instance=page)
    go_live = timezone.now() + datetime.timedelta(hours=1)
    page.go_live_at = go_live
    page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live  # scheduled, not published
    return page, go_live


def at(moment):
    return mock.patch("django.utils.timezone.now", return_value=moment)


@pytest.mark.django_db
def test_a_scheduled_page_is_live_after_the_job_and_not_before(scheduled_page):
    page, go_live = scheduled_page
    run_job("publish_scheduled")
    page.refresh_from_db()
    assert not page.live

    with at(go_live + datetime.timedelta(minutes=1)):
        run_job("publish_scheduled")
        page.refresh_from_db()
        assert page.live
        published = page.last_published_at
        revisions = page.revisions.count()
        run_job("publish_scheduled")  # again: nothing more happens
    page.refresh_from_db()
    assert page.live and page.last_published_at == published
    assert page.revisions.count() == revisions


@pytest.mark.django_db
def test_a_job_already_running_is_not_run_again(scheduled_page):
    page, go_live = scheduled_page
    with at(go_live + datetime.timedelta(minutes=1)), job_lock("publish_scheduled") as held:
        assert held
        assert "already running; skipped" in run_job("publish_scheduled")
        page.refresh_from_db()
        assert not page.live  # the other run is the one that publishes
    with at(go_live + datetime.timedelta(minutes=1)):
        run_job("publish_scheduled")  # the lock was let go
    page.refresh_from_db()
    assert page.live


@pytest.mark.skipif(
    "postgres" in os.environ.get("DATABASE_URL", ""),
    reason="the file lock; on PostgreSQL jobs take an advisory lock instead",
)
def test_the_lock_is_held_against_another_process(data_dir):
    import subprocess
    import sys

    code = (
        "import fcntl, sys; f = open(sys.argv[1], 'w'); "
        "fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)"
    )
    with job_lock("purge_requests") as held:
        assert held
        other = subprocess.run(
            [sys.executable, "-c", code, str(data_dir / "locks" / "purge_requests.lock")],
            capture_output=True,
            check=False,
        )
    assert other.returncode != 0 and b"BlockingIOError" in other.stderr


@pytest.mark.django_db
def test_purge_twice_deletes_once(data_dir):
    from practice.models import AppointmentRequest

    old = AppointmentRequest.objects.create(
        name="Old", contact_method="phone", phone="514 555-0100", reason="r", consent_version="1"
    )
    AppointmentRequest.objects.filter(pk=old.pk).update(
        received_at=timezone.now() - datetime.timedelta(days=settings.REQUEST_RETENTION_DAYS + 1)
    )
    assert "Deleted 1 request" in run_job("purge_requests")
    assert "Deleted 0 request" in run_job("purge_requests")


def test_a_job_whose_command_is_missing_is_skipped(data_dir):
    entry = schedule.job("check_links")
    if entry.available:
        pytest.skip("the link check exists now")
    assert "not installed; skipped" in run_job("check_links")


def local(*args):
    return datetime.datetime(*args, tzinfo=TORONTO)


def test_the_schedule_table():
    names = [
        entry.name
        for entry in schedule.due_between(local(2026, 12, 7, 6, 59), local(2026, 12, 7, 7, 0))
    ]
    # A Monday, 7:00 (every 5 and every 10 minutes, and the weekly digest).
    assert names == ["publish_scheduled", "clinical_review_digest", "fail_stopped_tasks"]
    assert schedule.due_between(local(2026, 12, 7, 7, 1), local(2026, 12, 7, 7, 2)) == []
    daily = [
        entry.name
        for entry in schedule.due_between(local(2026, 12, 8, 3, 14), local(2026, 12, 8, 3, 15))
    ]
    assert daily == ["publish_scheduled", "purge_requests"]


def test_a_clock_set_forward_runs_what_was_skipped_once_and_set_back_nothing():
    skipped = schedule.due_between(local(2026, 12, 8, 3, 0), local(2026, 12, 8, 4, 0))
    assert [entry.name for entry in skipped] == [
        "publish_scheduled",
        "fail_stopped_tasks",
        "purge_requests",
        "prune_task_results",
    ]
    assert schedule.due_between(local(2026, 12, 8, 4, 0), local(2026, 12, 8, 3, 0)) == []


def test_the_deploy_files_are_generated_from_the_table():
    for relative, content in deploy.generated_files().items():
        path = settings.BASE_DIR / relative
        assert path.is_file(), f"{relative} missing: run `make deploy-files`"
        assert path.read_text() == content, f"{relative} out of date: run `make deploy-files`"
    crontab = (settings.BASE_DIR / "deploy/crontab").read_text()
    for entry in schedule.JOBS:
        assert f"{entry.when.cron} " in crontab and f"run_job {entry.name} " in crontab
    timer = (
        settings.BASE_DIR / "deploy/systemd/clinic-job-clinical_review_digest.timer"
    ).read_text()
    assert "OnCalendar=Mon *-*-* 07:00:00 America/Toronto" in timer
