"""Setting up the second step, and passing it at each sign-in."""

import base64

import segno
from django import forms
from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import View
from django_otp import devices_for_user, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

RECOVERY_CODE_COUNT = 10


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=32,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "text", "autofocus": True}
        ),
    )

    def clean_code(self):
        return "".join(self.cleaned_data["code"].split())  # "123 456" as the app shows it


def safe_next(request, default=None):
    """The page the person was going to (same site only), or the admin's dashboard."""
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home") if default is None else default


class TwoFactorPage(WagtailAdminTemplateMixin, View):
    header_icon = "key"

    def get_breadcrumbs_items(self):
        return [{"url": "", "label": self.get_page_title()}]

    def render(self, template, status=200, **context):
        context = self.get_context_data(next=safe_next(self.request, ""), **context)
        return TemplateResponse(self.request, template, context, status=status)


class SetupView(TwoFactorPage):
    page_title = gettext_lazy("Set up two-step sign-in")
    template_name = "security/two_factor/setup.html"

    def pending_device(self):
        device = TOTPDevice.objects.filter(user=self.request.user, confirmed=False).first()
        return device or TOTPDevice.objects.create(
            user=self.request.user, name=_("Authenticator app"), confirmed=False
        )

    def page(self, form, status=200):
        device = self.pending_device()
        return self.render(
            self.template_name,
            status=status,
            form=form,
            qr_code=segno.make(device.config_url).svg_inline(scale=4, title=_("QR code")),
            secret=base64.b32encode(device.bin_key).decode(),
        )

    def dispatch(self, request, *args, **kwargs):
        if user_has_device(request.user) and not request.user.is_verified():
            return redirect("security_two_factor_verify")
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        if user_has_device(request.user):
            messages.info(request, _("Two-step sign-in is already set up for your account."))
            return redirect("wagtailadmin_home")
        return self.page(CodeForm())

    def post(self, request):
        if user_has_device(request.user):
            return redirect("wagtailadmin_home")
        form = CodeForm(request.POST)
        device = self.pending_device()
        if not (form.is_valid() and device.verify_token(form.cleaned_data["code"])):
            form.add_error(
                None,
                _("That code is not right. Check your phone's clock and type the newest code."),
            )
            return self.page(form, status=400)
        with transaction.atomic():
            device.confirmed = True
            device.save()
            codes = new_recovery_codes(request.user)
        otp_login(request, device)
        return self.render(
            "security/two_factor/recovery_codes.html",
            codes=codes,
            continue_url=safe_next(request),
        )


def new_recovery_codes(user):
    """Replace the user's recovery codes with ten new single-use ones; return them."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=_("Recovery codes"), confirmed=True)
    codes = [StaticToken.random_token() for _number in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


class VerifyView(TwoFactorPage):
    page_title = gettext_lazy("Two-step sign-in")
    template_name = "security/two_factor/verify.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_verified() or not user_has_device(request.user):
            return redirect(safe_next(request))
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return self.render(self.template_name, form=CodeForm())

    def post(self, request):
        form = CodeForm(request.POST)
        device = None
        if form.is_valid():
            # Each device checks the code under its own throttle (failures slow it down).
            with transaction.atomic():
                for candidate in devices_for_user(request.user, for_verify=True):
                    if candidate.verify_token(form.cleaned_data["code"]):
                        device = candidate
                        break
        if device is None:
            form.add_error(
                None,
                _(
                    "That code is not right. Type the newest code from your app, or one of "
                    "your recovery codes. After several wrong codes, wait a little."
                ),
            )
            return self.render(self.template_name, status=400, form=form)
        otp_login(request, device)
        if isinstance(device, StaticDevice):
            remaining = device.token_set.count()
            messages.warning(
                request,
                ngettext(
                    "You used a recovery code; %(count)d is left. If you have lost your phone, "
                    "ask an administrator to reset your two-step sign-in.",
                    "You used a recovery code; %(count)d are left. If you have lost your phone, "
                    "ask an administrator to reset your two-step sign-in.",
                    remaining,
                )
                % {"count": remaining},
            )
        return redirect(safe_next(request))
