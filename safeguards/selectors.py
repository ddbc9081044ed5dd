"""What is checked: every live page and live resource, in both languages, with its findings."""

from dataclasses import dataclass, field

from django.apps import apps
from wagtail.models import Page

from safeguards import checks
from safeguards.models import ContentRule, GlossaryTerm


@dataclass
class CheckedItem:
    obj: object
    language: str
    findings: list = field(default_factory=list)

    @property
    def breaches(self):
        return [f for f in self.findings if f.is_breach]


def live_content():
    """Live pages (not the root, not aliases) and live resources, in tree and title order."""
    items = list(
        Page.objects.filter(depth__gt=1, live=True, alias_of__isnull=True)
        .order_by("path")
        .specific(defer=False)
    )
    try:
        resource_model = apps.get_model("directory", "Resource")
    except LookupError:
        return items
    items.extend(resource_model.objects.filter(live=True).order_by("locale_id", "title"))
    return items


def checked_content(rule_id=None):
    """[CheckedItem] for live content, findings filtered to one rule's when ``rule_id`` is given
    (a number: that content rule; or a kind: "completeness", "glossary", "reading")."""
    rules = {language: checks.active_rules(language) for language in ("en", "fr")}
    terms = list(GlossaryTerm.objects.all())
    results = []
    for obj in live_content():
        language = checks.language_of(obj)
        findings = checks.all_findings(obj, rules=rules[language], terms=terms)
        if rule_id:
            findings = [f for f in findings if matches_filter(f, rule_id)]
        results.append(CheckedItem(obj, language, findings))
    return results


def matches_filter(finding, rule_id):
    if finding.rule is not None:
        return str(finding.rule.pk) == str(rule_id)
    return finding.kind == rule_id


def filter_choices():
    """(value, label) for the report's filter: each rule, then the other kinds of check."""
    choices = [(str(rule.pk), str(rule)) for rule in ContentRule.objects.filter(is_active=True)]
    choices.extend(
        (kind, label)
        for kind, label in (
            (checks.COMPLETENESS, checks.Finding(checks.COMPLETENESS, "", "", "").rule_name),
            (checks.GLOSSARY, checks.Finding(checks.GLOSSARY, "", "", "").rule_name),
            (checks.READING, checks.Finding(checks.READING, "", "", "").rule_name),
        )
    )
    return choices
