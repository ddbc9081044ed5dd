"""Either language first (issue 21): French originals, French → English translation.

Every step goes through the admin's own views, as the group that would do it; forged POSTs are
tried as the groups that must not succeed.
"""

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Page, WorkflowState
from wagtail.test.utils.form_data import streamfield

from editorial import services
from home.localization import translate_from_catalogue
from tests.treatments.test_admin import condition_form, reference

pytestmark = pytest.mark.django_db

FRENCH_TITLE = "Épicondylite (coude du tennis)"
FRENCH_SUMMARY = "Douleur à l’extérieur du coude, liée aux tendons de l’avant-bras."


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def messages_of(response):
    return [str(m).strip() for m in response.context["messages"]] if response.context else []


def state_of(page):
    return WorkflowState.objects.active().filter(object_id=str(page.pk)).first()


def action_url(page, action, task_state):
    return reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])


@pytest.fixture
def french_indexes(clinical_pages, editorial):
    """The treatment and condition index pages translated into French, set up as `make run`
    would: (French treatment index, French condition index)."""
    treatment, condition = clinical_pages
    _english_home, french_home = editorial
    indexes = [
        translate_from_catalogue(
            page.get_parent().specific, french_home.locale, {title: french, slug: french_slug}
        )
        for page, title, french, slug, french_slug in (
            (treatment, "Treatments", "Traitements", "treatments", "traitements"),
            (condition, "Conditions", "Problèmes de santé", "conditions", "problemes-de-sante"),
        )
    ]
    services.setup_editorial()
    return indexes


def create_french_condition(client, editor, index, **overrides):
    """The editor writes a French condition page and submits it for review, from the admin."""
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:add", args=["treatments", "conditionpage", index.pk])
    assert client.get(url).status_code == 200
    data = condition_form(
        title=FRENCH_TITLE,
        # What the admin's script makes of the title (Unicode slugs are allowed).
        slug="épicondylite-coude-du-tennis",
        summary=FRENCH_SUMMARY,
        references=streamfield([("reference", reference())]),
        **overrides,
    )
    data.pop("action-publish")
    data["action-submit"] = "Submit"
    response = client.post(url, data)
    assert response.status_code == 302, (
        response.context and response.context["form"].errors,
        messages_of(response),
    )
    return Page.objects.get(locale=index.locale, title=FRENCH_TITLE).specific


@pytest.fixture
def french_original(client, french_indexes, editor, reviewer):
    """A French-first condition page, written by an editor, approved by a clinical reviewer."""
    _treatments, conditions = french_indexes
    page = create_french_condition(client, editor, conditions)
    state = state_of(page)
    client.force_login(reviewer)
    client.post(action_url(page, "approve", state.current_task_state), {"comment": ""})
    page.refresh_from_db()
    assert page.live
    client.logout()
    return page


def english():
    return Locale.objects.get(language_code="en-ca")


def translate_into_english(client, translator, page):
    """The translator's « Traduire »: wagtail-localize's own form, English ticked."""
    client.force_login(translator)
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    response = client.post(url, {"locales": [english().pk]}, follow=True)
    assert response.status_code == 200
    return Page.objects.get(translation_key=page.translation_key, locale=english()).specific


# Roles by language -------------------------------------------------------------------------


def test_an_editor_writes_a_french_condition_page_and_it_goes_to_clinical_review(
    client, french_indexes, editor, reviewer
):
    _treatments, conditions = french_indexes
    page = create_french_condition(client, editor, conditions)
    assert page.locale.language_code == "fr-ca" and not page.live
    # One rule for addresses: ASCII, as the seeded French pages (the form posted Unicode).
    assert page.slug == "epicondylite-coude-du-tennis"
    state = state_of(page)
    assert state.workflow.name == services.CLINICAL_WORKFLOW

    client.force_login(reviewer)
    response = client.post(action_url(page, "approve", state.current_task_state), {"comment": ""})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live and page.title == FRENCH_TITLE
    assert page.last_reviewed == timezone.localdate()
    assert page.reviewed_by == "Claire Tremblay, MD"


def test_nobody_but_the_clinical_review_puts_a_french_original_live(
    client, french_indexes, editor, reviewer, translator, french_reviewer
):
    _treatments, conditions = french_indexes
    page = create_french_condition(client, editor, conditions)
    from tests.editorial.conftest import edit_form_data

    for user in (editor, translator, french_reviewer):
        client.force_login(user)
        data = edit_form_data(page, user)
        client.post(edit_url(page), {**data, "action-publish": "publish"})
        page.refresh_from_db()
        assert not page.live, user.username


