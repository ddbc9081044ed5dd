from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = _("Resource directory")

    def set_up_site(self, stdout):
        from directory.services import seed_directory

        seed_directory(stdout=stdout)
