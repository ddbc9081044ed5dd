"""The practice on every public page: footer facts, the practice's name, contact links,
MedicalClinic data, and numbers and hours as each language writes them.

Seeding the whole site takes seconds, so the checks that need it share a few tests.
"""

import datetime
import json
import re

import pytest
from django.core.management import call_command
from django.utils import translation
from wagtail.models import Page

from practice.formatting import phone_display, time_range
from practice.models import ContactPage, PracticeDetails
from practice.selectors import hours_summary, practice_details

pytestmark = pytest.mark.django_db

FR_PAGES = ("/fr-ca/nous-joindre/", "/fr-ca/confidentialite/", "/fr-ca/accessibilite/")
EN_PAGES = ("/en-ca/contact/", "/en-ca/privacy/", "/en-ca/accessibility/")


def set_up_site():
    with open("/dev/null", "w") as quiet:
        call_command("setup_site", "--no-admin", stdout=quiet)


@pytest.fixture
def site(db):
    set_up_site()


def json_ld(html, kind):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [data for data in map(json.loads, blocks) if data.get("@type") == kind]


def main(html):
    return html.split("<main", 1)[1].split("</main>", 1)[0]


def test_every_page_has_the_practices_facts_in_its_footer(client, site):
    urls = [page.url for page in Page.objects.live().filter(depth__gt=1).specific()]
    assert len(urls) > 20
    for url in [*urls, "/fr-ca/nulle-part/", "/en-ca/nowhere/"]:
        html = client.get(url).content.decode()
        footer = html.split('<footer class="site-footer">')[1]
        french = url.startswith("/fr-ca/")
        assert 'href="tel:+15145550100"' in footer, url
        for link in FR_PAGES if french else EN_PAGES:
            assert f'href="{link}"' in footer, (url, link)
        assert ("Du lundi au vendredi" if french else "Monday to Friday") in footer, url
        assert ("9\xa0h à 17\xa0h" if french else "9:00 a.m. to 5:00 p.m.") in footer, url


def test_the_practice_speaks_through_header_titles_links_and_404(client, site):
    details = PracticeDetails.objects.get(locale__language_code="fr-ca")
    details.name = "Clinique Exemple"
    details.save()
    html = client.get("/fr-ca/").content.decode()
    assert 'class="site-header__name" href="/fr-ca/">Clinique Exemple</a>' in html
    assert re.findall(r'class="site-nav__link" href="([^"]+)"', html)[-1] == FR_PAGES[0]
    assert "<title>Nous joindre · Clinique Exemple</title>" in client.get(FR_PAGES[0]).text
    assert "<title>Contact · Prolotherapy practice</title>" in client.get(EN_PAGES[0]).text

    # Every "ask the practice" sentence of the treatment page links to the contact page.
    for url, contact, words in (
        (
            "/en-ca/treatments/prolotherapy/",
            EN_PAGES[0],
            ["Ask the practice", "Contact the practice"],
        ),
        (
            "/fr-ca/traitements/prolotherapie/",
            FR_PAGES[0],
            ["Demandez à la clinique", "Communiquez avec la clinique", "demandez à la clinique"],
        ),
    ):
        html = client.get(url).text
        for text in words:
            assert f'<a href="{contact}">{text}</a>' in html, text

    # The 404 page offers the main sections and the contact page.
    response = client.get("/fr-ca/nulle-part/")
    assert response.status_code == 404
    assert f'href="{FR_PAGES[0]}"' in main(response.text)
    assert 'href="/fr-ca/traitements/"' in main(response.text)

    # Seeding again changes nothing.
    set_up_site()
    assert ContactPage.objects.count() == PracticeDetails.objects.count() == 2
    assert PracticeDetails.objects.get(pk=details.pk).name == "Clinique Exemple"


def test_home_and_contact_pages_describe_the_clinic_and_statements_say_enough(client, site):
    for url, language in (
        ("/en-ca/", "en-CA"),
        ("/fr-ca/", "fr-CA"),
        (EN_PAGES[0], "en-CA"),
        (FR_PAGES[0], "fr-CA"),
    ):
        [clinic] = json_ld(client.get(url).text, "MedicalClinic")
        assert clinic["@context"] == "https://schema.org"
        description = clinic["description"]
        assert description.startswith("A medical" if language == "en-CA" else "Une clinique")
        name = "Prolotherapy practice" if language == "en-CA" else "Clinique de prolothérapie"
        assert clinic["name"] == name
        assert clinic["telephone"] == "+1-514-555-0100"
        days = [spec["dayOfWeek"] for spec in clinic["openingHoursSpecification"]]
        assert days == ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
        assert clinic["openingHoursSpecification"][0]["opens"] == "09:00"
        contact = clinic["contactPoint"]
        assert contact["telephone"] == clinic["telephone"]
        assert [lang["alternateName"] for lang in contact["availableLanguage"]] == ["en", "fr"]
        assert "address" not in clinic  # not confirmed yet: none is invented
    assert json_ld(client.get("/en-ca/conditions/low-back-pain/").text, "MedicalClinic") == []

    for url, words in (
        (EN_PAGES[1], ["90 days after they are received", "Privacy officer", "PHIPA"]),
        (FR_PAGES[1], ["90 jours après leur réception", "Responsable de la protection", "Loi 25"]),
        (EN_PAGES[2], ["(WCAG) 2.2, level AA", "/en-ca/contact/?topic=accessibility"]),
        (FR_PAGES[2], ["(WCAG) 2.2, niveau AA", "/fr-ca/nous-joindre/?topic=accessibility"]),
    ):
        response = client.get(url)
        assert response.status_code == 200
        for text in words:
            assert text in response.text, (url, text)


def test_numbers_and_hours_as_each_language_writes_them():
    with translation.override("fr-ca"):
        assert phone_display("(514) 555-0100") == "514\xa0555-0100"
        assert time_range(datetime.time(9), datetime.time(17)) == "9\xa0h à 17\xa0h"
        assert time_range(datetime.time(9, 30), datetime.time(12)) == "9\xa0h\xa030 à 12\xa0h"
    with translation.override("en-ca"):
        assert phone_display("+1 514 555 0100") == "514-555-0100"
        assert time_range(datetime.time(9), datetime.time(17)) == "9:00 a.m. to 5:00 p.m."


def test_shared_facts_come_from_the_english_record(practice):
    english = PracticeDetails.objects.get(locale__language_code="en-ca")
    english.phone = "416 555-0123"
    english.opening_hours = [
        ("day", {"weekday": "5", "opens": datetime.time(10), "closes": datetime.time(14)})
    ]
    english.save()
    french = practice_details("fr-ca")
    assert french.name == "Clinique de prolothérapie"
    assert french.phone == "416 555-0123"
    with translation.override("fr-ca"):
        assert hours_summary(french) == [("samedi", "10\xa0h à 14\xa0h")]
