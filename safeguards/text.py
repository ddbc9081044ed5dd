"""The words a reader sees on a page or resource, field by field, as plain text."""

import html
import re
from dataclasses import dataclass

from django.db import models
from django.utils.html import strip_tags
from wagtail.blocks import StreamValue, StructValue
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.rich_text import RichText

# Longer text is cut before checking, so a pasted book cannot hold the editor up.
MAX_FIELD_CHARS = 50_000

# Fields that hold no prose a reader is told (records, identifiers) or that quote other people's
# words (the titles of published references).
SKIPPED_FIELDS = {
    "seed_key",
    "slug",
    "url_path",
    "draft_title",
    "seo_title",
    "reviewed_by",
    "french_reviewed_by",
    "references",
    "authors",
    "publisher",
    "issue",
    "pages",
    "region",
    "url",
}
PAGE_FIELDS_KEPT = {"title", "search_description"}


@dataclass
class FieldText:
    name: str
    label: str
    text: str


def _plain(html_text):
    text = html.unescape(strip_tags(re.sub(r"</(p|li|h\d)>", "\\g<0>\n", html_text)))
    return text


def stream_text(value):
    """Plain text of a StreamField value (or any block value), blocks in order."""
    parts = []
    if isinstance(value, StreamValue):
        for child in value:
            parts.append(stream_text(child.value))
    elif isinstance(value, StructValue):
        for child in value.values():
            parts.append(stream_text(child))
    elif isinstance(value, RichText):
        parts.append(_plain(value.source))
    elif isinstance(value, list | tuple):
        for child in value:
            parts.append(stream_text(getattr(child, "value", child)))
    elif isinstance(value, str):
        parts.append(value)
    return "\n".join(part for part in parts if part)


def _text_fields(model):
    page_fields = {f.name for f in Page._meta.get_fields()} if issubclass(model, Page) else set()
    for field in model._meta.get_fields():
        if not getattr(field, "concrete", False) or field.name in SKIPPED_FIELDS:
            continue
        if field.name in page_fields and field.name not in PAGE_FIELDS_KEPT:
            continue
        if getattr(field, "choices", None):
            continue
        if isinstance(field, StreamField | RichTextField | models.TextField | models.CharField):
            yield field


def field_texts(instance):
    """[FieldText] of the instance's reader-facing fields, each cut to MAX_FIELD_CHARS."""
    texts = []
    for field in _text_fields(type(instance)):
        value = getattr(instance, field.name, None)
        if not value:
            continue
        if isinstance(field, StreamField):
            text = stream_text(value)
        elif isinstance(field, RichTextField):
            text = _plain(value)
        else:
            text = str(value)
        if text.strip():
            texts.append(FieldText(field.name, str(field.verbose_name), text[:MAX_FIELD_CHARS]))
    return texts


def language_of(instance):
    locale = getattr(instance, "locale", None)
    code = locale.language_code if locale is not None else "en"
    return "fr" if code.startswith("fr") else "en"
