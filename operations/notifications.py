"""Wagtail's workflow e-mails (submitted, approved, changes requested) sent by the task worker.

Wagtail sends them inside the editor's request and, when the mail server does not answer, logs a
connection error and drops them. Here each signal enqueues a task once the transaction commits;
the worker renders Wagtail's own templates for each recipient in their admin language (links from
WAGTAILADMIN_BASE_URL) and retries the recipients it could not reach.

Our receivers take Wagtail's dispatch_uids, so Wagtail's own (connected later, by wagtail.admin's
ready()) are not added; ``take_over_wagtail_notifications`` also removes them had they come first.
"""

from django.db import transaction
from django.utils.translation import override
from wagtail.admin import mail as wagtail_mail
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted

NOTIFIERS = {
    # kind: (signal, sender, Wagtail's dispatch_uid, Wagtail's notifier class)
    "task_submitted": (
        task_submitted,
        TaskState,
        "group_approval_task_submitted_email_notification",
        wagtail_mail.GroupApprovalTaskStateSubmissionEmailNotifier,
    ),
    "workflow_submitted": (
        workflow_submitted,
        WorkflowState,
        "workflow_state_submitted_email_notification",
        wagtail_mail.WorkflowStateSubmissionEmailNotifier,
    ),
    "workflow_rejected": (
        workflow_rejected,
        WorkflowState,
        "workflow_state_rejected_email_notification",
        wagtail_mail.WorkflowStateRejectionEmailNotifier,
    ),
    "workflow_approved": (
        workflow_approved,
        WorkflowState,
        "workflow_state_approved_email_notification",
        wagtail_mail.WorkflowStateApprovalEmailNotifier,
    ),
}


def _receiver(kind):
    def enqueue_notification(sender, instance, user=None, **kwargs):
        from operations.tasks import send_workflow_notification

        instance_pk, user_pk = instance.pk, getattr(user, "pk", None)
        transaction.on_commit(
            lambda: send_workflow_notification.enqueue(kind, instance_pk, user_pk)
        )

    enqueue_notification.__name__ = f"enqueue_{kind}"
    return enqueue_notification


RECEIVERS = {kind: _receiver(kind) for kind in NOTIFIERS}


def take_over_wagtail_notifications():
    for kind, (signal, sender, dispatch_uid, _notifier) in NOTIFIERS.items():
        signal.disconnect(sender=sender, dispatch_uid=dispatch_uid)
        signal.connect(RECEIVERS[kind], sender=sender, dispatch_uid=dispatch_uid, weak=False)


def workflow_messages(kind, instance, user):
    """{recipient: EmailMessage} for a notification, rendered as Wagtail renders it."""
    from django.core.mail import EmailMultiAlternatives
    from django.template.loader import render_to_string

    notifier = NOTIFIERS[kind][3]()
    if not notifier.can_handle(instance, user=user):
        return {}
    recipients = notifier.get_valid_recipients(instance, user=user)
    if not recipients:
        return {}
    templates = notifier.get_template_set(instance, user=user)
    context = notifier.get_context(instance, user=user)
    messages = {}
    for recipient in recipients:
        context["user"] = recipient
        with override(recipient.wagtail_userprofile.get_preferred_language()):
            subject = render_to_string(templates["subject"], context).strip()
            body = render_to_string(templates["text"], context).strip()
        messages[recipient] = EmailMultiAlternatives(
            subject,
            body,
            None,
            [recipient.email],
            headers={"Auto-Submitted": "auto-generated"},
        )
    return messages
