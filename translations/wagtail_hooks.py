"""Every admin path that writes a live row asks ``translations.policy`` first."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import Page

from translations import catalogue, history, listing_buttons, policy, slugs, strings, views

CONVERT_TO_ALIAS = "localize-convert-to-alias"


@hooks.register("register_admin_urls")
def register_urls():
    # Listed before wagtail-localize's own URLs (this app comes first in INSTALLED_APPS), so its
    # convert address serves the refusal.
    return [
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            views.convert_to_alias_refused,
            name="translations_convert_to_alias_refused",
        ),
        # wagtail-localize's editor strings, with our corrections read after its own.
        path(
            "localize/jsi18n/",
            catalogue.javascript_catalog(),
            name="translations_javascript_catalog",
        ),
        # wagtail-localize's string writers, held to the review (translations.strings).
        path(
            "localize/translate/<int:translation_id>/strings/<int:string_segment_id>/edit/",
            strings.edit_string_translation,
            name="translations_edit_string_translation",
        ),
        path(
            "localize/translate/<int:translation_id>/pofile/upload/",
            strings.upload_pofile,
            name="translations_upload_pofile",
        ),
        # wagtail-localize's "Stop synced translation": asked first, never lossy.
        path(
            "localize/translate/<int:translation_id>/disable/",
            views.stop_synchronisation,
            name="translations_stop_synchronisation",
        ),
        path(
            "translations/review/<int:translation_id>/",
            views.review,
            name="translations_review",
        ),
    ]


@hooks.register("register_log_actions")
def register_history_actions(actions):
    history.register(actions)


@hooks.register("construct_page_action_menu")
def offer_only_what_the_policy_allows(menu_items, request, context):
    page = context.get("page")
    refused = page is not None and page.pk and policy.refusal(request.user, page)
    menu_items[:] = [
        item
        for item in menu_items
        if item.name != CONVERT_TO_ALIAS and not (refused and item.name == "action-publish")
    ]


def _refuse(request, obj, url):
    reason = policy.refusal(request.user, obj)
    if reason:
        messages.error(request, reason)
        return redirect(url)
    return None


@hooks.register("before_publish_page")
def refuse_publishing_page(request, page):
    return _refuse(request, page, reverse("wagtailadmin_pages:edit", args=[page.pk]))


@hooks.register("before_publish")
def refuse_publishing_snippet(request, instance):
    url = request.get_full_path()
    return _refuse(request, instance, url)


# Before wagtail-localize's own hook, which replaces the editor for translations and publishes
# from it without asking who is publishing.
@hooks.register("before_edit_page", order=-20)
def refuse_translation_editor_publish(request, page):
    if request.method == "POST" and request.POST.get("action") == "publish":
        return _refuse(request, page, reverse("wagtailadmin_pages:edit", args=[page.pk]))
    return None


@hooks.register("before_edit_snippet", order=-20)
def refuse_translation_editor_publish_snippet(request, instance):
    if request.method == "POST" and request.POST.get("action") == "publish":
        return _refuse(request, instance, request.get_full_path())
    return None


@hooks.register("before_unpublish")
def refuse_unpublishing_snippet(request, instance):
    """Taking a resource off the site is a live change too: snippet rights are per model, so
    a French reviewer's right would reach English resources."""
    reason = policy.unpublish_refusal(request.user, instance)
    if reason:
        messages.error(request, reason)
        return redirect(request.get_full_path())
    return None


def _refuse_changing_an_original(request, obj, url):
    """Translators hold "change" in both trees to save translations either way; an original
    (English or French) is an author's to change. Refused on the server whatever the button."""
    from translations import direction

    if direction.may_change_originals(request.user):
        return None
    if direction.translation_of(obj, enabled_only=False) is not None:
        return None
    messages.error(
        request,
        _(
            "Translators change translations only: this is an original, written in its "
            "language first. Ask an editor to change it. Nothing was changed."
        ),
    )
    return redirect(url)


