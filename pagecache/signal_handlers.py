"""Purge the page cache (and the frontend cache) when what a page shows changes.

Wagtail's signals are the points every change passes through: an editor's publish, a workflow's
approval, scheduled publishing, a translation published from wagtail-localize. What showed a page
*before* the change (its old address, old parent, old links) is noted in ``pre_save`` and
``pre_page_move`` and purged with what shows it after.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from directory.models import Resource
from pagecache import dependencies, store
from practice.models import PracticeDetails

_before = {}  # page pk -> Purge, what showed the page before the save or move under way


def purge(what):
    """Purge now (and again once the transaction commits, so no reader in between can store
    the old version again), locally and in the frontend cache."""

    def local():
        store.purge_paths(what.paths)
        store.purge_languages(what.languages)

    def after_commit():
        local()
        _purge_frontend(what)

    local()
    transaction.on_commit(after_commit)


def _purge_frontend(what):
    from django.conf import settings

    if not settings.WAGTAILFRONTENDCACHE:
        return
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    from pagecache.keys import variants

    batch = PurgeBatch()
    pages = list(what.pages.values())
    if what.languages:
        pages += list(Page.objects.live().filter(locale__language_code__in=what.languages))
    for page in pages:
        root, path = page.get_full_url(), page.get_url()
        if not root or not path:
            continue
        origin = root[: len(root) - len(path)]
        batch.add_urls(origin + key.split(":", 1)[1].rstrip("?") for key in variants(path))
    batch.purge()


def _title_or_address_changed(instance):
    old = Page.objects.filter(pk=instance.pk).values("title", "url_path", "live").first()
    return old is not None and (
        old["title"] != instance.title or old["url_path"] != instance.url_path
    )


# A save that changes none of these (a draft's revision pointer, a lock) shows readers nothing new.
SHOWN_FIELDS = {"title", "slug", "url_path", "live", "show_in_menus", "seo_title"}


def enabled():
    from django.conf import settings

    return settings.PAGE_CACHE_ENABLED


def page_saving(sender, instance, update_fields=None, raw=False, **kwargs):
    if not (enabled() and isinstance(instance, Page) and instance.pk) or raw:
        return
    if update_fields is not None and not SHOWN_FIELDS & set(update_fields):
        return
    changed = _title_or_address_changed(instance)
    _remember(instance.pk, dependencies.for_page(Page.objects.get(pk=instance.pk), changed))


def _remember(pk, what):
    # Merged, not replaced: a move saves the page after treebeard has moved it, and what showed
    # it at its old place must not be forgotten.
    if pk in _before:
        _before[pk].update(what)
    else:
        _before[pk] = what


def page_changed(sender, instance, **kwargs):
    if not enabled():
        return
    what = dependencies.for_page(instance, descendants=True)
    before = _before.pop(instance.pk, None)
    if before is not None:
        what.update(before)
    purge(what)


def page_deleting(sender, instance, **kwargs):
    if not enabled():
        return
    if type(instance) is Page and instance.live:
        purge(dependencies.for_page(instance, descendants=True))


def page_moving(sender, instance, **kwargs):
    if not enabled():
        return
    _remember(instance.pk, dependencies.for_page(instance, descendants=True))


def restriction_changed(sender, instance, **kwargs):
    if not enabled():
        return
    purge(dependencies.for_page(instance.page_id, descendants=True))


def resource_changed(sender, instance, **kwargs):
    if not enabled():
        return
    purge(dependencies.for_directory())


def practice_details_changed(sender, instance, **kwargs):
    if not enabled():
        return
    # Shared fields (address, numbers, hours) of the English record show in every language.
    purge(dependencies.for_every_page())


def connect():
    pre_save.connect(page_saving, dispatch_uid="pagecache-page-saving")
    page_published.connect(page_changed, dispatch_uid="pagecache-published")
    page_unpublished.connect(page_changed, dispatch_uid="pagecache-unpublished")
    pre_delete.connect(page_deleting, dispatch_uid="pagecache-deleting")
    pre_page_move.connect(page_moving, dispatch_uid="pagecache-moving")
    post_page_move.connect(page_changed, dispatch_uid="pagecache-moved")
    for signal in (post_save, post_delete):
        signal.connect(restriction_changed, sender=PageViewRestriction)
        signal.connect(resource_changed, sender=Resource)
        signal.connect(practice_details_changed, sender=PracticeDetails)
