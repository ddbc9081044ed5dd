"""Which addresses show a page, a resource or the practice's facts, so a change purges exactly
those (in every language that shows them).

A page is shown by:
- itself, and its live descendants when its title or address changed (their breadcrumbs and
  addresses);
- its parent (the index's cards; the home page's cards are its children in the menu);
- its translations (their language switcher and hreflang alternates);
- pages that link to it or that it links to, in any language (rich text links, a condition's
  treatments and the treatment's "conditions" list), from Wagtail's reference index;
- the directory, when a resource links to it;
- every page of its language when it is the home page, in the main menu, or one of the
  practice's pages the footer links to.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, ReferenceIndex

from directory.models import DirectoryPage, Resource
from practice.models import ContactPage, PrivacyStatementPage
from practice.models.pages import AccessibilityStatementPage

FOOTER_PAGE_MODELS = (ContactPage, PrivacyStatementPage, AccessibilityStatementPage)


class Purge:
    """Addresses to purge and languages whose every page is purged."""

    def __init__(self):
        self.paths = set()
        self.languages = set()
        self.pages = {}

    def add_page(self, page):
        if page is None or page.pk in self.pages:
            return
        self.pages[page.pk] = page
        url = page.get_url()
        if url:
            self.paths.add(url)

    def update(self, other):
        self.paths |= other.paths
        self.languages |= other.languages
        self.pages.update(other.pages)


def shows_everywhere(page):
    """Whether every page of the page's language shows it (header, footer)."""
    specific_class = page.specific_class
    if page.depth <= 2:
        return True
    if page.depth == 3 and page.show_in_menus:
        return True
    return specific_class is not None and issubclass(specific_class, FOOTER_PAGE_MODELS)


def linked_page_ids(pages):
    """Pages linking to ``pages`` or linked from them (Wagtail's reference index)."""
    page_type = ContentType.objects.get_for_model(Page)
    ids = [str(page.pk) for page in pages]
    inbound = ReferenceIndex.objects.filter(
        to_content_type=page_type, to_object_id__in=ids, base_content_type=page_type
    ).values_list("object_id", flat=True)
    outbound = ReferenceIndex.objects.filter(
        base_content_type=page_type, object_id__in=ids, to_content_type=page_type
    ).values_list("to_object_id", flat=True)
    return {int(pk) for pk in [*inbound, *outbound]}


def for_page(page, descendants=False):
    """What shows ``page`` now (call before and after a change, and purge both)."""
    purge = Purge()
    page = page if isinstance(page, Page) else Page.objects.get(pk=page)
    translations = list(Page.objects.filter(translation_key=page.translation_key))
    for twin in [page, *translations]:
        purge.add_page(twin)
        if shows_everywhere(twin) and twin.live:
            purge.languages.add(twin.locale.language_code)
    if descendants:
        for descendant in page.get_descendants().live():
            purge.add_page(descendant)
    parent = page.get_parent()
    if parent is not None and parent.depth >= 2:
        purge.add_page(parent)
    linked = linked_page_ids([page, *translations])
    if linked:
        related = Page.objects.filter(pk__in=linked).values_list("translation_key", flat=True)
        for other in Page.objects.filter(translation_key__in=list(related)).live():
            purge.add_page(other)
    if Resource.objects.filter(page__translation_key=page.translation_key).exists():
        purge.update(for_directory())
    return purge


def for_directory():
    """Every directory page, in every language and with every ``?kind=`` (pagecache.keys)."""
    purge = Purge()
    for page in DirectoryPage.objects.all():
        purge.add_page(page)
    return purge


def for_every_page():
    from django.conf import settings

    purge = Purge()
    purge.languages = {code for code, _name in settings.LANGUAGES}
    return purge
