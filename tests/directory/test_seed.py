"""The practice's resources are seeded once, in both languages, and editors' changes survive."""

import re

import pytest
from wagtail_localize.models import Translation

from directory.models import DirectoryPage, Resource
from directory.services import load_seed, seed_directory

pytestmark = pytest.mark.django_db

SEED = load_seed()
CONFIRMED = {
    "journal-of-prolotherapy": "https://journalofprolotherapy.com/",
    "ross-hauser-website": "https://www.caringmedical.com/",
    "aaom": "http://www.aaomed.org/",
}


def snapshot():
    resources = [
        (r.seed_key, r.locale_id, r.title, r.description, r.url, r.is_shown, r.translation_key)
        for r in Resource.objects.order_by("seed_key", "locale_id")
    ]
    pages = list(DirectoryPage.objects.values_list("id", "title", "live", "path"))
    return resources, pages, Translation.objects.count()


def test_seed_creates_every_resource_in_english_and_french(seeded, locales):
    english, french = locales
    keys = [entry["key"] for entry in SEED["resource"]]
    assert len(keys) == len(set(keys)) == 16
    assert set(Resource.objects.filter(locale=english).values_list("seed_key", flat=True)) == set(
        keys
    )
    assert set(Resource.objects.filter(locale=french).values_list("seed_key", flat=True)) == set(
        keys
    )
    counts = {}
    for entry in SEED["resource"]:
        counts[entry["kind"]] = counts.get(entry["kind"], 0) + 1
    assert counts == {"website": 7, "article": 2, "book": 3, "learning": 1, "organization": 3}


def test_french_is_a_wagtail_localize_translation(seeded, locales):
    resource = Resource.objects.get(seed_key="primal-pictures", locale=locales[0])
    translation = Translation.objects.get(
        source__object_id=resource.translation_key, target_locale=locales[1]
    )
    # Title and description, both translated: the translation editor shows 100 %.
    assert translation.get_progress() == (2, 2)
    assert resource.get_translation(locales[1]).description.startswith("Anatomie humaine")


def test_only_confirmed_addresses_are_filled(seeded):
    addresses = dict(Resource.objects.exclude(url="").values_list("seed_key", "url").distinct())
    assert addresses == CONFIRMED


def test_the_practice_links_to_the_home_page(seeded, home_pages):
    practice = Resource.objects.filter(seed_key="this-practice")
    assert {resource.page_id for resource in practice} == {home_pages[0].pk}


def test_directory_page_is_live_in_menus_in_both_languages(seeded):
    english, french = seeded
    assert english.live and french.live
    assert english.show_in_menus and french.show_in_menus
    assert (english.title, french.title) == ("Resources", "Ressources")
    assert (english.url, french.url) == ("/en-ca/resources/", "/fr-ca/ressources/")


def test_seeding_twice_changes_nothing(seeded):
    before = snapshot()
    assert seed_directory() == 0
    assert snapshot() == before


def test_seeding_keeps_what_editors_changed_or_hid(seeded, locales):
    english, french = locales
    Resource.objects.filter(seed_key="william-faber-website", locale=english).update(
        url="https://faber.example/", description="Edited by the practice."
    )
    Resource.objects.filter(seed_key="primal-pictures").update(is_shown=False)
    Resource.objects.filter(seed_key="aaom", locale=french).update(title="AAOM (modifié)")

    seed_directory()

    faber = Resource.objects.get(seed_key="william-faber-website", locale=english)
    assert (faber.url, faber.description) == ("https://faber.example/", "Edited by the practice.")
    assert not Resource.objects.filter(seed_key="primal-pictures", is_shown=True).exists()
    assert Resource.objects.get(seed_key="aaom", locale=french).title == "AAOM (modifié)"


def test_seeding_restores_a_missing_french_translation_only(seeded, locales):
    english, french = locales
    Resource.objects.filter(seed_key="aaom", locale=french).delete()
    created = seed_directory()
    assert created == 1
    assert Resource.objects.filter(seed_key="aaom", locale=french).exists()


def test_seed_output_is_quiet_when_nothing_changes(seeded):
    class Out:
        lines = []

        def write(self, line):
            self.lines.append(line)

    seed_directory(stdout=Out())
    assert Out.lines == []


# The seed file is the French a reader sees: its typography is checked here.
FRENCH_TEXTS = [
    value["fr"]
    for entry in [*SEED["resource"], SEED["page"]]
    for item in entry.values()
    for value in (item if isinstance(item, list) else [item])
    if isinstance(value, dict)
]


@pytest.mark.parametrize("text", FRENCH_TEXTS)
def test_french_seed_typography(text):
    assert not re.search(r"[^\u00a0\u202f][:;!?](\s|$)", text.replace("://", "")), text
    assert " :" not in text and " ;" not in text
    assert "« " not in text and " »" not in text
    assert "Dr." not in text, "« Dr » takes no period in French"
    assert "site web" not in text.lower() or "site Web" in text
    assert "'" not in text, "use the typographic apostrophe"


def test_no_superlatives_or_invented_facts_in_seed():
    everything = str(SEED).lower()
    for word in ("superb", "remarkabl", "the best", "cure"):
        assert word not in everything
    for entry in SEED["resource"]:
        if entry["key"] not in CONFIRMED:
            assert "url" not in entry
        if entry["kind"] == "book":
            assert "year" not in entry and "publisher" not in entry
