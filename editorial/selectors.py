"""Read queries behind the editorial reports and dashboard panels.

Both reports run a fixed number of queries whatever the number of pages: one per page type for
the specific pages, one each for the French twins, sources, translations, progress and stored
segments (see tests/editorial/test_reports.py for the measured counts).
"""

import datetime
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Q, Sum, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import pgettext_lazy
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Locale, Page, WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from editorial.services import CLINICAL_PAGE_MODELS, FRENCH

DUE_WITHIN_DAYS = 30

# ---------------------------------------------------------------------------------------------
# Clinical review


def clinical_page_models():
    models = []
    for label in CLINICAL_PAGE_MODELS:
        try:
            models.append(apps.get_model(label))
        except LookupError:
            continue
    return models


@dataclass
class DuePage:
    page: Page
    overdue: bool
    days: int | None  # days until due (negative: days overdue; None: no date set)
    in_review: bool = False

    @property
    def days_overdue(self):
        return -self.days if self.days is not None else None


def due_filter(limit):
    """Due by ``limit``, or never given a review date (a clinical page must have one)."""
    return Q(next_review_due__lte=limit) | Q(next_review_due__isnull=True)


def clinical_pages_due(today=None, within_days=DUE_WITHIN_DAYS):
    """Clinical pages whose next review is past or within ``within_days``, by language.

    Returns [(locale, [DuePage, ...]), ...] in the order of settings.LANGUAGES, soonest first.
    """
    today = today or timezone.localdate()
    limit = today + datetime.timedelta(days=within_days)
    pages = []
    for model in clinical_page_models():
        pages.extend(
            model.objects.filter(due_filter(limit), alias_of__isnull=True)
            .select_related("locale")
            .order_by("next_review_due", "title")
        )
    in_review = set(
        WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS)
        .filter(
            base_content_type__app_label="wagtailcore",
            base_content_type__model="page",
            object_id__in=[str(page.pk) for page in pages],
        )
        .values_list("object_id", flat=True)
    )
    by_locale = {}
    for page in pages:
        days = (page.next_review_due - today).days if page.next_review_due else None
        by_locale.setdefault(page.locale.language_code, []).append(
            DuePage(
                page=page,
                overdue=days is not None and days < 0,
                days=days,
                in_review=str(page.pk) in in_review,
            )
        )
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    result = []
    for code, name in settings.LANGUAGES:
        rows = sorted(
            by_locale.get(code, []),
            key=lambda row: (row.page.next_review_due or datetime.date.min, row.page.title),
        )
        if code in locales:
            locales[code].report_heading = name  # "English"/"French" in the admin language
            result.append((locales[code], rows))
    return result


def clinical_pages_due_count(today=None):
    today = today or timezone.localdate()
    limit = today + datetime.timedelta(days=DUE_WITHIN_DAYS)
    return sum(
        model.objects.filter(due_filter(limit), alias_of__isnull=True).count()
        for model in clinical_page_models()
    )


# ---------------------------------------------------------------------------------------------
# Translations

MISSING = "missing"
# No French yet because the English is still with the clinical reviewers: translators wait for
# the reviewed text rather than translate one that may change.
AWAITING_CLINICAL_REVIEW = "awaiting_clinical_review"
IN_PROGRESS = "in_progress"
OUT_OF_DATE = "out_of_date"
PUBLISHED = "published"

STATES = [
    (MISSING, pgettext_lazy("French twin state", "Missing")),
    (AWAITING_CLINICAL_REVIEW, pgettext_lazy("French twin state", "Awaiting clinical review")),
    (IN_PROGRESS, pgettext_lazy("French twin state", "In progress")),
    (OUT_OF_DATE, pgettext_lazy("French twin state", "Out of date")),
    (PUBLISHED, pgettext_lazy("French twin state", "Published")),
]


# A stored row whose object cannot be found (translations/state.py).
UNKNOWN = "unknown"
UNKNOWN_LABEL = pgettext_lazy("French twin state", "Unknown, rebuild pending")


