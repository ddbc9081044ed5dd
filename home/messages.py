"""Checks on the French UI catalogues (project-wide locale/ and each app's locale/)."""

import os
import re
import shutil
import tempfile
from pathlib import Path

import polib
from django.conf import settings
from django.core.management import call_command
from django.test.utils import override_settings

CATALOGUE_GLOB = "*/fr_CA/LC_MESSAGES/django.po"
IGNORED = [".venv", "node_modules", "tests", "staticfiles", "data"]
VOLATILE_HEADER = re.compile(r'^"POT-Creation-Date: .*\\n"\n', re.MULTILINE)


def catalogues(root=None):
    root = Path(root or settings.BASE_DIR)
    found = sorted(root.glob("locale/fr_CA/LC_MESSAGES/django.po"))
    found += sorted(root.glob("*/locale/fr_CA/LC_MESSAGES/django.po"))
    return [path for path in found if ".venv" not in path.parts]


def stale_catalogues(root):
    """Catalogues that makemessages would change (run on a scratch copy of the sources)."""
    root = Path(root)
    problems = []
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "src"
        shutil.copytree(root, copy, ignore=shutil.ignore_patterns(*IGNORED, ".git"))
        cwd = Path.cwd()
        try:
            os.chdir(copy)
            # LOCALE_PATHS points into the real tree: aim it at the copy, or makemessages
            # would rewrite the real project catalogue and the comparison would see nothing.
            with override_settings(LOCALE_PATHS=[copy / "locale"]):
                call_command(
                    "makemessages",
                    locale=["fr_CA"],
                    add_location="file",
                    ignore_patterns=IGNORED,
                    verbosity=0,
                )
        finally:
            os.chdir(cwd)
        for original in catalogues(root):
            regenerated = copy / original.relative_to(root)
            before = VOLATILE_HEADER.sub("", original.read_text(encoding="utf-8"))
            after = VOLATILE_HEADER.sub("", regenerated.read_text(encoding="utf-8"))
            if before != after:
                problems.append(f"{original.relative_to(root)}: out of date with the source")
        for created in copy.glob("*/locale/fr_CA/LC_MESSAGES/django.po"):
            if not (root / created.relative_to(copy)).exists():
                problems.append(f"{created.relative_to(copy)}: missing catalogue")
    return problems


def incomplete_entries(path):
    problems = []
    po = polib.pofile(str(path))
    for entry in po:
        if entry.obsolete:
            continue
        if "fuzzy" in entry.flags:
            problems.append(f"{path}: fuzzy: {entry.msgid!r}")
        elif entry.msgid_plural:
            if not all(entry.msgstr_plural.values()):
                problems.append(f"{path}: empty plural: {entry.msgid!r}")
        elif not entry.msgstr:
            problems.append(f"{path}: empty: {entry.msgid!r}")
    mo_path = path.with_suffix(".mo")
    if not mo_path.exists():
        problems.append(f"{path}: not compiled (no .mo)")
    else:
        compiled = {
            (e.msgctxt, e.msgid): e.msgstr
            for e in polib.mofile(str(mo_path))
            if e.msgid and not e.msgid_plural
        }
        current = {
            (e.msgctxt, e.msgid): e.msgstr for e in po.translated_entries() if not e.msgid_plural
        }
        if compiled != current:
            problems.append(f"{mo_path}: out of date with the .po (run `make messages`)")
    return problems


def catalogue_problems(root=None):
    root = Path(root or settings.BASE_DIR)
    problems = stale_catalogues(root)
    for path in catalogues(root):
        problems += incomplete_entries(path)
    return problems
