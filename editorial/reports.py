"""The translations and clinical-review reports on Wagtail's report views: paginated (50 a page),
filtered, ordered and exported as a spreadsheet by Wagtail's own listing machinery.

Neither builds anything per object of the site: the translations report reads the stored
translation state (translations/state.py) and fetches the objects of the page shown only; the
clinical-review report reads base page rows with the review dates annotated from the clinical
page tables, never a StreamField body. Bad input gets Wagtail's answers: an unknown filter value
is ignored, an unknown ordering is the default one, a page number that is not one is the
nearest page (Django's ``Paginator.get_page``).
"""

import datetime

import django_filters
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    Case,
    CharField,
    DateField,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale, Page, WorkflowState
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail_localize.models import Translation, TranslationSource

from editorial import selectors
from translations.state import TranslationState


class DecoratedReportView(ReportView):
    """A report whose context holds the decorated rows of the page shown (ReportView decorates
    after ``get_context_data``; these reports group and count them there)."""

    def get(self, request, *args, **kwargs):
        self.object_list = self.get_filtered_queryset()
        return self.render_to_response(self.get_context_data())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["object_list"] = self.decorate_paginated_queryset(context["object_list"])
        return context

    def get_valid_orderings(self):
        return [prefix + name for name in self.orderings for prefix in ("", "-")]


# ---------------------------------------------------------------------------------------------
# Translations


def _page_types(request):
    ids = TranslationState.objects.values_list("content_type", flat=True).distinct()
    return ContentType.objects.filter(pk__in=ids).order_by("model")


class ContentTypeChoiceField(django_filters.fields.ModelChoiceField):
    def label_from_instance(self, obj):
        model = obj.model_class()
        return str(model._meta.verbose_name).capitalize() if model else obj.model


class ContentTypeFilter(django_filters.ModelChoiceFilter):
    field_class = ContentTypeChoiceField


class TranslationStateFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label=pgettext_lazy("editorial", "State"),
        choices=selectors.STATES,
        empty_label=pgettext_lazy("editorial", "All"),
    )
    kind = django_filters.ChoiceFilter(
        label=_("Page or resource"),
        field_name="is_page",
        choices=[("page", pgettext_lazy("editorial", "Pages")), ("resource", _("Resources"))],
        method="filter_kind",
        empty_label=pgettext_lazy("editorial", "All"),
    )
    content_type = ContentTypeFilter(
        label=pgettext_lazy("editorial", "Type"),
        queryset=_page_types,
        empty_label=pgettext_lazy("editorial", "All"),
    )
    target_locale = django_filters.ModelChoiceFilter(
        label=pgettext_lazy("editorial", "Language"),
        queryset=lambda request: Locale.objects.exclude(pk=Locale.get_default().pk),
        empty_label=pgettext_lazy("editorial", "All"),
    )

    class Meta:
        model = TranslationState
        fields = ["state", "kind", "content_type", "target_locale"]

    def filter_kind(self, queryset, name, value):
        return queryset.filter(is_page=value == "page")


class TranslationsReportView(DecoratedReportView):
    page_title = _("Translation status")
    header_icon = "wagtail-localize-language"
    template_name = "editorial/translations_report.html"
    results_template_name = "editorial/translations_report_results.html"
    index_url_name = "editorial:translations_report"
    index_results_url_name = "editorial:translations_report_results"
    filterset_class = TranslationStateFilterSet
    default_ordering = "title"
    orderings = ("title", "state", "changed_segments", "updated_at")
    list_export = [
        "title",
        "kind",
        "state_label",
        "strings_done",
        "strings_total",
        "changed_segments",
        "target_locale",
        "updated_at",
    ]
    export_headings = {
        "title": pgettext_lazy("editorial", "English"),
        "kind": pgettext_lazy("editorial", "Type"),
        "state_label": pgettext_lazy("editorial", "State"),
        "strings_done": _("Strings translated"),
        "strings_total": _("Strings"),
        "changed_segments": _("Segments changed"),
        "target_locale": pgettext_lazy("editorial", "Language"),
        "updated_at": _("State updated"),
    }

    def get_filename(self):
        return f"translations-report-{timezone.localdate().isoformat()}"

    def order_queryset(self, queryset):
        return queryset.order_by(self.ordering, "pk")

    def get_queryset(self):
        self.queryset = TranslationState.objects.select_related("target_locale", "content_type")
        return super().get_queryset()

    def decorate_paginated_queryset(self, object_list):
        if self.is_export:
            return object_list
        rows = rows_for_states(list(object_list))
        from translations import report

        report.annotate_for_listing(rows, self.request.user)
        return rows

    @cached_property
    def counts(self):
        from translations import state

        return state.counts()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        counts, unknown = self.counts
        chosen = self.request.GET.get("state", "")
        context.update(
            rows=context["object_list"],
            counts=counts,
            unknown=unknown,
            chosen=chosen if chosen in dict(selectors.STATES) else "",
            can_submit=self.request.user.has_perm("wagtail_localize.submit_translation"),
            orderings=self.orderings,
        )
        return context


