"""Log lines an operator can use, with nothing private in them.

Every line of a request carries its request id (``RequestIdFilter``); a request's own line says
method, path (never the query string), status and time (operations.middleware). Error reports, by
e-mail or in a log, show the stack trace but no request data and no local variables: the frames of
the contact form hold a patient's name, phone and reason.
"""

import contextvars
import logging

from django.views.debug import SafeExceptionReporterFilter

request_id = contextvars.ContextVar("request_id", default="-")


class RequestIdFilter(logging.Filter):
    """Adds ``record.request_id``: the id of the request being served, or "-" outside one."""

    def filter(self, record):
        if not hasattr(record, "request_id"):
            record.request_id = request_id.get()
        return True


class PrivateReporterFilter(SafeExceptionReporterFilter):
    """Django's error reports without the POST data, the cookies or any frame's local variables."""

    def get_post_parameters(self, request):
        if request is None:
            return {}
        return dict.fromkeys(request.POST, self.cleansed_substitute)

    def get_traceback_frame_variables(self, request, tb_frame):
        return [("(local variables)", self.cleansed_substitute)]

    def get_safe_request_meta(self, request):
        return {
            key: value
            for key, value in super().get_safe_request_meta(request).items()
            if key in {"REQUEST_METHOD", "PATH_INFO", "SERVER_NAME", "SERVER_PORT"}
        }

    def get_safe_cookies(self, request):
        return dict.fromkeys(getattr(request, "COOKIES", {}), self.cleansed_substitute)
