"""The clinical review and translations reports, their dashboard panels, and the admin in French."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail_localize.models import TranslationSource

from editorial import selectors
from home.localization import translate_from_catalogue
from tests.editorial.conftest import clinical_model, required_sections

pytestmark = pytest.mark.django_db

CLINICAL = reverse("editorial:clinical_review_report")
TRANSLATIONS = reverse("editorial:translations_report")


@pytest.fixture
def admin_client(client, administrator):
    client.force_login(administrator)
    return client


# Translations ----------------------------------------------------------------------------------


def make_resource(english, title, description, french_description, locale_fr):
    from directory.models import Resource

    resource = Resource.objects.create(
        kind="website", title=title, description=description, locale=english
    )
    translate_from_catalogue(resource, locale_fr, {title: title, description: french_description})
    return resource


@pytest.fixture
def translation_states(editorial):
    """One English object in each state of its French twin."""
    from directory.models import DirectoryPage

    english_home, french_home = editorial
    en, fr = english_home.locale, french_home.locale

    # Out of date: the English home page is published with a new title after translation.
    english_home.title = "Prolotherapy practice in Ottawa"
    english_home.save_revision().publish()

    # Missing: a new English page nobody has translated.
    directory = DirectoryPage(title="Resources", slug="resources")
    english_home.add_child(instance=directory)
    directory.save_revision().publish()

    make_resource(en, "AAOM", "An association.", "Une association.", fr)
    synced = make_resource(en, "Hackett", "A book.", "Un livre.", fr)
    changed = make_resource(en, "Primal", "A video.", "Une vidéo.", fr)

    # In progress: the English changed and a translator synced it; one string of two is left.
    synced.description = "A classic book on ligaments."
    synced.save()
    TranslationSource.objects.get(object_id=synced.translation_key).update_from_db()

    # Out of date: the English changed after translation and nobody synced yet.
    changed.description = "A video on anatomy."
    changed.save()

    return {
        english_home.title: selectors.OUT_OF_DATE,
        "Resources": selectors.MISSING,
        "AAOM": selectors.PUBLISHED,
        "Hackett": selectors.IN_PROGRESS,
        "Primal": selectors.OUT_OF_DATE,
    }


def test_translations_report_shows_each_state(admin_client, translation_states):
    response = admin_client.get(TRANSLATIONS)
    assert response.status_code == 200
    states = {str(row.english): row.state for row in response.context["rows"]}
    assert states == translation_states
    hackett = next(row for row in response.context["rows"] if str(row.english) == "Hackett")
    assert (hackett.done, hackett.total, hackett.percent) == (1, 2, 50)
    html = response.content.decode()
    assert "50% translated (1 of 2 strings)" in html
    # Links: the translation editor for twins, "Translate" for the missing page, sync when stale.
    missing = next(row for row in response.context["rows"] if row.state == selectors.MISSING)
    assert missing.urls["translate"] in html
    stale = [row for row in response.context["rows"] if row.state == selectors.OUT_OF_DATE]
    assert all(row.urls["sync"] in html and row.urls["french"] in html for row in stale)


def test_translations_report_filters_by_state(admin_client, translation_states):
    for state in (
        selectors.MISSING,
        selectors.IN_PROGRESS,
        selectors.OUT_OF_DATE,
        selectors.PUBLISHED,
    ):
        response = admin_client.get(TRANSLATIONS, {"state": state})
        expected = {title for title, value in translation_states.items() if value == state}
        assert {str(row.english) for row in response.context["rows"]} == expected
    # An unknown state shows everything rather than failing.
    response = admin_client.get(TRANSLATIONS, {"state": "<script>"})
    assert len(response.context["rows"]) == len(translation_states)


def test_english_publish_flags_the_french_out_of_date_and_leaves_it_french(admin_client, editorial):
    english_home, french_home = editorial
    french_title = french_home.title
    rows = {row.english.pk: row for row in selectors.translation_rows()}
    assert rows[english_home.pk].state == selectors.PUBLISHED

    english_home.title = "A new English title"
    english_home.save_revision().publish()
    rows = {row.english.pk: row for row in selectors.translation_rows()}
    assert rows[english_home.pk].state == selectors.OUT_OF_DATE
    french_home.refresh_from_db()
    assert french_home.title == french_title
    response = admin_client.get("/fr-ca/")
    assert french_title in response.content.decode()
    assert "A new English title" not in response.content.decode()

    # A republish without change is not a change.
    rows_before = [row.state for row in selectors.translation_rows()]
    english_home.save_revision().publish()
    assert [row.state for row in selectors.translation_rows()] == rows_before


def test_translations_report_queries_do_not_grow_with_rows(admin_client, editorial):
    english_home, french_home = editorial

    def queries():
        with CaptureQueriesContext(connection) as captured:
            admin_client.get(TRANSLATIONS)
        return len(captured)

    for number in range(3):
        make_resource(
            english_home.locale, f"R{number}", f"D{number}.", f"F{number}.", french_home.locale
        )
    few = queries()
    for number in range(3, 12):
        make_resource(
            english_home.locale, f"R{number}", f"D{number}.", f"F{number}.", french_home.locale
        )
    assert queries() == few


def test_dashboard_panels_show_counts(admin_client, translation_states):
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "French translations" in html
    assert f"{TRANSLATIONS}?state=out_of_date" in html
    assert "Clinical review" in html


# Clinical review --------------------------------------------------------------------------------


@pytest.fixture
def due_pages(clinical_pages, editorial):
    """The fixture's treatment (due in 10 days) and condition (3 days overdue), a page not due,
    and a French copy of the condition."""
    treatment, condition = clinical_pages
    _english_home, french_home = editorial
    model = clinical_model("TreatmentPage")
    later = model(
        **required_sections(model),
        title="Dextrose injections",
        slug="dextrose",
        summary="Another treatment.",
        next_review_due=timezone.localdate() + datetime.timedelta(days=90),
    )
    treatment.get_parent().add_child(instance=later)
    undated = model(
        **required_sections(model),
        title="Saline injections",
        slug="saline",
        summary="A treatment never given a review date.",
        next_review_due=None,
    )
    treatment.get_parent().add_child(instance=undated)
    french_condition = condition.copy_for_translation(french_home.locale, copy_parents=True)
    return treatment, condition, later, french_condition, undated


def test_clinical_review_report_lists_due_pages_by_language(admin_client, due_pages):
    treatment, condition, later, french_condition, undated = due_pages
    response = admin_client.get(CLINICAL)
    assert response.status_code == 200
    sections = {locale.language_code: rows for locale, rows in response.context["sections"]}
    assert [row.page.pk for row in sections["en-ca"]] == [undated.pk, condition.pk, treatment.pk]
    assert [row.page.pk for row in sections["fr-ca"]] == [french_condition.pk]
    html = response.content.decode()
    assert "Overdue by 3 days" in html and "Due in 10 days" in html
    assert "No review date set" in html
    assert later.title not in html
    assert reverse("wagtailadmin_pages:edit", args=[condition.pk]) in html


def test_clinical_review_panel_counts_due_pages(admin_client, due_pages):
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "4 clinical pages are overdue for review or due within 30 days." in html


@pytest.mark.parametrize("role", ["administrator", "editor"])
def test_clinical_review_report_queries_do_not_grow_with_pages(client, due_pages, request, role):
    treatment, *_rest = due_pages
    model = clinical_model("TreatmentPage")
    client.force_login(request.getfixturevalue(role))

    def queries():
        with CaptureQueriesContext(connection) as captured:
            client.get(CLINICAL)
        return len(captured)

    few = queries()
    for number in range(8):
        treatment.get_parent().add_child(
            instance=model(
                **required_sections(model),
                title=f"Treatment {number}",
                slug=f"treatment-{number}",
                summary="Due soon.",
                next_review_due=timezone.localdate(),
            )
        )
    assert queries() == few


# The admin in French ----------------------------------------------------------------------------


def test_reports_in_french(client, french_admin, translation_states):
    client.force_login(french_admin)
    html = client.get(TRANSLATIONS).content.decode()
    assert "État des traductions" in html
    assert "À mettre à jour" in html and "Manquante" in html and "Publiée" in html
    assert "50\u00a0% traduit (1 sur 2\u00a0chaînes)" in html or "50\u00a0% traduit" in html
    html = client.get(CLINICAL).content.decode()
    assert "Révision clinique" in html
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Traductions françaises" in html


def test_sync_cannot_publish_english_onto_the_french_page(client, editorial, translator):
    english_home, french_home = editorial
    french_title = french_home.title
    english_home.title = "English only"
    english_home.save_revision().publish()
    source = TranslationSource.objects.get(object_id=english_home.translation_key)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    client.force_login(translator)
    page = client.get(url)
    assert page.status_code == 200
    assert 'name="publish_translations"' not in page.content.decode().replace(
        'type="hidden" name="publish_translations"', ""
    )
    client.post(url, {"publish_translations": "on"})
    french_home.refresh_from_db()
    assert french_home.title == french_title
    assert "English only" not in client.get("/fr-ca/").content.decode()
    # The sync happened: the report now shows the French as in progress, not out of date.
    rows = {row.english.pk: row for row in selectors.translation_rows()}
    assert rows[english_home.pk].state == selectors.IN_PROGRESS
