"""The pages that list treatments and conditions."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from home.models import BODY_FEATURES


class ListingPage(Page):
    """An introduction and a card for each live child page, in the editors' order."""

    intro = RichTextField(
        _("introduction"),
        features=BODY_FEATURES,
        blank=True,
        help_text=_("One or two short paragraphs above the list of pages."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        from treatments.selectors import listed_children

        context = super().get_context(request, *args, **kwargs)
        context["children"] = listed_children(self)
        return context


class TreatmentIndexPage(ListingPage):
    subpage_types = ["treatments.TreatmentPage"]
    template = "treatments/index_page.html"

    class Meta:
        verbose_name = _("treatment index page")
        verbose_name_plural = _("treatment index pages")


class ConditionIndexPage(ListingPage):
    subpage_types = ["treatments.ConditionPage"]
    template = "treatments/index_page.html"

    class Meta:
        verbose_name = _("condition index page")
        verbose_name_plural = _("condition index pages")
