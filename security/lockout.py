"""What django-axes needs from the site: the client's address, the lockout page, the log line."""

import ipaddress
import logging

from axes.signals import user_locked_out
from django.conf import settings
from django.contrib import messages
from django.dispatch import receiver
from django.template.response import TemplateResponse
from django.utils.translation import ngettext
from wagtail.admin.views.account import LoginView

logger = logging.getLogger("security")


def client_ip_address(request):
    """The address that reached our outermost trusted proxy (TRUSTED_PROXY_COUNT), or the peer's.

    Each trusted proxy appends the address it received from to X-Forwarded-For, so the client's
    is the N-th entry from the right; what stands to its left the client wrote itself. With no
    trusted proxy the header is ignored: anyone could otherwise pick a new address per attempt.
    """
    remote = request.META.get("REMOTE_ADDR")
    count = settings.TRUSTED_PROXY_COUNT
    if not count:
        return remote
    forwarded = [
        entry.strip()
        for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if entry.strip()
    ]
    if len(forwarded) < count:
        return remote
    candidate = forwarded[-count]
    try:
        ipaddress.ip_address(candidate)
    except ValueError:
        return remote
    return candidate


def lockout_message():
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return ngettext(
        "Too many failed sign-in attempts: signing in is blocked for this account or this "
        "network for %(minutes)d minute. An administrator can unlock it sooner.",
        "Too many failed sign-in attempts: signing in is blocked for this account or this "
        "network for %(minutes)d minutes. An administrator can unlock it sooner.",
        minutes,
    ) % {"minutes": minutes}


def lockout_response(request, original_response, credentials):
    """Wagtail's sign-in page again, with the lockout said in the reader's language (HTTP 429).

    The form is unbound: binding it would authenticate once more, and count one more failure.
    """
    messages.error(request, lockout_message())
    view = LoginView()
    view.setup(request)
    username = (credentials or {}).get("username", "")
    form = view.get_form_class()(request, initial={"username": username})
    response = TemplateResponse(
        request,
        view.template_name,
        view.get_context_data(form=form),
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
    return response.render()


@receiver(user_locked_out)
def log_lockout(sender, request, username, ip_address, **kwargs):
    logger.warning(
        "Sign-in locked out after %s failures: username=%r ip=%s",
        settings.AXES_FAILURE_LIMIT,
        username,
        ip_address,
    )
