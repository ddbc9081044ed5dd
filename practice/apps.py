from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticeConfig(AppConfig):
    name = "practice"
    verbose_name = _("The practice")

    def set_up_site(self, stdout):
        # Runs before the clinical pages are seeded, so their "ask the practice" sentences can
        # link to the contact page (see home.seed_data.rich_text).
        from practice.services import seed_practice

        self.new_pages = seed_practice(stdout=stdout)

    def finish_set_up_site(self, stdout):
        # A contact page created in this run goes after the sections seeded since, so the
        # menu reads Treatments, Conditions, Resources, Contact. Editors reorder it freely later.
        from practice.services import move_to_end_of_menu

        move_to_end_of_menu(getattr(self, "new_pages", []))
