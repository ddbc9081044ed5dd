from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = _("Resource directory")

    def ready(self):
        from wagtail.signals import published

        from directory import signal_handlers

        # Wagtail's ``published`` signal is the one point every publish passes through (the
        # editor's Publish, a workflow's approval, scheduled publishing): the English
        # resource's shared fields are proposed to its translations there.
        published.connect(signal_handlers.propose_shared_fields_to_translations)

    def set_up_site(self, stdout):
        from directory.services import seed_directory

        seed_directory(stdout=stdout)
