"""What the translations report adds per row: how many segments changed, and who translated and
who approved the last French publication (a few queries for the whole report)."""

from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation

from translations import history


def annotate(rows, user):
    """Add ``changed_segments``, ``last_publication``, ``english_editable`` and the English
    page's public address (``urls["english_public"]``) to the report's rows."""
    _english_links(rows, user)
    return annotate_changes(rows)


def annotate_for_listing(rows, user):
    """What one page of the report adds to rows read from the stored state (their changed
    segments are stored): the English links and the last French publication."""
    rows_with_objects = [row for row in rows if not isinstance(row.english, str)]
    _english_links(rows_with_objects, user)
    publications = history.last_publications(
        [row.french for row in rows_with_objects if row.french]
    )
    for row in rows:
        row.last_publication = None
        if row.french is not None:
            kind = "page" if isinstance(row.french, Page) else "other"
            row.last_publication = publications.get((kind, row.french.pk))
    return rows


def annotate_changes(rows):
    """``changed_segments`` and ``last_publication`` (also what translations.state stores)."""
    sources = [row.source for row in rows if row.source is not None and row.french is not None]
    by_source = {source.pk: [] for source in sources}
    for source_id, string_id, context_id, path, text in StringSegment.objects.filter(
        source_id__in=by_source
    ).values_list("source_id", "string_id", "context_id", "context__path", "string__data"):
        by_source[source_id].append((string_id, context_id, path, text))
    context_ids = [item[1] for items in by_source.values() for item in items]
    french_locale_id = next((row.french.locale_id for row in rows if row.french is not None), None)
    strings_by_context = {}
    for context_id, string_id, updated_at, has_error in StringTranslation.objects.filter(
        locale_id=french_locale_id, context_id__in=context_ids
    ).values_list("context_id", "translation_of_id", "updated_at", "has_error"):
        strings_by_context.setdefault(context_id, {})[string_id] = (updated_at, has_error)
    publications = history.last_publications([row.french for row in rows if row.french])

    from editorial.selectors import OUT_OF_DATE, string_segments_of

    for row in rows:
        row.changed_segments = 0
        row.last_publication = None
        if row.french is None or row.source is None:
            continue
        kind = "page" if isinstance(row.french, Page) else "other"
        row.last_publication = publications.get((kind, row.french.pk))
        segments = by_source.get(row.source.pk, [])
        if row.state == OUT_OF_DATE:
            stored = {(path, text) for _s, _c, path, text in segments}
            live = set(string_segments_of(row.english))
            row.changed_segments = len({path for path, _text in stored ^ live})
            continue
        since = getattr(row.french, "last_published_at", None)
        for string_id, context_id, _path, _text in segments:
            translations = strings_by_context.get(context_id, {})
            if not any(other != string_id for other in translations):
                continue  # never translated from another English: not a change
            current = translations.get(string_id)
            if current is None or current[1] or since is None or current[0] > since:
                row.changed_segments += 1
    return rows


def _english_links(rows, user):
    """The English name links to its editor only for someone who may edit it (a translator
    would meet "permission denied"); otherwise to the live English page, or to nothing."""
    from wagtail.permission_policies.pages import PagePermissionPolicy

    from editorial.wagtail_hooks import user_may_change_locale
    from translations.direction import may_change_originals

    page_ids = [row.english.pk for row in rows if isinstance(row.english, Page)]
    editable = set(
        PagePermissionPolicy()
        .instances_user_has_any_permission_for(user, ["change"])
        .filter(pk__in=page_ids)
        .values_list("pk", flat=True)
    )
    resources_editable = None
    for row in rows:
        if isinstance(row.english, Page):
            # English originals: a translator's "change" right does not reach them (direction.py).
            row.english_editable = row.english.pk in editable and may_change_originals(user)
            if not row.english_editable and row.english.live:
                row.urls["english_public"] = row.english.url
        else:
            if resources_editable is None:
                resources_editable = user.has_perm(
                    "directory.change_resource"
                ) and user_may_change_locale(user, row.english.locale)
            row.english_editable = resources_editable and may_change_originals(user)
