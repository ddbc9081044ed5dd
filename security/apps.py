from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecurityConfig(AppConfig):
    name = "security"
    verbose_name = _("Sign-in and upload protection")

    def ready(self):
        from security import lockout, middleware  # noqa: F401 - connect their signal receivers
