from django.core.management.base import BaseCommand

from editorial.services import ensure_demo_users


class Command(BaseCommand):
    help = "Create one demo login per role (editor, clinical reviewer, translator) and print them."

    def handle(self, *args, **options):
        self.stdout.write("Demo logins (new passwords each time this runs):")
        for role, user, password in ensure_demo_users():
            self.stdout.write(f"  {user.username:<11} {password}   {user.get_full_name()} — {role}")
