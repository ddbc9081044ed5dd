"""Publishing a clinical page that breaks a content rule: only with an override, recorded in the
page's history (a log entry with the reason, the rules and the words it covers)."""

from wagtail.log_actions import log
from wagtail.models import PageLogEntry

from safeguards import checks

OVERRIDE_ACTION = "safeguards.override"


def rule_breaches(page):
    return [f for f in checks.rule_findings(page) if f.is_breach]


def covered_signatures(page):
    signatures = set()
    for data in PageLogEntry.objects.filter(page_id=page.pk, action=OVERRIDE_ACTION).values_list(
        "data", flat=True
    ):
        signatures.update((data or {}).get("signatures", []))
    return signatures


def uncovered_breaches(page, findings=None):
    """The rule hits on ``page`` (a page object with the content about to be published) that no
    recorded override covers."""
    findings = rule_breaches(page) if findings is None else findings
    if not findings:
        return []
    covered = covered_signatures(page)
    return [f for f in findings if f.signature not in covered]


def record_override(page, user, reason, findings):
    return log(
        instance=page,
        action=OVERRIDE_ACTION,
        user=user,
        data={
            "reason": reason,
            "rules": sorted({f.rule_name for f in findings}),
            "words": sorted({f.words for f in findings}),
            "signatures": sorted({f.signature for f in findings}),
        },
    )
