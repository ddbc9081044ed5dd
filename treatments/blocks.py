"""StreamField blocks for treatment and condition pages: a small, well-chosen set."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

# Body copy in sections: plain-language paragraphs, lists, a sub-heading, links. No images,
# tables or embeds, which would break the one-column reading layout on a phone.
SECTION_FEATURES = ["h3", "bold", "italic", "link", "ol", "ul"]
# Short answers and callouts: no headings.
SHORT_FEATURES = ["bold", "italic", "link", "ol", "ul"]

DOI_PATTERN = re.compile(r"^10\.\d{4,9}/\S+$")


class CalloutBlock(blocks.StructBlock):
    """A boxed note that stands out from the text, with a written label (not colour alone)."""

    kind = blocks.ChoiceBlock(
        choices=[("note", _("Note")), ("important", _("Important"))],
        default="note",
        label=_("kind"),
        help_text=_("“Important” is for safety information a reader must not miss."),
    )
    heading = blocks.CharBlock(
        required=False,
        max_length=120,
        label=_("heading"),
        help_text=_("Optional. A few words, for example “Before your visit”."),
    )
    body = blocks.RichTextBlock(
        features=SHORT_FEATURES,
        label=_("text"),
        help_text=_("One or two short paragraphs."),
    )

    class Meta:
        icon = "warning"
        label = _("Callout")
        template = "treatments/blocks/callout.html"


class QuestionBlock(blocks.StructBlock):
    """A frequently asked question and its answer."""

    question = blocks.CharBlock(
        max_length=200,
        label=_("question"),
        help_text=_("Written the way a patient would ask it, for example “Does it hurt?”."),
    )
    answer = blocks.RichTextBlock(
        features=SHORT_FEATURES,
        label=_("answer"),
        help_text=_("A short, plain answer. Say “may” rather than promise a result."),
    )

    class Meta:
        icon = "help"
        label = _("Frequently asked question")
        template = "treatments/blocks/question.html"


class PracticeContactBlock(blocks.StaticBlock):
    """The practice's phone, hours and after-hours instruction, read from Practice details when
    the page is shown: put it wherever the text tells readers to contact the practice, so they
    are never told to call without a number (and the number is never copied into the text)."""

    class Meta:
        icon = "mail"
        label = _("How to reach the practice")
        admin_text = _(
            "Shows the practice's phone number, hours and what to do when it is closed, as "
            "entered in Practice details."
        )
        template = "treatments/blocks/practice_contact.html"


class SectionBlock(blocks.StreamBlock):
    """What a section of a treatment or condition page is made of."""

    text = blocks.RichTextBlock(
        features=SECTION_FEATURES,
        label=_("Text"),
        help_text=_("Short sentences and common words; explain medical terms on first use."),
        template="treatments/blocks/text.html",
    )
    callout = CalloutBlock()
    question = QuestionBlock()
    practice_contact = PracticeContactBlock()

    class Meta:
        label = _("Section")


class ReferenceBlock(blocks.StructBlock):
    """A published source, in Vancouver style: authors, title, publication details, DOI."""

    authors = blocks.CharBlock(
        required=False,
        max_length=255,
        label=_("authors"),
        help_text=_(
            "Up to three authors, then “et al.”, for example “Rabago D, Patterson JJ, et al.”."
        ),
    )
    title = blocks.CharBlock(
        max_length=400,
        label=_("title"),
        help_text=_("The title as published. Do not translate the titles of English works."),
    )
    publication = blocks.CharBlock(
        required=False,
        max_length=255,
        label=_("publication details"),
        help_text=_(
            "Journal, year, volume and pages, for example “Ann Fam Med. 2013;11(3):229-37”."
        ),
    )
    doi = blocks.CharBlock(
        required=False,
        max_length=200,
        label=_("DOI"),
        help_text=_("For example “10.1370/afm.1504”. It becomes a link to https://doi.org/."),
    )
    url = blocks.URLBlock(
        required=False,
        label=_("web address"),
        help_text=_("Only if the source has no DOI and its address has been checked."),
    )
    language = blocks.ChoiceBlock(
        choices=[("en", _("English")), ("fr", _("French"))],
        default="en",
        label=_("language of the source"),
        help_text=_("Lets screen readers read the title in the right language."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Reference")
        template = "treatments/blocks/reference.html"

    def clean(self, value):
        errors = {}
        try:
            value = super().clean(value)
        except StructBlockValidationError as error:
            errors.update(error.block_errors)
        doi = (value.get("doi") or "").strip()
        if doi.lower().startswith(("https://doi.org/", "http://doi.org/", "doi:")):
            doi = doi.split("doi.org/", 1)[-1].removeprefix("doi:").strip()
            value["doi"] = doi
        if doi and "doi" not in errors and not DOI_PATTERN.match(doi):
            errors["doi"] = ValidationError(
                _("Enter a DOI that starts with “10.”, for example “10.1370/afm.1504”.")
            )
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


class ReferenceListBlock(blocks.StreamBlock):
    reference = ReferenceBlock()

    class Meta:
        label = _("References")


class NameBlock(blocks.StreamBlock):
    """A list of short names or phrases an editor can reorder (other names, symptoms)."""

    item = blocks.CharBlock(max_length=150, label=_("Item"))
