"""A treatment the practice offers, such as prolotherapy."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from treatments.blocks import NameBlock, SectionBlock
from treatments.models.clinical import SUMMARY_BOOST, ClinicalPage, section_search_fields


def section_field(verbose_name, help_text, *, blank=False):
    return StreamField(SectionBlock(), blank=blank, verbose_name=verbose_name, help_text=help_text)


class TreatmentPage(ClinicalPage, Page):
    """What a treatment is, who gives it, its risks, alternatives, evidence, fees."""

    other_names = StreamField(
        NameBlock(),
        blank=True,
        verbose_name=_("also known as"),
        help_text=_("Other names for this treatment, one per item, in the order to show them."),
    )
    about = section_field(
        _("what it is and how it works"),
        _("What the treatment is, what it aims to do and how, in plain words."),
    )
    history = section_field(
        _("history"), _("Optional. Where the treatment comes from."), blank=True
    )
    who_provides = section_field(
        _("who may perform it in Canada"),
        _("Which professionals may give this treatment in Canada, and their training."),
    )
    when_to_consider = section_field(
        _("when to consider it"),
        _("The situations in which a patient might ask about this treatment."),
    )
    what_to_expect = section_field(
        _("what a visit involves"),
        _("What happens before, during and after a visit, as far as the practice can say."),
    )
    risks = section_field(
        _("risks and side effects"),
        _("Common and rare side effects, and what to do if something goes wrong."),
    )
    alternatives = section_field(
        _("alternatives"), _("Other options a patient can discuss with their doctor.")
    )
    evidence = section_field(
        _("what the evidence says"),
        _(
            "What published studies found, with their limits. Say plainly where evidence is "
            "limited or missing. List the studies under References."
        ),
    )
    fees = section_field(
        _("fees and coverage"),
        _("What it costs and what insurance may cover. Never guess: say whom to ask."),
    )

    # Fixed order, so readers learn where things are (see DESIGN.md).
    SECTIONS = (
        ("about", _("What it is and how it works")),
        ("history", _("History")),
        ("who_provides", _("Who may perform it in Canada")),
        ("when_to_consider", _("When to consider it")),
        ("conditions", _("Conditions it may be used for")),
        ("what_to_expect", _("What a visit involves")),
        ("risks", _("Risks and side effects")),
        ("alternatives", _("Alternatives")),
        ("evidence", _("What the evidence says")),
        ("fees", _("Fees and coverage")),
    )
    LINKED_SECTION = "conditions"

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("other_names"),
        MultiFieldPanel(
            [
                FieldPanel("about"),
                FieldPanel("history"),
                FieldPanel("who_provides"),
                FieldPanel("when_to_consider"),
                FieldPanel("what_to_expect"),
                FieldPanel("risks"),
                FieldPanel("alternatives"),
                FieldPanel("evidence"),
                FieldPanel("fees"),
            ],
            heading=_("Sections, in the order shown on the page"),
        ),
        FieldPanel("references"),
    ]
    edit_handler = ClinicalPage.tabbed_edit_handler(content_panels)

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=SUMMARY_BOOST),
        index.SearchField("other_names", boost=SUMMARY_BOOST),
        *section_search_fields(SECTIONS, LINKED_SECTION),
    ]

    parent_page_types = ["treatments.TreatmentIndexPage"]
    subpage_types = []
    template = "treatments/treatment_page.html"

    class Meta:
        verbose_name = _("treatment page")
        verbose_name_plural = _("treatment pages")

    def get_context(self, request, *args, **kwargs):
        from treatments.selectors import conditions_for_treatment

        context = super().get_context(request, *args, **kwargs)
        context["linked_pages"] = conditions_for_treatment(self)
        context["sections"] = self.page_sections(linked=context["linked_pages"])
        return context

    @property
    def alternate_names(self):
        return [block.value for block in self.other_names]

    def structured_data(self, request=None, linked=None):
        from treatments.structured_data import medical_web_page

        return medical_web_page(self, request, about_type="MedicalTherapy")
