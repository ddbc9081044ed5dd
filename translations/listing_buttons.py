"""wagtail-localize's "Translate" and "Sync" listing buttons without 4 queries per row.

Its hooks (``page_listing_more_buttons``, ``register_snippet_listing_buttons``) ask, for each
row, which locales the object is translated into and whether it is the source of an enabled
translation. Here the same answers are read once per listing: for a page, for all the children
of its parent (the explorer lists siblings); for a snippet, for every object of its model. The
buttons, labels, URLs and permission check are wagtail-localize's. (The fix upstream would be
for those hooks to receive the listing's objects, or for Wagtail's listing to offer a prefetch
hook for button providers.)

The answers live for one request (cleared when a request starts).
"""

import threading
from urllib.parse import urlencode

from django.contrib.admin.utils import quote
from django.core.signals import request_started
from django.db.models import F
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.widgets import ListingButton
from wagtail.admin.widgets.button import Button as SnippetListingButton
from wagtail.models import Locale, Page, TranslatableMixin, WorkflowState
from wagtail_localize.models import Translation, TranslationSource

_local = threading.local()


def _memo():
    if not hasattr(_local, "memo"):
        _local.memo = {}
    return _local.memo


def clear(**kwargs):
    _local.memo = {}


request_started.connect(clear, dispatch_uid="translations.listing_buttons.clear")


def _locale_ids():
    memo = _memo()
    if "locales" not in memo:
        memo["locales"] = set(Locale.objects.values_list("pk", flat=True))
    return memo["locales"]


def locale_id_of(language_code):
    """A locale's id, read once per request (listing hooks compare ``obj.locale_id`` with it
    rather than loading each row's locale)."""
    memo = _memo()
    key = ("locale", language_code)
    if key not in memo:
        memo[key] = (
            Locale.objects.filter(language_code=language_code).values_list("pk", flat=True).first()
        )
    return memo[key]


def memoized(key, compute):
    """``compute()``, once per request for ``key`` (for other listing hooks' per-row facts)."""
    memo = _memo()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def _facts(model, keys_queryset, memo_key, exclude_aliases):
    """{translation key: translated locale ids}, {(key, locale id): source id} and the
    {(key, locale id)} an enabled translation produces, for a set of objects, in three queries."""
    memo = _memo()
    if memo_key not in memo:
        translated = {}
        objects = model.objects.filter(translation_key__in=keys_queryset)
        if exclude_aliases:
            objects = objects.filter(alias_of__isnull=True)
        for key, locale_id in objects.values_list("translation_key", "locale_id"):
            translated.setdefault(key, set()).add(locale_id)
        sources = {
            (key, locale_id): pk
            for pk, key, locale_id in TranslationSource.objects.filter(
                object_id__in=keys_queryset, translations__enabled=True
            )
            .values_list("pk", "object_id", "locale_id")
            .distinct()
        }
        produced = set(
            Translation.objects.filter(source__object_id__in=keys_queryset, enabled=True)
            .exclude(source__locale_id=F("target_locale_id"))
            .values_list("source__object_id", "target_locale_id")
        )
        memo[memo_key] = (translated, sources, produced)
    return memo[memo_key]


def is_translation(obj):
    """Whether an enabled translation (either direction) produces this page or snippet: what
    ``editorial.services.french_translation_of`` answers, read once per listing."""
    facts = page_facts(obj) if isinstance(obj, Page) else snippet_facts(obj)
    return (obj.translation_key, obj.locale_id) in facts[2]


def workflow_in_progress(obj):
    """``obj.workflow_in_progress``, with the in-progress workflows of its kind read once per
    listing (Wagtail prefetches them for some listings only)."""
    if hasattr(obj, "_current_workflow_states"):
        return obj.workflow_in_progress
    content_type = obj.get_base_content_type()
    in_progress = memoized(
        ("workflows in progress", content_type.pk),
        lambda: set(
            WorkflowState.objects.filter(
                base_content_type=content_type, status=WorkflowState.STATUS_IN_PROGRESS
            ).values_list("object_id", flat=True)
        ),
    )
    return str(obj.pk) in in_progress


def page_facts(page):
    parent_path = page.path[: -Page.steplen] if page.depth > 1 else ""
    siblings = Page.objects.filter(path__startswith=parent_path, depth=page.depth).values(
        "translation_key"
    )
    return _facts(Page, siblings, ("pages", parent_path), exclude_aliases=True)


def snippet_facts(snippet):
    model = type(snippet)
    keys = model.objects.values("translation_key")
    return _facts(model, keys, ("snippets", model._meta.label), exclude_aliases=False)


def page_listing_more_buttons(page, user, view_name=None, next_url=None):
    if page.is_root() or not user.has_perm("wagtail_localize.submit_translation"):
        return
    translated, sources, _produced = page_facts(page)
    if _locale_ids() - translated.get(page.translation_key, set()):
        yield ListingButton(
            _("Translate this page"),
            reverse("wagtail_localize:submit_page_translation", args=[page.alias_of_id or page.id]),
            priority=60,
            icon_name="wagtail-localize-language",
        )
    source_id = sources.get((page.translation_key, page.locale_id))
    if source_id is not None:
        url = reverse("wagtail_localize:update_translations", args=[source_id])
        if next_url is not None:
            url += "?" + urlencode({"next": next_url})
        yield ListingButton(_("Sync translated pages"), url, priority=60, icon_name="resubmit")


def snippet_listing_buttons(snippet, user, next_url=None):
    model = type(snippet)
    if not issubclass(model, TranslatableMixin) or not user.has_perm(
        "wagtail_localize.submit_translation"
    ):
        return
    translated, sources, _produced = snippet_facts(snippet)
    if _locale_ids() - translated.get(snippet.translation_key, set()):
        yield SnippetListingButton(
            _("Translate"),
            reverse(
                "wagtail_localize:submit_snippet_translation",
                args=[model._meta.app_label, model._meta.model_name, quote(snippet.pk)],
            ),
            attrs={"aria-label": _("Translate '%(title)s'") % {"title": str(snippet)}},
            icon_name="wagtail-localize-language",
            priority=100,
        )
    source_id = sources.get((snippet.translation_key, snippet.locale_id))
    if source_id is not None:
        url = reverse("wagtail_localize:update_translations", args=[source_id])
        if next_url is not None:
            url += "?" + urlencode({"next": next_url})
        yield SnippetListingButton(
            _("Sync translated snippets"),
            url,
            attrs={"aria-label": _("Sync translations of '%(title)s'") % {"title": str(snippet)}},
            icon_name="resubmit",
            priority=106,
        )


def install():
    """Put these in the place of wagtail-localize's listing hooks (its page header buttons,
    one page at a time, stay as they are)."""
    from wagtail_localize import wagtail_hooks as localize_hooks

    replacements = {
        "register_page_listing_more_buttons": (
            localize_hooks.page_listing_more_buttons,
            page_listing_more_buttons,
        ),
        "register_snippet_listing_buttons": (
            localize_hooks.register_snippet_listing_buttons,
            snippet_listing_buttons,
        ),
    }
    for hook_name, (theirs, ours) in replacements.items():
        registered = hooks._hooks.get(hook_name, [])
        for index, (fn, order) in enumerate(registered):
            if fn is theirs:
                registered[index] = (ours, order)
