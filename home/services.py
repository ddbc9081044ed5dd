"""Operations that set up the site: locales, the site and its home pages, the admin login."""

import secrets
import tomllib
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.html import escape
from wagtail.models import Locale, Page, Site

from home.localization import translate_from_catalogue
from home.models import HomePage

CONTENT_DIR = Path(__file__).resolve().parent / "content"
ADMIN_USERNAME = "admin"
FRENCH = "fr-ca"


def load_bilingual(path):
    """Read a bilingual TOML seed file: {field: {"en": ..., "fr": ...} or a list of them}."""
    with open(path, "rb") as seed_file:
        return tomllib.load(seed_file)


def catalogue_of(data):
    """English -> French for every {"en", "fr"} pair found anywhere in ``data``."""
    catalogue = {}

    def walk(value):
        if isinstance(value, dict):
            if "en" in value and "fr" in value:
                catalogue[value["en"]] = value["fr"]
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(data)
    return catalogue


def paragraphs_html(pairs, language="en"):
    return "".join(f"<p>{escape(pair[language])}</p>" for pair in pairs)


def ensure_locales():
    english, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    french, _ = Locale.objects.get_or_create(language_code=FRENCH)
    return english, french


def ensure_english_home(english):
    """The default site's root page is an English HomePage (Wagtail's welcome page goes)."""
    site = Site.objects.filter(is_default_site=True).first()
    root_page = site.root_page.specific if site else None
    if isinstance(root_page, HomePage):
        return root_page

    tree_root = Page.get_first_root_node()
    if site is None:
        site = Site(is_default_site=True, hostname="localhost", port=80, root_page=tree_root)
    if root_page is not None and root_page.depth == 2 and not root_page.get_children().exists():
        # Wagtail's placeholder "Welcome to your new Wagtail site!" holds the slug "home".
        site.root_page = tree_root
        site.save()
        root_page.delete()

    data = load_bilingual(CONTENT_DIR / "home.toml")
    home = HomePage(
        title=data["title"]["en"],
        slug=data["slug"]["en"],
        intro=paragraphs_html(data["intro"]),
        locale=english,
    )
    tree_root.add_child(instance=home)
    home.save_revision().publish()
    site.root_page = home
    site.site_name = settings.WAGTAIL_SITE_NAME
    site.save()
    return home


def get_home_pages():
    """(English home, French home or None)."""
    english_home = Site.objects.get(is_default_site=True).root_page.specific
    french = Locale.objects.filter(language_code=FRENCH).first()
    french_home = english_home.get_translation_or_none(french) if french else None
    return english_home, french_home.specific if french_home else None


def setup_site():
    """Locales, the site and its home page in both languages. Safe to run any number of times."""
    with transaction.atomic():
        english, french = ensure_locales()
        english_home = ensure_english_home(english)
    catalogue = catalogue_of(load_bilingual(CONTENT_DIR / "home.toml"))
    french_home = translate_from_catalogue(english_home, french, catalogue)
    return english_home, french_home


def ensure_admin_user():
    """Create the first administrator once; return (username, password or None if it existed)."""
    user_model = get_user_model()
    if user_model.objects.filter(is_superuser=True).exists():
        return ADMIN_USERNAME, None
    password = secrets.token_urlsafe(12)
    user_model.objects.create_superuser(ADMIN_USERNAME, email="", password=password)
    return ADMIN_USERNAME, password
