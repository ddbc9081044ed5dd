"""The events that change a translation's state, each refreshing the stored state of the object
it concerns (translations/state.py). Both languages' objects share the translation key, so an
English publish and a French save refresh the same row.

- a page or resource saved or deleted, in either language: publish, unpublish, a draft, the
  French copy written by wagtail-localize's ``save_target``;
- a translation source refreshed from the English (sync) or a translation enabled/disabled;
- a string translated, corrected or removed (the translation editor, a PO import);
- a workflow started, moved to its next task, approved, rejected or cancelled.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, TranslatableMixin, WorkflowState
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from translations.state import request_refresh


def _tracked(instance):
    if isinstance(instance, Page):
        return True
    return isinstance(instance, TranslatableMixin) and instance._meta.label == "directory.Resource"


def object_saved(sender, instance, raw=False, **kwargs):
    if not raw and _tracked(instance):
        request_refresh(instance.translation_key)


def object_deleted(sender, instance, **kwargs):
    # The refresh drops the row when the source object itself is gone.
    if _tracked(instance):
        request_refresh(instance.translation_key)


def _refresh_after_segments(refresh_segments):
    """A source's stored segments are written after the source itself (create, update from the
    English, i.e. a sync): its state is refreshed once they are."""

    def wrapper(self, *args, **kwargs):
        result = refresh_segments(self, *args, **kwargs)
        request_refresh(self.object_id)
        return result

    wrapper.refreshes_translation_state = True
    return wrapper


def source_deleted(sender, instance, **kwargs):
    request_refresh(instance.object_id)


def translation_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        request_refresh(
            TranslationSource.objects.filter(pk=instance.source_id)
            .values_list("object_id", flat=True)
            .first()
        )


def string_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    from wagtail_localize.models import TranslationContext

    request_refresh(
        TranslationContext.objects.filter(pk=instance.context_id)
        .values_list("object_id", flat=True)
        .first()
    )


def workflow_state_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    model = instance.base_content_type.model_class() if instance.base_content_type_id else None
    if model is None or not hasattr(model, "translation_key"):
        return
    request_refresh(
        model._default_manager.filter(pk=instance.object_id)
        .values_list("translation_key", flat=True)
        .first()
    )


def connect():
    uid = "translations.state"
    post_save.connect(object_saved, dispatch_uid=f"{uid}.object_saved")
    post_delete.connect(object_deleted, dispatch_uid=f"{uid}.object_deleted")
    if not getattr(TranslationSource.refresh_segments, "refreshes_translation_state", False):
        TranslationSource.refresh_segments = _refresh_after_segments(
            TranslationSource.refresh_segments
        )
    post_delete.connect(source_deleted, sender=TranslationSource, dispatch_uid=f"{uid}.source")
    post_save.connect(translation_saved, sender=Translation, dispatch_uid=f"{uid}.translation")
    post_delete.connect(translation_saved, sender=Translation, dispatch_uid=f"{uid}.tr_del")
    post_save.connect(string_saved, sender=StringTranslation, dispatch_uid=f"{uid}.string")
    post_delete.connect(string_saved, sender=StringTranslation, dispatch_uid=f"{uid}.string_del")
    post_save.connect(workflow_state_saved, sender=WorkflowState, dispatch_uid=f"{uid}.workflow")
