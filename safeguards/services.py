"""Seeding the rule set and the glossary: idempotent, and never overwriting an administrator's
changes (a seeded row is found by its seed key and left as it is)."""

import re
from pathlib import Path

from django.db import transaction

from safeguards.models import ContentRule, GlossaryTerm
from safeguards.rules import RULES

GLOSSARY_FILE = Path(__file__).parent / "content" / "glossary-en-fr.md"
AVOID_IN_NOTE = re.compile(r"not\s+«\s*([^»]+?)\s*»")
PLAIN_TEXT_IN_NOTE = re.compile(r"\"([^\"]+)\"\s+in plain text")
PARENTHESES = re.compile(r"\s*\([^)]*\)")


def parse_glossary(text):
    """[(english, french, avoid, note)] from the glossary's Markdown table.

    A row "hip / knee | hanche / genou" becomes two terms; "physician, doctor" stays one term
    with two English spellings. A note "not « x »" becomes a rendering to avoid.
    """
    rows = []
    for line in text.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) < 2 or not cells[0] or cells[0] in {"English", "---"}:
            continue
        if set(cells[0]) <= {"-", " "}:
            continue
        english, french = PARENTHESES.sub("", cells[0]), PARENTHESES.sub("", cells[1])
        note = cells[2] if len(cells) > 2 else ""
        avoid = ", ".join(AVOID_IN_NOTE.findall(note))
        # "mal de dos" in plain text: an accepted form as well.
        french = ", ".join([french, *PLAIN_TEXT_IN_NOTE.findall(note)])
        english_parts = [p.strip() for p in english.split(" / ")]
        french_parts = [p.strip() for p in french.split(" / ")]
        if len(english_parts) > 1 and len(english_parts) == len(french_parts):
            rows.extend(
                (e, f, avoid, note) for e, f in zip(english_parts, french_parts, strict=True)
            )
        else:
            rows.append((english, french, avoid, note))
    return rows


def _seed_key(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:80]


@transaction.atomic
def seed_safeguards(stdout=None):
    rules_added = 0
    for key, name, language, pattern, reason, suggestion in RULES:
        _rule, created = ContentRule.objects.get_or_create(
            seed_key=key,
            defaults={
                "name": name,
                "language": language,
                "pattern": pattern,
                "reason": reason,
                "suggestion": suggestion,
            },
        )
        rules_added += created
    terms_added = 0
    for english, french, avoid, note in parse_glossary(GLOSSARY_FILE.read_text(encoding="utf-8")):
        # Terms whose French is the English word check nothing ("injection").
        if english.lower() == french.lower():
            continue
        _term, created = GlossaryTerm.objects.get_or_create(
            seed_key=_seed_key(english),
            defaults={"english": english, "french": french, "avoid": avoid, "note": note},
        )
        terms_added += created
    if stdout is not None:
        stdout.write(
            f"Content rules and glossary ready ({rules_added} rules and {terms_added} terms added)."
        )
