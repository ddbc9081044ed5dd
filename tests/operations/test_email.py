"""E-mail end to end through a real SMTP server (aiosmtpd): a reviewer's message and its link."""

import datetime
import email
import email.policy
import re
import socket

import pytest
from aiosmtpd.controller import Controller
from django.test import Client
from django.utils import timezone

from operations import digest
from tests.operations.conftest import run_queued_tasks
from tests.operations.test_tasks import submit

pytestmark = pytest.mark.django_db


class Sink:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append((envelope.rcpt_tos, message))
        return "250 OK"

    def to(self, address):
        return [message for recipients, message in self.messages if address in recipients]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_sink(settings):
    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5
    settings.DEFAULT_FROM_EMAIL = "site@clinic.example.org"
    settings.WAGTAILADMIN_BASE_URL = "http://testserver"
    yield sink
    controller.stop()


def body(message):
    return message.get_body(preferencelist=("plain",)).get_content()


def test_a_submitted_page_reaches_the_reviewer_whose_link_opens_the_review(
    clinical_pages,
    editor,
    reviewer,
    database_tasks,
    smtp_sink,
    django_capture_on_commit_callbacks,
):
    treatment, _condition = clinical_pages
    editor.email, reviewer.email = "emilie@example.org", "claire@example.org"
    editor.save()
    reviewer.save()
    editors_browser = Client()
    editors_browser.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        state = submit(editors_browser, treatment, editor, summary="A clearer summary.")
    assert smtp_sink.messages == []  # the editor's request sent nothing
    run_queued_tasks()

    [message] = smtp_sink.to("claire@example.org")
    assert smtp_sink.to("emilie@example.org") == []
    assert message["From"] == "site@clinic.example.org"
    assert message["Auto-Submitted"] == "auto-generated"
    text = body(message)
    edit_link = re.search(r"http://testserver(/admin/pages/\d+/edit/)", text).group(1)
    preview_link = re.search(r"http://testserver(/admin/pages/workflow/preview/[\d/]+)", text)

    reviewers_browser = Client()
    reviewers_browser.force_login(reviewer)
    review = reviewers_browser.get(edit_link)
    assert review.status_code == 200
    assert state.current_task_state.task.specific.user_can_access_editor(treatment, reviewer)
    assert 'data-workflow-action-name="approve"' in review.content.decode()  # the review itself
    assert reviewers_browser.get(preview_link.group(1)).status_code == 200


def test_the_weekly_digest_lists_due_pages_in_the_reviewers_language_once(
    clinical_pages, make_user, database_tasks, smtp_sink
):
    from editorial import services
    from practice.models import AppointmentRequest

    AppointmentRequest.objects.create(
        name="Marie Tremblay",
        contact_method="phone",
        phone="514 555-0199",
        reason="Douleur au genou",
        consent_version="1",
    )
    reviewer = make_user(
        "julie", services.CLINICAL_REVIEWERS, first_name="Julie", last_name="Roy", language="fr-ca"
    )
    reviewer.email = "julie@example.org"
    reviewer.save()
    make_user("ed", services.EDITORS).__class__.objects.filter(username="ed").update(
        email="ed@example.org"
    )
    treatment, condition = clinical_pages

    monday = timezone.make_aware(datetime.datetime(2026, 12, 7, 7, 0))
    assert digest.send_weekly_digest(now=monday) == 1
    assert digest.send_weekly_digest(now=monday + datetime.timedelta(hours=1)) is None  # once
    run_queued_tasks()

    assert [recipients for recipients, _message in smtp_sink.messages] == [["julie@example.org"]]
    message = smtp_sink.to("julie@example.org")[0]
    text = body(message)
    assert "Bonjour Julie" in text
    assert treatment.title in text and condition.title in text
    assert f"http://testserver/admin/pages/{treatment.pk}/edit/" in text
    assert "en retard depuis" in text  # the condition page is overdue
    for private in ("Marie Tremblay", "514 555-0199", "Douleur au genou"):
        assert private not in text and private not in message["Subject"]


def test_no_digest_when_nothing_is_due(clinical_pages, reviewer, database_tasks, smtp_sink):
    from wagtail.models import Page

    for page in clinical_pages:
        Page.objects.filter(pk=page.pk).update()
        type(page).objects.filter(pk=page.pk).update(
            next_review_due=timezone.localdate() + datetime.timedelta(days=200)
        )
    reviewer.email = "claire@example.org"
    reviewer.save()
    digest.send_weekly_digest()
    run_queued_tasks()
    assert smtp_sink.messages == []
