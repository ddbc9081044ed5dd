"""Each role can do its job, and nothing more, through the admin's own views."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page, WorkflowPage, WorkflowState

from editorial import services
from tests.editorial.conftest import edit_form_data

pytestmark = pytest.mark.django_db

DENIED = "Sorry, you do not have permission to access this area."


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def messages_of(response):
    return [str(m).strip() for m in response.context["messages"]] if response.context else []


def assert_denied(client, url, method="get", data=None):
    response = getattr(client, method)(url, data or {}, follow=True)
    assert response.redirect_chain, f"{url} was not refused"
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_home")
    assert DENIED in messages_of(response)


ORIGINAL_REFUSED = "Translators change translations only"


def assert_original_refused(client, url, method="get", data=None):
    """Translators hold "change" in both trees (to translate either way), but never change an
    original (translations.direction): refused on the server, with the reason."""
    response = getattr(client, method)(url, data or {}, follow=True)
    assert response.redirect_chain, f"{url} was not refused"
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_home")
    assert any(ORIGINAL_REFUSED in text for text in messages_of(response)), messages_of(response)


def test_setup_is_idempotent(editorial):
    counts = (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        WorkflowPage.objects.count(),
        sorted(
            Group.objects.get(name=services.TRANSLATORS).permissions.values_list(
                "codename", flat=True
            )
        ),
    )
    services.setup_editorial()
    services.setup_editorial()
    assert counts == (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        WorkflowPage.objects.count(),
        sorted(
            Group.objects.get(name=services.TRANSLATORS).permissions.values_list(
                "codename", flat=True
            )
        ),
    )


def test_editors_and_translators_may_publish_no_page(editorial):
    # Approvers publish what they approve (Wagtail checks the approving user's right).
    publishers = GroupPagePermission.objects.filter(permission__codename="publish_page")
    assert set(publishers.values_list("group__name", flat=True)) <= {
        services.ADMINISTRATORS,
        services.CLINICAL_REVIEWERS,
        services.FRENCH_REVIEWERS,
        "Moderators",  # Wagtail's own group, left as Wagtail makes it
    }
    assert not publishers.filter(group__name__in=[services.EDITORS, services.TRANSLATORS]).exists()
    # Wagtail's default rights on the tree root would span both languages.
    root = Page.get_first_root_node()
    assert not GroupPagePermission.objects.filter(
        page=root, group__name__in=[services.EDITORS, services.TRANSLATORS]
    ).exists()


def test_translator_cannot_open_or_change_english_originals(client, editorial, translator):
    english_home, _french_home = editorial
    client.force_login(translator)
    assert_original_refused(client, edit_url(english_home))
    data = edit_form_data(english_home, translator, title="Changed by a translator")
    data["action-publish"] = "Publish"
    assert_original_refused(client, edit_url(english_home), "post", data)
    data.pop("action-publish")
    assert_original_refused(client, edit_url(english_home), "post", data)
    english_home.refresh_from_db()
    assert english_home.title != "Changed by a translator"
    assert english_home.get_latest_revision().user is None
    assert_denied(
        client,
        reverse("wagtailadmin_pages:add", args=["directory", "directorypage", english_home.pk]),
    )


def test_translator_opens_french_pages_in_the_translation_editor(client, editorial, translator):
    _english_home, french_home = editorial
    client.force_login(translator)
    response = client.get(edit_url(french_home))
    assert response.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [t.name for t in response.templates]


def test_translator_sees_the_denial_in_french(client, editorial, make_user):
    """Wagtail adds this message outside the user's admin language (wagtail.admin.auth), so
    it follows the browser's language: a Québec translator's browser asks for French."""
    english_home, _french_home = editorial
    user = make_user("traductrice", services.TRANSLATORS, language="fr-ca")
    client.force_login(user)
    add_url = reverse(
        "wagtailadmin_pages:add", args=["directory", "directorypage", english_home.pk]
    )
    response = client.get(add_url, follow=True, HTTP_ACCEPT_LANGUAGE="fr-CA,fr")
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_home")
    assert any("Désolé" in message for message in messages_of(response)), messages_of(response)


def test_editor_edits_both_languages(client, editorial, editor):
    english_home, french_home = editorial
    client.force_login(editor)
    assert client.get(edit_url(english_home)).status_code == 200
    assert client.get(edit_url(french_home)).status_code == 200


def test_editor_cannot_publish_but_can_submit_for_review(client, editorial, editor):
    english_home, _french_home = editorial
    client.force_login(editor)
    page_html = client.get(edit_url(english_home)).content.decode()
    assert 'name="action-publish"' not in page_html
    assert 'name="action-submit"' in page_html

    data = edit_form_data(english_home, editor, title="Welcome, edited")
    client.post(edit_url(english_home), {**data, "action-publish": "Publish"})
    english_home.refresh_from_db()
    assert english_home.title != "Welcome, edited"  # saved as a draft at most, never live

    client.post(edit_url(english_home), {**data, "action-submit": "Submit"})
    state = WorkflowState.objects.get(object_id=str(english_home.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == services.ENGLISH_WORKFLOW
    english_home.refresh_from_db()
    assert english_home.title != "Welcome, edited"


def test_administrator_publishes(client, editorial, administrator):
    english_home, _french_home = editorial
    client.force_login(administrator)
    data = edit_form_data(english_home, administrator, title="Welcome, published")
    client.post(edit_url(english_home), {**data, "action-publish": "Publish"})
    english_home.refresh_from_db()
    assert english_home.title == "Welcome, published"


def test_editor_cannot_publish_clinical_pages(client, clinical_pages, editor):
    treatment, _condition = clinical_pages
    client.force_login(editor)
    page_html = client.get(edit_url(treatment)).content.decode()
    assert 'name="action-publish"' not in page_html
    # The workflow's name in the editor's language (stored in both languages at once).
    assert "Submit to Clinical review" in page_html
    data = edit_form_data(treatment, editor, title="Prolotherapy, unreviewed")
    client.post(edit_url(treatment), {**data, "action-publish": "Publish"})
    treatment.refresh_from_db()
    assert treatment.title == "Prolotherapy"


# Resources: snippet rights are per model; the language is checked when one is opened.


@pytest.fixture
def resources(editorial):
    from directory.models import Resource
    from home.localization import translate_from_catalogue

    english_home, french_home = editorial
    english = Resource.objects.create(
        kind="website",
        title="Prolotherapy.org",
        description="Plain information.",
        locale=english_home.locale,
    )
    french = translate_from_catalogue(
        english,
        french_home.locale,
        {"Prolotherapy.org": "Prolotherapy.org", "Plain information.": "Information simple."},
    )
    return english, french


def snippet_url(action, *args):
    return reverse(f"wagtailsnippets_directory_resource:{action}", args=args)


def test_editor_edits_resources_in_both_languages(client, resources, editor):
    english, french = resources
    client.force_login(editor)
    assert client.get(snippet_url("edit", english.pk)).status_code == 200
    assert client.get(snippet_url("add")).status_code == 200
    assert client.get(snippet_url("edit", french.pk)).status_code == 200


def test_translator_edits_translated_resources_only(client, resources, translator):
    english, french = resources
    client.force_login(translator)
    assert client.get(snippet_url("edit", french.pk)).status_code == 200
    assert_original_refused(client, snippet_url("edit", english.pk))
    assert_original_refused(client, snippet_url("edit", english.pk), "post", {"title": "Changed"})
    english.refresh_from_db()
    assert english.title == "Prolotherapy.org"
    assert_denied(client, snippet_url("add"))
    assert_denied(client, snippet_url("delete", english.pk), "post")
    assert type(english).objects.filter(pk=english.pk).exists()


def test_reviewer_has_no_resource_or_page_rights_outside_clinical_pages(
    client, editorial, reviewer
):
    english_home, french_home = editorial
    client.force_login(reviewer)
    assert_denied(client, edit_url(english_home))
    assert_denied(client, edit_url(french_home))
    assert_denied(client, snippet_url("add"))
