"""Sending e-mail from the task worker: per recipient, in their admin language, retried later.

SMTP down or refusing never fails the request that caused the message: the message is sent by a
task (operations.tasks), and a failure there is logged once with its cause, then the task is
enqueued again for the recipients still waiting, 2, 4, 8... minutes later, at most
EMAIL_SEND_ATTEMPTS times in all.
"""

import contextlib
import datetime
import logging
import smtplib

from django.conf import settings
from django.core.mail import get_connection
from django.utils import timezone
from django_tasks import task_backends

logger = logging.getLogger("operations.mail")

# What a mail server that is down, unreachable or refusing raises.
SEND_ERRORS = (OSError, smtplib.SMTPException)


class SendFailed(Exception):
    pass


def send_each(messages):
    """Send ``{key: EmailMessage}`` over one connection; return ({key: error}) of those not sent."""
    failed = {}
    if not messages:
        return failed
    connection = get_connection()
    try:
        connection.open()
    except SEND_ERRORS as error:
        return dict.fromkeys(messages, error)
    try:
        for key, message in messages.items():
            message.connection = connection
            try:
                message.send()
            except SEND_ERRORS as error:
                failed[key] = error
    finally:
        # The server went away after the last message: nothing to undo.
        with contextlib.suppress(SEND_ERRORS):
            connection.close()
    return failed


def retry_later(task, what, failed, attempt, args, kwargs_for_retry):
    """After a failed send: log (once, at the first failure), enqueue again later, or give up."""
    cause = next(iter(failed.values()))
    limit = settings.EMAIL_SEND_ATTEMPTS
    if attempt == 1:
        logger.warning(
            "Could not send %s to %d recipient(s): %s: %s. Trying again later (%d attempts "
            "at most).",
            what,
            len(failed),
            type(cause).__name__,
            cause,
            limit,
        )
    if attempt >= limit:
        logger.error(
            "Gave up sending %s to %d recipient(s) after %d attempts: %s: %s.",
            what,
            len(failed),
            attempt,
            type(cause).__name__,
            cause,
        )
        return None
    backend = task_backends[task.backend]
    if not backend.supports_defer:  # the immediate backend: no later to retry in
        return None
    run_after = timezone.now() + datetime.timedelta(minutes=2**attempt)
    return task.using(run_after=run_after).enqueue(*args, **kwargs_for_retry, attempt=attempt + 1)
