"""makemessages that never guesses: fuzzy matches put wrong French on screen."""

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    msgmerge_options = [*makemessages.Command.msgmerge_options, "--no-fuzzy-matching"]

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--no-fuzzy-matching",
            action="store_true",
            help="Accepted for clarity; fuzzy matching is always off here.",
        )
