"""Operations that change the practice's data: seeding, storing a request, notifying, purging."""

import logging
from pathlib import Path

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Site

from home.localization import MissingTranslation, translate_from_catalogue
from home.seed_data import Catalogue, load_toml, rich_text
from home.services import get_home_pages
from practice.consent import CONSENT_VERSION
from practice.models import (
    AccessibilityStatementPage,
    AppointmentRequest,
    ContactPage,
    PracticeDetails,
    PrivacyStatementPage,
)
from practice.selectors import practice_details, purge_cutoff

logger = logging.getLogger(__name__)


def store_request(cleaned_data, form_language):
    """Save a request and, once it is committed, tell the practice one is waiting."""
    fields = {
        name: cleaned_data[name]
        for name in (
            "topic",
            "name",
            "contact_method",
            "phone",
            "email",
            "preferred_language",
            "preferred_times",
            "reason",
        )
    }
    with transaction.atomic():
        appointment_request = AppointmentRequest.objects.create(
            **fields, form_language=form_language, consent_version=CONSENT_VERSION
        )
        transaction.on_commit(lambda: notify_practice(appointment_request))
    return appointment_request


def notify_practice(appointment_request):
    """Tell the practice a request is waiting: the e-mail goes from the task worker, so the
    patient's request never waits on (or fails with) the mail server. The task holds only the
    request's number; the message only says a request arrived, with the admin's link."""
    from practice.tasks import send_request_notice

    try:
        send_request_notice.enqueue(appointment_request.pk)
    except Exception:  # noqa: BLE001 - the request is stored and shows in the admin either way
        logger.exception("Could not queue the notice of a new request (it is stored).")
        return False
    return True


def request_notice(request_pk):
    """The notice e-mail for request ``request_pk``, or None (deleted meanwhile, or no address).

    No name, contact detail or reason: e-mail is not a safe place for them.
    """
    if not AppointmentRequest.objects.filter(pk=request_pk).exists():
        return None
    details = practice_details(settings.LANGUAGE_CODE)
    recipient = settings.REQUEST_NOTIFICATION_EMAIL or (details.email if details else "")
    if not recipient:
        logger.warning("A request is waiting, but no practice e-mail is set to tell anyone.")
        return None
    link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "practice_requests:edit", args=[request_pk]
    )
    with translation.override(settings.LANGUAGE_CODE):
        subject = gettext("A new request is waiting on the website")
        body = gettext(
            "A new request was sent through the website's contact page. Read it in the admin "
            "(sign-in needed):\n\n%(link)s\n\nThis message holds none of its details, on purpose."
        ) % {"link": link}
    return EmailMessage(subject, body, None, [recipient])


def purge_requests(now=None):
    """Delete requests older than REQUEST_RETENTION_DAYS; return how many went."""
    deleted, _by_model = AppointmentRequest.objects.filter(
        received_at__lt=purge_cutoff(now)
    ).delete()
    return deleted


# Seeding ----------------------------------------------------------------------------------------

CONTENT_DIR = Path(__file__).resolve().parent / "content"
PAGES = (
    ("contact", ContactPage, ("intro", "first_visit", "sent_message")),
    ("privacy", PrivacyStatementPage, ("body",)),
    ("accessibility", AccessibilityStatementPage, ("body",)),
)


def _say(stdout, message):
    if stdout is not None:
        stdout.write(message)


def details_fields(data, catalogue):
    """PracticeDetails fields from the seed: words through ``catalogue``, the rest as they are."""
    fields = {
        name: catalogue.pair(value) if isinstance(value, dict) else value
        for name, value in data.items()
        if name not in ("opening_hours", "physicians")
    }
    fields["opening_hours"] = [
        ("day", {"weekday": str(day["weekday"]), "opens": day["opens"], "closes": day["closes"]})
        for day in data.get("opening_hours", [])
    ]
    fields["physicians"] = [
        (
            "physician",
            {
                "name": "",
                "role": catalogue.pair(physician["role"]),
                "college": physician.get("college", ""),
                "registration_number": "",
            },
        )
        for physician in data.get("physicians", [])
    ]
    return fields


def ensure_details(data, english, french):
    catalogue = Catalogue()
    fields = details_fields(data, catalogue)
    details = PracticeDetails.objects.filter(locale=english).first()
    created = details is None
    if created:
        details = PracticeDetails(locale=english, **fields)
        details.full_clean()
        details.save()
        Site.objects.filter(is_default_site=True).update(site_name=details.name)
    if french is not None:
        try:
            translate_from_catalogue(details, french, catalogue)
        except MissingTranslation:
            if created:
                raise
    return details, created


def ensure_page(model, english_home, french_home, data, rich_fields):
    catalogue = Catalogue()
    fields = {
        "title": catalogue.pair(data["title"]),
        "slug": catalogue.pair(data["slug"]),
        "search_description": catalogue.pair(data["search_description"]),
        "show_in_menus": model is ContactPage,
        **{name: rich_text(data.get(name, []), catalogue) for name in rich_fields},
    }
    page = model.objects.child_of(english_home).first()
    created = page is None
    if created:
        page = model(locale=english_home.locale, **fields)
        english_home.add_child(instance=page)
        page.save_revision().publish()
        page.refresh_from_db()
    if french_home is not None:
        try:
            translate_from_catalogue(page, french_home.locale, catalogue)
        except MissingTranslation:
            if created:
                raise
    return page, created


def seed_practice(stdout=None):
    """The practice's details and its contact, privacy and accessibility pages, in English and
    French. Idempotent: what exists is never changed. Returns the pages created."""
    english_home, french_home = get_home_pages()
    data = load_toml(CONTENT_DIR / "practice.toml")
    french = french_home.locale if french_home else None
    with transaction.atomic():
        _details, created = ensure_details(data["details"], english_home.locale, french)
    if created:
        _say(stdout, "Created the practice's details (to be confirmed by the practice).")
    new_pages = []
    for key, model, rich_fields in PAGES:
        with transaction.atomic():
            page, created = ensure_page(model, english_home, french_home, data[key], rich_fields)
        if created:
            _say(stdout, f"Created the page “{page.title}”.")
            new_pages.append(page)
    return new_pages


def move_to_end_of_menu(pages):
    """Put newly seeded pages (and their translations) after their siblings."""
    for page in pages:
        for twin in page.get_translations(inclusive=True):
            twin.move(twin.get_parent(), pos="last-child")