def rows_for_states(states):
    """Report rows for one page of stored states: the objects of that page only, in a fixed
    number of queries (the pages, resources, French twins, sources and translations)."""
    from django.apps import apps

    if not states:
        return []
    keys = [st.translation_key for st in states]
    pages = {
        page.translation_key: page
        for page in Page.objects.filter(
            translation_key__in=keys, locale_id__in={st.source_locale_id for st in states}
        ).select_related("locale")
    }
    twins = {
        (page.translation_key, page.locale_id): page
        for page in Page.objects.filter(
            translation_key__in=keys,
            locale_id__in={st.target_locale_id for st in states},
            alias_of__isnull=True,
        )
    }
    try:
        resource_model = apps.get_model("directory", "Resource")
    except LookupError:
        resource_model = None
    resources, resource_twins = {}, {}
    if resource_model is not None:
        for resource in resource_model.objects.filter(translation_key__in=keys).select_related(
            "locale"
        ):
            if resource.locale_id in {st.source_locale_id for st in states}:
                resources[resource.translation_key] = resource
            resource_twins[(resource.translation_key, resource.locale_id)] = resource
    sources = {
        source.object_id: source
        for source in TranslationSource.objects.filter(object_id__in=keys)
        if source.locale_id in {st.source_locale_id for st in states}
    }
    translations = {
        (translation.source_id, translation.target_locale_id): translation
        for translation in Translation.objects.filter(source__in=sources.values(), enabled=True)
    }
    finder = AdminURLFinder()
    rows = []
    for st in states:
        english = (pages if st.is_page else resources).get(st.translation_key)
        if english is None:  # the object is gone: the next rebuild drops the row
            rows.append(
                selectors.TranslationRow(english=st.title, kind="", state=selectors.UNKNOWN)
            )
            continue
        twin = (twins if st.is_page else resource_twins).get(
            (st.translation_key, st.target_locale_id)
        )
        source = sources.get(st.translation_key)
        row = selectors.TranslationRow(
            english=english,
            kind=st.kind,
            state=st.state,
            french=twin,
            translation=translations.get((source.pk, st.target_locale_id)) if source else None,
            source=source,
            total=st.strings_total,
            done=st.strings_done,
            in_review=st.in_review,
        )
        row.changed_segments = st.changed_segments
        selectors.add_row_urls(row, finder)
        rows.append(row)
    return rows


# ---------------------------------------------------------------------------------------------
# Clinical review

DUE_STATUSES = [
    ("overdue", pgettext_lazy("clinical review filter", "Overdue")),
    ("soon", pgettext_lazy("clinical review filter", "Due soon")),
    ("undated", _("No review date set")),
]


def _clinical_types(request):
    types = ContentType.objects.get_for_models(*selectors.clinical_page_models()).values()
    return ContentType.objects.filter(pk__in=[ct.pk for ct in types]).order_by("model")


def clinical_queryset():
    """Every clinical page (no alias) as a base page row with its review fields annotated from
    its own table: one query, no StreamField loaded."""
    models = selectors.clinical_page_models()
    fields = {
        "next_review_due": DateField(),
        "last_reviewed": DateField(),
        "reviewed_by": CharField(),
    }
    annotations = {}
    for name, output in fields.items():
        subqueries = [
            Subquery(model.objects.filter(pk=OuterRef("pk")).values(name)[:1]) for model in models
        ]
        annotations[name] = (
            Coalesce(*subqueries, output_field=output) if len(subqueries) > 1 else subqueries[0]
        )
    order = {code: index for index, (code, _name) in enumerate(settings.LANGUAGES)}
    types = ContentType.objects.get_for_models(*models).values()
    return (
        Page.objects.filter(content_type__in=types, alias_of__isnull=True)
        .select_related("locale")
        .only(
            "pk",
            "title",
            "draft_title",
            "live",
            "has_unpublished_changes",
            "content_type",
            "locale",
            "path",
            "depth",
        )
        .annotate(
            **annotations,
            language_order=Case(
                *[When(locale__language_code=code, then=Value(i)) for code, i in order.items()],
                default=Value(len(order)),
                output_field=IntegerField(),
            ),
        )
    )


