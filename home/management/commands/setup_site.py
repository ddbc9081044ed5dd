import os

from django.apps import apps
from django.core.management.base import BaseCommand

from home.services import ensure_admin_user


class Command(BaseCommand):
    help = "Create locales, the site, its pages and content in both languages, and an admin login."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-admin", action="store_true", help="Do not create the administrator login."
        )

    def handle(self, *args, no_admin=False, **options):
        # Each app that seeds something says so with a ``set_up_site(stdout)`` method on its
        # AppConfig; they run in INSTALLED_APPS order. The shared base knows none of them.
        configs = apps.get_app_configs()
        for config in configs:
            if hasattr(config, "set_up_site"):
                config.set_up_site(stdout=self.stdout)
        # A second pass for steps that depend on every app's content (e.g. menu order).
        for config in configs:
            if hasattr(config, "finish_set_up_site"):
                config.finish_set_up_site(stdout=self.stdout)
        self.stdout.write("Site and content ready in English and French.")
        if no_admin:
            return
        username, password = ensure_admin_user()
        if password:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Admin login (shown once): {username} / {password}  -> "
                    f"{os.environ.get('PUBLIC_URL', 'http://127.0.0.1:8000')}/admin/"
                )
            )
        else:
            self.stdout.write(
                "An administrator exists. To set a new password: "
                f".venv/bin/python manage.py changepassword {username}"
            )
