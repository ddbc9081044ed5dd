from django.core.management.base import BaseCommand, CommandError

from home.messages import catalogue_problems


class Command(BaseCommand):
    help = (
        "Fail if `make messages` would change a French catalogue, or if any French entry is "
        "empty or fuzzy, or a compiled .mo is out of date."
    )

    def handle(self, *args, **options):
        problems = catalogue_problems()
        for problem in problems:
            self.stderr.write(problem)
        if problems:
            raise CommandError(
                f"{len(problems)} translation problem(s). Run `make messages`, fill in the "
                "French, and commit the .po and .mo files."
            )
        self.stdout.write("French catalogues are complete and up to date.")
