from django.core.management.base import BaseCommand
from django.utils import translation

from safeguards.selectors import checked_content


class Command(BaseCommand):
    help = (
        "Check every live page and resource against the content rules, the clinical "
        "completeness checks, the glossary and the reading level: one line per finding. Exits 1 "
        "when live content breaks a content rule or misses a required clinical section."
    )

    def handle(self, *args, **options):
        breaches = 0
        findings = 0
        with translation.override("en-ca"):
            for item in checked_content():
                for finding in item.findings:
                    findings += 1
                    breaches += finding.is_breach
                    level = "BREACH" if finding.is_breach else "warning"
                    where = f" [{finding.field_label}]" if finding.field_label else ""
                    self.stdout.write(
                        f"{level} {item.language} {type(item.obj).__name__} {item.obj.pk} "
                        f"“{item.obj}”{where}: {finding.rule_name}: {finding.message}"
                    )
        self.stdout.write(f"{findings} findings, {breaches} breaches of the rules.")
        if breaches:
            raise SystemExit(1)
