from django.conf import settings
from wagtail import hooks
from wagtail.admin.ui.components import Component

from operations.selectors import oldest_waiting_task_minutes
from operations.worker import recently_stopped_tasks


class StalledTasksPanel(Component):
    """Says so when background tasks wait: the worker is not running (e-mails are not sent)."""

    name = "stalled_tasks"
    order = 50  # first: nothing else on the dashboard matters as much while it shows
    template_name = "operations/panels/stalled_tasks.html"

    def __init__(self, minutes):
        self.minutes = minutes

    def get_context_data(self, parent_context):
        return {"minutes": self.minutes, "limit": settings.TASKS_STALE_MINUTES}


@hooks.register("construct_homepage_panels")
def add_stalled_tasks_panel(request, panels):
    minutes = oldest_waiting_task_minutes()
    if minutes is not None and minutes >= settings.TASKS_STALE_MINUTES:
        panels.append(StalledTasksPanel(minutes))


class StoppedTasksPanel(Component):
    """Says so when the worker died in the middle of tasks (marked failed by fail_stopped_tasks)."""

    name = "stopped_tasks"
    order = 51
    template_name = "operations/panels/stopped_tasks.html"

    def __init__(self, stopped):
        self.stopped = stopped

    def get_context_data(self, parent_context):
        return {
            "total": sum(self.stopped.values()),
            "tasks": sorted(self.stopped),
            "timeout": settings.TASKS_RUNNING_TIMEOUT_MINUTES,
        }


@hooks.register("construct_homepage_panels")
def add_stopped_tasks_panel(request, panels):
    stopped = recently_stopped_tasks()
    if stopped:
        panels.append(StoppedTasksPanel(stopped))
