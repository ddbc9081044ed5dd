"""wagtail-localize's writer, held to the review rule.

Every wagtail-localize path that writes a translated page or snippet ("Translate this page",
"Sync translated pages", the translation editor's Publish, subtree translation, our own
submission for review) ends in ``TranslationSource.create_or_update_translation``. It has no hook
or setting, so it is wrapped here, once, rather than guarding each view:

- ``publish=True`` from someone the policy does not allow becomes a draft;
- a draft never touches what visitors see. wagtail-localize writes a draft onto the page row as
  well as into a revision, and Wagtail serves the row: the live content (and the live revision,
  which ``with_content_json`` does not keep) is put back, so the new revision waits for review;
- an alias of the other language's page turned into a translation becomes a draft that is not
  live (no English under a French address), not a live page with unreviewed strings.
"""

from django.db import transaction
from wagtail.models import DraftStateMixin, Page, Revision
from wagtail_localize.models import TranslationSource

from translations import policy

_original = TranslationSource.create_or_update_translation


def _snapshot(source, locale):
    try:
        target = source.get_translated_instance(locale)
    except Exception:  # noqa: BLE001 - any "does not exist" flavour: a new translation
        return None
    if isinstance(target, Page):
        target = target.specific
    return {
        "pk": target.pk,
        "alias": bool(getattr(target, "alias_of_id", None)),
        "live": bool(getattr(target, "live", False)),
        "live_revision_id": getattr(target, "live_revision_id", None),
        "last_published_at": getattr(target, "last_published_at", None),
    }


def keep_live_row(instance, snapshot):
    """Put the live content back on ``instance``'s row; the latest revision stays a draft."""
    if snapshot is None or not isinstance(instance, DraftStateMixin):
        return
    model = type(instance)
    current = model.objects.get(pk=instance.pk)
    if isinstance(current, Page):
        current = current.specific
    latest_revision_id = current.latest_revision_id
    if snapshot["alias"] or not snapshot["live"] or not snapshot["live_revision_id"]:
        if current.live:
            # Was an alias (English under a French address) or never reviewed: not live.
            model.objects.filter(pk=current.pk).update(live=False, has_unpublished_changes=True)
        return
    live = Revision.objects.get(pk=snapshot["live_revision_id"]).as_object()
    live.live = True
    live.has_unpublished_changes = True
    live.live_revision_id = snapshot["live_revision_id"]
    live.latest_revision_id = latest_revision_id
    live.last_published_at = snapshot["last_published_at"]
    if isinstance(live, Page):
        live.draft_title = current.draft_title
        live.save(clean=False)
    else:
        live.save()


def create_or_update_translation(
    self, locale, user=None, publish=True, copy_parent_pages=False, fallback=False
):
    with transaction.atomic():
        source_instance = self.as_instance()
        if (
            publish
            and isinstance(source_instance, DraftStateMixin)
            and not policy.may_publish_directly(user, source_instance, locale)
        ):
            publish = False
        snapshot = _snapshot(self, locale)
        result = _original(
            self,
            locale,
            user=user,
            publish=publish,
            copy_parent_pages=copy_parent_pages,
            fallback=fallback,
        )
        if not publish and snapshot is not None:
            keep_live_row(result[0], snapshot)  # (translated instance, created)
    return result


def install():
    if TranslationSource.create_or_update_translation is not create_or_update_translation:
        TranslationSource.create_or_update_translation = create_or_update_translation
