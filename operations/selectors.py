from django.apps import apps
from django.utils import timezone
from django_tasks import task_backends


def oldest_waiting_task_minutes():
    """Minutes the oldest ready task has waited past its start time, or None (none waiting, or
    tasks not kept in this database)."""
    if not apps.is_installed("django_tasks_db"):
        return None
    from django_tasks_db.backend import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    if not isinstance(task_backends["default"], DatabaseBackend):
        return None
    now = timezone.now()
    waiting = (
        DBTaskResult.objects.ready()
        .filter(backend_name="default")
        .order_by("enqueued_at")
        .values_list("enqueued_at", "run_after")[:100]
    )
    # A deferred task (a retry) waits from its run_after; the others from when they were queued.
    waits = [
        now - (max(enqueued_at, run_after) if run_after.year < 9999 else enqueued_at)
        for enqueued_at, run_after in waiting
    ]
    if not waits:
        return None
    return int(max(waits).total_seconds() // 60)
