"""Seeding translations through wagtail-localize's own records.

The French seed content is a catalogue of English text -> French text. It is turned into a PO
file for the object's translation source and imported exactly as a translator's upload would
be, so the admin's translation editor shows every string as translated and a translator can
carry on from there. See ../shared/notes/wagtail-localize.md for the pitfalls this avoids.
"""

import polib
from django.db import transaction
from wagtail.models import DraftStateMixin, Page
from wagtail_localize.models import StringSegment, Translation, TranslationSource


class MissingTranslation(Exception):
    """The catalogue lacks the French for some of the object's strings."""

    def __init__(self, instance, missing):
        self.missing = missing
        lines = "\n".join(f"  [{context}] {text!r}" for context, text in missing)
        super().__init__(f"No French for {len(missing)} string(s) of {instance!r}:\n{lines}")


def existing_translation(instance, locale):
    """The real (non-alias) translation of ``instance`` in ``locale``, or None."""
    translated = instance.get_translation_or_none(locale)
    if translated is None:
        return None
    if isinstance(translated, Page) and translated.alias_of_id:
        # Locale synchronisation may have made an alias; save_target turns it into a
        # real translation, so an alias does not count as translated.
        return None
    return translated


def build_po(source, catalogue):
    """A PO file of the source's string segments, French from ``catalogue``.

    No X-WagtailLocalize-TranslationID header: import_po would ignore the file if it named
    another translation.
    """
    po = polib.POFile(wrapwidth=0)
    po.metadata = {"MIME-Version": "1.0", "Content-Type": "text/plain; charset=utf-8"}
    missing = []
    segments = (
        StringSegment.objects.filter(source=source)
        .order_by("order")
        .select_related("string", "context")
    )
    for segment in segments:
        text, context = segment.string.data, segment.context.path
        french = catalogue.get(text)
        if not french:
            missing.append((context, text))
            continue
        po.append(polib.POEntry(msgid=text, msgctxt=context, msgstr=french))
    return po, missing


def translate_from_catalogue(instance, locale, catalogue, *, publish=True):
    """Translate ``instance`` into ``locale`` with French from ``catalogue``; return the copy.

    Idempotent: an existing translation is returned untouched, so a translator's later work is
    never overwritten by seeding.
    """
    translated = existing_translation(instance, locale)
    if translated is not None:
        return translated

    with transaction.atomic():
        source, _created = TranslationSource.get_or_create_from_instance(instance)
        po, missing = build_po(source, catalogue)
        if missing:
            raise MissingTranslation(instance, missing)
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=locale
        )
        warnings = translation.import_po(po)
        if warnings:
            raise ValueError(f"PO import warnings for {instance!r}: {warnings}")

        if isinstance(instance, DraftStateMixin):
            # save_target(publish=True) publishes in on_commit with a stale page object,
            # which can reset the parent's child count (and never publishes where on_commit
            # does not run): save a draft, then publish it here.
            translation.save_target(publish=False)
            translated = instance.get_translation(locale)
            if publish:
                translated.get_latest_revision().publish()
                translated.refresh_from_db()
        else:
            translation.save_target(publish=True)
            translated = instance.get_translation(locale)
    return translated
