"""The four high findings of the clinical review (../shared/content/clinical-review.md, C1, C3,
C4 and the 811 names), in both languages: each test fails if its wording leaves the page.

The wording is checked where a patient reads it (the rendered page, in the right box), not in
the seed file, so an edit in the admin that drops it fails too.
"""

import re

import pytest
from django.utils import translation

from practice.formatting import phone_display
from treatments.models import ConditionPage, TreatmentPage

pytestmark = pytest.mark.django_db

WORDING = {
    "en": {
        "after_injection": "After an injection",
        "warning_signs": [
            "Get medical help the same day",
            "a severe headache that is worse when you sit or stand up",
            "new numbness, tingling or weakness",
        ],
        "811": "811 (Info-Santé in Québec, Health811 in Ontario)",
        "pregnancy": [
            "No studies have looked at whether prolotherapy is safe or effective during "
            "pregnancy or breastfeeding.",
            "If you are pregnant",
            "talk with your",
            "midwife first",
        ],
        "contact": ["Contact the practice", "Ask the practice"],
        "phone_label": "Phone the practice",
        "closed_label": "When the practice is closed",
        "after_hours": "The practice does not answer calls or messages when it is closed.",
        "placeholder": "The practice’s phone number and hours are not on this site yet.",
    },
    "fr": {
        "after_injection": "Après une injection",
        "warning_signs": [
            "Consultez le jour même",
            "un mal de tête intense qui s’aggrave quand vous vous assoyez ou vous vous levez",
            "un engourdissement, des picotements ou une faiblesse récents",
        ],
        "811": "811 (Info-Santé au Québec, Santé811 en Ontario)",
        "pregnancy": [
            "Aucune étude n’a examiné si la prolothérapie est sûre ou efficace pendant la "
            "grossesse ou l’allaitement.",
            "Si vous êtes enceinte",
            "parlez-en d’abord avec votre médecin",
            "sage-femme",
        ],
        "contact": [
            "Communiquez avec la clinique",
            "Demandez à la clinique",
            "demandez à la clinique",
        ],
        "phone_label": "Téléphone de la clinique",
        "closed_label": "Quand la clinique est fermée",
        "after_hours": "La clinique ne répond pas aux appels ni aux messages quand elle est "
        "fermée.",
        "placeholder": "Le numéro de téléphone et les heures de la clinique ne sont pas encore "
        "sur ce site.",
    },
}
LANGUAGES = {"en": "en-ca", "fr": "fr-ca"}


def text(html):
    """The page's words without tags, entities as characters, spaces as the reader sees them."""
    import html as html_module

    words = re.sub(r"<[^>]+>", "", html)
    return re.sub(r"[ \t\r\n]+", " ", html_module.unescape(words))


def box(html, heading):
    """The HTML of the boxed note (callout) with this heading."""
    start = html.index(f">{heading}</h3>")
    return html[start : html.index("</aside>", start)]


def sections(html):
    """{section id: HTML} of the page's sections."""
    parts = re.split(r'<section class="clinical-section" aria-labelledby="([a-z-]+)">', html)
    return {parts[i]: parts[i + 1].split("</section>")[0] for i in range(1, len(parts), 2)}


@pytest.fixture
def pages(home_pages):
    """The practice (details and contact page) and the clinical pages, seeded as make run does:
    the practice first, so "contact the practice" links reach its contact page."""
    from practice.services import seed_practice
    from treatments.services import seed_treatments

    seed_practice()
    seed_treatments()
    return pages_by_language(home_pages)


def pages_by_language(home_pages):
    english_home, french_home = home_pages
    result = {}
    for code, home in (("en", english_home), ("fr", french_home)):
        result[code] = {
            "treatment": TreatmentPage.objects.descendant_of(home).get(seed_key="prolotherapy"),
            "low_back_pain": ConditionPage.objects.descendant_of(home).get(
                seed_key="low-back-pain"
            ),
        }
    return result


def page_html(client, page):
    response = client.get(page.get_url())
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("code", ["en", "fr"])
def test_after_injection_advice_names_the_warning_signs_of_the_serious_risks(client, pages, code):
    """C3: the risks list a spinal headache and nerve damage; the advice after an injection
    says how each shows and what to do the same day."""
    wording = WORDING[code]
    html = page_html(client, pages[code]["treatment"])
    advice = text(box(html, wording["after_injection"]))
    for phrase in wording["warning_signs"]:
        assert phrase in advice
    # The risks it answers are still the ones the page lists.
    risks = text(sections(html)["risks"])
    assert ("spinal fluid" if code == "en" else "liquide céphalorachidien") in risks
    assert ("nerve damage" if code == "en" else "lésions aux nerfs") in risks


@pytest.mark.parametrize("code", ["en", "fr"])
def test_811_is_named_for_quebec_and_ontario_in_the_after_injection_advice(client, pages, code):
    wording = WORDING[code]
    html = page_html(client, pages[code]["treatment"])
    advice = text(box(html, wording["after_injection"]))
    assert wording["811"] in advice
    # Every 811 in the advice is named, not a bare number.
    assert len(re.findall(r"\b811\b", advice)) == advice.count(wording["811"])


@pytest.mark.parametrize("code", ["en", "fr"])
@pytest.mark.parametrize("which", ["treatment", "low_back_pain"])
def test_pages_say_no_study_has_looked_at_pregnancy_or_breastfeeding(client, pages, code, which):
    """C4: on the low back pain page (which mentions pain that started with a pregnancy) and in
    the treatment page's "Before any injection" box."""
    wording = WORDING[code]
    html = page_html(client, pages[code][which])
    if which == "treatment":
        html = box(html, "Before any injection" if code == "en" else "Avant toute injection")
    words = text(html)
    for phrase in wording["pregnancy"]:
        assert phrase in words


@pytest.mark.parametrize("code", ["en", "fr"])
def test_the_practices_phone_and_after_hours_advice_are_wherever_a_page_says_contact_it(
    client, pages, code
):
    """C1: every section that tells the reader to contact the practice gives its number and
    what to do when it is closed, from Practice details (so they are never out of date)."""
    wording = WORDING[code]
    html = page_html(client, pages[code]["treatment"])
    with translation.override(LANGUAGES[code]):
        phone = phone_display("514 555-0100")
    telling = {
        key: section
        for key, section in sections(html).items()
        if any(phrase in text(section) for phrase in wording["contact"])
    }
    assert set(telling) == {"what-to-expect", "risks", "fees"}
    for key, section in telling.items():
        words = text(section)
        assert f"{wording['phone_label']}\u00a0:" in words or f"{wording['phone_label']}:" in words
        assert phone in words, key
        assert 'href="tel:+15145550100"' in section, key
        assert wording["closed_label"] in words, key
        assert wording["after_hours"] in words, key
    # In the safety advice, the number comes right after the box that says to call.
    risks = sections(html)["risks"]
    after_box = risks[risks.index(wording["after_injection"]) :]
    assert phone in text(after_box)


@pytest.mark.parametrize("code", ["en", "fr"])
def test_without_practice_details_the_page_says_so_and_still_gives_911_and_811(
    client, home_pages, code
):
    from treatments.services import seed_treatments

    seed_treatments()
    wording = WORDING[code]
    html = page_html(client, pages_by_language(home_pages)[code]["treatment"])
    risks = text(sections(html)["risks"])
    assert wording["placeholder"] in risks
    assert "911" in risks and wording["811"] in risks
