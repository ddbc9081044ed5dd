"""Operations that change the resource directory: seeding, keeping translations in step."""

from pathlib import Path

from django.db import transaction
from wagtail_localize.models import TranslationSource

from directory.models import DirectoryPage, Resource
from home.localization import translate_from_catalogue
from home.seed_data import Catalogue, load_toml, rich_text

SEED_FILE = Path(__file__).resolve().parent / "content" / "resources.toml"
# Fields of a [[resource]] entry given in both languages ({en = ..., fr = ...}).
TEXT_FIELDS = ("title", "authors", "description", "publisher", "issue", "region", "note")
# Fields of a [[resource]] entry that are the same in every language.
PLAIN_FIELDS = ("kind", "language", "sort_order", "url", "year", "pages")


def load_seed(path=SEED_FILE):
    return load_toml(path)


def catalogue_for(entry, fields):
    """English -> French for the bilingual fields of one seed entry."""
    catalogue = Catalogue()
    for name in fields:
        value = entry.get(name)
        for pair in value if isinstance(value, list) else [value]:
            if isinstance(pair, dict):
                catalogue.pair(pair)
    return catalogue


def _say(stdout, message):
    if stdout is not None:
        stdout.write(message)


def ensure_directory_page(english_home, french_home, data, stdout=None):
    """The English directory page under the home page, and its French translation."""
    page = DirectoryPage.objects.child_of(english_home).first()
    if page is None:
        page = DirectoryPage(
            title=data["title"]["en"],
            slug=data["slug"]["en"],
            search_description=data["search_description"]["en"],
            intro=rich_text(data["intro"], Catalogue()),
            show_in_menus=True,
            locale=english_home.locale,
        )
        english_home.add_child(instance=page)
        page.save_revision().publish()
        _say(stdout, "Created the directory page.")
    if french_home is not None:
        catalogue = catalogue_for(data, ("title", "slug", "search_description", "intro"))
        translate_from_catalogue(page, french_home.locale, catalogue)
    return page


def ensure_resource(entry, english, french, english_home):
    """Create the seeded resource ``entry`` if missing, and its French translation if missing.

    A resource that exists is left as it is: what an editor changed (or hid) is kept.
    Returns True if anything was created.
    """
    created = False
    resource = Resource.objects.filter(seed_key=entry["key"], locale=english).first()
    if resource is None:
        resource = Resource(seed_key=entry["key"], locale=english)
        for name in PLAIN_FIELDS:
            if name in entry:
                setattr(resource, name, entry[name])
        for name in TEXT_FIELDS:
            if name in entry:
                setattr(resource, name, entry[name]["en"])
        if entry.get("page") == "home":
            resource.page = english_home
        resource.full_clean()
        resource.save()
        resource.save_revision().publish()  # the system's own content: live, with a revision
        created = True
    if french is not None and resource.get_translation_or_none(french) is None:
        translate_from_catalogue(resource, french, catalogue_for(entry, TEXT_FIELDS))
        created = True
    return created


def seed_directory(stdout=None):
    """Create the practice's resources and directory page in English and French.

    Idempotent: only what is missing is created, so editors' changes survive every run.
    """
    from home.services import get_home_pages

    data = load_seed()
    english_home, french_home = get_home_pages()
    english = english_home.locale
    french = french_home.locale if french_home is not None else None

    created = 0
    for entry in data["resource"]:
        with transaction.atomic():
            created += ensure_resource(entry, english, french, english_home)
    ensure_directory_page(english_home, french_home, data["page"], stdout=stdout)
    if created:
        _say(stdout, f"Resource directory: added {created} missing resource(s) or translation(s).")
    return created


def propose_shared_fields(resource, user=None):
    """The published source ``resource``'s shared fields, proposed to each translation for review.

    Address, year, pages, document, page link, kind and language describe the resource itself,
    so they never differ between languages; but a change reaches a French resource as a new
    draft revision waiting for French review (its live row, what visitors see, is untouched), and
    the review of its language is started if none is under way. The translation source is
    refreshed too, so the translation editor works from the current English and a later publish
    of the French cannot bring back an old address. Returns the translations given a draft.
    """
    if resource.get_source_resource() is not None:
        return []  # a translation: its shared fields come from the source
    with transaction.atomic():
        if TranslationSource.objects.get_for_instance_or_none(resource) is not None:
            TranslationSource.update_or_create_from_instance(resource)
        shared = {name: getattr(resource, name) for name in Resource.SHARED_FIELDS}
        shared["sort_order"] = resource.sort_order
        proposed = []
        for twin in Resource.objects.filter(translation_key=resource.translation_key).exclude(
            pk=resource.pk
        ):
            draft = twin.get_latest_revision_as_object()
            if all(getattr(draft, name) == value for name, value in shared.items()):
                continue
            for name, value in shared.items():
                setattr(draft, name, value)
            # Not cleaned again: the values are the English's, validated when it was saved, and
            # a French draft's own problem must not stop the English being published.
            draft.save_revision(user=user, log_action=True, clean=False)
            start_review(twin, user)
            proposed.append(twin)
    return proposed


def start_review(resource, user=None):
    """Start the review of ``resource``'s language on its latest revision, unless one is open.

    A review under way carries on (its approval publishes the latest revision, this one); one
    sent back for changes is left for the translator to resubmit.
    """
    resource = Resource.objects.get(pk=resource.pk)
    if resource.current_workflow_state is not None:
        return None
    workflow = resource.get_workflow()
    if workflow is None:
        return None
    return workflow.start(resource, user)
