from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    name = "translations"
    label = "translations"
    verbose_name = _("Translation integrity")

    def ready(self):
        # wagtail-localize writes translated pages and snippets in one method, whichever of its
        # views (translate, sync, translation editor, subtree task) calls it: the rule that only a
        # reviewer puts French live is applied there. See translations/drafts.py.
        from translations import (
            catalogue,
            dead_ends,
            direction,
            drafts,
            primary,
            routing,
            side_panel,
        )

        drafts.install()
        # Either language first: a translation goes to its language's review (direction.py).
        direction.install()
        # A resource's translation editor during its review: no 500 in the side panel.
        side_panel.install()
        # The admin's default content language follows PRIMARY_LANGUAGE (primary.py).
        primary.install()
        # A draft translation's address: 404 in its language, linking to the live original.
        routing.install()
        # wagtail-localize's dates in the admin's language ("2 décembre 2026").
        catalogue.install()
        # The translate form's language ticked, and the explorer's silent redirect explained.
        dead_ends.install()
        # The stored translation state follows the events that change it (translations/state.py).
        from translations import signals

        signals.connect()

    def finish_set_up_site(self, stdout):
        # After every app has seeded: the stored translation state of the whole site, from
        # scratch (a first run, or a database restored without it).
        from translations import state

        state.rebuild()
