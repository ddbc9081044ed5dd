"""Who translated and who approved each French publication: a page (or resource) history entry.

Written when a French review is approved (``editorial.models.FrenchReviewTask``), read by the
translation editor and the translations report. A log entry, not a field: it is a fact of the
approval, shown in the history Wagtail already keeps, and no one types it.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter
from wagtail.log_actions import log as log_action
from wagtail.models import ModelLogEntry, Page, PageLogEntry

FRENCH_APPROVED = "translations.french_approved"


class FrenchApprovedFormatter(LogFormatter):
    label = _("French approved and published")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return _("French translated by %(translators)s, approved by %(reviewer)s.") % {
            "translators": data.get("translated_by") or "—",
            "reviewer": data.get("approved_by") or "—",
        }


def register(actions):
    actions.register_action(FRENCH_APPROVED)(FrenchApprovedFormatter)


def _name(user):
    from translations.workbench import display_name

    return display_name(user)


def who_translated(workflow_state):
    """The names of those who translated the strings of the version under review: the last
    translators of strings changed since the previous approval, else the person who submitted."""
    from wagtail_localize.models import StringSegment, StringTranslation

    from editorial.services import french_translation_of

    obj = workflow_state.content_object
    if isinstance(obj, Page):
        obj = obj.specific
    names = []
    translation = french_translation_of(obj)
    if translation is not None:
        segments = StringSegment.objects.filter(source=translation.source)
        strings = StringTranslation.objects.filter(
            locale=translation.target_locale,
            translation_of_id__in=segments.values("string_id"),
            context_id__in=segments.values("context_id"),
            last_translated_by__isnull=False,
        ).select_related("last_translated_by")
        since = getattr(obj, "last_published_at", None)
        if since is not None:
            strings = strings.filter(updated_at__gt=since)
        for string in strings.order_by("updated_at"):
            name = _name(string.last_translated_by)
            if name not in names:
                names.append(name)
    if not names and workflow_state.requested_by is not None:
        names.append(_name(workflow_state.requested_by))
    return names


def record_french_publication(workflow_state, approver, translators):
    obj = workflow_state.content_object
    if isinstance(obj, Page):
        obj = obj.specific
    log_action(
        instance=obj,
        action=FRENCH_APPROVED,
        user=approver,
        data={"translated_by": ", ".join(translators), "approved_by": _name(approver)},
    )


def last_publications(objects):
    """{(kind, pk): log entry data} of the last French approval of each page or resource."""
    pages = [obj.pk for obj in objects if isinstance(obj, Page)]
    others = [obj for obj in objects if not isinstance(obj, Page)]
    found = {}
    for entry in PageLogEntry.objects.filter(action=FRENCH_APPROVED, page_id__in=pages).order_by(
        "timestamp"
    ):
        found[("page", entry.page_id)] = entry
    if others:
        for entry in ModelLogEntry.objects.filter(
            action=FRENCH_APPROVED, object_id__in=[str(obj.pk) for obj in others]
        ).order_by("timestamp"):
            found[("other", int(entry.object_id))] = entry
    return found
