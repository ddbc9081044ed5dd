"""The screens a translator and a French reviewer reach, with the admin in French, carry no
known English or faulty French (issue 19). The list holds what the trial found; a new offender
found later belongs in it."""

import html
import json
import re

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

pytestmark = pytest.mark.django_db

OFFENDERS = [
    " to Français translation",
    "English to French translation",
    "December",  # dates must be French
    "Utiliser la version English",
    "Publier dans",
    "seront crées",
    "crées dans",
    "Status actuel",
    "cette pas en un alias",
    "Convert to alias",
    "Convertir en alias de page",
    ">Translations<",
    "Français translation",
    "Submit the French for review",  # our own strings: an untranslated msgid shows as English
    "Translation and review",
    "segments changed in the English",
]


def in_french(user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "fr-ca"
    profile.save()
    return user


def visible_text(response):
    """What a reader sees: the HTML without scripts and styles, plus the editor's props (the
    React editor's text) unescaped."""
    content = response.content.decode()
    props = re.findall(r'data-props="([^"]*)"', content)
    content = re.sub(r"<(script|style)\b.*?</\1>", " ", content, flags=re.S)
    extra = " ".join(html.unescape(p) for p in props)
    return content + " " + extra


def offenders_in(text):
    return [word for word in OFFENDERS if word in text]


def screens(french_page):
    return [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_pages:edit", args=[french_page.pk]),
        reverse("editorial:translations_report"),
        reverse("editorial:submit_translation", args=[french_page.pk]),
        reverse("wagtailadmin_explore", args=[french_page.get_parent().pk]),
    ]


@pytest.mark.parametrize("who", ["translator", "french_reviewer"])
def test_the_french_admin_has_no_known_english_or_faulty_french(
    client, french_condition, translator, french_reviewer, who
):
    user = in_french({"translator": translator, "french_reviewer": french_reviewer}[who])
    # The English changed: the editor and the report have something to say.
    from tests.translations.test_workbench import change_english_summary

    change_english_summary(french_condition)
    client.force_login(user)
    found = {}
    for url in screens(french_condition):
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        problems = offenders_in(visible_text(response))
        if problems:
            found[url] = problems
    assert found == {}
    # The dashboard names the practice in French (elsewhere "Prolotherapy practice" is the
    # English home page's title, which is content, or the site record's name in a filter).
    dashboard = visible_text(client.get(reverse("wagtailadmin_home")))
    assert "Prolotherapy practice" not in dashboard
    assert "Clinique de prolothérapie" in dashboard
    text = visible_text(client.get(screens(french_condition)[1]))
    assert "Traduction et révision" in text
    assert "2 décembre" in text or "décembre" in text or "Traduit manuellement le" in text


def test_the_editor_strings_are_corrected_in_french(client, french_condition, translator):
    client.force_login(in_french(translator))
    response = client.get(reverse("translations_javascript_catalog"))
    assert response.status_code == 200
    body = response.content.decode()
    catalog = json.loads(re.search(r"const newcatalog = (\{.*?\});", body, re.S).group(1))
    assert catalog["Publish in "] == "Publier en "
    assert catalog["Uses %s version"] == "Reprend la version en %s"
    # The editor loads this catalogue, not wagtail-localize's.
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[french_condition.pk]))
    assert reverse("translations_javascript_catalog") in editor.content.decode()
    props = json.loads(
        html.unescape(re.search(r'data-props="([^"]*)"', editor.content.decode()).group(1))
    )
    assert props["locale"]["displayName"] == "français"
    assert props["sourceLocale"]["displayName"] == "anglais"
    comments = [item["comment"] for item in props["initialStringTranslations"]]
    assert comments and not any("December" in comment for comment in comments)


def test_only_one_translations_report_in_the_menu(client, french_condition, administrator):
    client.force_login(in_french(administrator))
    content = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("wagtail_localize:translations_report") not in content
    assert reverse("editorial:translations_report") in content
