from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TreatmentsConfig(AppConfig):
    name = "treatments"
    verbose_name = _("Treatments and conditions")

    def set_up_site(self, stdout):
        from treatments.services import seed_treatments

        seed_treatments(stdout=stdout)
