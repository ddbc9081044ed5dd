from django.core.management.base import BaseCommand

from operations.digest import send_weekly_digest


class Command(BaseCommand):
    help = "E-mail clinical reviewers the clinical pages due within 30 days (once per week)."

    def handle(self, *args, **options):
        sent = send_weekly_digest()
        if sent is None:
            self.stdout.write("This week's clinical review digest was already sent.")
        else:
            self.stdout.write(f"Clinical review digest queued for {sent} reviewer(s).")
