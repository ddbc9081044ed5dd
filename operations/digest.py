"""The weekly digest for clinical reviewers: clinical pages due for review within 30 days.

Page titles, due dates and admin links only; nothing about any patient. Sent once per ISO week
(a ScheduledRun row says it was), one task per reviewer, each in the reviewer's admin language.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from editorial import selectors
from editorial.services import CLINICAL_REVIEWERS
from operations.models import ScheduledRun

JOB = "clinical_review_digest"


def reviewers():
    return (
        get_user_model()
        .objects.filter(groups__name=CLINICAL_REVIEWERS, is_active=True)
        .exclude(email="")
        .distinct()
    )


def digest_message(user, today=None):
    """The digest for ``user``, or None when no clinical page is due."""
    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    rows = [
        {
            "title": row.page.title,
            "due": row.page.next_review_due,
            "overdue": row.overdue,
            "in_review": row.in_review,
            "link": base_url + reverse("wagtailadmin_pages:edit", args=[row.page.pk]),
        }
        for _locale, locale_rows in selectors.clinical_pages_due(today=today)
        for row in locale_rows
    ]
    if not rows:
        return None
    context = {
        "rows": rows,
        "within_days": selectors.DUE_WITHIN_DAYS,
        "report": base_url + reverse("editorial:clinical_review_report"),
        "user": user,
    }
    with override(user.wagtail_userprofile.get_preferred_language()):
        subject = render_to_string("operations/email/clinical_review_digest_subject.txt", context)
        body = render_to_string("operations/email/clinical_review_digest.txt", context)
    return EmailMultiAlternatives(
        subject.strip(),
        body.strip(),
        None,
        [user.email],
        headers={"Auto-Submitted": "auto-generated"},
    )


def week_of(moment):
    year, week, _day = moment.isocalendar()
    return f"{year}-W{week:02}"


def send_weekly_digest(now=None):
    """Enqueue this week's digests, once per week however often it runs. Returns how many."""
    from operations.tasks import send_clinical_review_digest

    period = week_of(timezone.localtime(now))
    try:
        with transaction.atomic():
            ScheduledRun.objects.create(job=JOB, period=period)
            users = list(reviewers())
            for user in users:
                send_clinical_review_digest.enqueue(user.pk)
    except IntegrityError:  # this week's digest went already
        return None
    return len(users)
