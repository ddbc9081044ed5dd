"""A request id and one log line per request; requests over the size limit refused with 413."""

import logging
import re
import time
import uuid

from django.conf import settings
from django.http import HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _

from operations.logging import request_id

logger = logging.getLogger("operations.requests")

# nginx's $request_id (32 hex digits) or any similar token a proxy sets; anything else is replaced,
# so a client cannot write into our log lines.
VALID_REQUEST_ID = re.compile(r"^[A-Za-z0-9-]{8,64}$")


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.META.get("HTTP_X_REQUEST_ID", "")
        current = incoming if VALID_REQUEST_ID.match(incoming) else uuid.uuid4().hex
        token = request_id.set(current)
        started = time.perf_counter()
        try:
            response = self._size_refusal(request) or self.get_response(request)
            response["X-Request-ID"] = current
            logger.info(
                "%s %s %s %.1f ms",
                request.method,
                request.path,  # never the query string: it may hold what someone typed
                response.status_code,
                (time.perf_counter() - started) * 1000,
            )
            return response
        finally:
            request_id.reset(token)

    def _size_refusal(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.REQUEST_MAX_BODY_SIZE:
            # This runs before LocaleMiddleware: the thread still speaks the previous request's
            # language, so the refusal picks its own from this request (address, then browser).
            language = translation.get_language_from_path(
                request.path_info
            ) or translation.get_language_from_request(request)
            with translation.override(language):
                message = _("This upload is too large (at most %(size)d MB).") % {
                    "size": settings.REQUEST_MAX_BODY_SIZE // (1024 * 1024)
                }
            return HttpResponse(message, status=413, content_type="text/plain; charset=utf-8")
        return None
