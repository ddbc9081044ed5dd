"""Resources patients can turn to, and the directory page that lists them."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import (
    DraftStateMixin,
    Locale,
    LockableMixin,
    Page,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.models import BODY_FEATURES


class Kind(models.TextChoices):
    """What a resource is. The order here is the order of the groups on the page."""

    WEBSITE = "website", _("Website")
    ARTICLE = "article", _("Article")
    BOOK = "book", _("Book")
    VIDEO = "video", _("Video")
    LEARNING = "learning", _("Learning resource")
    ORGANIZATION = "organization", _("Organization")


# The groups on the directory page: kind, its filter value in the address (?kind=books), and
# its heading, in the order a patient meets them.
KIND_GROUPS = [
    (Kind.WEBSITE, "websites", _("Websites")),
    (Kind.ARTICLE, "articles", _("Articles and research")),
    (Kind.BOOK, "books", _("Books")),
    (Kind.VIDEO, "videos", _("Videos")),
    (Kind.LEARNING, "learning-resources", _("Other learning resources")),
    (Kind.ORGANIZATION, "organizations", _("Organizations")),
]


class ResourceLanguage(models.TextChoices):
    """The language(s) the resource itself is written or recorded in."""

    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")
    BOTH = "en-fr", _("English and French")


def validate_not_future_year(value):
    if value is not None and value > timezone.localdate().year:
        raise ValidationError(
            _("The year %(year)s is in the future. Enter the year it was published."),
            code="future_year",
            params={"year": value},
        )


WEB_ADDRESS_MESSAGE = _("Enter a full web address that starts with https:// or http://.")


class WebAddressField(models.URLField):
    """A web address that must start with http:// or https:// (no javascript:, ftp:, ...)."""

    default_validators = [URLValidator(schemes=["http", "https"], message=WEB_ADDRESS_MESSAGE)]

    def formfield(self, **kwargs):
        # Addresses typed without a scheme are taken as https://, not http://.
        defaults = {
            "form_class": forms.URLField,
            "assume_scheme": "https",
            "error_messages": {"invalid": WEB_ADDRESS_MESSAGE},
        }
        return super().formfield(**{**defaults, **kwargs})


