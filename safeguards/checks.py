"""The checks themselves: content rules, clinical completeness, glossary, reading level.

Each returns Findings; nothing here saves or blocks anything (the admin hooks and the command
decide what a finding means).
"""

import re
from dataclasses import dataclass

import regex
from django.utils.translation import gettext as _

from safeguards import reading
from safeguards.models import PATTERN_TIMEOUT_SECONDS, ContentRule, GlossaryTerm
from safeguards.text import field_texts, language_of, stream_text

RULE = "rule"
COMPLETENESS = "completeness"
GLOSSARY = "glossary"
READING = "reading"
LINK = "link"

# Characters of context shown either side of a hit.
CONTEXT = 40
# Hits reported per rule and field: one is enough to act on, a few show a habit.
MAX_HITS = 3


@dataclass
class Finding:
    kind: str
    field: str
    field_label: str
    message: str
    rule: object = None
    excerpt: str = ""
    words: str = ""
    # A breach fails check_content and needs an override to publish a clinical page.
    is_breach: bool = False

    @property
    def signature(self):
        """What an override covers: this rule on these words in this field."""
        rule_id = self.rule.pk if self.rule is not None else self.kind
        return f"{rule_id}:{self.field}:{' '.join(self.words.lower().split())}"

    @property
    def rule_name(self):
        if self.rule is not None:
            return self.rule.name
        return {
            COMPLETENESS: _("Clinical completeness"),
            GLOSSARY: _("Glossary"),
            READING: _("Reading level"),
            LINK: _("Broken link"),
        }[self.kind]


def active_rules(language):
    return [
        rule
        for rule in ContentRule.objects.filter(is_active=True, language__in=["all", language])
        if _compiles(rule)
    ]


def _compiles(rule):
    try:
        rule.compiled  # noqa: B018 - a rule saved before validation existed may not compile
    except regex.error:
        return False
    return True


def _excerpt(text, start, end):
    before = text[max(0, start - CONTEXT) : start]
    after = text[end : end + CONTEXT]
    return " ".join(f"…{before}[{text[start:end]}]{after}…".split())


def rule_findings(instance, rules=None, texts=None):
    language = language_of(instance)
    rules = active_rules(language) if rules is None else rules
    texts = field_texts(instance) if texts is None else texts
    findings = []
    for field_text in texts:
        for rule in rules:
            try:
                matches = list(
                    _first(rule.compiled.finditer(field_text.text, timeout=PATTERN_TIMEOUT_SECONDS))
                )
            except TimeoutError:
                findings.append(
                    Finding(
                        RULE,
                        field_text.name,
                        field_text.label,
                        _("The rule “%(rule)s” took too long on this text and was skipped.")
                        % {"rule": rule.name},
                        rule=rule,
                    )
                )
                continue
            for match in matches:
                findings.append(
                    Finding(
                        RULE,
                        field_text.name,
                        field_text.label,
                        _("“%(words)s” in “%(field)s”: %(reason)s Instead: %(suggestion)s")
                        % {
                            "words": match.group(0),
                            "field": field_text.label,
                            "reason": rule.reason,
                            "suggestion": rule.suggestion,
                        },
                        rule=rule,
                        excerpt=_excerpt(field_text.text, match.start(), match.end()),
                        words=match.group(0),
                        is_breach=True,
                    )
                )
    return findings


def _first(iterator):
    for count, item in enumerate(iterator):
        if count >= MAX_HITS:
            return
        yield item


# ---------------------------------------------------------------------------------------------
# Clinical completeness


def is_clinical(instance):
    return hasattr(instance, "SECTIONS") and hasattr(instance, "references")


def required_sections(instance):
    """(field name) a complete clinical page of this type must fill, in the editor's order."""
    names = ["summary"]
    section_names = [name for name, _heading in instance.SECTIONS]
    for name in ("risks", "alternatives", "urgent_care", "evidence"):
        if name in section_names and _has_field(instance, name):
            names.append(name)
    names.append("references")
    return names


def _has_field(instance, name):
    try:
        instance._meta.get_field(name)
    except Exception:  # noqa: BLE001 - FieldDoesNotExist: the page type has no such section
        return False
    return True


def _is_empty(value):
    if value is None:
        return True
    if isinstance(value, str):
        return not re.sub(r"<[^>]+>", "", value).strip()
    return not stream_text(value).strip()


def missing_section_message(instance, name):
    field = instance._meta.get_field(name)
    if name == "references":
        what = _("add at least one published source for what the page says.")
    else:
        what = str(field.help_text) or _("fill it in.")
    return _("“%(section)s” is empty: %(what)s") % {
        "section": str(field.verbose_name).capitalize(),
        "what": what,
    }


def completeness_findings(instance, values=None):
    """Missing required sections of a clinical page. ``values`` (name → value) replaces the
    instance's own values, for a form being submitted."""
    if not is_clinical(instance):
        return []
    findings = []
    for name in required_sections(instance):
        value = values[name] if values is not None and name in values else getattr(instance, name)
        if _is_empty(value):
            field = instance._meta.get_field(name)
            findings.append(
                Finding(
                    COMPLETENESS,
                    name,
                    str(field.verbose_name),
                    missing_section_message(instance, name),
                    is_breach=True,
                )
            )
    return findings


