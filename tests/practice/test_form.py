"""The request form as a patient meets it, in both languages, with good and bad input."""

import re
from unittest import mock

import pytest
from django.core import mail
from django.db import DatabaseError, OperationalError
from django.test import Client

from practice.consent import CONSENT_VERSION
from practice.models import AppointmentRequest
from tests.practice.conftest import CONTACT, SENT

pytestmark = pytest.mark.django_db

LABELS = {
    "en-ca": ["Your name", "How should the practice reach you?", "Reason for your request"],
    "fr-ca": [
        "Votre nom",
        "Comment la clinique peut-elle vous joindre?",
        "Raison de votre demande",
    ],
}


@pytest.mark.parametrize("language", ["en-ca", "fr-ca"])
def test_form_renders_with_labels_and_consent_unticked(client, practice, language):
    response = client.get(CONTACT[language])
    html = response.content.decode()
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    for label in LABELS[language]:
        assert label in html
    consent = re.search(r'<input type="checkbox" name="consent"[^>]*>', html).group(0)
    assert "checked" not in consent
    assert 'for="id_consent"' in html
    assert "911" in html and "811" in html  # not for emergencies
    assert ("500 characters" if language == "en-ca" else "500\xa0caractères") in html
    # The consent links the privacy statement in the page's language.
    privacy = "/en-ca/privacy/" if language == "en-ca" else "/fr-ca/confidentialite/"
    assert f'href="{privacy}"' in html


@pytest.mark.parametrize("language", ["en-ca", "fr-ca"])
def test_valid_request_is_stored_and_confirmed_in_the_senders_language(
    client, practice, valid_post, language, settings
):
    settings.REQUEST_NOTIFICATION_EMAIL = "reception@example.org"
    response = client.post(CONTACT[language], valid_post())
    assert response.status_code == 302
    assert response["Location"] == SENT[language]

    stored = AppointmentRequest.objects.get()
    assert stored.name == "Marie Tremblay"
    assert stored.form_language == language
    assert stored.consent_version == CONSENT_VERSION
    assert stored.status == "new"

    sent = client.get(response["Location"])
    assert sent.status_code == 200
    heading = "Request sent" if language == "en-ca" else "Demande envoyée"
    assert heading in sent.content.decode()


def test_notice_email_holds_no_personal_or_health_data(
    client, practice, valid_post, settings, django_capture_on_commit_callbacks
):
    settings.REQUEST_NOTIFICATION_EMAIL = "reception@example.org"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            CONTACT["fr-ca"],
            valid_post(email="marie@example.org", reason="Hernie discale L4-L5, anticoagulants"),
        )
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["reception@example.org"]
    text = message.subject + message.body
    for private in ("Marie", "Tremblay", "555-0199", "marie@example.org", "Hernie", "genou"):
        assert private not in text
    stored = AppointmentRequest.objects.get()
    assert f"/admin/practice_requests/edit/{stored.pk}/" in message.body


