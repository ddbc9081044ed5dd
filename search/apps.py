from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    # Wagtail's own search app is "wagtailsearch" and modelsearch's is "modelsearch": no clash.
    label = "search"
    verbose_name = _("Site search")

    def set_up_site(self, stdout):
        from search.services import seed_synonyms

        seed_synonyms(stdout=stdout)

    def finish_set_up_site(self, stdout):
        # After every app has seeded its pages: a first run (or a database restored without
        # its index) gets a full index; later runs leave it to the publish signals.
        from search.services import build_index_if_empty

        build_index_if_empty(stdout=stdout)
