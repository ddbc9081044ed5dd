"""Machine translation: off by default, DeepL from the environment, never publishing by itself
(tried with wagtail-localize's dummy translator, which needs no network)."""

import html

import pytest
from django.urls import reverse
from wagtail_localize.models import StringTranslation, Translation

from clinic.settings.base import machine_translator_from_env

DUMMY = {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}


def test_off_without_a_key_and_deepl_with_one():
    assert machine_translator_from_env({}) is None
    assert machine_translator_from_env({"DEEPL_API_KEY": "  "}) is None
    config = machine_translator_from_env({"DEEPL_API_KEY": "abc:fx"})
    assert config["CLASS"].endswith("DeepLTranslator")
    assert config["OPTIONS"] == {"AUTH_KEY": "abc:fx"}


@pytest.mark.django_db
def test_the_translation_editor_offers_it_and_it_publishes_nothing(
    home_pages, admin_client, settings
):
    _english_home, french_home = home_pages
    translation = Translation.objects.get(target_locale=french_home.locale)
    french_home.refresh_from_db()
    published_at = french_home.last_published_at

    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
    editor = admin_client.get(reverse("wagtailadmin_pages:edit", args=[french_home.pk]))
    assert '"machineTranslator": null' in html.unescape(editor.content.decode())

    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = DUMMY
    editor = admin_client.get(reverse("wagtailadmin_pages:edit", args=[french_home.pk]))
    assert '"name": "Dummy translator"' in html.unescape(editor.content.decode())

    StringTranslation.objects.filter(locale=french_home.locale).delete()
    admin_client.post(reverse("wagtail_localize:machine_translate", args=[translation.pk]))
    assert StringTranslation.objects.filter(
        locale=french_home.locale, tool_name="Dummy translator"
    ).exists()
    french_home.refresh_from_db()
    assert french_home.last_published_at == published_at
