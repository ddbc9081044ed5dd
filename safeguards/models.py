"""What the editorial checks are made of: content rules, the glossary, link-check results.

Rules and glossary terms are data an administrator edits (snippets), not code: the practice's
compliance advice changes more often than the site does.
"""

import regex
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

# A pattern is tried on every field of every page: one that cannot finish quickly on a test
# string is refused at save, and each search has a time limit (safeguards.checks).
PATTERN_TEST_TEXT = "a" * 5000 + "!"
PATTERN_TIMEOUT_SECONDS = 0.2


class RuleLanguage(models.TextChoices):
    ALL = "all", _("Both languages")
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")


def compile_pattern(pattern):
    """The rule's pattern compiled as the checks use it (case-insensitive, Unicode words)."""
    return regex.compile(pattern, regex.IGNORECASE | regex.UNICODE | regex.V0)


class ContentRule(models.Model):
    """A wording that public information from physicians must not use, and why."""

    seed_key = models.SlugField(max_length=80, blank=True, default="", editable=False)
    name = models.CharField(
        _("name"),
        max_length=120,
        help_text=_("A short name shown in warnings and in the report, for example “Superlative”."),
    )
    pattern = models.CharField(
        _("pattern"),
        max_length=500,
        help_text=_(
            "A regular expression, matched without regard to case, for example "
            "“\\bguarantee(d|s)?\\b”. Use \\b for the edge of a word."
        ),
    )
    language = models.CharField(
        _("language"),
        max_length=3,
        choices=RuleLanguage.choices,
        default=RuleLanguage.ALL,
        help_text=_("The pages and resources the rule applies to."),
    )
    reason = models.TextField(
        _("reason"), help_text=_("Why the wording is not allowed, naming the policy it comes from.")
    )
    suggestion = models.TextField(_("suggested rewording"), help_text=_("What to write instead."))
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Inactive rules are kept but not checked.")
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("language")]),
        FieldPanel("pattern"),
        FieldPanel("reason"),
        FieldPanel("suggestion"),
        FieldPanel("is_active"),
    ]

    class Meta:
        ordering = ["language", "name"]
        verbose_name = _("content rule")
        verbose_name_plural = _("content rules")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        try:
            compiled = compile_pattern(self.pattern)
        except regex.error as error:
            raise ValidationError(
                {
                    "pattern": _(
                        "This is not a valid regular expression (%(error)s). Check brackets "
                        "and backslashes, or write the word as plain text."
                    )
                    % {"error": error}
                }
            ) from error
        if compiled.search("") is not None:
            raise ValidationError(
                {"pattern": _("This pattern matches empty text, so it would flag everything.")}
            )
        try:
            compiled.search(PATTERN_TEST_TEXT, timeout=PATTERN_TIMEOUT_SECONDS)
        except TimeoutError as error:
            raise ValidationError(
                {
                    "pattern": _(
                        "This pattern takes too long to check (nested repetitions such as "
                        "“(a+)+”). Write a simpler one."
                    )
                }
            ) from error

    @property
    def compiled(self):
        return compile_pattern(self.pattern)


class GlossaryTerm(models.Model):
    """One English term and the French the practice uses for it everywhere."""

    seed_key = models.SlugField(max_length=80, blank=True, default="", editable=False)
    english = models.CharField(
        _("English"),
        max_length=200,
        help_text=_("The English term. Several spellings separated by commas."),
    )
    french = models.CharField(
        _("French"),
        max_length=200,
        help_text=_(
            "The French term to use. Several accepted forms separated by commas; a French page "
            "whose English uses the term must use one of them."
        ),
    )
    avoid = models.CharField(
        _("French to avoid"),
        max_length=200,
        blank=True,
        help_text=_("Renderings that must not be used, separated by commas."),
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("english"), FieldPanel("french")]),
        FieldPanel("avoid"),
        FieldPanel("note"),
    ]

    class Meta:
        ordering = ["english"]
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary")

    def __str__(self):
        return f"{self.english} → {self.french}"

    @staticmethod
    def _split(value):
        return [part.strip() for part in value.split(",") if part.strip()]

    @property
    def english_forms(self):
        return self._split(self.english)

    @property
    def french_forms(self):
        return self._split(self.french)

    @property
    def avoided_forms(self):
        return self._split(self.avoid)


class LinkCheck(models.Model):
    """The last check of a directory resource's web address (manage.py check_links)."""

    resource = models.OneToOneField(
        "directory.Resource", on_delete=models.CASCADE, related_name="link_check"
    )
    url = models.URLField(_("web address checked"), max_length=500)
    status_code = models.PositiveSmallIntegerField(_("status code"), null=True, blank=True)
    final_url = models.URLField(_("address after redirects"), max_length=500, blank=True)
    error = models.CharField(_("error"), max_length=300, blank=True)
    is_ok = models.BooleanField(_("works"), default=False)
    checked_at = models.DateTimeField(_("checked on"))

    class Meta:
        verbose_name = _("link check")
        verbose_name_plural = _("link checks")

    def __str__(self):
        return f"{self.url}: {self.status_code or self.error}"
