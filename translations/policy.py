"""The one rule: who may put a page or a resource live without going through a review.

Everything that writes a live row from the admin asks this module: the page editor's and the
snippet editor's Publish (``before_publish*`` hooks), bulk publishing, and wagtail-localize's
own writers (translation editor, "Translate", "Sync", subtree translation), which all end in
``TranslationSource.create_or_update_translation`` (see ``translations.drafts``).

- Administrators (superusers or the "Administrators" group) may publish anything.
- Clinical pages go live only through a clinical reviewer's approval, in whichever language they
  are written first; a translation of a clinical page (either way) through its language's review.
- French pages and French resources go live only through a French reviewer.
- Nothing in review is published past its reviewer: the reviewer approves (which stamps the
  review) rather than pressing a plain Publish.
- English translations of French originals go live only through the administration (the
  English review).
- English originals that are not clinical follow Wagtail's own permissions (only administrators
  hold "publish" there, so editors submit them for review).
- English resources go live only through the administration's approval: snippet permissions
  are per model, so the French reviewers' "publish" right on resources does not reach them.

``user=None`` is the system itself (the setup command, scheduled publishing), never a request.
"""

from django.utils.translation import gettext as _
from wagtail.models import Page, WorkflowState

from editorial.services import ADMINISTRATORS, FRENCH, FRENCH_REVIEWERS, is_clinical_page


def in_group(user, name):
    """Whether ``user`` is in the group ``name``; their groups are read once per user object.

    getattr, not ``user.__dict__``: request.user is a lazy wrapper whose own __dict__ never holds
    the memo (it is set on the wrapped user), so that test asked the database every time."""
    groups = getattr(user, "_translation_groups", None)
    if groups is None:
        groups = user._translation_groups = set(user.groups.values_list("name", flat=True))
    return name in groups


def is_administrator(user):
    return bool(user.is_superuser or in_group(user, ADMINISTRATORS))


def is_french_reviewer(user):
    return in_group(user, FRENCH_REVIEWERS)


def language_of(obj, locale=None):
    locale = locale or getattr(obj, "locale", None)
    return locale.language_code if locale is not None else None


def is_translation(obj):
    """Whether ``obj`` is a translation made from another language's original (either way)."""
    from translations.direction import translation_of

    return translation_of(obj) is not None


def in_review(obj):
    return (
        obj.pk is not None
        and getattr(obj, "workflow_states", None) is not None
        and obj.workflow_states.filter(status=WorkflowState.STATUS_IN_PROGRESS).exists()
    )


def refusal(user, obj, locale=None):
    """Why ``user`` may not put ``obj`` (in ``locale``) live directly, or None if they may."""
    if user is None or is_administrator(user):
        return None
    if isinstance(obj, Page):
        obj = obj.specific
    language = language_of(obj, locale)
    target_is_translation = locale is not None and locale.pk != obj.locale_id
    if in_review(obj) and not target_is_translation:
        return _(
            "This is waiting for review: the reviewer approves it (which publishes it and "
            "records the review). Nothing was published."
        )
    translated = target_is_translation or is_translation(obj)
    if is_clinical_page(obj) and not translated:
        # The original, in whichever language it is written first.
        return _(
            "Clinical pages go live only when a clinical reviewer approves them: submit the "
            "page for clinical review. Nothing was published."
        )
    if language == FRENCH and not is_french_reviewer(user):
        return _(
            "French content goes live only when a French reviewer approves it: submit it for "
            "review. Nothing was published."
        )
    if language != FRENCH and translated:
        # English made from a French original: the English review is the administration's.
        return _(
            "English translations go live only when the administration approves them: submit "
            "the translation for review. Nothing was published."
        )
    if language != FRENCH and not isinstance(obj, Page):
        return _(
            "English resources go live only when the administration approves them: submit it "
            "for review. Nothing was published."
        )
    return None


def unpublish_refusal(user, obj):
    """Why ``user`` may not take the snippet ``obj`` off the site, or None if they may.

    Page rights are per language subtree already; snippet rights are per model: only the
    language's approvers (administrators for English, French reviewers for French) unpublish.
    """
    if user is None or is_administrator(user) or isinstance(obj, Page):
        return None
    if language_of(obj) == FRENCH and is_french_reviewer(user):
        return None
    return _(
        "Only the reviewers of its language take this off the site (the administration for "
        "English). Nothing was changed."
    )


def may_publish_directly(user, obj, locale=None):
    return refusal(user, obj, locale) is None
