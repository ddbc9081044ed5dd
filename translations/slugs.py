"""One rule for page addresses in both languages: ASCII slugs, as the seeded pages have.

``WAGTAIL_ALLOW_UNICODE_SLUGS = False`` (settings) makes the admin's own slug script and
Wagtail's automatic slugs transliterate (« Épicondylite » → ``epicondylite``), as wagtail-localize
already does for translated pages. The page model's field still accepts any Unicode slug from a
hand-edited or replayed form, so the slug posted when a page is created, or when its slug is
changed, is put through the same rule on the server. Stored slugs are never rewritten.
"""

import unicodedata

from django.utils.text import slugify


def ascii_slug(value):
    """``value`` as an ASCII slug: accents dropped (é → e, œ → oe), then Django's slugify."""
    decomposed = unicodedata.normalize("NFKD", str(value).replace("œ", "oe").replace("Œ", "OE"))
    return slugify("".join(c for c in decomposed if not unicodedata.combining(c)))


def normalise_posted_slug(request, current_slug=None):
    """Rewrite the posted ``slug`` to the rule when it is new or changed and not ASCII yet."""
    if request.method != "POST" or "slug" not in request.POST:
        return
    posted = request.POST["slug"]
    if posted == current_slug or not posted:
        return
    normalised = ascii_slug(posted)
    if normalised and normalised != posted:
        data = request.POST.copy()
        data["slug"] = normalised
        request.POST = data
