"""What treatment and condition pages share: a summary and clinical review records."""

from django.core.exceptions import ValidationError
from django.core.validators import BaseValidator
from django.db import models
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import BaseTranslatableField, SynchronizedField

from treatments.blocks import ReferenceListBlock

SUMMARY_MAX_LENGTH = 300
# Search ranks a match in the summary (and other names, symptoms) above one in the body; the
# title keeps Wagtail's boost of 2.
SUMMARY_BOOST = 1.5
# Only administrators manage groups (editorial.services.setup_editorial): the same people may
# correct a review record by hand.
REVIEW_RECORD_PERMISSION = "auth.change_group"


def section_search_fields(sections, linked_section):
    """The page's sections as indexed body text (the linked section is other pages' titles)."""
    return [index.SearchField(name) for name, _heading in sections if name != linked_section]


@deconstructible
class SummaryLengthValidator(BaseValidator):
    """A summary over its limit gets one message that says what to do, not a bare count.

    The field has no HTML maxlength, so text pasted over the limit is kept for the editor to
    shorten rather than cut off silently.
    """

    message = ngettext_lazy(
        "Keep the summary to one or two sentences: at most %(limit_value)d character "
        "(it has %(show_value)d).",
        "Keep the summary to one or two sentences: at most %(limit_value)d characters "
        "(it has %(show_value)d).",
        "limit_value",
    )
    code = "summary_too_long"

    def compare(self, a, b):
        return a > b

    def clean(self, x):
        return len(x)


class KeptInItsLanguage(BaseTranslatableField):
    """A field of one language's page only: neither a string to translate (no segment) nor
    copied from the original when the translation is updated (wagtail-localize's default for a
    date would be to synchronise it, which would wipe the French review with the English's
    empty value on every sync)."""

    def __repr__(self):
        return f"<KeptInItsLanguage {self.field_name}>"


class ClinicalPage(models.Model):
    """A page with medical information: summary, references and its clinical review record."""

    seed_key = models.SlugField(
        max_length=80,
        blank=True,
        default="",
        editable=False,
        help_text="Identifies a page created by the setup step, so it is never created twice.",
    )
    summary = models.TextField(
        _("summary"),
        validators=[SummaryLengthValidator(SUMMARY_MAX_LENGTH)],
        help_text=_(
            "One or two plain sentences, at most 300 characters. Shown under the title, in "
            "lists of pages and in search results."
        ),
    )
    references = StreamField(
        ReferenceListBlock(),
        blank=True,
        verbose_name=_("references"),
        help_text=_(
            "Published sources for what the page says, numbered in this order at the end of the "
            "page. Only sources someone has checked."
        ),
    )
    last_reviewed = models.DateField(
        _("last reviewed"),
        null=True,
        blank=True,
        help_text=_(
            "The date a physician last checked this page. Leave empty until it has been reviewed."
        ),
    )
    next_review_due = models.DateField(
        _("next review due"),
        null=True,
        blank=True,
        help_text=_("When the page must next be checked by a physician."),
    )
    reviewed_by = models.CharField(
        _("reviewed by"),
        max_length=150,
        blank=True,
        help_text=_(
            "Name and designation of the physician who reviewed the page, for example "
            "“Dr. Jane Smith, MD”. Never fill this in for someone who has not reviewed it."
        ),
    )

    # The French page's own record: set by the French reviewers' approval
    # (editorial.FrenchReviewTask), empty on English pages and until the French is reviewed.
    french_last_reviewed = models.DateField(
        _("French reviewed on"),
        null=True,
        blank=True,
        help_text=_("The date a French reviewer approved this French text."),
    )
    french_reviewed_by = models.CharField(
        _("French reviewed by"),
        max_length=150,
        blank=True,
        help_text=_("Name of the French reviewer who approved this French text."),
    )

    # The review record is a fact set by the clinical approval (editorial.ClinicalReviewTask):
    # the same in every language, never a string to translate or override in the translation
    # editor, and editable only by administrators: Wagtail leaves a panel's field out of the
    # form (so it cannot be posted) for users without the panel's permission. The next review
    # date is a plan, not a record: editors may set it.
    override_translatable_fields = [
        *(
            SynchronizedField(name, overridable=False)
            for name in ("last_reviewed", "next_review_due", "reviewed_by")
        ),
        KeptInItsLanguage("french_last_reviewed"),
        KeptInItsLanguage("french_reviewed_by"),
    ]

    review_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("last_reviewed", permission=REVIEW_RECORD_PERMISSION),
                        FieldPanel("next_review_due"),
                    ]
                ),
                FieldPanel("reviewed_by", permission=REVIEW_RECORD_PERMISSION),
            ],
            heading=_("Clinical review"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("french_last_reviewed", permission=REVIEW_RECORD_PERMISSION),
                        FieldPanel("french_reviewed_by", permission=REVIEW_RECORD_PERMISSION),
                    ]
                )
            ],
            heading=_("French review"),
            permission=REVIEW_RECORD_PERMISSION,
        ),
    ]

    class Meta:
        abstract = True

    @classmethod
    def tabbed_edit_handler(cls, content_panels):
        """Content, clinical review, promote and settings tabs, the same on every clinical page."""
        return TabbedInterface(
            [
                ObjectList(content_panels, heading=_("Content")),
                ObjectList(cls.review_panels, heading=_("Clinical review")),
                ObjectList(Page.promote_panels, heading=_("Promote")),
                ObjectList(Page.settings_panels, heading=_("Settings")),
            ]
        )

    def clean(self):
        super().clean()
        errors = {}
        if (
            self.last_reviewed
            and self.next_review_due
            and self.next_review_due < self.last_reviewed
        ):
            errors["next_review_due"] = ValidationError(
                _("The next review must come after the last review (%(date)s)."),
                code="review_before_last",
                params={"date": date_format(self.last_reviewed)},
            )
        if self.reviewed_by and not self.last_reviewed:
            errors["last_reviewed"] = ValidationError(
                _("Give the date of the review, or leave “reviewed by” empty."),
                code="reviewer_without_date",
            )
        if self.last_reviewed and self.last_reviewed > timezone.localdate():
            errors["last_reviewed"] = ValidationError(
                _("The last review cannot be in the future."), code="review_in_future"
            )
        if errors:
            raise ValidationError(errors)

    # (field name, heading) in the order shown; subclasses set these.
    SECTIONS = ()
    LINKED_SECTION = None

    def page_sections(self, linked=()):
        """The sections this page shows, in order, for the template and "On this page".

        Each is {"id", "heading", "kind"} plus "value": kind "stream" (a section field),
        "urgent" (the urgent-care callout, always shown), "linked" (links to related pages)
        or "references".
        """
        sections = []
        for name, heading in self.SECTIONS:
            section = {"id": name.replace("_", "-"), "heading": heading}
            if name == self.LINKED_SECTION:
                if linked:
                    sections.append({**section, "kind": "linked", "value": linked})
            elif name == "urgent_care":
                sections.append({**section, "kind": "urgent", "value": getattr(self, name)})
            elif getattr(self, name):
                sections.append({**section, "kind": "stream", "value": getattr(self, name)})
        if self.references:
            sections.append(
                {
                    "id": "references",
                    "heading": _("References"),
                    "kind": "references",
                    "value": self.references,
                }
            )
        return sections

    @property
    def alternate_names(self):
        return []

    @property
    def review_is_due(self):
        """A page never reviewed is due now; a reviewed one on its next review date."""
        if not self.last_reviewed:
            return True
        return bool(self.next_review_due and self.next_review_due <= timezone.localdate())
