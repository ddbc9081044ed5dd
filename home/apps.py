from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and shared pieces")

    def set_up_site(self, stdout):
        from home.services import setup_site

        setup_site()
