"""Staff sessions that end when left idle; the admin's own, narrower Content-Security-Policy;
a full disk during an upload answered with a message."""

import errno
import logging
import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import JsonResponse
from django.shortcuts import redirect
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.users.models import UserProfile

logger = logging.getLogger(__name__)

LAST_SEEN_KEY = "security_last_seen"
# How stale the recorded activity may get before it is written again: without this, every admin
# request would write its session row (on SQLite each write takes the one write lock).
RECORD_EVERY_SECONDS = 60
# An open edit page pings these every few seconds by itself: not a person's activity, or a
# computer left signed in on an edit page would never time out.
NOT_ACTIVITY_PREFIXES = ("/admin/editing-sessions/",)


@receiver(user_logged_in)
def start_the_idle_clock(sender, request, user, **kwargs):
    # Signing in is activity; recording it now also spares the first request a session write.
    if request is not None and hasattr(request, "session"):
        request.session[LAST_SEEN_KEY] = time.time()


class StaffIdleTimeoutMiddleware:
    """Sign a staff member out after STAFF_SESSION_IDLE_MINUTES without a request.

    Chosen over SESSION_COOKIE_AGE + SESSION_SAVE_EVERY_REQUEST, which would save the session on
    every request, and would turn Wagtail's "not remembered" sessions (ending with the browser)
    into timed cookies. Every login on this site is staff (the public never signs in).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = time.time()
            last_seen = request.session.get(LAST_SEEN_KEY)
            idle_limit = settings.STAFF_SESSION_IDLE_MINUTES * 60
            if last_seen is not None and now - last_seen > idle_limit:
                logout(request)
                messages.info(
                    request,
                    _("You were signed out after %(minutes)d minutes without activity.")
                    % {"minutes": settings.STAFF_SESSION_IDLE_MINUTES},
                )
            elif last_seen is None or (
                now - last_seen > RECORD_EVERY_SECONDS
                and not request.path.startswith(NOT_ACTIVITY_PREFIXES)
            ):
                request.session[LAST_SEEN_KEY] = now
        return self.get_response(request)


# Wagtail's admin needs inline scripts and styles, so it is left out of the public pages' policy
# (CONTENT_SECURITY_POLICY's EXCLUDE_URL_PREFIXES). These directives cost it nothing: no plugins,
# no <base> tag, forms post to the site, and only the admin itself may frame it (its preview
# panel is a same-origin frame).
ADMIN_POLICY = "frame-ancestors 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"


class AdminContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/admin/") and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = ADMIN_POLICY
        return response


# A disk that fills up shows as one of these when a file is written (quota, file too large for
# the file system included): the upload did not happen, and nothing else is wrong.
DISK_FULL_ERRORS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


class DiskFullMiddleware:
    """Turn a full disk during an admin upload into a clear message instead of a server error.

    The file is written before its row (Wagtail saves the file in the model's pre_save), so a
    failed write leaves no half-made document or image behind. The editor is sent back to the
    form they used with a message saying what happened; the multiple uploader gets the JSON error
    it shows beside the file. Logged once per failure, for the administrator.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OSError) or exception.errno not in DISK_FULL_ERRORS:
            return None
        if not getattr(request, "user", None) or not request.user.is_authenticated:
            return None  # only staff upload files; anything else stays a server error
        logger.error("Disk full while handling %s %s: %s", request.method, request.path, exception)
        # The admin's language is switched on only inside its views, which have ended here.
        language = UserProfile.get_for_user(request.user).get_preferred_language()
        with translation.override(language):
            message = _(
                "The file could not be saved: the server's disk is full. Nothing was changed. "
                "Please tell the site administrator, then try again."
            )
        if request.headers.get("x-requested-with") == "XMLHttpRequest" or request.path.endswith(
            "/multiple/add/"
        ):
            # 200, as Wagtail's own refusals: its uploader then shows the message beside the file.
            return JsonResponse({"success": False, "error_message": message})
        messages.error(request, message)
        return redirect(request.get_full_path())
