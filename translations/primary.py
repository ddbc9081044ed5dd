"""French (or English) as the practice's primary language, by one setting.

``PRIMARY_LANGUAGE`` (environment, default ``en-ca``) says which language the practice puts
first. ``LANGUAGE_CODE`` stays the language the site's tree was first built in (Wagtail's first
``Locale`` and the seed's source), which a setting must not move on a live database. What
follows the primary language: ``x-default`` (home.templatetags), the language chosen at the root
address for a visitor whose browser asks for neither, the order of the language switcher, and
the admin's default content language (``Locale.get_default``: the locale a new snippet, or a
listing without ``?locale=``, starts in).
"""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.utils import translation
from django.utils.translation.trans_real import parse_accept_lang_header
from wagtail.models import Locale

from home.languages import primary_language


def visitor_language(request):
    """The visitor's language: their saved choice, else their browser's first language the site
    has, else the primary language (never simply the first language the site was built in)."""
    codes = {code for code, _name in settings.LANGUAGES}
    cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "").lower()
    if cookie in codes:
        return cookie
    header = request.META.get("HTTP_ACCEPT_LANGUAGE", "")
    for accepted, _quality in parse_accept_lang_header(header):
        if accepted == "*":
            break
        try:
            return translation.get_supported_language_variant(accepted)
        except LookupError:
            continue
    return primary_language()


def root(request):
    """``/``: the home page in the visitor's language."""
    response = HttpResponseRedirect(f"/{visitor_language(request)}/")
    response["Vary"] = "Accept-Language, Cookie"
    return response


_original_get_default = Locale.get_default.__func__


def get_default(cls):
    try:
        return cls.objects.get_for_language(primary_language())
    except cls.DoesNotExist:
        return _original_get_default(cls)


def install():
    if Locale.get_default.__func__ is not get_default:
        Locale.get_default = classmethod(get_default)
