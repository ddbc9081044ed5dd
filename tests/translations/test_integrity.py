"""No path through the admin puts unreviewed or other-language text live (issue 18)."""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from editorial import services

pytestmark = pytest.mark.django_db


def french_twin(page, french_home):
    return Page.objects.get(translation_key=page.translation_key, locale=french_home.locale)


@pytest.fixture
def french_condition(clinical_pages, editorial):
    """The condition page translated into French through wagtail-localize and published."""
    from home.localization import translate_from_catalogue

    _treatment, condition = clinical_pages
    _english_home, french_home = editorial
    translate_from_catalogue(
        condition.get_parent().specific,
        french_home.locale,
        {"Conditions": "Problèmes de santé", "conditions": "problemes-de-sante"},
    )
    catalogue = {
        "Low back pain": "Douleur lombaire",
        "low-back-pain": "douleur-lombaire",
        "Pain in the lower back, including sciatica.": "Douleur au bas du dos.",
        "Numbness in both legs.": "Engourdissement des deux jambes.",
    }
    source_strings = []

    class Everything(dict):
        def get(self, text, default=None):
            source_strings.append(text)
            return catalogue.get(text, f"FR {text}")

    return translate_from_catalogue(condition, french_home.locale, Everything())


def anonymous_html(page):
    response = Client().get(page.url)
    return response.status_code, response.content.decode()


def test_convert_to_alias_is_refused_for_everyone(client, french_condition, translator, editorial):
    french = Page.objects.get(pk=french_condition.pk)
    url = reverse("wagtail_localize:convert_to_alias", args=[french.pk])
    for user in (translator,):
        client.force_login(user)
        response = client.post(url, follow=True)
        assert response.status_code == 200
        french.refresh_from_db()
        assert french.alias_of_id is None and french.title == "Douleur lombaire"
    # The menu item is not offered either.
    html = client.get(reverse("wagtailadmin_pages:edit", args=[french.pk])).content.decode()
    assert "localize-convert-to-alias" not in html
    status, html = anonymous_html(french)
    assert status == 200 and "Douleur lombaire" in html


def test_cross_language_alias_answers_404_and_is_never_announced(client, clinical_pages, editorial):
    """Locale synchronisation (or any other way) makes a French alias of an English page."""
    _treatment, condition = clinical_pages
    _english_home, french_home = editorial
    parent = condition.get_parent().copy_for_translation(french_home.locale, alias=True)
    alias = condition.copy_for_translation(french_home.locale, alias=True)
    assert alias.live and parent.live
    response = Client().get(alias.url)
    assert response.status_code == 404
    html = response.content.decode()
    assert "Cette page n’est pas encore offerte en français." in html
    assert f'href="{condition.url}" hreflang="en-CA" lang="en-CA">Low back pain</a>' in html
    assert "Numbness in both legs" not in html  # the English content is not served
    sitemap = Client().get("/sitemap.xml").content.decode()
    assert alias.url not in sitemap
    english_html = Client().get(condition.url).content.decode()
    assert 'rel="alternate" hreflang="fr-CA"' not in english_html
    assert "this page is not available in that language" in english_html


def test_translate_from_an_alias_makes_a_draft_not_a_live_page(
    client, clinical_pages, editorial, translator
):
    _treatment, condition = clinical_pages
    _english_home, french_home = editorial
    condition.get_parent().copy_for_translation(french_home.locale, alias=True)
    alias = condition.copy_for_translation(french_home.locale, alias=True)
    client.force_login(translator)
    url = reverse("wagtail_localize:submit_page_translation", args=[condition.pk])
    client.post(url, {"locales": [french_home.locale.pk]})
    alias.refresh_from_db()
    assert alias.alias_of_id is None  # a translation now...
    assert not alias.live  # ...but a draft: nothing unreviewed, nothing English, is served
    assert Client().get(alias.url).status_code == 404


def _translate(translation, text):
    for segment in StringSegment.objects.filter(source=translation.source).select_related(
        "string", "context"
    ):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            defaults={"data": f"{text} {segment.string.data}"},
        )


