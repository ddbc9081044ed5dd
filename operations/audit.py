"""Known vulnerabilities in the pinned dependencies: pip-audit, with recorded exceptions.

`make audit` (part of `make test`) runs ``python -m operations.audit``. pip-audit checks the pins
in requirements*.txt and every package installed in the virtualenv (which holds their transitive
dependencies too). Three outcomes:

- a known vulnerability that audit-ignore.txt does not list with a reason: the build fails;
- every package checked, nothing unlisted found: passes;
- the vulnerability service could not be reached (pip-audit then reports packages as "not found"
  or fails outright): says NOT AUDITED in capitals, and does not count it as a pass. The build is
  not failed for it, unless AUDIT_REQUIRED=1 (set it where the service is reachable).

audit-ignore.txt: one vulnerability per line, ``ID  reason`` (the reason is required); ``#``
starts a comment. Any of a vulnerability's IDs or aliases (PYSEC-, GHSA-, CVE-) matches it.
"""

import json
import os
import shutil
import subprocess  # runs pip-audit only, see run_pip_audit  # nosec B404
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IGNORE_FILE = ROOT / "audit-ignore.txt"
REQUIREMENTS = ["requirements.txt", "requirements-dev.txt"]


class BadIgnoreFile(Exception):
    pass


def read_ignored(path=IGNORE_FILE):
    """{vulnerability ID: reason} from audit-ignore.txt (missing file: nothing ignored)."""
    if not path.exists():
        return {}
    ignored = {}
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        identifier, _, reason = line.partition(" ")
        if not reason.strip():
            raise BadIgnoreFile(f"{path.name} line {number}: {identifier} has no reason.")
        ignored[identifier.upper()] = reason.strip()
    return ignored


@dataclass
class Report:
    checked: set = field(default_factory=set)
    not_audited: dict = field(default_factory=dict)  # package: why
    found: list = field(default_factory=list)  # (package, version, id, fix versions)
    ignored: list = field(default_factory=list)  # (package, version, id, reason)
    failures: list = field(default_factory=list)  # a pip-audit run that gave no answer

    def add_run(self, output, ignored):
        for dependency in output.get("dependencies", []):
            name, version = dependency["name"], dependency.get("version", "")
            if "skip_reason" in dependency:
                self.not_audited[name] = dependency["skip_reason"]
                continue
            self.checked.add(name)
            for vulnerability in dependency.get("vulns", []):
                identifiers = [vulnerability["id"], *vulnerability.get("aliases", [])]
                reasons = [ignored[i.upper()] for i in identifiers if i.upper() in ignored]
                reason = reasons[0] if reasons else None
                if reason is None:
                    fixes = ", ".join(vulnerability.get("fix_versions", [])) or "none yet"
                    self.found.append((name, version, vulnerability["id"], fixes))
                else:
                    self.ignored.append((name, version, vulnerability["id"], reason))
        # A package checked in one run is checked, even if the other run skipped it.
        for name in self.checked:
            self.not_audited.pop(name, None)


def run_pip_audit(arguments):
    """pip-audit's JSON answer, or None with the reason it gave none."""
    executable = shutil.which("pip-audit", path=str(Path(sys.executable).parent))
    if executable is None:
        return None, "pip-audit is not installed (make install-dev)"
    result = subprocess.run(  # noqa: S603 - our tool, arguments built here  # nosec B603
        [executable, "--format", "json", "--progress-spinner", "off", *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        return json.loads(result.stdout), None
    except json.JSONDecodeError:
        lines = result.stderr.strip().splitlines() or [f"exit status {result.returncode}"]
        return None, lines[-1][:300]


def audit(runner=run_pip_audit, ignored=None):
    ignored = read_ignored() if ignored is None else ignored
    report = Report()
    pins = [argument for name in REQUIREMENTS for argument in ("-r", name)]
    for arguments in ([*pins, "--no-deps", "--disable-pip"], []):  # the pins, then the venv
        output, failure = runner(arguments)
        if output is None:
            report.failures.append(failure)
        else:
            report.add_run(output, ignored)
    return report


def summarise(report, required=False):
    """(lines to print, exit status)."""
    lines = []
    for name, version, identifier, fixes in report.found:
        lines.append(f"VULNERABLE: {name} {version}: {identifier} (fixed in: {fixes})")
    for name, version, identifier, reason in report.ignored:
        lines.append(f"ignored: {name} {version}: {identifier} ({reason})")
    if report.found:
        lines.append(
            f"{len(report.found)} known vulnerabilit{'y' if len(report.found) == 1 else 'ies'}: "
            "upgrade the pin, or record the ID with a reason in audit-ignore.txt."
        )
        return lines, 1
    if report.failures or report.not_audited:
        why = report.failures[0] if report.failures else next(iter(report.not_audited.values()))
        lines.append(
            f"NOT AUDITED: {len(report.not_audited)} package(s) could not be checked and "
            f"{len(report.failures)} pip-audit run(s) gave no answer; the vulnerability service "
            f"is probably unreachable from here ({why}). This is not a pass: run `make audit` "
            "where the service is reachable (AUDIT_REQUIRED=1 makes this fail)."
        )
        return lines, 1 if required else 0
    lines.append(
        f"No known vulnerabilities in {len(report.checked)} packages"
        f" ({len(report.ignored)} recorded in audit-ignore.txt)."
    )
    return lines, 0


def main():
    try:
        report = audit()
    except BadIgnoreFile as error:
        print(f"audit: {error}")
        return 2
    lines, status = summarise(report, required=os.environ.get("AUDIT_REQUIRED") == "1")
    print("\n".join(lines))
    return status


if __name__ == "__main__":
    sys.exit(main())
