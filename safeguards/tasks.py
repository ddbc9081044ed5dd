"""Background tasks of the safeguards (run by the worker, as the workflow e-mails are)."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import override
from django_tasks import task
from wagtail.models import PageLogEntry, Revision
from wagtail.users.models import UserProfile

from operations import mail


def held_notice_recipients(revision):
    """Who scheduled the revision (the last "schedule" entry of the page) and who wrote it."""
    users = []
    scheduled = (
        PageLogEntry.objects.filter(page_id=revision.object_id, action="wagtail.publish.schedule")
        .order_by("-timestamp")
        .first()
    )
    for user in (getattr(scheduled, "user", None), revision.user):
        if user is not None and user.is_active and user.email and user not in users:
            users.append(user)
    return users


def held_notice(revision, user):
    """Title and admin link only: the page is public wording, but nothing else goes in."""
    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    with override(UserProfile.get_for_user(user).get_preferred_language()):
        subject = _("Not published: “%(title)s” breaks the content rules") % {
            "title": revision.object_str
        }
        body = "\n\n".join(
            [
                _(
                    "“%(title)s” was due to go live, but its wording breaks the content rules "
                    "(advertising by physicians) and no override was recorded. It stays a draft."
                )
                % {"title": revision.object_str},
                _("Change the wording, or record an override with a reason, then publish it:"),
                base_url + reverse("wagtailadmin_pages:edit", args=[revision.object_id]),
            ]
        )
    return EmailMessage(
        subject, body, None, [user.email], headers={"Auto-Submitted": "auto-generated"}
    )


@task()
def send_publish_held_notice(revision_pk, only=None, attempt=1):
    revision = Revision.objects.filter(pk=revision_pk).select_related("user").first()
    if revision is None:
        return 0
    messages = {
        user.pk: held_notice(revision, user)
        for user in held_notice_recipients(revision)
        if only is None or user.pk in only
    }
    failed = mail.send_each(messages)
    if failed:
        mail.retry_later(
            send_publish_held_notice,
            "the “publish held” notice",
            failed,
            attempt,
            (revision_pk,),
            {"only": sorted(failed)},
        )
    return len(messages) - len(failed)
