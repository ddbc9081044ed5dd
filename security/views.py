"""Administrators see who is locked out of signing in and unlock them; reset two-step sign-in."""

from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Max, Sum
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

# Deleting axes' attempt records is what unlocking does: Administrators hold it (every
# permission), no other group does.
UNLOCK_PERMISSION = "axes.delete_accessattempt"


def can_unlock(user):
    return user.has_perm(UNLOCK_PERMISSION)


def failures_by(field):
    """{username or address: (failures, last attempt)} for the current attempt records."""
    rows = (
        AccessAttempt.objects.values(field)
        .annotate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
        .order_by("-last")
    )
    return [(row[field], row["failures"], row["last"]) for row in rows if row[field]]


class LockoutsView(WagtailAdminTemplateMixin, TemplateView):
    page_title = gettext_lazy("Locked sign-ins")
    header_icon = "lock"
    template_name = "security/lockouts.html"

    def dispatch(self, request, *args, **kwargs):
        if not can_unlock(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        limit = settings.AXES_FAILURE_LIMIT
        return super().get_context_data(
            usernames=[(*row, row[1] >= limit) for row in failures_by("username")],
            addresses=[(*row, row[1] >= limit) for row in failures_by("ip_address")],
            limit=limit,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        username = request.POST.get("username", "").strip()
        address = request.POST.get("ip_address", "").strip()
        if username:
            reset(username=username)
            messages.success(request, _("“%(name)s” can sign in again.") % {"name": username})
        elif address:
            reset(ip=address)
            messages.success(
                request, _("Sign-ins from %(address)s are allowed again.") % {"address": address}
            )
        return redirect("security_lockouts")


RESET_TWO_FACTOR_PERMISSION = "otp_totp.delete_totpdevice"


class TwoFactorAccountsView(WagtailAdminTemplateMixin, TemplateView):
    """Who has set up two-step sign-in; an administrator resets it for a lost phone."""

    page_title = gettext_lazy("Two-step sign-in of staff")
    header_icon = "key"
    template_name = "security/two_factor_accounts.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(RESET_TWO_FACTOR_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        from security.two_factor import two_factor_required

        enrolled = set(TOTPDevice.objects.filter(confirmed=True).values_list("user_id", flat=True))
        users = get_user_model().objects.filter(is_active=True).order_by("username")
        rows = [(user, user.pk in enrolled, two_factor_required(user)) for user in users]
        return super().get_context_data(rows=rows, **kwargs)

    def post(self, request, *args, **kwargs):
        user = get_user_model().objects.filter(pk=request.POST.get("user")).first()
        if user is not None:
            TOTPDevice.objects.filter(user=user).delete()
            StaticDevice.objects.filter(user=user).delete()
            messages.success(
                request,
                _("Two-step sign-in was reset for “%(name)s”: they set it up again next time.")
                % {"name": user.get_username()},
            )
        return redirect("security_two_factor_accounts")