def test_a_french_translation_of_an_english_clinical_page_still_goes_to_french_review(
    client, french_indexes, clinical_pages, editorial
):
    _treatment, condition = clinical_pages
    _english_home, french_home = editorial
    french = translate_from_catalogue(
        condition, french_home.locale, _everything_in_french(), publish=False
    )
    assert french.get_workflow().name == services.FRENCH_WORKFLOW
    assert condition.get_workflow().name == services.CLINICAL_WORKFLOW


def _everything_in_french():
    class Everything(dict):
        def get(self, text, default=None):
            return f"FR {text}"

    return Everything()


def _everything_in_english():
    class Everything(dict):
        def get(self, text, default=None):
            return f"EN {text}"

    return Everything()


def test_french_to_english_the_translator_submits_and_the_administration_approves(
    client, french_original, translator, reviewer, administrator
):
    page = french_original
    english_page = translate_into_english(client, translator, page)
    assert not english_page.live
    assert english_page.get_workflow().name == services.ENGLISH_WORKFLOW

    # The translator opens the translation editor of the English page (no "permission denied").
    response = client.get(edit_url(english_page))
    assert response.status_code == 200
    assert b"js-translation-editor" in response.content

    # Fill every string, then submit from the project's address (404 for English before).
    from wagtail_localize.models import Translation

    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=english()
    )
    translation.import_po(_po_all_in_english(translation))
    url = reverse("editorial:submit_translation", args=[english_page.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, follow=True)
    assert any("sent for review in English" in text for text in messages_of(response))
    state = state_of(english_page)
    assert state.workflow.name == services.ENGLISH_WORKFLOW
    english_page.refresh_from_db()
    assert not english_page.live

    # A clinical reviewer cannot publish the English outside the review (translation editor,
    # page editor); the administration approves it.
    client.force_login(reviewer)
    client.post(edit_url(english_page), {"action": "publish"})
    english_page.refresh_from_db()
    assert not english_page.live
    client.force_login(administrator)
    response = client.post(action_url(english_page, "approve", state.current_task_state), {})
    english_page.refresh_from_db()
    assert english_page.live
    assert english_page.title.startswith("EN ")
    # The clinical review of the French original is carried over (synchronised stamps).
    assert english_page.reviewed_by == "Claire Tremblay, MD"


def _po_all_in_english(translation):
    po = translation.export_po()
    for entry in po:
        entry.msgstr = f"EN {entry.msgid}"
    return po


def test_a_translator_changes_translations_only_never_an_original(
    client, french_original, clinical_pages, translator
):
    _treatment, condition = clinical_pages
    from tests.editorial.conftest import edit_form_data

    for original in (condition, french_original):
        client.force_login(translator)
        before = original.title
        response = client.get(edit_url(original), follow=True)
        assert any("Translators change translations only" in t for t in messages_of(response))
        data = edit_form_data(original, translator, title="Changed by a translator")
        client.post(edit_url(original), data)
        original.refresh_from_db()
        assert original.title == before
        assert original.get_latest_revision_as_object().title == before


def test_an_editor_creates_and_opens_a_french_resource(client, editorial, editor):
    from tests.translations.test_resources import snippet_url

    _english_home, french_home = editorial
    client.force_login(editor)
    url = snippet_url("add") + f"?locale={french_home.locale.language_code}"
    response = client.get(url)
    assert response.status_code == 200
    from directory.models import Resource

    data = {
        "kind": "website",
        "title": "Ressource écrite en français",
        "description": "Des renseignements.",
        "url": "https://ressource.example/",
        "action-submit": "action-submit",
    }
    response = client.post(url, _resource_form(response, data))
    resource = Resource.objects.get(title="Ressource écrite en français")
    assert resource.locale_id == french_home.locale_id and not resource.live
    assert client.get(snippet_url("edit", resource.pk)).status_code == 200


def _resource_form(response, data):
    """The add form's own fields with their initial values, then ``data``."""
    form = response.context["form"]
    values = {}
    for name in form.fields:
        value = form[name].value()
        if value in (None, False):
            continue
        values[name] = "on" if value is True else value
    for prefix in getattr(form, "formsets", {}):
        values.update(
            {
                f"{prefix}-TOTAL_FORMS": "0",
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
    values.update(data)
    return values


# Stopping synchronisation -----------------------------------------------------------------


def test_stopping_synchronisation_asks_first_and_never_keeps_the_source_language(
    client, french_original, translator
):
    from wagtail_localize.models import Translation

    english_page = translate_into_english(client, translator, french_original)
    translation = Translation.objects.get(
        source__object_id=french_original.translation_key, target_locale=english()
    )
    url = reverse("wagtail_localize:stop_translation", args=[translation.pk])
    # The editor's button posts without confirmation: it leads to the question.
    response = client.post(url, {"next": edit_url(english_page)})
    assert response.status_code == 200
    translation.refresh_from_db()
    assert translation.enabled
    # Untranslated strings would stay in French on the English page: refused, even confirmed.
    html = response.content.decode()
    assert "not translated yet" in html and 'value="stop"' not in html
    client.post(url, {"confirm": "stop"})
    translation.refresh_from_db()
    assert translation.enabled

    warnings = translation.import_po(_po_all_in_english(translation))
    assert not warnings
    assert translation.get_progress()[0] == translation.get_progress()[1]
    response = client.get(url)
    assert 'value="stop"' in response.content.decode()
    response = client.post(url, {"confirm": "stop"}, follow=True)
    translation.refresh_from_db()
    assert not translation.enabled
    draft = Page.objects.get(pk=english_page.pk).specific.get_latest_revision_as_object()
    assert draft.title == f"EN {FRENCH_TITLE}" and draft.summary == f"EN {FRENCH_SUMMARY}"
    english_page.refresh_from_db()
    assert not english_page.live
    # ... and the translator carries on in the ordinary editor, in English.
    assert any("Synchronisation stopped" in text for text in messages_of(response))
    assert response.redirect_chain[-1][0] == edit_url(english_page)
    assert b"js-translation-editor" not in response.content


def test_the_slug_rule_is_ascii_and_leaves_stored_slugs_alone(
    client, french_original, administrator
):
    from tests.editorial.conftest import edit_form_data
    from translations.slugs import ascii_slug

    assert ascii_slug("Œdème du genou, épaule gelée") == "oedeme-du-genou-epaule-gelee"
    # A stored Unicode slug (made before the rule) stays as it is when the page is saved.
    Page.objects.filter(pk=french_original.pk).update(slug="épicondylite")
    page = Page.objects.get(pk=french_original.pk).specific
    client.force_login(administrator)
    client.post(edit_url(page), edit_form_data(page, administrator))
    assert page.get_latest_revision_as_object().slug == "épicondylite"
    # A changed slug follows the rule.
    client.post(edit_url(page), edit_form_data(page, administrator, slug="coude-défait"))
    page = Page.objects.get(pk=page.pk).specific
    assert page.get_latest_revision_as_object().slug == "coude-defait"


# Bad input --------------------------------------------------------------------------------


def test_a_french_resource_whose_english_twin_was_deleted_opens_as_it_is(
    client, editorial, editor, translator
):
    from directory.models import Resource
    from home.localization import translate_from_catalogue as translate
    from tests.translations.test_resources import snippet_url

    english_home, french_home = editorial
    english_resource = Resource.objects.create(
        kind="website", title="Plain site", description="Plain words.", locale=english_home.locale
    )
    french = translate(
        english_resource,
        french_home.locale,
        {"Plain site": "Site simple", "Plain words.": "Des mots simples."},
    )
    english_resource.delete()
    # wagtail-localize forgets the translation: the French is now an original, kept as it is.
    # A translator is told so; an editor opens it in the ordinary editor, in French.
    client.force_login(translator)
    response = client.get(snippet_url("edit", french.pk), follow=True)
    assert any("this is an original" in text for text in messages_of(response))
    client.force_login(editor)
    response = client.get(snippet_url("edit", french.pk))
    assert response.status_code == 200
    assert b"js-translation-editor" not in response.content
    assert "Site simple" in response.content.decode()
    french.refresh_from_db()
    assert french.title == "Site simple" and french.locale_id == french_home.locale_id
    assert not Resource.objects.filter(pk=french.pk, live=True, title="Plain site").exists()


# Out of date, French first ---------------------------------------------------------------


def test_editing_the_french_original_flags_the_english_out_of_date_in_the_workbench(
    client, french_original, translator, editor, reviewer
):
    from wagtail_localize.models import Translation

    english_page = translate_into_english(client, translator, french_original)
    translation = Translation.objects.get(
        source__object_id=french_original.translation_key, target_locale=english()
    )
    translation.import_po(_po_all_in_english(translation))
    html = client.get(edit_url(english_page)).content.decode()
    assert "Submit the English for review" in html
    assert "The French original changed" not in html

    # The editor changes the French; the clinical reviewer approves it (it goes live).
    from tests.editorial.conftest import edit_form_data

    client.force_login(editor)
    page = Page.objects.get(pk=french_original.pk).specific
    data = edit_form_data(page, editor, summary="Douleur à l’extérieur du coude, à l’effort.")
    client.post(edit_url(page), {**data, "action-submit": "Submit"})
    client.force_login(reviewer)
    state = state_of(page)
    client.post(action_url(page, "approve", state.current_task_state), {"comment": ""})
    page.refresh_from_db()
    assert page.summary == "Douleur à l’extérieur du coude, à l’effort."

    client.force_login(translator)
    html = client.get(edit_url(english_page)).content.decode()
    assert "The French original changed since this English was made: 1 passage differs" in html
    assert "Sync with the French" in html
