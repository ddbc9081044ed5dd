"""Read queries for the practice's facts, pages and requests."""

import datetime
from itertools import groupby

from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language, gettext

from practice.blocks import SCHEMA_DAYS, WEEKDAYS
from practice.formatting import time_range
from practice.models import ContactPage, PracticeDetails, PrivacyStatementPage
from practice.models.details import SHARED_FIELDS
from practice.models.pages import AccessibilityStatementPage


def practice_details(language_code=None):
    """The practice's details in ``language_code`` (default: the active language), or None.

    Words come from that language's record (the English one until a French one exists); what is
    shared (address, numbers, hours) always comes from the English record, which editors keep.
    One query.
    """
    language_code = (language_code or get_language() or settings.LANGUAGE_CODE).lower()
    records = {
        record.locale.language_code: record
        for record in PracticeDetails.objects.select_related("locale").filter(
            locale__language_code__in={language_code, settings.LANGUAGE_CODE}
        )
    }
    source = records.get(settings.LANGUAGE_CODE)
    details = records.get(language_code) or source
    if details is None:
        return None
    if source is not None and details is not source:
        for name in SHARED_FIELDS:
            setattr(details, name, getattr(source, name))
    return details


def weekly_hours(details):
    """[{"days", "hours"}] for each weekday in order; consecutive days with the same hours on one
    row ("Monday to Friday"); closed days say so."""
    by_day = {}
    for block in details.opening_hours:
        by_day.setdefault(int(block.value["weekday"]), []).append(block.value)
    rows = []
    for day, name in WEEKDAYS:
        spans = sorted(by_day.get(day, []), key=lambda span: span["opens"])
        rows.append({"day": day, "name": name, "spans": spans})
    return rows


def hours_summary(details):
    """Short lines for the footer: [("Monday to Friday", "9:00 a.m. to 5:00 p.m."), ...];
    closed days are left out."""
    rows = [row for row in weekly_hours(details) if row["spans"]]
    summary = []
    for hours, group in groupby(
        rows, key=lambda row: tuple((s["opens"], s["closes"]) for s in row["spans"])
    ):
        group = list(group)
        consecutive = all(b["day"] - a["day"] == 1 for a, b in zip(group, group[1:], strict=False))
        if len(group) > 1 and consecutive:
            # Translators: a run of weekdays, "Monday to Friday" / "du lundi au vendredi".
            days = gettext("%(first)s to %(last)s") % {
                "first": group[0]["name"],
                "last": group[-1]["name"],
            }
        else:
            days = ", ".join(str(row["name"]) for row in group)
        summary.append((days, ", ".join(time_range(opens, closes) for opens, closes in hours)))
    return summary


def upcoming_closures(details, today=None):
    today = today or timezone.localdate()
    closures = [
        block.value
        for block in details.closures
        if (block.value["last_day"] or block.value["first_day"]) >= today
    ]
    return sorted(closures, key=lambda closure: closure["first_day"])


def opening_hours_specification(details):
    """schema.org openingHoursSpecification entries, one per opening span."""
    return [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": SCHEMA_DAYS[int(block.value["weekday"])],
            "opens": block.value["opens"].strftime("%H:%M"),
            "closes": block.value["closes"].strftime("%H:%M"),
        }
        for block in details.opening_hours
    ]


def footer_pages(language_code=None):
    """{"contact", "privacy", "accessibility"}: the live pages in the language (or None each)."""
    from wagtail.models import Page

    language_code = (language_code or get_language() or settings.LANGUAGE_CODE).lower()
    models = {
        "contact": ContactPage,
        "privacy": PrivacyStatementPage,
        "accessibility": AccessibilityStatementPage,
    }
    pages = (
        Page.objects.live()
        .public()
        .filter(
            locale__language_code=language_code,
            alias_of__isnull=True,
            content_type__model__in=[model._meta.model_name for model in models.values()],
            content_type__app_label="practice",
        )
        .select_related("content_type")
    )
    found = {page.content_type.model: page for page in pages}
    return {key: found.get(model._meta.model_name) for key, model in models.items()}


def purge_cutoff(now=None):
    return (now or timezone.now()) - datetime.timedelta(days=settings.REQUEST_RETENTION_DAYS)
