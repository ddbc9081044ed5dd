"""Wagtail's and wagtail-localize's own French, corrected where the admin shows it wrong.

The translations app comes before wagtail_localize and Wagtail in INSTALLED_APPS, so its
catalogue (translations/locale/fr_CA) wins over theirs for the same msgid. The msgids are
listed here, exactly as those packages write them, so that ``make messages`` keeps them in our
catalogue; the French beside them is a Québec editor's, one term per concept as in the glossary.
The editor's own strings (its React code) are in djangojs.po, served by our JavaScript catalogue
(``javascript_catalog`` below), which reads that file after wagtail-localize's.

Two faults are not in any catalogue and are fixed in code: wagtail-localize writes dates with
``strftime`` ("2 December 2026"), and its editor builds "English to French translation" from a
template literal.
"""

from django.utils.formats import date_format
from django.utils.translation import gettext, gettext_noop
from django.views.i18n import JavaScriptCatalog

OVERRIDES = [
    # wagtail-localize (django.po)
    gettext_noop("All child pages will be created."),
    gettext_noop(
        "Are you sure you want to convert this page into an alias? This will overwrite the "
        "content of the page with the content of '%(source_page_title)s' (%(source_page_locale)s)"
    ),
    gettext_noop("Start Synced translation"),
    gettext_noop("Convert to alias page"),
    gettext_noop("Translations"),
    # Wagtail (django.po)
    gettext_noop("Current page status:"),
    gettext_noop("Sorry, you do not have permission to access this area."),
]


def javascript_catalog():
    return JavaScriptCatalog.as_view(packages=["wagtail_localize", "translations"])


def _comment(self):
    """``StringTranslation.get_comment`` with the date in the admin's language."""
    date = date_format(self.updated_at, "DATE_FORMAT")
    if self.tool_name:
        return gettext("Translated with {tool_name} on {date}").format(
            tool_name=self.tool_name, date=date
        )
    if self.translation_type == self.TRANSLATION_TYPE_MANUAL:
        return gettext("Translated manually on {date}").format(date=date)
    if self.translation_type == self.TRANSLATION_TYPE_MACHINE:
        return gettext("Machine translated on {date}").format(date=date)
    return None


def install():
    from wagtail_localize.models import StringTranslation

    StringTranslation.get_comment = _comment
