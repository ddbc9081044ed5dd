"""The synonyms patients use, one editable place for both languages (Settings > Search synonyms)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

SYNONYMS_HELP = _(
    "One group of words that mean the same per line, separated by commas, for example "
    "“tmj, jaw, temporomandibular”. A search for any word of a group also finds the others."
)


@register_setting(icon="search")
class SearchSynonyms(BaseGenericSetting):
    english = models.TextField(_("English synonyms"), blank=True, help_text=SYNONYMS_HELP)
    french = models.TextField(_("French synonyms"), blank=True, help_text=SYNONYMS_HELP)

    class Meta:
        verbose_name = _("search synonyms")
        verbose_name_plural = _("search synonyms")

    def for_language(self, language_code):
        return self.french if language_code.startswith("fr") else self.english
