from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

# Rich text in body copy: enough for plain-language writing, nothing that breaks the design.
BODY_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class HomePage(Page):
    """The practice's front page: who it is for and where to go next."""

    intro = RichTextField(
        features=BODY_FEATURES,
        blank=True,
        verbose_name=_("introduction"),
        help_text=_("A few short paragraphs that tell a patient what this site offers."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        from home.selectors import menu_pages_for_request

        context = super().get_context(request, *args, **kwargs)
        context["sections"] = menu_pages_for_request(request, self)
        return context