@dataclass
class TranslationRow:
    english: object
    kind: str
    state: str
    french: object = None
    translation: Translation = None
    source: TranslationSource = None
    total: int = 0
    done: int = 0
    in_review: bool = False
    urls: dict = field(default_factory=dict)

    @property
    def percent(self):
        return 100 if not self.total else int(self.done * 100 / self.total)

    @property
    def can_submit_for_review(self):
        """A finished French draft (page or resource) that no reviewer has yet."""
        return (
            self.french is not None
            and self.translation is not None
            and self.state == IN_PROGRESS
            and self.total == self.done
            and not self.in_review
        )

    @property
    def state_label(self):
        return dict(STATES).get(self.state, UNKNOWN_LABEL)


def string_segments_of(instance):
    """(context path, text) of the instance's translatable strings, in extraction order."""
    return [
        (segment.path, segment.string.data)
        for segment in extract_segments(instance)
        if isinstance(segment, StringSegmentValue)
    ]


def french_is_current(page, source):
    """Whether the live French page (or resource) carries its translation as last synced:
    published, with no draft waiting, and published after the source was last refreshed from the
    English (a sync with strings translated since then still has to be submitted, reviewed and
    published)."""
    if not page.live or page.has_unpublished_changes:
        return False
    if source is None or page.last_published_at is None:
        return True
    return page.last_published_at >= source.last_updated_at


def _stored_segments(source_ids):
    stored = {source_id: [] for source_id in source_ids}
    rows = (
        StringSegment.objects.filter(source_id__in=source_ids)
        .order_by("source_id", "order")
        .values_list("source_id", "context__path", "string__data")
    )
    for source_id, path, text in rows:
        stored[source_id].append((path, text))
    return stored


def _progress(source_ids, locale):
    """{source id: (total strings, translated strings)} in one query, as get_progress counts."""
    translated = Exists(
        StringTranslation.objects.filter(
            translation_of_id=OuterRef("string_id"),
            context_id=OuterRef("context_id"),
            locale_id=locale.pk,
            has_error=False,
        )
    )
    rows = (
        StringSegment.objects.filter(source_id__in=source_ids)
        .values("source_id")
        .annotate(
            total=Count("pk"),
            done=Sum(
                Case(When(translated, then=Value(1)), default=Value(0), output_field=IntegerField())
            ),
        )
    )
    return {row["source_id"]: (row["total"], row["done"] or 0) for row in rows}


def _resource_model():
    try:
        return apps.get_model("directory", "Resource")
    except LookupError:
        return None


def _in_clinical_review(page_ids):
    """Ids (as strings) of those pages whose workflow is at a clinical review task."""
    from editorial.models import ClinicalReviewTask

    return set(
        WorkflowState.objects.filter(
            status=WorkflowState.STATUS_IN_PROGRESS,
            base_content_type__model="page",
            object_id__in=page_ids,
            current_task_state__task__in=ClinicalReviewTask.objects.values("pk"),
        ).values_list("object_id", flat=True)
    )


