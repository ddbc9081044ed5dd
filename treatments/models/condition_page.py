"""A condition the practice treats, such as low back pain, and the treatments that address it."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from treatments.blocks import SHORT_FEATURES, NameBlock
from treatments.models.clinical import SUMMARY_BOOST, ClinicalPage, section_search_fields
from treatments.models.treatment_page import section_field


class ConditionPage(ClinicalPage, Page):
    """What a condition is, when to get urgent help, how treatment may help, the evidence."""

    symptoms = StreamField(
        NameBlock(),
        blank=True,
        verbose_name=_("common symptoms"),
        help_text=_("Short phrases a patient would recognise, one per item, most common first."),
    )
    about = section_field(
        _("what it is"), _("What the condition is and what usually causes it, in plain words.")
    )
    causes = section_field(
        _("causes"),
        _("Optional. What usually causes it and what makes it more likely."),
        blank=True,
    )
    diagnosis = section_field(
        _("how it is diagnosed"),
        _("Optional. What a doctor asks and checks, and when tests or imaging are needed."),
        blank=True,
    )
    self_care = section_field(
        _("things you can do yourself"),
        _("Optional. Self-care and what usually helps first, before any treatment."),
        blank=True,
    )
    see_a_doctor = section_field(
        _("see a doctor if"),
        _(
            "Optional. When to see a family doctor, not urgently (pain that lasts or keeps "
            "returning). Urgent warning signs go under “when to get help urgently”."
        ),
        blank=True,
    )
    urgent_care = RichTextField(
        _("when to get help urgently"),
        features=SHORT_FEATURES,
        help_text=_(
            "The warning signs that need urgent care for this condition. Shown in a boxed "
            "“Urgent” note together with the advice to call 911 in an emergency and 811 for "
            "health advice."
        ),
    )
    how_long = section_field(
        _("how long it usually lasts"),
        _("Optional. How the problem usually goes, with or without treatment."),
        blank=True,
    )
    treatment_may_help = section_field(
        _("how treatment may help"),
        _(
            "How the practice's treatments may help, and the other options. Say “may”: "
            "promise no result."
        ),
    )
    course = section_field(
        _("what a course of treatment involves"),
        _(
            "Optional. How many visits, how far apart and how soon a change may be noticed, "
            "as far as the practice can say, or a link to a page that says so."
        ),
        blank=True,
    )
    evidence = section_field(
        _("what the evidence says"),
        _(
            "What published studies found for this condition, with their limits. Say plainly "
            "where evidence is limited or missing. List the studies under References."
        ),
    )

    # Fixed order, after the NHS health A-Z: what it is and why, self-care first, a doctor
    # when it does not settle, urgent help, its course, then treatment and its evidence.
    SECTIONS = (
        ("about", _("What it is")),
        ("causes", _("Causes")),
        ("diagnosis", _("How it is diagnosed")),
        ("self_care", _("Things you can do yourself")),
        ("see_a_doctor", _("See a doctor if")),
        ("urgent_care", _("When to get help urgently")),
        ("how_long", _("How long it usually lasts")),
        ("treatment_may_help", _("How treatment may help")),
        ("treatments", _("Treatments offered for this condition")),
        ("course", _("What a course of treatment involves")),
        ("evidence", _("What the evidence says")),
    )
    LINKED_SECTION = "treatments"

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=SUMMARY_BOOST),
        index.SearchField("symptoms", boost=SUMMARY_BOOST),
        *section_search_fields(SECTIONS, LINKED_SECTION),
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("symptoms"),
        MultiFieldPanel(
            [
                FieldPanel("about"),
                FieldPanel("causes"),
                FieldPanel("diagnosis"),
                FieldPanel("self_care"),
                FieldPanel("see_a_doctor"),
                FieldPanel("urgent_care"),
                FieldPanel("how_long"),
                FieldPanel("treatment_may_help"),
                FieldPanel("course"),
                FieldPanel("evidence"),
            ],
            heading=_("Sections, in the order shown on the page"),
        ),
        InlinePanel(
            "treatment_links",
            label=_("Treatments for this condition"),
            help_text=_("Each treatment page lists the conditions that link to it."),
        ),
        FieldPanel("references"),
    ]
    edit_handler = ClinicalPage.tabbed_edit_handler(content_panels)

    parent_page_types = ["treatments.ConditionIndexPage"]
    subpage_types = []
    template = "treatments/condition_page.html"

    class Meta:
        verbose_name = _("condition page")
        verbose_name_plural = _("condition pages")

    def get_context(self, request, *args, **kwargs):
        from treatments.selectors import treatments_for_condition

        context = super().get_context(request, *args, **kwargs)
        context["linked_pages"] = treatments_for_condition(self)
        context["sections"] = self.page_sections(linked=context["linked_pages"])
        return context

    @property
    def symptom_list(self):
        return [block.value for block in self.symptoms]

    def structured_data(self, request=None, linked=None):
        """``linked``: the treatment pages the template lists (to save asking again)."""
        from treatments.selectors import treatments_for_condition
        from treatments.structured_data import condition_details, medical_web_page

        if linked is None:
            linked = treatments_for_condition(self)
        details = condition_details(self, linked, request)
        return medical_web_page(self, request, about_type="MedicalCondition", about_extra=details)


class ConditionTreatment(Orderable):
    """A link from a condition to a treatment page that addresses it.

    Shown in the reader's language: the linked page is localized when the page is rendered.
    """

    condition = ParentalKey(ConditionPage, on_delete=models.CASCADE, related_name="treatment_links")
    treatment = models.ForeignKey(
        "treatments.TreatmentPage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("treatment"),
        help_text=_("A treatment page. Readers see it in their own language when it exists."),
    )

    panels = [PageChooserPanel("treatment")]

    class Meta(Orderable.Meta):
        verbose_name = _("treatment for this condition")
        verbose_name_plural = _("treatments for this condition")
