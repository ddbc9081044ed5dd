"""The practice's primary language (``PRIMARY_LANGUAGE``), shared by every page.

``LANGUAGE_CODE`` is the language the site's tree was first built in and stays so; the primary
language is the one the practice puts first (``x-default``, the switcher's order, the root
address; see translations/primary.py for the admin).
"""

from django.conf import settings


def primary_language():
    codes = [code for code, _name in settings.LANGUAGES]
    code = (getattr(settings, "PRIMARY_LANGUAGE", "") or settings.LANGUAGE_CODE).lower()
    return code if code in codes else settings.LANGUAGE_CODE


def languages_in_order():
    """``settings.LANGUAGES`` with the primary language first."""
    primary = primary_language()
    return sorted(settings.LANGUAGES, key=lambda item: item[0] != primary)
