"""Operations that set up the site: locales, the site and its home pages, the admin login."""

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.models import Locale, Page, Site

from home.localization import translate_from_catalogue
from home.models import HomePage
from home.seed_data import Catalogue, load_toml, rich_text

CONTENT_DIR = Path(__file__).resolve().parent / "content"
ADMIN_USERNAME = "admin"
FRENCH = "fr-ca"


def home_content():
    """The seeded home page's English fields, and the catalogue of their French."""
    data = load_toml(CONTENT_DIR / "home.toml")
    catalogue = Catalogue()
    fields = {
        "title": catalogue.pair(data["title"]),
        "slug": catalogue.pair(data["slug"]),
        "intro": rich_text(data["intro"], catalogue),
    }
    return fields, catalogue


def ensure_locales():
    english, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    french, _ = Locale.objects.get_or_create(language_code=FRENCH)
    return english, french


def ensure_english_home(english, fields):
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

    home = HomePage(**fields, locale=english)
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
    fields, catalogue = home_content()
    with transaction.atomic():
        english, french = ensure_locales()
        english_home = ensure_english_home(english, fields)
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
