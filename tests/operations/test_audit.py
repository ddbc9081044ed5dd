"""make audit: a known vulnerability fails, a recorded one passes, no service says so."""

import pytest

from operations import audit

DJANGO_VULN = {
    "id": "PYSEC-2099-1",
    "aliases": ["CVE-2099-0001", "GHSA-aaaa-bbbb-cccc"],
    "fix_versions": ["5.2.99"],
}


def answer(*dependencies):
    return {"dependencies": list(dependencies), "fixes": []}


def clean(name="wagtail"):
    return {"name": name, "version": "8.0.1", "vulns": []}


def vulnerable():
    return {"name": "django", "version": "5.2.19", "vulns": [DJANGO_VULN]}


def skipped(name="django"):
    return {"name": name, "skip_reason": f"Dependency not found on PyPI: {name}"}


def runner(*outputs):
    """A stand-in for pip-audit giving each run's answer in turn (None: no answer)."""
    answers = list(outputs)

    def run(arguments):
        output = answers.pop(0)
        return (output, None) if output is not None else (None, "Failed to resolve the service")

    return run


def test_a_known_vulnerability_fails_the_build():
    report = audit.audit(runner(answer(vulnerable()), answer(clean())), ignored={})
    lines, status = audit.summarise(report)
    assert status == 1
    assert "VULNERABLE: django 5.2.19: PYSEC-2099-1 (fixed in: 5.2.99)" in lines


@pytest.mark.parametrize("identifier", ["PYSEC-2099-1", "cve-2099-0001", "GHSA-aaaa-bbbb-cccc"])
def test_a_recorded_vulnerability_passes_with_its_reason(identifier):
    ignored = {identifier.upper(): "only in a feature the site does not use"}
    report = audit.audit(runner(answer(vulnerable()), answer(clean())), ignored=ignored)
    lines, status = audit.summarise(report)
    assert status == 0
    assert any("ignored" in line and "does not use" in line for line in lines)
    assert lines[-1].startswith("No known vulnerabilities in 2 packages")


def test_everything_checked_and_clean_passes():
    lines, status = audit.summarise(audit.audit(runner(answer(clean()), answer()), ignored={}))
    assert status == 0
    assert "No known vulnerabilities" in lines[-1]


def test_an_unreachable_service_is_not_a_pass():
    # What pip-audit does here: every package "not found", exit 0, "No known vulnerabilities".
    report = audit.audit(runner(answer(skipped(), skipped("wagtail")), None), ignored={})
    lines, status = audit.summarise(report)
    assert status == 0  # the build goes on...
    assert lines[-1].startswith("NOT AUDITED: 2 package(s)")  # ...but says it was not audited
    assert "No known vulnerabilities" not in "\n".join(lines)
    _lines, required_status = audit.summarise(report, required=True)
    assert required_status == 1


def test_a_vulnerability_found_while_others_were_not_audited_still_fails():
    report = audit.audit(runner(answer(vulnerable(), skipped("wagtail")), None), ignored={})
    assert audit.summarise(report)[1] == 1


def test_the_ignore_file_needs_a_reason(tmp_path):
    path = tmp_path / "audit-ignore.txt"
    path.write_text("# comment\nGHSA-aaaa-bbbb-cccc  only the XML-RPC handler, unused\n")
    assert audit.read_ignored(path) == {"GHSA-AAAA-BBBB-CCCC": "only the XML-RPC handler, unused"}
    path.write_text("GHSA-aaaa-bbbb-cccc\n")
    with pytest.raises(audit.BadIgnoreFile, match="has no reason"):
        audit.read_ignored(path)


def test_the_repository_ignore_file_is_valid():
    audit.read_ignored()  # every entry has a reason


def test_pip_audit_is_asked_about_the_pins_and_the_installed_packages():
    calls = []

    def record(arguments):
        calls.append(arguments)
        return answer(), None

    audit.audit(record, ignored={})
    pins, environment = calls
    assert pins[:4] == ["-r", "requirements.txt", "-r", "requirements-dev.txt"]
    assert environment == []