class Resource(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    index.Indexed,
    models.Model,
):
    """A website, article, book, video, learning resource or organization a patient may consult.

    Text is translated with wagtail-localize; what must be the same in every language (address,
    year, pages, document, page link, kind, language) is kept in sync with the source.

    Reviewed like a page (Wagtail's snippet draft state, revisions and workflows): the directory
    shows the live version; changes wait as revisions for the review of their language, and the
    review locks the resource against other edits while it runs.
    """

    # Fields that describe the resource itself, not words about it: identical in every language.
    SHARED_FIELDS = ("kind", "language", "url", "page", "year", "pages", "document")

    seed_key = models.SlugField(
        max_length=80,
        blank=True,
        default="",
        editable=False,
        help_text="Identifies a resource created by the setup step, so it is never created twice.",
    )
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=Kind.choices,
        help_text=_("Decides the group the resource is listed under on the directory page."),
    )
    title = models.CharField(
        _("title"),
        max_length=255,
        help_text=_(
            "The name of the website, organization or work. Keep titles of works as published."
        ),
    )
    authors = models.CharField(
        _("authors or owner"),
        max_length=255,
        blank=True,
        help_text=_("For example: “Robert Banner, MD” or “Dr. William Faber”."),
    )
    description = models.TextField(
        _("short description"),
        max_length=400,
        blank=True,
        help_text=_("One or two plain sentences: what a patient will find there."),
    )
    url = WebAddressField(
        _("web address"),
        max_length=500,
        blank=True,
        help_text=_(
            "Leave empty if the address is not confirmed: the entry is shown without a link."
        ),
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page on this site"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Instead of a web address: links to this page in the reader’s language."),
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("For example the article as a PDF, if the publisher allows it."),
    )
    publisher = models.CharField(
        _("publisher or journal"),
        max_length=255,
        blank=True,
        help_text=_("For articles and books only: the journal or the publisher, as printed."),
    )
    issue = models.CharField(
        _("issue"),
        max_length=100,
        blank=True,
        help_text=_("For example: “November/December 2006”."),
    )
    year = models.PositiveSmallIntegerField(
        _("year"),
        null=True,
        blank=True,
        validators=[validate_not_future_year],
        help_text=_("Year of publication, for articles and books. Leave empty if unknown."),
    )
    pages = models.CharField(
        _("pages"), max_length=30, blank=True, help_text=_("For example: “24–27”.")
    )
    region = models.CharField(
        _("country or region"),
        max_length=100,
        blank=True,
        help_text=_("Where the organization or practice is, for example “Canada”."),
    )
    language = models.CharField(
        _("language of the resource"),
        max_length=5,
        choices=ResourceLanguage.choices,
        default=ResourceLanguage.ENGLISH,
        help_text=_("The language the website, article or book itself is in."),
    )
    note = models.TextField(
        _("note"),
        blank=True,
        help_text=_(
            "Anything a reader should know, for example that an article is reproduced with "
            "the publisher’s permission."
        ),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("order in its group"), default=100, help_text=_("Lower numbers come first.")
    )
    is_shown = models.BooleanField(
        _("shown on the directory page"),
        default=True,
        help_text=_(
            "Untick to hide the resource without deleting it. A hidden resource stays hidden "
            "when the site's setup step runs again; a deleted practice resource is re-created."
        ),
    )

    # The site search (search app) lists live, shown resources of the reader's language.
    search_fields = [
        index.SearchField("title", boost=2),
        index.SearchField("description", boost=1.5),
        index.SearchField("authors"),
        index.SearchField("publisher"),
        index.SearchField("region"),
        index.FilterField("live"),
        index.FilterField("is_shown"),
        index.FilterField("locale"),
    ]

    override_translatable_fields = [
        SynchronizedField("seed_key", overridable=False),
        *(SynchronizedField(name, overridable=False) for name in SHARED_FIELDS),
        SynchronizedField("sort_order", overridable=False),
    ]

    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("language")]),
                FieldPanel("title"),
                FieldPanel("authors"),
                FieldPanel("description"),
            ],
            heading=_("What it is"),
        ),
        MultiFieldPanel(
            [FieldPanel("url"), FieldPanel("page"), FieldPanel("document")],
            heading=_("Where to find it"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("publisher"),
                FieldRowPanel([FieldPanel("issue"), FieldPanel("year"), FieldPanel("pages")]),
            ],
            heading=_("Publication details (articles and books)"),
        ),
        FieldPanel("region"),
        FieldPanel("note"),
        FieldRowPanel([FieldPanel("sort_order"), FieldPanel("is_shown")]),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        ordering = ["kind", "sort_order", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["seed_key", "locale"],
                condition=~models.Q(seed_key=""),
                name="directory_resource_unique_seed_key_per_locale",
            ),
        ]

    def __str__(self):
        return self.title

    def get_workflow(self):
        """The review of the resource's language: the workflow of that language's home page.

        Snippet workflows are assigned per model (``WorkflowContentType``), not per language; a
        French resource goes to French reviewers as French pages do, an English one to the
        approver of English pages. The model's own assignment is the fallback.
        """
        from wagtail.models import Site

        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is not None and self.locale_id:
            home = site.root_page.get_translation_or_none(self.locale_id)
            workflow = home.get_workflow() if home is not None else None
            if workflow is not None:
                return workflow
        return self.get_default_workflow()

    @property
    def has_address(self):
        return bool(self.url or self.page_id)

    def get_source_resource(self):
        """The resource this one is translated from (None if it is itself the source)."""
        from wagtail_localize.models import TranslationSource

        if not self.translation_key:
            return None
        source = TranslationSource.objects.get_for_instance_or_none(self)
        source_locale_id = source.locale_id if source else Locale.get_default().pk
        if self.locale_id == source_locale_id:
            return None
        return (
            Resource.objects.filter(
                translation_key=self.translation_key, locale_id=source_locale_id
            )
            .exclude(pk=self.pk)
            .first()
        )

    def clean(self):
        super().clean()
        errors = {}
        if self.url and self.page_id:
            errors["page"] = _("Give a web address or a page on this site, not both.")

        if self.locale_id:
            source = self.get_source_resource()
            if source is not None:
                for name in self.SHARED_FIELDS:
                    field = self._meta.get_field(name)
                    expected = field.value_from_object(source)
                    if field.value_from_object(self) == expected:
                        continue
                    if expected is not None and name in ("page", "document"):
                        expected = getattr(source, name)
                    elif name in ("kind", "language"):
                        expected = getattr(source, f"get_{name}_display")()
                    errors[name] = ValidationError(
                        _(
                            "This must be the same in every language. The original version has "
                            "“%(value)s”: change it there, and the translations follow."
                        ),
                        code="differs_from_source",
                        params={"value": expected if expected not in (None, "") else "—"},
                    )
        if errors:
            raise ValidationError(errors)


class DirectoryPage(Page):
    """The resources, grouped by kind, with a filter that works without JavaScript."""

    intro = RichTextField(
        _("introduction"),
        features=BODY_FEATURES,
        blank=True,
        help_text=_("A short paragraph on what the reader will find here."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("resource directory page")
        verbose_name_plural = _("resource directory pages")

    def get_context(self, request, *args, **kwargs):
        from directory.selectors import directory_listing

        context = super().get_context(request, *args, **kwargs)
        context["listing"] = directory_listing(self.locale, request.GET.get("kind"), request)
        return context
