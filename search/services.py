"""Seeding the synonyms and building the index on a first run."""

from django.core.management import call_command

from search.models import SearchSynonyms
from search.synonyms import DEFAULT_SYNONYMS


def seed_synonyms(stdout=None):
    """The issue's synonym groups, once: an editor's later changes are never overwritten."""
    synonyms = SearchSynonyms.load()
    if synonyms.english or synonyms.french:
        return synonyms
    synonyms.english = "\n".join(DEFAULT_SYNONYMS["en-ca"])
    synonyms.french = "\n".join(DEFAULT_SYNONYMS["fr-ca"])
    synonyms.save()
    if stdout is not None:
        stdout.write("Search synonyms seeded (Settings > Search synonyms).")
    return synonyms


def build_index_if_empty(stdout=None):
    """Wagtail's update_index when the search index holds nothing (a first `make run`).

    Afterwards publishing, unpublishing and translating keep it current through Wagtail's
    signal handlers; `manage.py update_index` rebuilds it on demand.
    """
    from wagtail.search.models import IndexEntry

    if IndexEntry.objects.exists():
        return False
    call_command("update_index", verbosity=0)
    if stdout is not None:
        stdout.write("Search index built.")
    return True
