"""The stored translation state (translations/state.py): after each event that changes a
translation, the stored rows equal a from-scratch computation; a missing row is reported as
unknown, never a failure; the command rebuilds the table."""

import polib
import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource

from editorial import selectors
from editorial.services import submit_translation_for_review
from tests.editorial.test_reports import make_resource, translation_states  # noqa: F401
from tests.translations.test_workbench import (
    change_english_summary,
    sync,
    translate,
    translation_of,
)
from translations import state
from translations.state import TranslationState

pytestmark = pytest.mark.django_db


def stored():
    return {
        str(row.translation_key): (
            row.state,
            row.in_review,
            row.strings_total,
            row.strings_done,
            row.changed_segments,
        )
        for row in TranslationState.objects.all()
    }


def computed():
    _source, _target, rows = state.computed_rows()
    return {
        str(row.english.translation_key): (
            row.state,
            row.in_review,
            row.total,
            row.done,
            row.changed_segments,
        )
        for row in rows
    }


def assert_stored_is_computed():
    expected = computed()
    assert expected, "nothing to compare"
    assert stored() == expected


def stored_state(obj):
    return TranslationState.objects.get(translation_key=obj.translation_key).state


def test_every_state_stored_as_computed(translation_states):  # noqa: F811
    """English publish, resource saves and a sync (the fixture's events)."""
    assert_stored_is_computed()
    assert set(stored_state_values()) >= {
        selectors.OUT_OF_DATE,
        selectors.MISSING,
        selectors.PUBLISHED,
        selectors.IN_PROGRESS,
    }


def stored_state_values():
    return TranslationState.objects.values_list("state", flat=True)


def test_english_publish_then_sync_then_translation(french_condition, translator):
    change_english_summary(french_condition)
    assert stored_state(french_condition) == selectors.OUT_OF_DATE
    assert_stored_is_computed()
    sync(french_condition)
    assert stored_state(french_condition) == selectors.IN_PROGRESS
    assert_stored_is_computed()
    translate(french_condition, "summary", "Douleur au bas du dos, raideur.", translator)
    assert_stored_is_computed()


def test_submitting_the_french_for_review_is_stored(french_condition, translator):
    change_english_summary(french_condition)
    sync(french_condition)
    translate(french_condition, "summary", "Douleur au bas du dos, raideur.", translator)
    submit_translation_for_review(french_condition, translator)
    row = TranslationState.objects.get(translation_key=french_condition.translation_key)
    assert row.in_review
    assert_stored_is_computed()


def test_po_import_is_stored_once_and_as_computed(client, french_condition, translator):
    change_english_summary(french_condition)
    sync(french_condition)
    translation = translation_of(french_condition)
    po = translation.export_po()
    for entry in po:
        if entry.msgctxt == "summary":
            entry.msgstr = "Douleur au bas du dos, raideur."
    client.force_login(translator)
    upload = polib.pofile(str(po))
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": SimpleUploadedFile("t.po", str(upload).encode())},
    )
    assert response.status_code == 302
    assert_stored_is_computed()


def test_a_deleted_page_loses_its_row(french_condition):
    english = Page.objects.get(
        translation_key=french_condition.translation_key, locale__language_code="en-ca"
    )
    french_condition.delete()
    assert stored_state(english) == selectors.MISSING
    assert_stored_is_computed()
    english.delete()
    assert not TranslationState.objects.filter(translation_key=english.translation_key).exists()
    assert_stored_is_computed()


def test_a_new_resource_and_its_translation(editorial):
    english_home, french_home = editorial
    resource = make_resource(
        english_home.locale, "AAOM", "An association.", "Une association.", french_home.locale
    )
    assert stored_state(resource) == selectors.PUBLISHED
    resource.description = "A national association."
    resource.save()
    assert stored_state(resource) == selectors.OUT_OF_DATE
    TranslationSource.objects.get(object_id=resource.translation_key).update_from_db()
    assert stored_state(resource) == selectors.IN_PROGRESS
    assert_stored_is_computed()


def test_a_missing_table_is_reported_and_rebuilt(client, administrator, translation_states):  # noqa: F811
    TranslationState.objects.all().delete()
    client.force_login(administrator)
    home = client.get(reverse("wagtailadmin_home"))
    assert home.status_code == 200
    assert "state unknown, rebuild pending" in home.content.decode()
    report = client.get(reverse("editorial:translations_report"))
    assert report.status_code == 200
    assert "rebuild pending" in report.content.decode()
    call_command("rebuild_translation_state", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert_stored_is_computed()
    assert "rebuild pending" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_a_row_whose_object_is_gone_says_unknown(client, administrator, translation_states):  # noqa: F811
    row = TranslationState.objects.filter(is_page=False).first()
    row.object_id = "999999"
    row.translation_key = "00000000-0000-0000-0000-000000000000"
    row.save()
    client.force_login(administrator)
    response = client.get(reverse("editorial:translations_report"))
    assert response.status_code == 200
    assert "Unknown, rebuild pending" in response.content.decode()


def test_disabling_a_translation_refreshes(french_condition):
    Translation.objects.filter(source__object_id=french_condition.translation_key).update(
        enabled=False
    )
    for translation in Translation.objects.filter(
        source__object_id=french_condition.translation_key
    ):
        translation.save()
    assert_stored_is_computed()
