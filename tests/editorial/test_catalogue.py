"""Our French catalogue must not change Wagtail's own French.

Apps listed earlier in INSTALLED_APPS win for a shared message: an entry "Published" here would
turn Wagtail's « Publié » into ours everywhere in the admin. Generic words carry a context.
"""

from pathlib import Path

import polib
import wagtail
import wagtail_localize

CATALOGUE = Path(__file__).resolve().parents[2] / "editorial/locale/fr_CA/LC_MESSAGES/django.po"


def test_no_entry_overrides_wagtail_or_wagtail_localize():
    ours = {(entry.msgctxt, entry.msgid) for entry in polib.pofile(str(CATALOGUE))}
    roots = [Path(wagtail.__file__).parent, Path(wagtail_localize.__file__).parent]
    theirs = set()
    for root in roots:
        for path in root.glob("**/locale/fr/LC_MESSAGES/django.po"):
            theirs |= {(entry.msgctxt, entry.msgid) for entry in polib.pofile(str(path))}
    assert not ours & theirs


def test_french_typography():
    for entry in polib.pofile(str(CATALOGUE)):
        for text in [entry.msgstr, *entry.msgstr_plural.values()]:
            for mark in ":;?!":
                assert f" {mark}" not in text, (mark, text)  # a plain space before it
            if "«" in text:
                assert "«\u00a0" in text and "\u00a0»" in text, text
