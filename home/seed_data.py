"""Reading the bilingual seed files every app keeps its content in.

A seed file is TOML with English and French side by side (`{ en = "...", fr = "..." }`). The
English builds the page or snippet; a `Catalogue` of English -> French is what
`home.localization.translate_from_catalogue` turns into the French translation.
"""

import tomllib


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


def rich_text(entries, catalogue):
    """HTML for paragraph and list-item entries; a "- " prefix makes a list item."""
    html, in_list = [], False
    for entry in entries:
        english = catalogue.pair(
            {key: value.removeprefix("- ") for key, value in entry.items() if key in ("en", "fr")}
        )
        is_item = entry["en"].startswith("- ")
        if is_item and not in_list:
            html.append("<ul>")
        elif not is_item and in_list:
            html.append("</ul>")
        in_list = is_item
        tag = "li" if is_item else "p"
        html.append(f"<{tag}>{html_text(english)}</{tag}>")
    if in_list:
        html.append("</ul>")
    return "".join(html)
