"""Either language first: which review a page goes to, and who may change what, by direction.

A page or resource is an *original* in the language it was written in, or a *translation* made
in wagtail-localize's editor from an original in the other language. The review follows the
text, not the tree:

- an original goes to the review assigned to its place (Wagtail's own rule): clinical review
  under the treatment and condition index pages of either language, the French reviewers'
  elsewhere in the French tree, the administration's elsewhere in the English tree;
- a translation goes to the review of its language (the workflow of that language's home page):
  French reviewers for French, the administration for English. Its clinical content was reviewed
  in the original, whose review stamps are synchronised onto it.

Wagtail chooses a page's workflow from its ancestors only, with no hook, so ``Page.get_workflow``
is wrapped once (as ``translations.drafts`` wraps wagtail-localize's writer).
"""

from wagtail.models import Page

_original_get_workflow = Page.get_workflow


def translation_of(obj, enabled_only=True):
    """The enabled wagtail-localize Translation that produces ``obj`` (None for an original).

    ``enabled_only=False`` also finds a translation whose synchronisation was stopped: the page
    is then edited on its own, but it is still the translator's, not an original.
    """
    from wagtail_localize.models import Translation

    if obj.pk is None or not getattr(obj, "translation_key", None):
        return None
    translations = Translation.objects.filter(
        source__object_id=obj.translation_key, target_locale_id=obj.locale_id
    )
    if enabled_only:
        translations = translations.filter(enabled=True)
    return (
        translations.exclude(source__locale_id=obj.locale_id)
        .select_related("source", "source__locale")
        .first()
    )


def source_locale_of(obj):
    """The language ``obj`` was written in first: its translation's source, else its own."""
    translation = translation_of(obj)
    return translation.source.locale if translation is not None else obj.locale


def language_review_workflow(locale):
    """The review of a language: the workflow of that language's home page."""
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return None
    home = site.root_page.get_translation_or_none(locale)
    return _original_get_workflow(home) if home is not None else None


def get_workflow(self):
    workflow = _original_get_workflow(self)
    if workflow is None or self.pk is None or self.depth is None or self.depth <= 2:
        return workflow
    if translation_of(self) is not None:
        return language_review_workflow(self.locale) or workflow
    return workflow


def install():
    if Page.get_workflow is not get_workflow:
        Page.get_workflow = get_workflow


def may_change_originals(user):
    """Whether ``user`` writes originals (and not only translations).

    Translators hold "change" in both trees so that they can save a translation in either
    direction; writing or rewriting an original is an author's (or a reviewer's) work.
    """
    from editorial.services import (
        ADMINISTRATORS,
        CLINICAL_REVIEWERS,
        EDITORS,
        FRENCH_REVIEWERS,
        TRANSLATORS,
    )
    from translations.policy import in_group

    if user.is_superuser:
        return True
    authors = (EDITORS, ADMINISTRATORS, CLINICAL_REVIEWERS, FRENCH_REVIEWERS)
    if any(in_group(user, name) for name in authors):
        return True
    return not in_group(user, TRANSLATORS)
