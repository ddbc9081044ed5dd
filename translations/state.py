"""Stored translation state: one row per translatable object (page or resource) and target
language, so that the dashboard and the translations report read a table instead of
re-extracting every object's segments on each request (issue 22).

The state itself is still computed by ``editorial.selectors.translation_rows``, the from-scratch
computation; this module stores its result per object and refreshes it when an event changes it
(publish, sync, translation save, PO import, workflow transitions: see ``translations.signals``).
``manage.py rebuild_translation_state`` rebuilds the whole table, e.g. after a restore.

The row is direction-agnostic: it records its source language, so a report over French written
first and translated into English reads the same table.
"""

import logging
import threading

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.models import Locale, Page

logger = logging.getLogger(__name__)

# The states of editorial.selectors, plus one for an object whose row is not stored yet.
UNKNOWN = "unknown"


def state_choices():
    from editorial.selectors import STATES

    return list(STATES)


class TranslationState(models.Model):
    translation_key = models.UUIDField()
    target_locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+")
    source_locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+")
    # The source object: its specific type (the report's "page type" filter) and primary key.
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=255)
    is_page = models.BooleanField(default=True)
    title = models.CharField(_("title"), max_length=255, blank=True)
    state = models.CharField(
        pgettext_lazy("translation state", "state"), max_length=32, choices=state_choices
    )
    in_review = models.BooleanField(default=False)
    strings_total = models.PositiveIntegerField(default=0)
    strings_done = models.PositiveIntegerField(default=0)
    changed_segments = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("translation state")
        verbose_name_plural = _("translation states")
        constraints = [
            models.UniqueConstraint(
                fields=["translation_key", "target_locale"], name="unique_translation_state"
            )
        ]
        # The dashboard's one query: counts per state for a language.
        indexes = [
            models.Index(fields=["target_locale", "state"], name="translation_state_by_state")
        ]

    def __str__(self):
        return f"{self.title} → {self.target_locale_id}: {self.state}"

    @property
    def kind(self):
        model = self.content_type.model_class()
        return model._meta.verbose_name if model else self.content_type.model

    @property
    def state_label(self):
        return dict(state_choices()).get(self.state, self.state)

    @property
    def percent(self):
        return 100 if not self.strings_total else int(self.strings_done * 100 / self.strings_total)


# ---------------------------------------------------------------------------------------------
# Computing and storing


def _locales():
    from editorial.services import FRENCH

    source = Locale.get_default()
    target = Locale.objects.filter(language_code=FRENCH).first()
    return source, target


def computed_rows(keys=None):
    """The from-scratch computation: report rows with their changed-segment counts."""
    from editorial.selectors import translation_rows
    from translations.report import annotate_changes

    source, target = _locales()
    if target is None:
        return source, target, []
    rows = translation_rows(keys=keys, source_locale=source, target_locale=target)
    annotate_changes(rows)
    return source, target, rows


def _values(row, source):
    obj = row.english
    is_page = isinstance(obj, Page)
    return {
        "source_locale": source,
        "content_type": ContentType.objects.get_for_model(
            obj.specific_class if is_page else type(obj)
        ),
        "object_id": str(obj.pk),
        "is_page": is_page,
        "title": str(obj)[:255],
        "state": row.state,
        "in_review": row.in_review,
        "strings_total": row.total,
        "strings_done": row.done,
        "changed_segments": getattr(row, "changed_segments", 0),
    }


def refresh(keys):
    """Recompute and store the state of the objects with these translation keys (any language:
    a key that is no longer an object of the source language loses its row)."""
    keys = {str(key) for key in keys if key}
    if not keys:
        return 0
    source, target, rows = computed_rows(keys=keys)
    if target is None:
        return 0
    with transaction.atomic():
        seen = set()
        for row in rows:
            key = str(row.english.translation_key)
            seen.add(key)
            TranslationState.objects.update_or_create(
                translation_key=key, target_locale=target, defaults=_values(row, source)
            )
        TranslationState.objects.filter(
            translation_key__in=keys - seen, target_locale=target
        ).delete()
    return len(rows)


def rebuild():
    """The whole table from scratch (one computation for every object)."""
    source, target, rows = computed_rows()
    with transaction.atomic():
        TranslationState.objects.all().delete()
        if target is not None:
            TranslationState.objects.bulk_create(
                TranslationState(
                    translation_key=row.english.translation_key,
                    target_locale=target,
                    **_values(row, source),
                )
                for row in rows
            )
    return len(rows)


def request_refresh(*keys):
    """Refresh these objects' state in the background worker (at once where there is none, as in
    tests and `TASKS_BACKEND=immediate`). A failure is logged, never raised into the save that
    caused it: the command rebuilds the table."""
    from translations.tasks import refresh_translation_state

    keys = sorted({str(key) for key in keys if key})
    if not keys or _suspended():
        _pending().update(keys)
        return
    try:
        refresh_translation_state.enqueue(keys)
    except Exception:  # noqa: BLE001 - a state refresh must never fail the save behind it
        logger.exception("Could not refresh the translation state of %s", keys)


# A PO import saves one string at a time: the state is refreshed once, at the end.
_local = threading.local()


def _suspended():
    return getattr(_local, "depth", 0) > 0


def _pending():
    if not hasattr(_local, "pending"):
        _local.pending = set()
    return _local.pending


class batched:
    """``with batched(): ...``: the events inside refresh the state once, on leaving."""

    def __enter__(self):
        _local.depth = getattr(_local, "depth", 0) + 1
        return self

    def __exit__(self, *exc):
        _local.depth -= 1
        if not _local.depth:
            keys, _local.pending = _pending(), set()
            request_refresh(*keys)
        return False


# ---------------------------------------------------------------------------------------------
# Reading


def counts():
    """[(state, label, number)] for the dashboard, plus how many objects have no stored row yet
    ("unknown, rebuild pending"): three count queries whatever the size of the site."""
    source, target = _locales()
    if target is None:
        return [], 0
    stored = dict(
        TranslationState.objects.filter(target_locale=target)
        .values_list("state")
        .annotate(number=Count("pk"))
        .values_list("state", "number")
    )
    expected = Page.objects.filter(locale=source, depth__gt=1).count()
    from editorial.selectors import _resource_model

    resource_model = _resource_model()
    if resource_model is not None:
        expected += resource_model.objects.filter(locale=source).count()
    unknown = max(0, expected - sum(stored.values()))
    return [(code, label, stored.get(code, 0)) for code, label in state_choices()], unknown
