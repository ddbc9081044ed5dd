"""Condition pages follow the NHS health A-Z pattern: fixed heading order, non-urgent advice
before urgent help, and "On this page" listing the headings, in both languages."""

import re

import pytest

from treatments.models import ConditionPage

pytestmark = pytest.mark.django_db

LOW_BACK_PAIN = {
    "en": [
        "What it is",
        "Causes",
        "How it is diagnosed",
        "Things you can do yourself",
        "See a doctor if",
        "When to get help urgently",
        "How long it usually lasts",
        "How treatment may help",
        "Treatments offered for this condition",
        "What a course of treatment involves",
        "What the evidence says",
        "References",
    ],
    "fr": [
        "Description",
        "Causes",
        "Comment on pose le diagnostic",
        "Ce que vous pouvez faire vous-même",
        "Consultez un médecin si",
        "Quand consulter d’urgence",
        "Combien de temps cela dure habituellement",
        "Comment un traitement peut aider",
        "Traitements offerts pour ce problème",
        "En quoi consiste un traitement complet",
        "Ce que disent les données probantes",
        "Références",
    ],
}


def headings(html):
    """The page's section headings, in order (a section's, or the urgent-care box's)."""
    pattern = r'<h2 class="(?:clinical-section|callout)__heading" id="[a-z-]+">(.*?)</h2>'
    return [re.sub(r"<[^>]+>", "", text).strip() for text in re.findall(pattern, html, re.S)]


def on_this_page(html):
    nav = re.search(r'<nav class="on-this-page".*?</nav>', html, re.S).group(0)
    return [text.strip() for text in re.findall(r'<a href="#[a-z-]+">(.*?)</a>', nav)]


@pytest.mark.parametrize("code", ["en", "fr"])
def test_low_back_pain_has_every_section_in_the_fixed_order_listed_on_this_page(
    client, seeded, code
):
    page = next(p for p in seeded[code] if getattr(p, "seed_key", "") == "low-back-pain")
    html = client.get(page.get_url()).content.decode()
    expected = LOW_BACK_PAIN[code]
    assert headings(html) == expected
    assert on_this_page(html) == expected


@pytest.mark.parametrize("code", ["en", "fr"])
def test_every_condition_keeps_the_order_and_says_what_a_course_involves(client, seeded, code):
    order = LOW_BACK_PAIN[code]
    for page in seeded[code]:
        if not isinstance(page, ConditionPage):
            continue
        html = client.get(page.get_url()).content.decode()
        shown = headings(html)
        # The sections a page has appear in the fixed order (a missing one is skipped).
        assert shown == [heading for heading in order if heading in shown], page.title
        assert order[9] in shown, page.title  # what a course of treatment involves
        assert on_this_page(html) == shown
