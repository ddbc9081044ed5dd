"""Resources are reviewed like pages: nothing goes live outside its language's review (issue 18).

Each path is tried as each group would, through the admin's own views; each test asserts the
database and what an anonymous visitor of the directory page receives.
"""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.models import WorkflowState

from directory.models import Resource
from editorial import services
from home.localization import translate_from_catalogue

pytestmark = pytest.mark.django_db

ENGLISH_TITLE = "Prolotherapy.org"
FRENCH_TITLE = "Prolothérapie, le site"
ADDRESS = "https://prolotherapy.example/"
NEW_ADDRESS = "https://changed.example/"


def snippet_url(action, *args):
    return reverse(f"wagtailsnippets_directory_resource:{action}", args=args)


@pytest.fixture
def directory_pages(editorial):
    from directory.services import ensure_directory_page, load_seed

    english_home, french_home = editorial
    english = ensure_directory_page(english_home, french_home, load_seed()["page"])
    return english, english.get_translation(french_home.locale)


@pytest.fixture
def pair(editorial, directory_pages):
    """A live English resource and its live French translation, as the setup makes them."""
    english_home, french_home = editorial
    english = Resource(
        kind="website",
        title=ENGLISH_TITLE,
        description="Plain information.",
        url=ADDRESS,
        locale=english_home.locale,
    )
    english.save()
    english.save_revision().publish()
    french = translate_from_catalogue(
        english,
        french_home.locale,
        {ENGLISH_TITLE: FRENCH_TITLE, "Plain information.": "De l’information simple."},
    )
    english.refresh_from_db()
    french.refresh_from_db()
    assert english.live and french.live and french.live_revision_id
    return english, french


def visitor_sees(page):
    response = Client().get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def form_data(resource, **overrides):
    data = {
        "kind": resource.kind,
        "language": resource.language,
        "title": resource.title,
        "authors": resource.authors,
        "description": resource.description,
        "url": resource.url,
        "page": "",
        "document": "",
        "publisher": "",
        "issue": "",
        "year": "",
        "pages": "",
        "region": "",
        "note": "",
        "sort_order": str(resource.sort_order),
        "is_shown": "on",
    }
    data.update(overrides)
    return data


def new_form_data(**overrides):
    resource = Resource(kind="website", title="A new resource", url="https://new.example/")
    return form_data(resource, **overrides)


def open_state(resource):
    return WorkflowState.objects.for_instance(resource).filter(
        status=WorkflowState.STATUS_IN_PROGRESS
    )


# ---------------------------------------------------------------------------------------------
# The model, the migration, the directory


def test_each_language_goes_to_its_own_review(pair):
    english, french = pair
    assert english.get_workflow().name == services.ENGLISH_WORKFLOW
    assert french.get_workflow().name == services.FRENCH_WORKFLOW


def test_the_migration_keeps_existing_resources_live_and_unchanged(pair, directory_pages):
    import importlib

    from django.apps import apps

    migration = importlib.import_module("directory.migrations.0005_resource_first_revisions")
    english, french = pair
    # Resources as they were before the migration: no draft state, no revision.
    Resource.objects.update(
        live_revision=None, latest_revision=None, last_published_at=None, first_published_at=None
    )
    migration.give_each_resource_its_live_revision(apps, None)
    for before in (english, french):
        after = Resource.objects.get(pk=before.pk)
        assert after.live and not after.has_unpublished_changes
        assert after.live_revision_id and after.live_revision_id == after.latest_revision_id
        assert after.get_latest_revision_as_object().title == before.title
        assert after.get_latest_revision_as_object().url == before.url
        with translation.override("en"):
            assert after.status_string == "live"
    migration.give_each_resource_its_live_revision(apps, None)  # idempotent
    assert english.revisions.count() == 1 + 1  # the fixture's own, the migration's
    assert f">{ENGLISH_TITLE}<" in visitor_sees(directory_pages[0])
    assert f">{FRENCH_TITLE}<" in visitor_sees(directory_pages[1])