class ClinicalReviewFilterSet(WagtailFilterSet):
    due = django_filters.ChoiceFilter(
        label=pgettext_lazy("editorial", "Status"),
        choices=DUE_STATUSES,
        method="filter_due",
        empty_label=pgettext_lazy("editorial", "All"),
    )
    content_type = ContentTypeFilter(
        label=pgettext_lazy("editorial", "Type"),
        queryset=_clinical_types,
        empty_label=pgettext_lazy("editorial", "All"),
    )
    locale = django_filters.ModelChoiceFilter(
        label=pgettext_lazy("editorial", "Language"),
        queryset=lambda request: Locale.objects.all(),
        empty_label=pgettext_lazy("editorial", "All"),
    )

    class Meta:
        model = Page
        fields = ["due", "content_type", "locale"]

    def filter_due(self, queryset, name, value):
        today = timezone.localdate()
        if value == "overdue":
            return queryset.filter(next_review_due__lt=today)
        if value == "soon":
            return queryset.filter(next_review_due__gte=today)
        return queryset.filter(next_review_due__isnull=True)


class ClinicalReviewReportView(DecoratedReportView):
    page_title = pgettext_lazy("report", "Clinical review")
    header_icon = "doc-full-inverse"
    template_name = "editorial/clinical_review_report.html"
    results_template_name = "editorial/clinical_review_report_results.html"
    index_url_name = "editorial:clinical_review_report"
    index_results_url_name = "editorial:clinical_review_report_results"
    filterset_class = ClinicalReviewFilterSet
    orderings = ("next_review_due", "title", "last_reviewed")
    list_export = ["title", "locale", "next_review_due", "last_reviewed", "reviewed_by", "live"]
    export_headings = {
        "title": pgettext_lazy("editorial", "Page"),
        "locale": pgettext_lazy("editorial", "Language"),
        "next_review_due": pgettext_lazy("editorial", "Next review due"),
        "last_reviewed": pgettext_lazy("editorial", "Last reviewed"),
        "reviewed_by": _("Reviewed by"),
        "live": pgettext_lazy("editorial", "Live"),
    }

    def get_filename(self):
        return f"clinical-review-report-{timezone.localdate().isoformat()}"

    def order_queryset(self, queryset):
        ordering = self.ordering
        if not ordering:
            return queryset.order_by(
                "language_order", F("next_review_due").asc(nulls_first=True), "title", "pk"
            )
        name = ordering.lstrip("-")
        expression = F(name).desc(nulls_last=True) if ordering[0] == "-" else F(name).asc()
        return queryset.order_by("language_order", expression, "title", "pk")

    def get_queryset(self):
        today = timezone.localdate()
        limit = today + datetime.timedelta(days=selectors.DUE_WITHIN_DAYS)
        self.queryset = clinical_queryset().filter(
            Q(next_review_due__lte=limit) | Q(next_review_due__isnull=True)
        )
        return super().get_queryset()

    def decorate_paginated_queryset(self, object_list):
        if self.is_export:
            return object_list
        pages = list(object_list)
        today = timezone.localdate()
        ids = [page.pk for page in pages]
        editable = set(
            PagePermissionPolicy()
            .instances_user_has_any_permission_for(self.request.user, ["change"])
            .filter(pk__in=ids)
            .values_list("pk", flat=True)
        )
        in_review = set(
            WorkflowState.objects.filter(
                status=WorkflowState.STATUS_IN_PROGRESS,
                base_content_type__app_label="wagtailcore",
                base_content_type__model="page",
                object_id__in=[str(pk) for pk in ids],
            ).values_list("object_id", flat=True)
        )
        rows = []
        for page in pages:
            days = (page.next_review_due - today).days if page.next_review_due else None
            row = selectors.DuePage(
                page=page,
                overdue=days is not None and days < 0,
                days=days,
                in_review=str(page.pk) in in_review,
            )
            row.can_edit = page.pk in editable
            rows.append(row)
        return rows

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.is_export:
            return context
        rows = context["object_list"]
        locales = {locale.language_code: locale for locale in Locale.objects.all()}
        sections = []
        chosen = self.filters.form.cleaned_data.get("locale") if self._filtered() else None
        for code, name in settings.LANGUAGES:
            if code not in locales or (chosen and chosen.language_code != code):
                continue
            locale = locales[code]
            locale.report_heading = name
            sections.append(
                (locale, [row for row in rows if row.page.locale.language_code == code])
            )
        context.update(
            sections=sections,
            total=context.get("items_count", len(rows)),
            within_days=selectors.DUE_WITHIN_DAYS,
            has_clinical_models=bool(selectors.clinical_page_models()),
            orderings=self.orderings,
        )
        return context

    def _filtered(self):
        return bool(self.filters) and self.filters.is_valid()
