"""The practice's hours, closures and physicians, as StreamField blocks."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

WEEKDAYS = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]
# schema.org names, for openingHoursSpecification.
SCHEMA_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


class OpeningHoursBlock(blocks.StructBlock):
    """One weekday's opening and closing times. A day not listed is a day the practice is closed."""

    weekday = blocks.ChoiceBlock(choices=[(str(day), name) for day, name in WEEKDAYS])
    opens = blocks.TimeBlock(label=_("opens at"))
    closes = blocks.TimeBlock(label=_("closes at"))

    class Meta:
        icon = "time"
        label = _("opening hours")

    def clean(self, value):
        value = super().clean(value)
        if value["opens"] >= value["closes"]:
            raise StructBlockValidationError(
                {"closes": ValidationError(_("The closing time must be after the opening time."))}
            )
        return value


class ClosureBlock(blocks.StructBlock):
    """Days the practice is closed outside its usual week (holidays)."""

    first_day = blocks.DateBlock(label=_("first day closed"))
    last_day = blocks.DateBlock(
        label=_("last day closed"), required=False, help_text=_("Leave empty for a single day.")
    )

    class Meta:
        icon = "date"
        label = _("closure")

    def clean(self, value):
        value = super().clean(value)
        if value["last_day"] and value["last_day"] < value["first_day"]:
            raise StructBlockValidationError(
                {"last_day": ValidationError(_("The last day cannot be before the first day."))}
            )
        return value


class College(blocks.ChoiceBlock):
    choices = [
        ("cpso", _("College of Physicians and Surgeons of Ontario (CPSO)")),
        ("cmq", _("Collège des médecins du Québec (CMQ)")),
    ]


class PhysicianBlock(blocks.StructBlock):
    """A physician of the practice and their licence, shown as the practice enters them."""

    name = blocks.CharBlock(
        max_length=120, required=False, help_text=_("Leave empty until the practice confirms it.")
    )
    role = blocks.CharBlock(
        max_length=120,
        required=False,
        label=_("title"),
        help_text=_("For example: Physician, prolotherapy."),
    )
    college = blocks.ChoiceBlock(
        choices=College.choices, label=_("licensing college"), required=False
    )
    # A RegexBlock is not a text block, so wagtail-localize keeps it the same in both languages.
    registration_number = blocks.RegexBlock(
        regex=r"^\d{4,7}$",
        required=False,
        label=_("registration number"),
        error_messages={"invalid": _("Enter the college's registration number (digits only).")},
        help_text=_("As on the college's public register. Leave empty until confirmed."),
    )

    class Meta:
        icon = "user"
        label = _("physician")
