"""Background tasks run by the worker (`manage.py db_worker`; make run starts it)."""

from django.contrib.auth import get_user_model
from django_tasks import task

from operations import mail, notifications


@task()
def send_workflow_notification(kind, instance_pk, user_pk, only=None, attempt=1):
    """Wagtail's e-mail for a workflow event to each recipient (``only``: those still waiting)."""
    model = notifications.NOTIFIERS[kind][1]
    instance = model.objects.filter(pk=instance_pk).first()
    if instance is None:  # the page and its workflow were deleted meanwhile
        return 0
    user = get_user_model().objects.filter(pk=user_pk).first() if user_pk else None
    messages = {
        recipient.pk: message
        for recipient, message in notifications.workflow_messages(kind, instance, user).items()
        if only is None or recipient.pk in only
    }
    failed = mail.send_each(messages)
    if failed:
        mail.retry_later(
            send_workflow_notification,
            f"the “{kind}” notification",
            failed,
            attempt,
            (kind, instance_pk, user_pk),
            {"only": sorted(failed)},
        )
    return len(messages) - len(failed)


@task()
def send_clinical_review_digest(user_pk, attempt=1):
    """This week's list of clinical pages due for review, to one clinical reviewer."""
    from operations import digest

    user = get_user_model().objects.filter(pk=user_pk, is_active=True).first()
    message = digest.digest_message(user) if user else None
    if message is None:
        return 0
    failed = mail.send_each({user.pk: message})
    if failed:
        mail.retry_later(
            send_clinical_review_digest,
            "the clinical review digest",
            failed,
            attempt,
            (user_pk,),
            {},
        )
        return 0
    return 1


@task()
def bench_ping():
    """The smallest task: `make bench` times a round trip through the worker with it."""
    return 1
