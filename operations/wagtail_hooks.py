from django.conf import settings
from wagtail import hooks
from wagtail.admin.ui.components import Component

from operations.selectors import oldest_waiting_task_minutes


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
