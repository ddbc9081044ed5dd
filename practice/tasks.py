"""The practice's background task: the notice of a new request, sent by the worker."""

from django_tasks import task

from operations import mail


@task()
def send_request_notice(request_pk, attempt=1):
    """The e-mail saying a request is waiting. Its only argument is the request's number: the
    task table holds nothing a patient typed. SMTP down: logged once, retried later."""
    from practice.services import request_notice

    message = request_notice(request_pk)
    if message is None:
        return 0
    failed = mail.send_each({"practice": message})
    if failed:
        mail.retry_later(
            send_request_notice, "the notice of a new request", failed, attempt, (request_pk,), {}
        )
        return 0
    return 1
