"""Two-step sign-in for staff (django-otp): who must use it, and the admin's gate.

Required for superusers and for members of TWO_FACTOR_REQUIRED_GROUPS (Reception and
Administrators: they will see patients' requests or can change everything); optional for the
others, and once someone has set it up it is asked of them too. Until then the admin sends them
to set it up (an app such as an authenticator on a phone, plus ten single-use recovery codes).
"""

import django_otp
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.urls import Resolver404, resolve, reverse

# What a person may reach before their second step: signing in and out, the two-step pages
# themselves, and what those pages load.
OPEN_URL_NAMES = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "security_two_factor_setup",
    "security_two_factor_verify",
}


def two_factor_required(user):
    if user.is_superuser:
        return True
    return user.groups.filter(name__in=settings.TWO_FACTOR_REQUIRED_GROUPS).exists()


def next_step(user):
    """'verify', 'setup' or None for a signed-in user who has not passed the second step."""
    if user.is_verified():
        return None
    if django_otp.user_has_device(user):
        return "verify"
    if two_factor_required(user):
        return "setup"
    return None


class TwoFactorMiddleware:
    """After django-otp's OTPMiddleware: the admin asks for the second step before anything."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            settings.TWO_FACTOR_ENFORCED
            and user.is_authenticated
            and request.path_info.startswith("/admin/")
            and not self.is_open(request)
        ):
            step = next_step(user)
            if step is not None:
                return redirect_to_login(
                    request.get_full_path(), login_url=reverse(f"security_two_factor_{step}")
                )
        return self.get_response(request)

    @staticmethod
    def is_open(request):
        try:
            return resolve(request.path_info).url_name in OPEN_URL_NAMES
        except Resolver404:
            return True  # a 404 reveals nothing