def test_a_failing_mail_server_still_keeps_the_request(
    client, practice, valid_post, settings, django_capture_on_commit_callbacks, caplog
):
    settings.REQUEST_NOTIFICATION_EMAIL = "reception@example.org"
    with (
        mock.patch(
            "django.core.mail.backends.locmem.EmailBackend.send_messages",
            side_effect=OSError("SMTP down"),
        ) as send,
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post(CONTACT["en-ca"], valid_post())
    assert send.called
    assert "Could not send the notice of a new request" in caplog.text
    assert response.status_code == 302
    assert AppointmentRequest.objects.count() == 1


def _errors(response):
    return response.content.decode()


BAD_INPUT = [
    ("empty name", {"name": ""}, "name", "This field is required."),
    ("no contact method", {"contact_method": ""}, "contact_method", "This field is required."),
    ("phone chosen, none given", {"phone": ""}, "phone", "Enter a phone number"),
    ("email chosen, none given", {"contact_method": "email"}, "email", "Enter an e-mail address"),
    ("bad phone", {"phone": "12"}, "phone", "10-digit phone number"),
    ("bad email", {"contact_method": "email", "email": "marie@"}, "email", "valid email"),
    ("over-long reason", {"reason": "x" * 501}, "reason", "at most 500 characters (it has 501)"),
    ("over-long name", {"name": "x" * 101}, "name", "at most 100 characters"),
    ("markup", {"name": "<script>alert(1)</script>"}, "name", "plain text"),
    ("markup in reason", {"reason": "ok <img src=x onerror=alert(1)>"}, "reason", "plain text"),
    ("control character", {"name": "Marie\x07Tremblay"}, "name", "special characters"),
    ("null character", {"name": "Marie\x00Tremblay"}, "name", "Null characters are not allowed."),
    ("no consent", {"consent": None}, "consent", "Tick the box to agree"),
    ("unknown topic", {"topic": "marketing"}, "topic", "Select a valid choice"),
]


@pytest.mark.parametrize(
    ("case", "changes", "field", "message"), BAD_INPUT, ids=[case[0] for case in BAD_INPUT]
)
def test_bad_input_gets_a_clear_answer_and_keeps_what_was_typed(
    client, practice, valid_post, case, changes, field, message
):
    data = valid_post(preferred_times="Mardi après-midi", **changes)
    response = client.post(CONTACT["en-ca"], data)
    html = response.content.decode()
    assert response.status_code == 400
    assert AppointmentRequest.objects.count() == 0
    assert 'class="error-summary" role="alert"' in html
    assert f'id="id_{field}-error"' in html
    assert message in html
    assert 'value="Mardi après-midi"' in html  # nothing typed is lost
    assert "<script>alert" not in html


def test_errors_are_in_french_on_the_french_page(client, practice, valid_post):
    response = client.post(CONTACT["fr-ca"], valid_post(name="", consent=None))
    html = response.content.decode()
    assert (
        "Il y a des problèmes dans 2\xa0champs" in html
        or "Il y a des problèmes dans 2 champs" in html
    )
    assert "Champ requis." in html
    assert "Cochez la case pour donner votre accord" in html
    assert 'aria-invalid="true"' in html


def test_invisible_characters_are_removed_and_text_normalised(client, practice, valid_post):
    client.post(CONTACT["en-ca"], valid_post(name="Mari\u0065\u0301 \u200bT\u202eremblay"))
    assert AppointmentRequest.objects.get().name == "Mari\u00e9 Tremblay"


def test_a_filled_honeypot_stores_nothing_but_looks_sent(client, practice, valid_post):
    response = client.post(CONTACT["en-ca"], valid_post(website="http://spam.example"))
    assert response.status_code == 302
    assert AppointmentRequest.objects.count() == 0
    assert mail.outbox == []


def test_a_flood_from_one_address_is_refused(client, practice, valid_post, settings):
    settings.REQUEST_RATE_LIMIT = 3
    for _ in range(3):
        assert client.post(CONTACT["fr-ca"], valid_post()).status_code == 302
    refused = client.post(CONTACT["fr-ca"], valid_post(name="Quatrième"))
    assert refused.status_code == 429
    assert "Trop de demandes" in refused.content.decode()
    assert not AppointmentRequest.objects.filter(name="Quatrième").exists()
    # Another address is not affected.
    other = Client(REMOTE_ADDR="192.0.2.9")
    assert other.post(CONTACT["fr-ca"], valid_post(name="Autre")).status_code == 302


@pytest.mark.parametrize("language", ["en-ca", "fr-ca"])
def test_a_forged_csrf_token_gets_a_localized_403(practice, valid_post, language):
    client = Client(enforce_csrf_checks=True)
    response = client.post(CONTACT[language], {**valid_post(), "csrfmiddlewaretoken": "forged"})
    assert response.status_code == 403
    expected = "The form could not be sent" if language == "en-ca" else "Le formulaire n’a pas pu"
    assert expected in response.content.decode()
    assert AppointmentRequest.objects.count() == 0


@pytest.mark.parametrize(
    "error",
    # A full disk, and a write lock held past SQLite's busy timeout (see operations/).
    [DatabaseError("disk I/O error"), OperationalError("database is locked")],
    ids=["disk", "lock"],
)
def test_a_database_error_says_call_and_keeps_the_values(
    client, practice, valid_post, caplog, error
):
    with mock.patch("practice.views.store_request", side_effect=error):
        response = client.post(CONTACT["fr-ca"], valid_post())
    html = response.content.decode()
    assert response.status_code == 503
    assert "Votre demande n’a pas pu être envoyée" in html
    assert 'href="tel:+15145550100"' in html
    assert 'value="Marie Tremblay"' in html
    assert "Could not store a request" in caplog.text


def test_topic_can_be_preselected_from_the_accessibility_statement(client, practice):
    html = client.get(CONTACT["en-ca"] + "?topic=accessibility").content.decode()
    assert '<option value="accessibility" selected>' in html
    # An unknown topic is ignored.
    html = client.get(CONTACT["en-ca"] + "?topic=<x>").content.decode()
    assert (
        '<option value="appointment" selected>' in html
        or "selected" not in html.split('name="topic"')[1].split("</select>")[0]
    )
