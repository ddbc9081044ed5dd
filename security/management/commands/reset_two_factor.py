from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = "Remove a person's two-step sign-in (lost phone): they set it up again at next sign-in."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        try:
            user = get_user_model().objects.get_by_natural_key(username)
        except get_user_model().DoesNotExist:
            raise CommandError(f"No user called {username}.") from None
        for model in (TOTPDevice, StaticDevice):
            model.objects.filter(user=user).delete()
        self.stdout.write(f"Two-step sign-in removed for {username}; they set it up again next.")
