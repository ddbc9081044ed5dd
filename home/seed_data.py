"""Reading the bilingual seed files every app keeps its content in.

A seed file is TOML with English and French side by side (`{ en = "...", fr = "..." }`). The
English builds the page or snippet; a `Catalogue` of English -> French is what
`home.localization.translate_from_catalogue` turns into the French translation.
"""

import re
import tomllib

from django.conf import settings
from wagtail.models import Page

# "[Ask the practice](contact)": a link to the English page with that slug (wagtail-localize
# and Wagtail's link handler show the reader's language's twin). Plain words if it is missing.
LINK = re.compile(r"\[([^\]]+)\]\(([a-z0-9-]+)\)")


def load_toml(path):
    with open(path, "rb") as seed_file:
        return tomllib.load(seed_file)


def html_text(text):
    """Text as it appears inside a rich-text element (only &, < and > are escaped there)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class Catalogue(dict):
    """English -> French for every string a seeded object has, plain and as rich-text HTML."""

    def pair(self, value):
        english, french = value["en"], value["fr"]
        self[english] = french
        self[html_text(english)] = html_text(french)
        return english

    def same(self, text):
        """A string that stays as it is in French (titles of English works, DOIs)."""
        self[text] = text
        self[html_text(text)] = html_text(text)
        return text


def linked_page_id(slug):
    page = (
        Page.objects.filter(slug=slug, locale__language_code=settings.LANGUAGE_CODE)
        .only("id")
        .first()
    )
    return page.pk if page else None


def linked_html(english, french, catalogue):
    """(stored HTML, translation-segment HTML in English, the same in French) of a text whose
    "[words](slug)" become page links; the French has the same links in the same order."""
    english_links, french_links = LINK.findall(english), LINK.findall(french)
    if [slug for _words, slug in english_links] != [slug for _words, slug in french_links]:
        raise ValueError(f"The French links differ from the English ones: {english!r}")
    ids = [linked_page_id(slug) for _words, slug in english_links]

    def render(text, segment):
        parts, position = [], 0
        for number, match in enumerate(LINK.finditer(text)):
            parts.append(html_text(text[position : match.start()]))
            words, page_id = html_text(match.group(1)), ids[number]
            if page_id is None:
                parts.append(words)
            elif segment:
                parts.append(f'<a id="a{number + 1}">{words}</a>')
            else:
                parts.append(f'<a linktype="page" id="{page_id}">{words}</a>')
            position = match.end()
        parts.append(html_text(text[position:]))
        return "".join(parts)

    catalogue[render(english, True)] = render(french, True)
    return render(english, False)


def rich_text(entries, catalogue):
    """HTML for paragraph and list-item entries; a "- " prefix makes a list item, "## " a
    heading; "[words](slug)" links to the page with that slug."""
    html, in_list = [], False
    for entry in entries:
        is_item = entry["en"].startswith("- ")
        is_heading = entry["en"].startswith("## ")
        english, french = (
            entry[key].removeprefix("- ").removeprefix("## ") for key in ("en", "fr")
        )
        if LINK.search(english):
            content = linked_html(english, french, catalogue)
        else:
            content = html_text(catalogue.pair({"en": english, "fr": french}))
        if is_item and not in_list:
            html.append("<ul>")
        elif not is_item and in_list:
            html.append("</ul>")
        in_list = is_item
        tag = "li" if is_item else "h2" if is_heading else "p"
        html.append(f"<{tag}>{content}</{tag}>")
    if in_list:
        html.append("</ul>")
    return "".join(html)
