"""Operations that change treatment and condition content: seeding the practice's pages.

The content lives in ``treatments/content/*.toml``, English and French side by side, so a
writer can read and correct it. English pages are created from it; French pages go through
wagtail-localize's translation records (``home.localization.translate_from_catalogue``), so the
translation editor shows them fully translated.
"""

import uuid
from pathlib import Path

from django.db import transaction

from home.localization import MissingTranslation, translate_from_catalogue
from home.seed_data import Catalogue, load_toml, rich_text
from treatments.models import (
    ConditionIndexPage,
    ConditionPage,
    ConditionTreatment,
    TreatmentIndexPage,
    TreatmentPage,
)

CONTENT_DIR = Path(__file__).resolve().parent / "content"
# Block ids must be the same on every database, or the French no longer matches its English.
BLOCK_ID_NAMESPACE = uuid.UUID("5f3c1a52-7a0e-4a8e-9d55-0c7c2f6f7b1e")

TREATMENT_SECTIONS = (
    "about",
    "history",
    "who_provides",
    "when_to_consider",
    "what_to_expect",
    "risks",
    "alternatives",
    "evidence",
    "fees",
)
CONDITION_SECTIONS = (
    "about",
    "causes",
    "diagnosis",
    "self_care",
    "see_a_doctor",
    "how_long",
    "treatment_may_help",
    "course",
    "evidence",
)


def load_content(content_dir=CONTENT_DIR):
    """{"indexes": ..., "references": ..., "treatments": [...], "conditions": [...]}."""
    content_dir = Path(content_dir)
    return {
        "indexes": load_toml(content_dir / "indexes.toml"),
        "references": load_toml(content_dir / "references.toml")["reference"],
        "treatments": [load_toml(path) for path in sorted(content_dir.glob("treatment-*.toml"))],
        "conditions": [load_toml(path) for path in sorted(content_dir.glob("condition-*.toml"))],
    }


def block_id(*parts):
    return str(uuid.uuid5(BLOCK_ID_NAMESPACE, ":".join(str(part) for part in parts)))


def section_blocks(key, field, entries, catalogue):
    """Raw StreamField data (with fixed ids) for a section written as a list of entries.

    An entry is a paragraph or list item ({en, fr}), a callout ({callout = "note" or
    "important", en, fr, heading_en?, heading_fr?}, or ``body`` = a list of entries instead of
    en and fr), a question ({question_en, question_fr, en, fr}) or the practice's phone and
    after-hours advice ({practice_contact = true}, shown from Practice details). Consecutive
    paragraphs and list items make one text block.
    """
    blocks, text_run = [], []

    def flush():
        if text_run:
            blocks.append(
                {
                    "type": "text",
                    "id": block_id(key, field, len(blocks)),
                    "value": rich_text(text_run, catalogue),
                }
            )
            text_run.clear()

    for entry in entries:
        if entry.get("practice_contact"):
            flush()
            blocks.append(
                {"type": "practice_contact", "id": block_id(key, field, len(blocks)), "value": None}
            )
        elif "callout" in entry:
            flush()
            heading = ""
            if entry.get("heading_en"):
                heading = catalogue.pair({"en": entry["heading_en"], "fr": entry["heading_fr"]})
            blocks.append(
                {
                    "type": "callout",
                    "id": block_id(key, field, len(blocks)),
                    "value": {
                        "kind": entry["callout"],
                        "heading": heading,
                        "body": rich_text(entry.get("body", [entry]), catalogue),
                    },
                }
            )
        elif "question_en" in entry:
            flush()
            question = catalogue.pair({"en": entry["question_en"], "fr": entry["question_fr"]})
            blocks.append(
                {
                    "type": "question",
                    "id": block_id(key, field, len(blocks)),
                    "value": {"question": question, "answer": rich_text([entry], catalogue)},
                }
            )
        else:
            text_run.append(entry)
    flush()
    return blocks


def item_blocks(key, field, pairs, catalogue):
    return [
        {"type": "item", "id": block_id(key, field, index), "value": catalogue.pair(pair)}
        for index, pair in enumerate(pairs)
    ]


def reference_blocks(key, reference_keys, references, catalogue):
    blocks = []
    for reference_key in reference_keys:
        reference = references[reference_key]
        value = {
            "authors": catalogue.same(reference.get("authors", ""))
            if reference.get("authors")
            else "",
            "title": catalogue.same(reference["title"]),
            "publication": catalogue.same(reference["publication"])
            if reference.get("publication")
            else "",
            "doi": catalogue.same(reference["doi"]) if reference.get("doi") else "",
            "url": reference.get("url", ""),
            "language": reference.get("language", "en"),
        }
        blocks.append(
            {"type": "reference", "id": block_id(key, "references", reference_key), "value": value}
        )
    return blocks


