"""A word-level comparison of two versions of an English string, for the translator."""

import difflib
import html
import re

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

_WORDS = re.compile(r"\s+|[^\s]+")


def plain(text):
    """A segment's text as read: rich text segments carry tags (``<a id="a1">``, ``<b>``)."""
    return html.unescape(strip_tags(text or "")).replace("\xa0", " ").strip()


def word_diff(before, after):
    """HTML of ``after`` with the words removed since ``before`` in ``<del>`` and those added
    in ``<ins>`` (difflib over words and spaces, so paragraphs keep their spacing)."""
    old, new = _WORDS.findall(plain(before)), _WORDS.findall(plain(after))
    parts = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            parts.append(escape("".join(new[j1:j2])))
            continue
        removed, added = "".join(old[i1:i2]), "".join(new[j1:j2])
        if removed.strip():
            parts.append(f"<del>{escape(removed)}</del>")
        elif removed:
            parts.append(escape(removed))
        if added.strip():
            parts.append(f"<ins>{escape(added)}</ins>")
        elif added and not removed:
            parts.append(escape(added))
    return mark_safe("".join(parts))  # noqa: S308 - every piece above is escaped  # nosec B308 B703