def test_resubmission_after_changes_requested_leaves_the_live_page_as_it_was(
    client, editorial, translator, french_reviewer
):
    english_home, french_home = editorial
    live_title = french_home.title
    translation = Translation.objects.get(
        source__object_id=english_home.translation_key, target_locale=french_home.locale
    )
    submit_url = reverse("editorial:submit_translation", args=[french_home.pk])
    client.force_login(translator)
    _translate(translation, "Brouillon 1")
    client.post(submit_url)
    state = WorkflowState.objects.active().get(object_id=str(french_home.pk))
    client.force_login(french_reviewer)
    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[french_home.pk, "reject", state.current_task_state.pk],
        ),
        {"comment": "À revoir."},
    )
    client.force_login(translator)
    _translate(translation, "Brouillon 2")
    client.post(submit_url)
    page = Page.objects.get(pk=french_home.pk)
    assert page.live and page.title == live_title
    assert page.live_revision_id is not None
    status, html = anonymous_html(page)
    assert status == 200 and "Brouillon" not in html


@pytest.mark.parametrize(
    "group, may_publish",
    [
        (services.TRANSLATORS, False),
        (services.EDITORS, False),
        (services.CLINICAL_REVIEWERS, False),
        (services.FRENCH_REVIEWERS, True),
        (services.ADMINISTRATORS, True),
    ],
)
def test_translation_editor_publish_of_a_french_page(
    client, editorial, make_user, group, may_publish
):
    """Group x path (translation editor's Publish) x language (French): DB and visitor."""
    english_home, french_home = editorial
    translation = Translation.objects.get(
        source__object_id=english_home.translation_key, target_locale=french_home.locale
    )
    _translate(translation, "Non révisé")
    user = make_user(f"user-{group}", group)
    client.force_login(user)
    client.post(reverse("wagtailadmin_pages:edit", args=[french_home.pk]), {"action": "publish"})
    page = Page.objects.get(pk=french_home.pk)
    _status, html = anonymous_html(page)
    if not may_publish:
        assert "Non révisé" not in page.title and "Non révisé" not in html


def test_clinical_page_translated_from_french_is_not_published_by_the_translation_editor(
    client, clinical_pages, editorial, reviewer
):
    """An English page made from a French original goes live through clinical approval only."""
    from translations import policy

    treatment, _condition = clinical_pages
    assert policy.refusal(reviewer, treatment) is not None
    assert policy.refusal(None, treatment) is None


def test_translators_cannot_create_french_pages(editorial, translator):
    _english_home, french_home = editorial
    assert not french_home.permissions_for_user(translator).can_add_subpage()


def test_review_stamps_are_read_only_and_never_translated(clinical_pages, editor):
    from wagtail_localize.fields import get_translatable_fields

    treatment, _condition = clinical_pages
    fields = {field.field_name: field for field in get_translatable_fields(type(treatment))}
    for name in ("last_reviewed", "next_review_due", "reviewed_by"):
        assert not fields[name].is_translated(treatment)
        assert not fields[name].is_overridable(treatment)
    form_class = treatment.get_edit_handler().get_form_class()
    form = form_class(instance=treatment, for_user=editor, parent_page=treatment.get_parent())
    assert not {"last_reviewed", "reviewed_by"} & set(form.fields)


def test_setup_trims_grants_beyond_the_design(editorial):
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

    moderators, _ = Group.objects.get_or_create(name="Moderators")
    root = Page.get_first_root_node()
    GroupPagePermission.objects.get_or_create(
        group=moderators, page=root, permission=Permission.objects.get(codename="publish_page")
    )
    editors = Group.objects.get(name=services.EDITORS)
    GroupCollectionPermission.objects.get_or_create(
        group=editors,
        collection=Collection.get_first_root_node(),
        permission=Permission.objects.get(codename="delete_image"),
    )
    editors.permissions.add(Permission.objects.get(codename="submit_translation"))
    services.setup_editorial()
    services.setup_editorial()
    assert not GroupPagePermission.objects.filter(group=moderators, page=root).exists()
    assert not GroupCollectionPermission.objects.filter(
        group=editors, permission__codename="delete_image"
    ).exists()
    assert not editors.permissions.filter(codename="submit_translation").exists()