def test_the_directory_lists_live_resources_only_in_their_published_version(
    pair, directory_pages, locales_pair
):
    english, _french = pair
    english_locale, _ = locales_pair
    never_published = Resource(
        kind="website", title="Not reviewed yet", locale=english_locale, live=False
    )
    never_published.save()
    never_published.save_revision()
    draft = english.get_latest_revision_as_object()
    draft.title = "Draft title"
    draft.save_revision()
    html = visitor_sees(directory_pages[0])
    assert f">{ENGLISH_TITLE}<" in html
    assert "Draft title" not in html and "Not reviewed yet" not in html


@pytest.fixture
def locales_pair(editorial):
    english_home, french_home = editorial
    return english_home.locale, french_home.locale


# ---------------------------------------------------------------------------------------------
# Group x path x language


GROUPS = [
    services.EDITORS,
    services.TRANSLATORS,
    services.CLINICAL_REVIEWERS,
    services.FRENCH_REVIEWERS,
    services.ADMINISTRATORS,
]


@pytest.mark.parametrize("group", GROUPS)
@pytest.mark.parametrize("language", ["en-ca", "fr-ca"])
def test_creating_a_resource_with_publish(client, make_user, directory_pages, group, language):
    """Only an administrator creates a live resource; an editor's new French resource (or
    English one) is a draft; the others may not create resources at all."""
    client.force_login(make_user(f"user-{group}", group))
    response = client.post(
        snippet_url("add") + f"?locale={language}",
        {**new_form_data(), "action-publish": "action-publish"},
    )
    assert response.status_code in (200, 302)
    created = Resource.objects.filter(title="A new resource").first()
    page = directory_pages[0] if language == "en-ca" else directory_pages[1]
    if group == services.ADMINISTRATORS:
        assert created.live
        assert ">A new resource<" in visitor_sees(page)
        return
    if group == services.EDITORS:
        assert created is not None and not created.live
    else:
        assert created is None
    assert "A new resource" not in visitor_sees(page)


@pytest.mark.parametrize(
    "group, language, may_publish",
    [
        (services.EDITORS, "en", False),
        (services.FRENCH_REVIEWERS, "en", False),
        (services.ADMINISTRATORS, "en", True),
        (services.EDITORS, "fr", False),
        (services.TRANSLATORS, "fr", False),
        (services.FRENCH_REVIEWERS, "fr", True),
        (services.ADMINISTRATORS, "fr", True),
    ],
)
def test_publishing_from_the_snippet_editor(
    client,
    make_user,
    pair,
    directory_pages,
    group,
    language,
    may_publish,
    django_capture_on_commit_callbacks,
):
    """The snippet editor's Publish (French resources open in the translation editor, whose
    Publish posts ``action=publish``)."""
    english, french = pair
    resource = english if language == "en" else french
    client.force_login(make_user(f"user-{group}", group))
    if language == "en":
        data = {**form_data(resource, title="Changed title"), "action-publish": "action-publish"}
        client.post(snippet_url("edit", resource.pk), data)
    else:
        # wagtail-localize publishes once the transaction commits.
        with django_capture_on_commit_callbacks(execute=True):
            client.post(snippet_url("edit", resource.pk), {"action": "publish"})
    resource.refresh_from_db()
    page = directory_pages[0] if language == "en" else directory_pages[1]
    if may_publish:
        assert resource.live and resource.live_revision_id == resource.latest_revision_id
        if language == "en":
            assert resource.title == "Changed title"
        return
    assert resource.title in (ENGLISH_TITLE, FRENCH_TITLE)
    assert f">{resource.title}<" in visitor_sees(page)
    assert "Changed title" not in visitor_sees(page)


