"""Seeding creates only what is missing: twice changes nothing and keeps editors' work."""

import tomllib
from pathlib import Path

import pytest
from wagtail.models import Page, PageLogEntry, Revision
from wagtail_localize.models import Translation

from treatments.models import ConditionPage, TreatmentPage
from treatments.services import CONTENT_DIR, seed_treatments

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "pages": sorted(Page.objects.values_list("id", "title", "live", "path")),
        "revisions": Revision.objects.count(),
        "translations": Translation.objects.count(),
        "log": PageLogEntry.objects.count(),
    }


def test_seeding_twice_changes_nothing(seeded):
    before = snapshot()
    seed_treatments()
    assert snapshot() == before


def test_seeding_keeps_an_editors_changes(seeded):
    page = seeded["en"][1]
    page.summary = "An editor's better summary."
    page.save_revision().publish()
    french = seeded["fr"][1]
    french.title = "Titre corrigé par une traductrice"
    french.save_revision().publish()

    seed_treatments()
    assert ConditionPage.objects.get(pk=page.pk).summary == "An editor's better summary."
    assert ConditionPage.objects.get(pk=french.pk).title == "Titre corrigé par une traductrice"


def test_a_page_deleted_by_an_editor_comes_back_without_touching_the_others(seeded):
    deleted = seeded["en"][-1]
    deleted.get_translation(seeded["fr"][0].locale).delete()
    deleted.delete()
    kept = seeded["en"][1]
    revisions = kept.revisions.count()
    seed_treatments()
    assert ConditionPage.objects.filter(seed_key=deleted.seed_key).count() == 2
    assert kept.revisions.count() == revisions


def test_french_pages_are_fully_translated_in_the_translation_editor(seeded):
    for page in seeded["en"]:
        translation = Translation.objects.get(
            source__object_id=page.translation_key, target_locale=seeded["fr"][0].locale
        )
        total, done = translation.get_progress()
        assert total > 0
        assert done == total, page.title


def test_seeded_pages_are_due_for_review_and_name_no_reviewer(seeded):
    for page in [*seeded["en"], *seeded["fr"]]:
        assert page.last_reviewed is None
        assert page.reviewed_by == ""
        # Never a due date in the past (nor one that becomes past tomorrow): the report lists
        # pages without one as due now.
        assert page.next_review_due is None
        assert page.review_is_due


def test_every_condition_named_by_the_practice_has_a_page(seeded):
    titles = " ".join(page.title for page in seeded["en"]).lower()
    for name in (
        "low back pain",
        "neck pain",
        "whiplash",
        "cervicogenic headache",
        "plantar fasciitis",
        "foot and ankle",
        "rotator cuff",
        "hip and knee",
        "tmj",
        "osteoarthritis",
        "mechanical back pain",
    ):
        assert name in titles, name


def test_content_files_keep_to_the_rules():
    """No superlative from the source, French typography, references only from evidence.md."""
    forbidden = ("remarkabl", "valuable", "cure", "the best", "guarantee")
    evidence = Path("/work/shared/content/evidence.md")
    evidence_text = evidence.read_text() if evidence.exists() else None
    references = tomllib.loads((CONTENT_DIR / "references.toml").read_text())["reference"]
    for reference in references.values():
        if evidence_text is not None and reference.get("doi"):
            assert reference["doi"] in evidence_text

    def strings(value, key=""):
        if isinstance(value, dict):
            for child_key, child in value.items():
                yield from strings(child, child_key)
        elif isinstance(value, list):
            for child in value:
                yield from strings(child, key)
        elif isinstance(value, str):
            yield key, value

    for path in CONTENT_DIR.glob("*.toml"):
        for key, text in strings(tomllib.loads(path.read_text())):
            assert not any(word in text.lower() for word in forbidden), (path.name, text)
            if key.endswith("fr"):
                for bad in (" :", " ;", " ?", " !", "« ", " »", "'"):
                    assert bad not in text, (path.name, bad, text)


def test_treatment_links_exist_from_every_condition(seeded):
    treatment = next(page for page in seeded["en"] if isinstance(page, TreatmentPage))
    for page in seeded["en"]:
        if isinstance(page, ConditionPage):
            assert [link.treatment_id for link in page.treatment_links.all()] == [treatment.pk]
