"""Numbers and times as each language writes them: 514 555-0100 / 514-555-0100,
9 h à 17 h / 9:00 a.m. to 5:00 p.m."""

import re

from django.utils import formats
from django.utils.translation import get_language, gettext


def _is_french():
    return (get_language() or "").startswith("fr")


def phone_digits(number):
    """The ten digits of a North American number ('' if there are not ten)."""
    digits = re.sub(r"\D", "", number or "")
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    return digits if len(digits) == 10 else ""


def phone_display(number):
    """'514 555-0100' in French (OQLF), '514-555-0100' in English."""
    digits = phone_digits(number)
    if not digits:
        return number or ""
    separator = "\xa0" if _is_french() else "-"
    return f"{digits[:3]}{separator}{digits[3:6]}-{digits[6:]}"


def phone_uri(number):
    digits = phone_digits(number)
    return f"tel:+1{digits}" if digits else ""


def time_display(value):
    """'9 h', '9 h 30', '17 h' in French; '9:00 a.m.', '5:30 p.m.' in English."""
    if _is_french():
        return f"{value.hour}\xa0h" if not value.minute else f"{value.hour}\xa0h\xa0{value:%M}"
    return formats.time_format(value, "g:i a")


def time_range(opens, closes):
    # Translators: an opening-hours range, "9:00 a.m. to 5:00 p.m." / "9 h à 17 h".
    return gettext("%(opens)s to %(closes)s") % {
        "opens": time_display(opens),
        "closes": time_display(closes),
    }