# Before wagtail-localize's own hook, which serves the translation editor for translations.
@hooks.register("before_edit_page", order=-30)
def refuse_translators_changing_original_pages(request, page):
    return _refuse_changing_an_original(request, page.specific, reverse("wagtailadmin_home"))


@hooks.register("before_edit_snippet", order=-30)
def refuse_translators_changing_original_snippets(request, instance):
    from wagtail.models import TranslatableMixin

    if not isinstance(instance, TranslatableMixin):
        return None
    return _refuse_changing_an_original(request, instance, reverse("wagtailadmin_home"))


def _incomplete_stream_fields(request, page_class):
    """Names of the page form's StreamFields a POST does not carry at all.

    Wagtail's StreamField widget reads ``<name>-count`` without a default, so a replayed or
    forged POST without it is a server error instead of a form error.
    """
    from wagtail.blocks.base import BlockField

    form_class = page_class.get_edit_handler().get_form_class()
    return [
        name
        for name, field in form_class.base_fields.items()
        if isinstance(field, BlockField) and f"{name}-count" not in request.POST
    ]


def _refuse_incomplete_form(request, page_class, url):
    if request.method != "POST" or not _incomplete_stream_fields(request, page_class):
        return None
    messages.error(
        request,
        _("The form sent was incomplete, so nothing was saved. Open the page and try again."),
    )
    return redirect(url)


# After wagtail-localize's own hook: when it serves the translation editor (which posts no
# page form), this one does not run.
@hooks.register("before_edit_page", order=10)
def refuse_incomplete_edit_form(request, page):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    return _refuse_incomplete_form(request, page.specific_class, url)


@hooks.register("before_create_page", order=-40)
def ascii_slug_for_a_new_page(request, parent_page, page_class):
    slugs.normalise_posted_slug(request)


@hooks.register("before_edit_page", order=-40)
def ascii_slug_for_a_changed_slug(request, page):
    slugs.normalise_posted_slug(request, current_slug=page.slug)


@hooks.register("before_create_page", order=10)
def refuse_incomplete_create_form(request, parent_page, page_class):
    return _refuse_incomplete_form(request, page_class, request.get_full_path())


@hooks.register("before_bulk_action")
def refuse_bulk_publishing(request, action_type, objects, action_class_instance):
    if action_type != "publish":
        return None
    for obj in objects:
        reason = policy.refusal(request.user, obj)
        if reason:
            messages.error(request, reason)
            return redirect(request.GET.get("next") or reverse("wagtailadmin_home"))
    return None


@hooks.register("before_serve_page")
def never_serve_another_language(page, request, serve_args, serve_kwargs):
    """An alias of a page in another language (convert to alias, locale synchronisation) would
    show that language under this address: it answers 404, whose page links to the original."""
    if page.alias_of_id:
        original = _original_of(page)
        if original is None or original.locale_id != page.locale_id:
            if original is not None and original.live:
                request.missing_page_twin = original  # the 404 page links to it
            raise Http404


def _original_of(alias, limit=10):
    """The page an alias finally shows: an alias of an alias copies the first alias's content,
    so a French alias of a French alias of an English page would show English too."""
    page = alias
    seen = set()
    while page is not None and page.alias_of_id and page.pk not in seen and len(seen) < limit:
        seen.add(page.pk)
        page = Page.objects.filter(pk=page.alias_of_id).select_related("locale").first()
    return None if page is None or page.alias_of_id else page


@hooks.register("construct_reports_menu")
def one_translations_report(request, menu_items):
    """wagtail-localize's own "Translations" report beside ours (« État des traductions »):
    two names for one concept. Ours says what is out of date and who acts; its stays reachable
    by address for administrators."""
    own = reverse("wagtail_localize:translations_report")
    menu_items[:] = [item for item in menu_items if item.url != own]


# wagtail-localize's Translate/Sync listing buttons, read once per listing instead of 4 queries
# per row (translations/listing_buttons.py).
listing_buttons.install()
