"""The practice's facts: one record, translated with wagtail-localize, numbers and times shared."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from practice.blocks import ClosureBlock, OpeningHoursBlock, PhysicianBlock

# Ten digits of a North American number, written any usual way: 514 555-0100, (514) 555-0100.
phone_validator = RegexValidator(
    r"^\s*(\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}\s*$",
    _("Enter a 10-digit phone number, for example 514 555-0100."),
)
postal_code_validator = RegexValidator(
    r"^[A-Za-z]\d[A-Za-z] ?\d[A-Za-z]\d$", _("Enter a Canadian postal code, for example H2X 1Y4.")
)

# What is the same in every language: the French record shows the English record's values
# (practice.selectors.practice_details), so a number or an hour is never out of date in French.
SHARED_FIELDS = [
    "details_confirmed",
    "street_address",
    "city",
    "province",
    "postal_code",
    "phone",
    "fax",
    "email",
    "map_url",
    "opening_hours",
    "closures",
]


class Province(models.TextChoices):
    QC = "QC", _("Quebec")
    ON = "ON", _("Ontario")


class PracticeDetails(TranslatableMixin, models.Model):
    """Who the practice is, where and when to reach it. One record, translated into French."""

    name = models.CharField(
        _("practice name"),
        max_length=120,
        help_text=_("Shown in the header, in page titles and in the admin."),
    )
    details_confirmed = models.BooleanField(
        _("the practice has confirmed these details"),
        default=False,
        help_text=_(
            "While unticked, the site says that the address, numbers and hours are still to be "
            "confirmed by the practice."
        ),
    )
    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    province = models.CharField(
        _("province"), max_length=2, choices=Province.choices, default=Province.QC
    )
    postal_code = models.CharField(
        _("postal code"), max_length=7, blank=True, validators=[postal_code_validator]
    )
    phone = models.CharField(_("phone"), max_length=25, blank=True, validators=[phone_validator])
    fax = models.CharField(_("fax"), max_length=25, blank=True, validators=[phone_validator])
    email = models.EmailField(
        _("e-mail"),
        blank=True,
        help_text=_(
            "Shown on the site, and where the notice of a new appointment request is sent."
        ),
    )
    map_url = models.URLField(
        _("map link"),
        blank=True,
        help_text=_(
            "A map service's page for the address, shown as a plain link (nothing is embedded). "
            "Leave empty if none."
        ),
    )
    opening_hours = StreamField(
        [("day", OpeningHoursBlock())], blank=True, verbose_name=_("opening hours")
    )
    closures = StreamField(
        [("closure", ClosureBlock())],
        blank=True,
        verbose_name=_("holiday closures"),
        help_text=_("Past closures are no longer shown."),
    )
    hours_note = models.CharField(
        _("note on hours"),
        max_length=200,
        blank=True,
        help_text=_("For example: by appointment only."),
    )
    languages_spoken = models.CharField(
        _("languages spoken"), max_length=200, default="", blank=True
    )
    premises_access = models.TextField(
        _("access to the premises"),
        blank=True,
        help_text=_("Step-free entrance, elevator, parking, public transit."),
    )
    fees_note = models.TextField(_("fees"), blank=True)
    after_hours = models.TextField(
        _("after hours"),
        help_text=_("What to do when the practice is closed: 911, 811 (Info-Santé, Health811)."),
    )
    physicians = StreamField(
        [("physician", PhysicianBlock())], blank=True, verbose_name=_("physicians")
    )
    privacy_officer_role = models.CharField(
        _("privacy officer's title"),
        max_length=120,
        blank=True,
        help_text=_("The person in charge of protecting personal information (Québec Law 25)."),
    )
    privacy_officer_name = models.CharField(
        _("privacy officer's name"),
        max_length=120,
        blank=True,
        help_text=_("Leave empty until the practice names this person."),
    )

    override_translatable_fields = [
        *(SynchronizedField(name, overridable=False) for name in SHARED_FIELDS),
        # A person's name is the same in both languages.
        SynchronizedField("privacy_officer_name", overridable=False),
    ]

    panels = [
        FieldPanel("name"),
        FieldPanel("details_confirmed"),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldRowPanel([FieldPanel("city"), FieldPanel("province")]),
                FieldPanel("postal_code"),
                FieldPanel("map_url"),
                FieldPanel("premises_access"),
            ],
            heading=_("Address and access"),
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("phone"), FieldPanel("fax")]), FieldPanel("email")],
            heading=_("Phone and e-mail"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("opening_hours"),
                FieldPanel("hours_note"),
                FieldPanel("closures"),
                FieldPanel("after_hours"),
            ],
            heading=_("Hours"),
        ),
        FieldPanel("languages_spoken"),
        FieldPanel("fees_note"),
        FieldPanel("physicians"),
        MultiFieldPanel(
            [FieldPanel("privacy_officer_role"), FieldPanel("privacy_officer_name")],
            heading=_("Privacy"),
        ),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("practice details")
        verbose_name_plural = _("practice details")

    def __str__(self):
        return self.name
