"""Replacements for the wagtail-localize views that would put another language live."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from wagtail.models import Page


def convert_to_alias_refused(request, page_id):
    """wagtail-localize's "Convert to alias page" replaces a translation with the other
    language's live page, served under this language's address. Refused for everyone: a French
    address never shows English (an alias would be an English page with lang="fr-CA")."""
    page = get_object_or_404(Page, pk=page_id)
    messages.error(
        request,
        _(
            "A page cannot become an alias of a page in another language: visitors would read "
            "that language under this address. Nothing was changed."
        ),
    )
    return redirect("wagtailadmin_pages:edit", page.pk)
