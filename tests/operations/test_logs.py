"""Logs: a line per request with its id and time; nothing a patient or a password typed."""

import logging
import re
from unittest import mock

import pytest
from django.core import mail
from django.test import Client

from tests.practice.conftest import CONTACT

pytestmark = pytest.mark.django_db

PATIENT = {
    "name": "Marie-Ève Tremblay",
    "email": "marie.eve@example.org",
    "phone": "514 555-0199",
    "reason": "Douleur au genou depuis six mois.",
}
PASSWORD = "correct-horse-battery-9"


@pytest.fixture
def practice(home_pages):
    from practice.services import seed_practice

    seed_practice()
    return home_pages


def request_lines(caplog):
    return [r.getMessage() for r in caplog.records if r.name == "operations.requests"]


def test_one_line_per_request_with_its_id_and_time(client, caplog):
    with caplog.at_level(logging.INFO):
        response = client.get("/health/?q=private")
    [line] = request_lines(caplog)
    assert re.fullmatch(r"GET /health/ 200 \d+\.\d ms", line)  # no query string
    [record] = [r for r in caplog.records if r.name == "operations.requests"]
    assert record.request_id == response["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])


def test_the_proxys_request_id_is_kept_and_a_forged_one_replaced(client):
    kept = client.get("/health/", headers={"X-Request-ID": "0123456789abcdef0123456789abcdef"})
    assert kept["X-Request-ID"] == "0123456789abcdef0123456789abcdef"
    forged = client.get("/health/", headers={"X-Request-ID": "evil\nline injected"})
    assert "\n" not in forged["X-Request-ID"] and "evil" not in forged["X-Request-ID"]


def all_log_text(caplog):
    formatter = logging.Formatter("%(name)s %(message)s")
    return "\n".join(formatter.format(record) for record in caplog.records)


def test_a_contact_request_and_logins_leave_nothing_private_in_the_log(
    practice, django_user_model, settings, caplog, django_capture_on_commit_callbacks
):
    settings.REQUEST_NOTIFICATION_EMAIL = "reception@example.org"
    settings.EMAIL_BACKEND = (
        "tests.operations.conftest.RefusingBackend"  # its failure is logged too
    )
    django_user_model.objects.create_user(
        "reception-desk", email="desk@example.org", password=PASSWORD, is_staff=True
    )
    browser = Client()
    with caplog.at_level(logging.DEBUG), django_capture_on_commit_callbacks(execute=True):
        response = browser.post(
            CONTACT["en-ca"],
            {
                "topic": "appointment",
                "contact_method": "email",
                "preferred_language": "fr-ca",
                "preferred_times": "",
                "consent": "on",
                "website": "",
                **PATIENT,
            },
        )
        assert response.status_code == 302
        browser.post(
            "/admin/login/", {"username": "reception-desk", "password": "wrong-" + PASSWORD}
        )
        signed_in = browser.post(
            "/admin/login/", {"username": "reception-desk", "password": PASSWORD}
        )
        assert signed_in.status_code == 302
    text = all_log_text(caplog)
    assert "POST /en-ca/contact/ 302" in text and "POST /admin/login/" in text
    for private in [*PATIENT.values(), PASSWORD, "desk@example.org"]:
        assert private not in text, private


def test_an_error_is_mailed_to_admins_without_what_the_patient_typed(practice, settings):
    settings.ADMINS = [("ops", "ops@example.org")]
    browser = Client(raise_request_exception=False)
    with mock.patch("practice.views.store_request", side_effect=RuntimeError("boom")):
        response = browser.post(
            CONTACT["en-ca"],
            {
                "topic": "appointment",
                "contact_method": "phone",
                "preferred_language": "en-ca",
                "consent": "on",
                "website": "",
                **PATIENT,
            },
        )
    assert response.status_code == 500
    reports = [message for message in mail.outbox if message.to == ["ops@example.org"]]
    [report] = reports
    assert "RuntimeError" in report.body and "Traceback" in report.body
    for private in PATIENT.values():
        assert private not in report.body and private not in report.subject, private