def translation_rows(only_state=None, keys=None, source_locale=None, target_locale=None):
    """One row per English page (but the root) and per English resource: its French twin's state.

    ``keys`` limits the rows to those translation keys (the stored state refreshes one object at
    a time, see translations/state.py); ``source_locale`` and ``target_locale`` default to
    English and French.

    States: missing (no French, or only an alias); awaiting clinical review (no French, and the
    English page is in the clinical reviewers' hands); in progress (some strings untranslated, or
    translated strings not yet published on the French page); out of date (the live English
    text differs from the strings the translation was made from, i.e. the English changed
    since the last sync); published.
    """
    english = source_locale or Locale.get_default()
    french = target_locale or Locale.objects.filter(language_code=FRENCH).first()
    if french is None:
        return []

    pages = Page.objects.filter(locale=english, depth__gt=1)
    resource_model = _resource_model()
    resources = resource_model.objects.filter(locale=english) if resource_model else None
    if keys is not None:
        pages = pages.filter(translation_key__in=keys)
        resources = resources.filter(translation_key__in=keys) if resources is not None else None
    objects = list(pages.order_by("path").specific(defer=False))
    if resources is not None:
        objects.extend(resources.order_by("title"))

    keys = [obj.translation_key for obj in objects]
    french_pages = {
        page.translation_key: page
        for page in Page.objects.filter(locale=french, translation_key__in=keys)
    }
    french_resources = {}
    if resource_model is not None:
        french_resources = {
            res.translation_key: res
            for res in resource_model.objects.filter(locale=french, translation_key__in=keys)
        }
    sources = {
        source.object_id: source
        for source in TranslationSource.objects.filter(locale=english, object_id__in=keys)
    }
    translations = {
        translation.source_id: translation
        for translation in Translation.objects.filter(
            source__in=sources.values(), target_locale=french, enabled=True
        )
    }
    source_ids = [source.pk for source in sources.values()]
    progress = _progress(source_ids, french)
    stored = _stored_segments(source_ids)
    french_page_ids = [str(page.pk) for page in french_pages.values()]
    french_resource_ids = [str(res.pk) for res in french_resources.values()]
    in_review = set(
        WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS)
        .filter(
            Q(base_content_type__model="page", object_id__in=french_page_ids)
            | Q(
                base_content_type__app_label="directory",
                base_content_type__model="resource",
                object_id__in=french_resource_ids,
            )
        )
        .values_list("base_content_type__model", "object_id")
    )

    in_clinical_review = _in_clinical_review(
        [str(obj.pk) for obj in objects if isinstance(obj, Page)]
    )

    finder = AdminURLFinder()
    rows = []
    for obj in objects:
        is_page = isinstance(obj, Page)
        twin = (french_pages if is_page else french_resources).get(obj.translation_key)
        if twin is not None and is_page and twin.alias_of_id:
            twin = None  # an alias shows the English: not a translation
        source = sources.get(obj.translation_key)
        translation = translations.get(source.pk) if source else None
        total, done = progress.get(source.pk, (0, 0)) if source else (0, 0)

        if twin is None:
            state = (
                AWAITING_CLINICAL_REVIEW
                if is_page and str(obj.pk) in in_clinical_review
                else MISSING
            )
        elif translation is not None and stored.get(source.pk) != string_segments_of(obj):
            state = OUT_OF_DATE
        elif done < total or not french_is_current(twin, source):
            state = IN_PROGRESS
        else:
            state = PUBLISHED

        row = TranslationRow(
            english=obj,
            kind=obj.specific_class._meta.verbose_name if is_page else obj._meta.verbose_name,
            state=state,
            french=twin,
            translation=translation,
            source=source,
            total=total,
            done=done,
            in_review=bool(
                twin is not None and ("page" if is_page else "resource", str(twin.pk)) in in_review
            ),
        )
        add_row_urls(row, finder)
        rows.append(row)

    if only_state:
        rows = [row for row in rows if row.state == only_state]
    return rows


def add_row_urls(row, finder):
    """The row's links: the editors, "Translate" for a missing twin, "Sync" when out of date."""
    obj, twin, is_page = row.english, row.french, isinstance(row.english, Page)
    row.urls["english"] = finder.get_edit_url(obj)
    if row.state == AWAITING_CLINICAL_REVIEW:
        pass  # nothing to translate until the clinical review is done
    elif twin is None:
        row.urls["translate"] = (
            reverse("wagtail_localize:submit_page_translation", args=[obj.pk])
            if is_page
            else reverse(
                "wagtail_localize:submit_snippet_translation",
                args=[obj._meta.app_label, obj._meta.model_name, obj.pk],
            )
        )
    else:
        row.urls["french"] = finder.get_edit_url(twin)
        row.urls["submit"] = reverse(
            "editorial:submit_translation" if is_page else "editorial:submit_resource_translation",
            args=[twin.pk],
        )
    if row.state == OUT_OF_DATE and row.source is not None:
        row.urls["sync"] = reverse("wagtail_localize:update_translations", args=[row.source.pk])


def translation_counts(rows=None):
    rows = translation_rows() if rows is None else rows
    counts = {code: 0 for code, _label in STATES}
    for row in rows:
        counts[row.state] += 1
    return [(code, label, counts[code]) for code, label in STATES]
