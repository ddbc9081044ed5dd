"""Tasks left "running" by a worker that died (killed, out of memory, the server restarted).

django-tasks-db marks a task running when a worker claims it and finished when it returns; a
worker that dies in between leaves it running for ever, and nobody learns that its e-mail was
never sent. The scheduled job ``fail_stopped_tasks`` marks those running longer than
TASKS_RUNNING_TIMEOUT_MINUTES as failed (one update: safe twice, or twice at once), and the
dashboard says so (operations.wagtail_hooks). Whatever such a task did is atomic on its own
(Wagtail's publish is one transaction): nothing is left half-published.
"""

import datetime
import logging

from django.apps import apps
from django.conf import settings
from django.utils import timezone

logger = logging.getLogger("operations.worker")


class WorkerStopped(Exception):
    """The task was running when its worker stopped: it did not finish."""


STOPPED_PATH = f"{WorkerStopped.__module__}.{WorkerStopped.__qualname__}"


def fail_stopped_tasks(now=None):
    """Mark tasks running for longer than the timeout as failed; return how many."""
    if not apps.is_installed("django_tasks_db"):
        return 0
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    now = now or timezone.now()
    cutoff = now - datetime.timedelta(minutes=settings.TASKS_RUNNING_TIMEOUT_MINUTES)
    stopped = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING, started_at__lt=cutoff)
    paths = list(stopped.values_list("task_path", flat=True))
    count = stopped.update(
        status=TaskResultStatus.FAILED,
        finished_at=now,
        exception_class_path=STOPPED_PATH,
        traceback=(
            f"{STOPPED_PATH}: still running after {settings.TASKS_RUNNING_TIMEOUT_MINUTES} "
            "minutes; its worker stopped before the task finished."
        ),
    )
    if count:
        logger.error(
            "%d background task(s) were left running by a worker that stopped; marked failed: %s",
            count,
            ", ".join(sorted(set(paths))),
        )
    return count


def recently_stopped_tasks(days=1, now=None):
    """{task path: count} of tasks marked failed because their worker stopped, in ``days``."""
    if not apps.is_installed("django_tasks_db"):
        return {}
    from django.db.models import Count
    from django_tasks_db.models import DBTaskResult

    since = (now or timezone.now()) - datetime.timedelta(days=days)
    rows = (
        DBTaskResult.objects.filter(exception_class_path=STOPPED_PATH, finished_at__gte=since)
        .values("task_path")
        .annotate(count=Count("id"))
        .order_by("task_path")
    )
    return {row["task_path"]: row["count"] for row in rows}
