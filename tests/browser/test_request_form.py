"""The contact page's request form, filled in and sent through a real browser in both
languages, as a patient on a phone would: a mistake first, then a request that goes through."""

import sqlite3

import pytest

from practice.consent import CONSENT_VERSION

from .visit import AXE_TAGS, _axe

pytestmark = pytest.mark.browser

CONTACT = {"en-ca": "/en-ca/contact/", "fr-ca": "/fr-ca/nous-joindre/"}
WORDS = {
    "en-ca": {
        "name": "Your name",
        "phone": "Phone",
        "by_phone": "By phone",
        "reason": "Reason for your request",
        "send": "Send my request",
        "summary": "There is a problem with 1 field",
        "consent": "I agree that the practice",
        "sent": "Request sent",
        "consent_short": "Consent: Tick the box",
    },
    "fr-ca": {
        "name": "Votre nom",
        "phone": "Téléphone",
        "by_phone": "Par téléphone",
        "reason": "Raison de votre demande",
        "send": "Envoyer ma demande",
        "summary": "Il y a un problème dans 1 champ",
        "consent": "J’accepte que la clinique",
        "sent": "Demande envoyée",
        "consent_short": "Consentement\xa0: Cochez la case",
    },
}


def stored_requests(live_site):
    with sqlite3.connect(live_site.data_dir / "db.sqlite3") as database:
        return database.execute(
            "SELECT name, form_language, consent_version FROM practice_appointmentrequest"
        ).fetchall()


def axe_violations(page):
    response = _axe.run(
        page,
        options={"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]},
    ).response
    return [violation["id"] for violation in response["violations"]]


@pytest.mark.parametrize("language", ["en-ca", "fr-ca"])
def test_a_patient_sends_a_request(browser_context, live_site, language):
    words = WORDS[language]
    name = f"Patient {language}"
    page = browser_context("phone").new_page()
    try:
        page.goto(live_site.origin + CONTACT[language])
        page.get_by_label(words["name"]).fill(name)
        page.get_by_label(words["by_phone"]).check()
        page.get_by_label(words["phone"], exact=True).fill("514 555-0142")
        page.get_by_label(words["reason"]).fill("Genou / knee")
        # Sent without the consent ticked: the error is summarised, focused, announced.
        with page.expect_navigation():
            page.get_by_role("button", name=words["send"]).click()
        summary = page.locator(".error-summary")
        assert summary.get_attribute("role") == "alert"
        assert words["summary"] in summary.inner_text()
        assert words["consent_short"] in summary.inner_text()
        assert page.evaluate("document.activeElement.classList.contains('error-summary')")
        assert page.get_by_label(words["name"]).input_value() == name  # nothing lost
        assert page.get_by_label(words["reason"]).input_value() == "Genou / knee"
        assert axe_violations(page) == []
        # The summary's link leads to the field; the patient ticks it with the keyboard.
        summary.get_by_role("link").first.click()
        assert page.evaluate("document.activeElement.id") == "id_consent"
        page.keyboard.press("Space")
        assert page.get_by_label(words["consent"]).is_checked()
        with page.expect_navigation():
            page.get_by_role("button", name=words["send"]).click()
        assert page.url == live_site.origin + CONTACT[language] + (
            "sent/" if language == "en-ca" else "envoye/"
        )
        assert page.locator("h1").inner_text() == words["sent"]
        assert page.locator("html").get_attribute("lang") == language[:3] + "CA"
        assert axe_violations(page) == []
    finally:
        page.close()
    assert (name, language, CONSENT_VERSION) in stored_requests(live_site)
