from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SafeguardsConfig(AppConfig):
    name = "safeguards"
    verbose_name = _("Editorial safeguards")

    def set_up_site(self, stdout):
        from safeguards.services import seed_safeguards

        seed_safeguards(stdout=stdout)
