from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Editorial roles and reviews")

    def set_up_site(self, stdout):
        # Groups and workflows come after every app's pages exist (see INSTALLED_APPS order).
        from editorial.services import setup_editorial

        setup_editorial(stdout=stdout)
