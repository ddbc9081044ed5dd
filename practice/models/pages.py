"""The contact page (with the request form) and the privacy and accessibility statements."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from home.models import BODY_FEATURES

STATEMENT_FEATURES = ["h2", "h3", *BODY_FEATURES]
# The confirmation page in each language: /en-ca/contact/sent/, /fr-ca/nous-joindre/envoye/
SENT_ROUTES = {"en-ca": "sent", "fr-ca": "envoye"}


class PracticePage(Page):
    """What the practice's own pages share: one per language, under the home page."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        abstract = True


class ContactPage(RoutablePageMixin, PracticePage):
    """How to reach the practice, its hours, what to expect, and the request form."""

    intro = RichTextField(_("introduction"), features=BODY_FEATURES, blank=True)
    first_visit = RichTextField(
        _("what to expect at a first visit"), features=BODY_FEATURES, blank=True
    )
    sent_message = RichTextField(
        _("message after a request is sent"),
        features=BODY_FEATURES,
        blank=True,
        help_text=_("Shown on the confirmation page: when the practice usually answers."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("first_visit"),
        FieldPanel("sent_message"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("first_visit"),
    ]
    template = "practice/contact_page.html"

    class Meta:
        verbose_name = _("contact page")
        verbose_name_plural = _("contact pages")

    @path("")
    def contact(self, request):
        from practice.views import contact

        return contact(request, self)

    @path("sent/", name="sent")
    @path("envoye/", name="envoye")
    def sent(self, request):
        from practice.views import sent

        return sent(request, self)

    def sent_url(self, request=None):
        route = SENT_ROUTES.get(self.locale.language_code, "sent")
        return self.get_url(request) + self.reverse_subpage(route)

    def structured_data(self, request=None):
        from practice.structured_data import medical_clinic

        return medical_clinic(request)


class StatementPage(PracticePage):
    body = RichTextField(_("body"), features=STATEMENT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("body")]

    class Meta:
        abstract = True


class PrivacyStatementPage(StatementPage):
    """What the site collects, why, where it is kept, for how long, who sees it, whom to ask."""

    template = "practice/privacy_statement_page.html"

    def get_context(self, request, *args, **kwargs):
        from django.conf import settings

        context = super().get_context(request, *args, **kwargs)
        context["retention_days"] = settings.REQUEST_RETENTION_DAYS
        return context

    class Meta:
        verbose_name = _("privacy statement")
        verbose_name_plural = _("privacy statements")


class AccessibilityStatementPage(StatementPage):
    """The accessibility target, how it is checked, known limits, and how to report a problem."""

    template = "practice/accessibility_statement_page.html"

    class Meta:
        verbose_name = _("accessibility statement")
        verbose_name_plural = _("accessibility statements")
