from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    name = "operations"
    verbose_name = _("Running the site")

    def ready(self):
        from operations.notifications import take_over_wagtail_notifications

        take_over_wagtail_notifications()
