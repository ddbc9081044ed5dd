from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from translations import state


class Command(BaseCommand):
    help = "Rebuild the stored translation state of every page and resource from scratch."

    def handle(self, *args, **options):
        number = state.rebuild()
        self.stdout.write(_("Translation state rebuilt: %(number)s objects.") % {"number": number})