# ---------------------------------------------------------------------------------------------
# Glossary


def _apostrophes(text):
    """One apostrophe for comparing: the glossary and the pages mix ’ and '."""
    return text.replace("’", "'")


def _english_pattern(form):
    return re.compile(rf"\b{re.escape(form.lower())}(s|es)?\b")


def _french_pattern(form):
    """The glossary's French in the singular or the plural: « sites Web » is the term « site
    Web », « douleurs lombaires » the term « douleur lombaire » (each word may take -s or -x)."""
    words = _apostrophes(form.lower()).split()
    return re.compile(r"(?<![\w])" + r"\s+".join(rf"{re.escape(word)}[sx]?" for word in words))


def glossary_findings(instance, english=None, terms=None, texts=None):
    """On a French page or resource: glossary terms its English source uses that the French
    renders otherwise, and renderings the glossary says to avoid."""
    if language_of(instance) != "fr":
        return []
    if english is None:
        english = english_source_of(instance)
    if english is None:
        return []
    terms = list(GlossaryTerm.objects.all()) if terms is None else terms
    english_text = " ".join(t.text for t in field_texts(english)).lower()
    texts = field_texts(instance) if texts is None else texts
    french_text = _apostrophes(" ".join(t.text for t in texts).lower())
    findings = []
    for term in terms:
        avoided = [f for f in term.avoided_forms if _french_pattern(f).search(french_text)]
        for form in avoided:
            findings.append(
                Finding(
                    GLOSSARY,
                    "",
                    "",
                    _("“%(found)s” is used: the glossary says “%(french)s” for “%(english)s”.")
                    % {"found": form, "french": term.french_forms[0], "english": term.english},
                )
            )
        if avoided or not term.french_forms:
            continue
        if not any(_english_pattern(f).search(english_text) for f in term.english_forms):
            continue
        if any(_french_pattern(f).search(french_text) for f in term.french_forms):
            continue
        findings.append(
            Finding(
                GLOSSARY,
                "",
                "",
                _(
                    "The English uses “%(english)s”, but the French never says “%(french)s” "
                    "(the glossary’s term)."
                )
                % {"english": term.english_forms[0], "french": " / ".join(term.french_forms)},
            )
        )
    return findings


def english_source_of(instance):
    from wagtail.models import Locale

    try:
        english = Locale.get_default()
    except Locale.DoesNotExist:
        return None
    source = instance.get_translation_or_none(english)
    if source is None:
        return None
    return source.specific if hasattr(source, "specific") else source


# ---------------------------------------------------------------------------------------------
# Reading level


def reading_level_of(instance, texts=None):
    """ReadingLevel of a clinical page's sections (not its title or references), or None."""
    if not is_clinical(instance):
        return None
    texts = field_texts(instance) if texts is None else texts
    body = "\n".join(t.text for t in texts if t.name not in {"title", "search_description"})
    return reading.reading_level(body, language_of(instance))


def reading_findings(instance, texts=None):
    level = reading_level_of(instance, texts=texts)
    if level is None or not level.above_target:
        return []
    return [Finding(READING, "", "", reading_message(level))]


def reading_message(level):
    from django.utils.formats import number_format

    if level.language == "fr":
        text = _(
            "Reading level: about grade %(grade)s (Kandel and Moles reading ease %(ease)s); the "
            "target is grade %(target)s or below."
        ) % {
            "grade": number_format(level.grade),
            "ease": number_format(level.ease, 1),
            "target": reading.TARGET_GRADE,
        }
    else:
        text = _(
            "Reading level: grade %(grade)s (Flesch-Kincaid); the target is grade %(target)s or "
            "below."
        ) % {"grade": number_format(level.grade, 1), "target": reading.TARGET_GRADE}
    if level.above_target and level.longest:
        text += " " + _("Longest sentences: %(sentences)s") % {
            "sentences": " | ".join(f"“{s}”" for s in level.longest)
        }
    return text


def all_findings(instance, rules=None, terms=None):
    """Every finding for a page or resource: rules, completeness, glossary, reading level."""
    texts = field_texts(instance)
    return [
        *rule_findings(instance, rules=rules, texts=texts),
        *completeness_findings(instance),
        *glossary_findings(instance, terms=terms, texts=texts),
        *reading_findings(instance, texts=texts),
        *link_findings(instance),
    ]


def link_findings(instance):
    """A resource whose web address failed its last check (manage.py check_links)."""
    from safeguards.models import LinkCheck

    if not getattr(instance, "url", None) or not hasattr(instance, "link_check"):
        return []
    try:
        result = instance.link_check
    except LinkCheck.DoesNotExist:
        return []
    if result.is_ok or result.url != instance.url:
        return []
    return [
        Finding(
            LINK, "url", str(instance._meta.get_field("url").verbose_name), link_message(result)
        )
    ]


def link_message(result):
    from django.utils.formats import date_format
    from django.utils.timezone import localtime

    problem = (
        _("it answered %(status)s") % {"status": result.status_code}
        if result.status_code
        else result.error
    )
    return _("%(url)s did not work on %(date)s: %(problem)s.") % {
        "url": result.url,
        "date": date_format(localtime(result.checked_at), "DATE_FORMAT"),
        "problem": problem,
    }