def _say(stdout, message):
    if stdout is not None:
        stdout.write(message)


def _publish_new_child(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def ensure_index(model, english_home, french_home, data, stdout=None):
    """The index page of ``model`` under the English home, and its French translation."""
    catalogue = Catalogue()
    title = catalogue.pair(data["title"])
    slug = catalogue.pair(data["slug"])
    intro = rich_text(data.get("intro", []), catalogue)
    # The first sentence pair doubles as the search description, which the home page's
    # cards and search engines show.
    description = catalogue.pair(data["intro"][0]) if data.get("intro") else ""
    page = model.objects.child_of(english_home).first()
    if page is None:
        page = _publish_new_child(
            english_home,
            model(
                title=title,
                slug=slug,
                intro=intro,
                search_description=description,
                show_in_menus=True,
                locale=english_home.locale,
            ),
        )
        _say(stdout, f"Created the page “{title}”.")
    if french_home is not None:
        translate_from_catalogue(page, french_home.locale, catalogue)
    return page


def clinical_fields(data, sections, references, catalogue):
    key = data["key"]
    fields = {
        "seed_key": key,
        "title": catalogue.pair(data["title"]),
        "slug": catalogue.pair(data["slug"]),
        "summary": catalogue.pair(data["summary"]),
        "references": reference_blocks(key, data.get("references", []), references, catalogue),
        # Not reviewed yet, and no due date: a date set here would be in the past on the next
        # day, and the page would tell readers its review is overdue. The clinical review report
        # lists pages without a due date as due now; the approval sets the next date.
        "next_review_due": None,
        "show_in_menus": True,
    }
    for name in sections:
        fields[name] = section_blocks(key, name, data.get(name, []), catalogue)
    return fields


def ensure_clinical_page(model, index, french, data, references, stdout=None, prepare=None):
    """Create the seeded page ``data`` under ``index`` if missing; translate it if missing.

    An existing page is never changed, so an editor's work survives every run.
    """
    catalogue = Catalogue()
    sections = TREATMENT_SECTIONS if model is TreatmentPage else CONDITION_SECTIONS
    fields = clinical_fields(data, sections, references, catalogue)
    if model is TreatmentPage:
        fields["other_names"] = item_blocks(
            data["key"], "other_names", data["other_names"], catalogue
        )
    else:
        fields["symptoms"] = item_blocks(
            data["key"], "symptoms", data.get("symptoms", []), catalogue
        )
        fields["urgent_care"] = rich_text(data["urgent_care"], catalogue)

    page = model.objects.filter(seed_key=data["key"], locale=index.locale).first()
    created = page is None
    with transaction.atomic():
        if created:
            page = model(locale=index.locale, **fields)
            if prepare is not None:
                prepare(page)
            page.full_clean(exclude=["path", "depth", "url_path"])
            page = _publish_new_child(index, page)
            _say(stdout, f"Created the page “{page.title}”.")
        if french is not None:
            try:
                translate_from_catalogue(page, french, catalogue)
            except MissingTranslation:
                if created:
                    raise  # the seed data itself lacks French: a bug to fix in content/
                # The English was edited before any French existed: a translator takes over.
                _say(
                    stdout,
                    f"No French created for “{page.title}”: its English has changed since it "
                    "was seeded. Translate it in the admin.",
                )
    return page


def seed_treatments(stdout=None):
    """Create the practice's treatment and condition pages in English and French.

    Idempotent: only what is missing is created (pages, French translations), so running it
    again changes nothing and never overwrites an editor's or a translator's work.
    """
    from home.services import get_home_pages

    content = load_content()
    references = content["references"]
    english_home, french_home = get_home_pages()
    french = french_home.locale if french_home is not None else None

    treatment_index = ensure_index(
        TreatmentIndexPage, english_home, french_home, content["indexes"]["treatments"], stdout
    )
    condition_index = ensure_index(
        ConditionIndexPage, english_home, french_home, content["indexes"]["conditions"], stdout
    )

    treatments = {}
    for data in content["treatments"]:
        treatments[data["key"]] = ensure_clinical_page(
            TreatmentPage, treatment_index, french, data, references, stdout
        )

    for data in content["conditions"]:
        links = [
            ConditionTreatment(treatment=treatments[key], sort_order=order)
            for order, key in enumerate(data.get("treatments", []))
        ]
        ensure_clinical_page(
            ConditionPage,
            condition_index,
            french,
            data,
            references,
            stdout,
            prepare=lambda page, links=links: setattr(page, "treatment_links", links),
        )