@pytest.mark.parametrize("group", [services.TRANSLATORS, services.ADMINISTRATORS])
def test_translate_on_an_english_resource_makes_a_french_draft(
    client, make_user, editorial, directory_pages, group
):
    english_home, french_home = editorial
    english = Resource(kind="website", title="Only in English", locale=english_home.locale)
    english.save()
    english.save_revision().publish()
    client.force_login(make_user(f"user-{group}", group))
    url = reverse(
        "wagtail_localize:submit_snippet_translation", args=["directory", "resource", english.pk]
    )
    client.post(url, {"locales": [french_home.locale.pk]})
    french = english.get_translation_or_none(french_home.locale)
    assert french is not None and not french.live
    html = visitor_sees(directory_pages[1])
    # Shown as the English original, labelled as such, never as a French resource.
    assert "Only in English" in html
    assert "Pas encore traduite\u00a0: affichée en anglais" in html


# ---------------------------------------------------------------------------------------------
# Shared fields


def test_an_english_address_change_reaches_the_french_as_a_draft_for_french_review(
    client, make_user, pair, directory_pages
):
    english, french = pair
    editor = make_user("ed", services.EDITORS)
    administrator = make_user("adm", services.ADMINISTRATORS)
    french_reviewer = make_user("fr", services.FRENCH_REVIEWERS)

    # The editor's change is a draft submitted for review: nothing changes anywhere.
    client.force_login(editor)
    data = form_data(english, url=NEW_ADDRESS)
    client.post(snippet_url("edit", english.pk), {**data, "action-submit": "action-submit"})
    english.refresh_from_db()
    french.refresh_from_db()
    assert english.url == ADDRESS and french.url == ADDRESS
    state = open_state(english).get()
    assert state.workflow.name == services.ENGLISH_WORKFLOW

    # The administration approves the English: it is live; the French gets a draft for review.
    client.force_login(administrator)
    client.post(
        snippet_url("workflow_action", english.pk, "approve", state.current_task_state.pk),
        {"comment": ""},
    )
    english.refresh_from_db()
    french.refresh_from_db()
    assert english.url == NEW_ADDRESS
    assert french.url == ADDRESS and french.live  # the live French is as it was
    assert french.get_latest_revision_as_object().url == NEW_ADDRESS
    assert french.get_latest_revision_as_object().title == FRENCH_TITLE
    french_state = open_state(french).get()
    assert french_state.workflow.name == services.FRENCH_WORKFLOW
    assert ADDRESS in visitor_sees(directory_pages[1])
    assert NEW_ADDRESS not in visitor_sees(directory_pages[1])

    # The French reviewer approves: now the French directory has the new address.
    client.force_login(french_reviewer)
    client.post(
        snippet_url("workflow_action", french.pk, "approve", french_state.current_task_state.pk),
        {"comment": ""},
    )
    french.refresh_from_db()
    assert french.url == NEW_ADDRESS and french.title == FRENCH_TITLE
    assert NEW_ADDRESS in visitor_sees(directory_pages[1])


def test_a_french_reviewer_cannot_approve_english_nor_an_editor_french(
    client, make_user, pair, directory_pages
):
    english, french = pair
    editor = make_user("ed", services.EDITORS)
    client.force_login(make_user("adm", services.ADMINISTRATORS))
    data = form_data(english, url=NEW_ADDRESS)
    client.post(snippet_url("edit", english.pk), {**data, "action-publish": "action-publish"})
    french_state = open_state(french).get()
    client.force_login(editor)
    response = client.post(
        snippet_url("workflow_action", french.pk, "approve", french_state.current_task_state.pk),
        {"comment": ""},
    )
    assert response.status_code in (302, 403)
    french.refresh_from_db()
    assert french.url == ADDRESS
    assert NEW_ADDRESS not in visitor_sees(directory_pages[1])


# ---------------------------------------------------------------------------------------------
# A translator's French resource goes to the French reviewers


def _translate_strings(resource, text):
    from wagtail_localize.models import StringSegment, StringTranslation

    translation = services.french_translation_of(resource)
    for segment in StringSegment.objects.filter(source=translation.source).select_related(
        "string", "context"
    ):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            defaults={"data": f"{text} {segment.string.data}"},
        )


