"""The contact page's request form: few fields, clear errors, nothing a script could hide in."""

import re
import unicodedata

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from practice.consent import consent_text
from practice.models.details import phone_validator
from practice.models.requests import ContactMethod, Topic

REASON_MAX = 500
# Text that looks like markup: "<b", "</", "<!--", "<script". "pain < 3 days" is fine.
MARKUP = re.compile(r"<\s*[/!?a-zA-Z]")
# Characters that change how text is shown rather than what it says: bidirectional overrides,
# zero-width characters, other invisible formatting.
INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def plain_text(value, *, multiline=False):
    """``value`` normalised (NFC, invisible characters removed); ValidationError if it holds
    markup or control characters."""
    value = INVISIBLE.sub("", unicodedata.normalize("NFC", value)).strip()
    allowed = {"\n", "\r", "\t"} if multiline else {"\t"}
    if any(unicodedata.category(char) == "Cc" and char not in allowed for char in value):
        raise ValidationError(_("Remove the special characters from this field."), code="control")
    if MARKUP.search(value):
        raise ValidationError(
            _("Write in plain text, without “<” directly before a letter."), code="markup"
        )
    return value


class RequestForm(forms.Form):
    topic = forms.ChoiceField(label=_("What is it about?"), choices=Topic.choices)
    name = forms.CharField(label=_("Your name"), max_length=100)
    contact_method = forms.ChoiceField(
        label=_("How should the practice reach you?"),
        choices=ContactMethod.choices,
        widget=forms.RadioSelect,
    )
    phone = forms.CharField(
        label=_("Phone"),
        max_length=25,
        required=False,
        validators=[phone_validator],
        help_text=_("Needed if you chose to be reached by phone."),
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        help_text=_("Needed if you chose to be reached by e-mail."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    # Each language in its own name, as the language switcher shows it.
    preferred_language = forms.ChoiceField(
        label=_("Language you prefer"),
        choices=[("en-ca", "English"), ("fr-ca", "Français")],
        widget=forms.RadioSelect,
    )
    preferred_times = forms.CharField(
        label=_("Days and times that suit you"),
        max_length=200,
        required=False,
        help_text=_("For example: weekday mornings."),
    )
    reason = forms.CharField(
        label=_("Reason for your request"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "In a few words, at most 500 characters. Do not include your medical history: the "
            "physician will ask you about it in person."
        ),
    )
    consent = forms.BooleanField(
        label=consent_text,
        required=True,
        error_messages={
            "required": _("Tick the box to agree, or call the practice instead."),
        },
    )
    # A field people never see; software that fills every field fills it too.
    website = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        language = (get_language() or settings.LANGUAGE_CODE).lower()
        self.fields["preferred_language"].initial = language
        self.fields["consent"].label = consent_text()
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["reason"].widget.attrs["maxlength"] = str(REASON_MAX)
        self._describe_fields()

    def full_clean(self):
        super().full_clean()
        self._describe_fields()

    def _describe_fields(self):
        """Tie each input to its hint and error (practice/components/field.html prints them)."""
        errors = self._errors or {}
        for name, field in self.fields.items():
            auto_id = self[name].auto_id
            ids = [f"{auto_id}-hint"] if field.help_text else []
            if name in errors:
                ids.append(f"{auto_id}-error")
                field.widget.attrs["aria-invalid"] = "true"
            else:
                field.widget.attrs.pop("aria-invalid", None)
            if ids:
                field.widget.attrs["aria-describedby"] = " ".join(ids)
            else:
                field.widget.attrs.pop("aria-describedby", None)

    def clean_name(self):
        return plain_text(self.cleaned_data["name"])

    def clean_preferred_times(self):
        return plain_text(self.cleaned_data["preferred_times"])

    def clean_reason(self):
        # Browsers count a line break as one character, Django's max_length as two ("\r\n").
        reason = plain_text(self.cleaned_data["reason"].replace("\r\n", "\n"), multiline=True)
        if len(reason) > REASON_MAX:
            raise ValidationError(
                _("Shorten this to at most %(max)s characters (it has %(count)s)."),
                code="max_length",
                params={"max": REASON_MAX, "count": len(reason)},
            )
        return reason

    def clean_phone(self):
        return self.cleaned_data["phone"].strip()

    def is_bot(self):
        """True when the hidden field was filled in (checked before anything is stored)."""
        return bool(self.data.get("website", "").strip())

    def clean(self):
        cleaned = super().clean()
        method = cleaned.get("contact_method")
        if (
            method == ContactMethod.PHONE
            and not cleaned.get("phone")
            and "phone" not in self.errors
        ):
            self.add_error("phone", _("Enter a phone number, or choose to be reached by e-mail."))
        if (
            method == ContactMethod.EMAIL
            and not cleaned.get("email")
            and "email" not in self.errors
        ):
            self.add_error("email", _("Enter an e-mail address, or choose to be reached by phone."))
        return cleaned
