"""Read queries for the directory page: one query for the resources, one for page links."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Locale, Page

from directory.models import KIND_GROUPS, Kind, Resource, ResourceLanguage
from home.selectors import in_own_language


@dataclass
class Entry:
    """One resource as a reader of ``locale`` sees it."""

    resource: Resource
    # The resource has no translation into the page's language yet: its text is shown in the
    # language of this locale (and the page says so).
    fallback_locale: Locale | None = None
    href: str = ""
    is_external: bool = False
    # The title is the original (untranslated) name of a work in another language.
    title_lang: str = ""
    # "In English only" / "In French only", when the resource itself is not in the page's language.
    language_badge: str = ""
    # The lang attribute of the whole entry, when its text is not in the page's language.
    text_lang: str = ""
    fallback_label: str = ""
    # "Orthopaedic Division Review, November/December 2006, pp. 24–27"
    publication: str = ""
    # Interface words the entry needs, in the page's language (the component has no i18n of
    # its own so that these strings live in this app's catalogue).
    external_label: str = ""
    document_label: str = ""


@dataclass
class Group:
    slug: str
    heading: str
    entries: list = field(default_factory=list)
    # One note for the whole group on finding what has no link, instead of a placeholder on
    # each entry (which made the directory look unfinished).
    note: str = ""

    @property
    def count(self):
        return len(self.entries)


def _language_of(locale):
    return locale.language_code.split("-")[0]


def _bcp47(language_code):
    language, _sep, region = language_code.partition("-")
    return f"{language}-{region.upper()}" if region else language


def _pick(rows, locale, default_locale_id):
    """The translation to show in ``locale``, whether it is a fallback, and all by locale."""
    by_locale = {row.locale_id: row for row in rows}
    if locale.pk in by_locale:
        return by_locale[locale.pk], False, by_locale
    chosen = by_locale.get(default_locale_id) or rows[0]
    return chosen, True, by_locale


def _language_badge(resource, page_language):
    if resource.language == ResourceLanguage.BOTH or resource.language == page_language:
        return ""
    if resource.language == ResourceLanguage.ENGLISH:
        return _("In English only")
    return _("In French only")


def publication_line(resource):
    """Journal or publisher, issue (or year) and pages, as one line."""
    parts = [resource.publisher, resource.issue or (str(resource.year) if resource.year else "")]
    if resource.pages:
        parts.append(_("pp. %(pages)s") % {"pages": resource.pages})
    return ", ".join(part for part in parts if part)


def visible_entries(locale, request=None):
    """Every live, shown resource in ``locale``'s words, grouped later; a fixed number of queries.

    Only live rows: a resource never published (a new one, or a translation waiting for review)
    is not shown, and a live one shows its published version (its row), never a draft.

    A resource not yet translated into ``locale`` is shown in its source language, marked as such
    (never silently). Hiding the original hides the resource everywhere; hiding a translation
    hides it in that language only.
    """
    rows = list(
        Resource.objects.filter(live=True)
        .select_related("document", "locale", "page")
        .order_by("kind", "sort_order", "title", "pk")
    )
    default_locale_id = Locale.get_default().pk
    by_key = {}
    for row in rows:
        by_key.setdefault(row.translation_key, []).append(row)

    page_language = _language_of(locale)
    entries = []
    for translations in by_key.values():
        resource, is_fallback, by_locale = _pick(translations, locale, default_locale_id)
        original = by_locale.get(default_locale_id, resource)
        if not (resource.is_shown and original.is_shown):
            # Hiding the original hides every language; a translation can be hidden alone.
            continue
        entry = Entry(resource=resource)
        if is_fallback:
            entry.fallback_locale = resource.locale
            entry.text_lang = entry.title_lang = _bcp47(resource.locale.language_code)
            if _language_of(resource.locale) == "en":
                entry.fallback_label = _("Not translated yet: shown in English")
            else:
                entry.fallback_label = _("Not translated yet: shown in French")
        entry.publication = publication_line(resource)
        entry.language_badge = _language_badge(resource, page_language)
        if entry.language_badge and not is_fallback:
            # A title kept as the original name of the work is in the resource's language.
            others = [row for row in by_locale.values() if row.pk != resource.pk]
            if any(other.title == resource.title for other in others):
                entry.title_lang = resource.language
        if resource.url:
            entry.href, entry.is_external = resource.url, True
            entry.external_label = _("External site")
        if resource.document_id:
            entry.document_label = _("Read the document (%(extension)s)") % {
                "extension": resource.document.file_extension.upper()
            }
        entries.append(entry)

    _link_pages(entries, locale, request)
    entries.sort(key=lambda e: (e.resource.kind, e.resource.sort_order, e.resource.title.lower()))
    return entries


def _link_pages(entries, locale, request):
    """Resolve page links to the page in the reader's language, in one query for all of them."""
    linked = [entry for entry in entries if entry.resource.page_id and not entry.resource.url]
    if not linked:
        return
    keys = {entry.resource.page.translation_key for entry in linked}
    localized = {
        page.translation_key: page
        for page in in_own_language(
            Page.objects.filter(translation_key__in=keys, locale=locale).live().public()
        )
    }
    for entry in linked:
        page = localized.get(entry.resource.page.translation_key)
        if page is None and entry.resource.page.live:
            page = entry.resource.page
        if page is not None:
            entry.href = page.get_url(request) or ""


# What to do about the entries of a group that have no link. The practice never invents an
# address or a title (the source lists some sites and books by their author only).
GROUP_NOTES = {
    Kind.WEBSITE: gettext_lazy(
        "Sites listed without a link: the practice has not checked their address yet. To find "
        "one, search for the name shown."
    ),
    Kind.BOOK: gettext_lazy(
        "Books listed by their author only: the practice’s list does not give their titles. A "
        "library or bookshop can find them by the author’s name."
    ),
}


def directory_listing(locale, kind_param, request=None):
    """What the directory page shows: groups with counts, filter links, the chosen kind, notices.

    ``kind_param`` is the raw ``?kind=`` value. An unknown value (or a hostile one) shows
    every resource and a notice; it is never echoed back.
    """
    entries = visible_entries(locale, request)
    known = {slug: kind for kind, slug, _heading in KIND_GROUPS}
    kind_param = (kind_param or "").strip()
    selected = kind_param if kind_param in known else ""
    unknown_kind = bool(kind_param) and not selected

    groups = []
    for kind, slug, heading in KIND_GROUPS:
        group = Group(slug=slug, heading=str(heading))
        group.entries = [entry for entry in entries if entry.resource.kind == kind]
        if kind in GROUP_NOTES and any(not entry.href for entry in group.entries):
            group.note = str(GROUP_NOTES[kind])
        groups.append(group)

    filters = [{"slug": "", "label": _("All"), "count": len(entries), "current": not selected}]
    filters += [
        {"slug": g.slug, "label": g.heading, "count": g.count, "current": g.slug == selected}
        for g in groups
        if g.count or g.slug == selected
    ]
    shown_groups = [g for g in groups if g.count and (not selected or g.slug == selected)]
    selected_group = next((g for g in groups if g.slug == selected), None)
    return {
        "groups": shown_groups,
        "filters": filters,
        "selected": selected_group,
        "unknown_kind": unknown_kind,
        "total": len(entries),
        "shown_total": sum(g.count for g in shown_groups),
        "has_fallbacks": any(entry.fallback_locale for entry in entries),
    }