def test_translator_submits_a_french_resource_which_the_french_reviewer_approves(
    client, make_user, pair, directory_pages
):
    _english, french = pair
    translator = make_user("tr", services.TRANSLATORS)
    french_reviewer = make_user("fr", services.FRENCH_REVIEWERS)
    submit_url = reverse("editorial:submit_resource_translation", args=[french.pk])
    client.force_login(translator)
    listing = client.get(snippet_url("list") + "?locale=fr-ca").content.decode()
    assert submit_url in listing

    _translate_strings(french, "Brouillon 1")
    client.post(submit_url)
    state = open_state(french).get()
    assert state.workflow.name == services.FRENCH_WORKFLOW
    french.refresh_from_db()
    assert french.title == FRENCH_TITLE and french.live  # waits for review
    assert "Brouillon" not in visitor_sees(directory_pages[1])

    # Sent back, corrected, resubmitted: the live French is still what was approved.
    client.force_login(french_reviewer)
    client.post(
        snippet_url("workflow_action", french.pk, "reject", state.current_task_state.pk),
        {"comment": "À revoir."},
    )
    client.force_login(translator)
    _translate_strings(french, "Brouillon 2")
    client.post(submit_url)
    french.refresh_from_db()
    assert french.title == FRENCH_TITLE and french.live and french.live_revision_id
    assert "Brouillon" not in visitor_sees(directory_pages[1])

    client.force_login(french_reviewer)
    state = open_state(french).get()
    client.post(
        snippet_url("workflow_action", french.pk, "approve", state.current_task_state.pk),
        {"comment": ""},
    )
    french.refresh_from_db()
    assert french.title.startswith("Brouillon 2")
    assert ">Brouillon 2" in visitor_sees(directory_pages[1])


def test_clinical_reviewers_submit_no_resource(client, make_user, pair):
    english, french = pair
    client.force_login(make_user("user-clinical", services.CLINICAL_REVIEWERS))
    for resource in (english, french):
        url = reverse("editorial:submit_resource_translation", args=[resource.pk])
        response = client.post(url)
        assert response.status_code in (302, 403, 404)
        assert not open_state(resource).exists()


def test_an_editors_french_submission_goes_to_the_french_review(client, make_user, pair):
    """Editors change resources in both languages (the README's rights table): their French goes
    to the French reviewers, never live by itself."""
    _english, french = pair
    live_revision = french.live_revision_id
    client.force_login(make_user("user-editor", services.EDITORS))
    response = client.post(reverse("editorial:submit_resource_translation", args=[french.pk]))
    assert response.status_code == 302
    state = open_state(french).get()
    assert state.workflow.name == services.FRENCH_WORKFLOW
    french.refresh_from_db()
    assert french.live_revision_id == live_revision


@pytest.mark.parametrize(
    "group, language, may_unpublish",
    [
        (services.FRENCH_REVIEWERS, "en", False),
        (services.FRENCH_REVIEWERS, "fr", True),
        (services.EDITORS, "en", False),
        (services.ADMINISTRATORS, "en", True),
    ],
)
def test_unpublishing_a_resource(
    client, make_user, pair, directory_pages, group, language, may_unpublish
):
    english, french = pair
    resource = english if language == "en" else french
    client.force_login(make_user(f"user-{group}", group))
    client.post(snippet_url("unpublish", resource.pk))
    resource.refresh_from_db()
    assert resource.live is not may_unpublish
    page = directory_pages[0] if language == "en" else directory_pages[1]
    assert (f">{resource.title}<" in visitor_sees(page)) is not may_unpublish


def test_the_translation_report_shows_a_french_resource_waiting_for_review(client, make_user, pair):
    english, french = pair
    client.force_login(make_user("adm", services.ADMINISTRATORS, language="en-ca"))
    client.post(
        snippet_url("edit", english.pk),
        {**form_data(english, url=NEW_ADDRESS), "action-publish": "action-publish"},
    )
    assert open_state(french).exists()
    response = client.get(reverse("editorial:translations_report"), {"state": "in_progress"})
    assert response.status_code == 200
    rows = [row for row in response.context["rows"] if row.english.pk == english.pk]
    assert len(rows) == 1 and rows[0].in_review and not rows[0].can_submit_for_review
    assert "Waiting for review" in response.content.decode()
