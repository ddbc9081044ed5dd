"""The query's words marked in a summary, escaped first so no input ever reaches the page raw."""

import re
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import mark_safe

from search.text import fold

TOKEN = re.compile(r"(\w+)", re.UNICODE)


def same_word(text_word, query_word):
    """Equal once folded, or sharing a stem: "genoux" ~ "genou", "knees" ~ "knee".

    An approximation of the backends' stemming, for highlighting and ordering only.
    """
    if text_word == query_word:
        return True
    shortest = min(len(text_word), len(query_word))
    if shortest < 4:
        return False
    common = 0
    for a, b in zip(text_word, query_word, strict=False):
        if a != b:
            break
        common += 1
    return common >= max(4, shortest - 2)


@lru_cache(maxsize=8192)
def _folded(word):
    return fold(word)


def _is_marked(word, marked):
    folded = _folded(word)
    return folded in marked or any(same_word(folded, query_word) for query_word in marked)


def matches(text, marked):
    return any(_is_marked(word, marked) for word in TOKEN.findall(text or ""))


def highlight(text, marked):
    parts = []
    for index, part in enumerate(TOKEN.split(text or "")):
        if index % 2 and _is_marked(part, marked):
            parts.append(f"<mark>{escape(part)}</mark>")
        else:
            parts.append(escape(part))
    return mark_safe("".join(parts))  # noqa: S308 - every part escaped above  # nosec B308 B703
