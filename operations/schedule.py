"""The scheduled jobs, in one table: `make run`'s scheduler and production's timers read it.

- ``make run`` starts ``manage.py run_schedule`` beside the web server and the worker (Procfile):
  each minute it starts ``manage.py run_job NAME`` for the jobs due that minute.
- Production: ``manage.py deploy_files`` writes deploy/crontab and deploy/systemd/*.timer from this
  same table (tests/operations/test_schedule.py checks the committed files are up to date).

Every job is idempotent and takes a lock (operations.locks): a second run while one is running
(two timers, a clock set back, an operator's manual run) says so and does nothing.
Times are the site's TIME_ZONE (America/Toronto).
"""

import datetime
from dataclasses import dataclass

from django.core.management import get_commands

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@dataclass(frozen=True)
class Every:
    minutes: int

    def due(self, moment):
        return (moment.hour * 60 + moment.minute) % self.minutes == 0

    @property
    def cron(self):
        return f"*/{self.minutes} * * * *"

    @property
    def on_calendar(self):
        return f"*:0/{self.minutes}"


@dataclass(frozen=True)
class Daily:
    hour: int
    minute: int = 0

    def due(self, moment):
        return (moment.hour, moment.minute) == (self.hour, self.minute)

    @property
    def cron(self):
        return f"{self.minute} {self.hour} * * *"

    @property
    def on_calendar(self):
        return f"*-*-* {self.hour:02}:{self.minute:02}:00"


@dataclass(frozen=True)
class Weekly:
    weekday: int  # 0 = Monday
    hour: int
    minute: int = 0

    def due(self, moment):
        return moment.weekday() == self.weekday and Daily(self.hour, self.minute).due(moment)

    @property
    def cron(self):
        return f"{self.minute} {self.hour} * * {(self.weekday + 1) % 7}"

    @property
    def on_calendar(self):
        return f"{WEEKDAYS[self.weekday]} *-*-* {self.hour:02}:{self.minute:02}:00"


@dataclass(frozen=True)
class Job:
    name: str
    when: Every | Daily | Weekly
    command: tuple
    description: str

    @property
    def available(self):
        """Whether its management command exists (the link check comes from another app)."""
        return self.command[0] in get_commands()


JOBS = (
    Job(
        "publish_scheduled",
        Every(minutes=5),
        ("publish_scheduled",),
        "Publish pages whose go-live time has come, unpublish expired ones (Wagtail's).",
    ),
    Job(
        "purge_requests",
        Daily(hour=3, minute=15),
        ("purge_requests",),
        "Delete appointment requests older than REQUEST_RETENTION_DAYS.",
    ),
    Job(
        "clinical_review_digest",
        Weekly(weekday=0, hour=7),
        ("send_review_digest",),
        "E-mail clinical reviewers the pages due for review within 30 days (once a week).",
    ),
    Job(
        "check_links",
        Daily(hour=4, minute=30),
        ("check_links",),
        "Check the directory's links (runs once the editorial safeguards' command exists).",
    ),
    Job(
        "fail_stopped_tasks",
        Every(minutes=10),
        ("fail_stopped_tasks",),
        "Mark background tasks left running by a worker that stopped as failed (dashboard).",
    ),
    Job(
        "prune_task_results",
        Daily(hour=3, minute=45),
        ("prune_db_task_results", "--min-age-days=14"),
        "Delete finished background-task records older than 14 days.",
    ),
)


def job(name):
    for entry in JOBS:
        if entry.name == name:
            return entry
    raise KeyError(name)


def due_between(last, now):
    """Jobs due at any whole minute after ``last`` up to and including ``now`` (local times).

    A clock set forward runs what fell in the gap once (at most the last hour); set back, nothing
    runs twice in the same minute from here, and the jobs' locks and idempotence cover the rest.
    """
    first = max(last, now - datetime.timedelta(hours=1)).replace(second=0, microsecond=0)
    minute = first + datetime.timedelta(minutes=1)
    due = []
    while minute <= now:
        due.extend(entry for entry in JOBS if entry.when.due(minute) and entry not in due)
        minute += datetime.timedelta(minutes=1)
    return due
