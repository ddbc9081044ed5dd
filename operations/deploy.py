"""deploy/'s schedule files, generated from operations/schedule.py (``manage.py deploy_files``)."""

from operations.schedule import JOBS

SITE = "/srv/clinic"
HEADER = (
    "# Generated from operations/schedule.py by `manage.py deploy_files`: edit that, not this.\n"
)


def crontab():
    lines = [
        HEADER.rstrip(),
        "# For a server without systemd timers: crontab -u clinic deploy/crontab",
        "# (the environment, as for the web server, comes from /etc/clinic/env).",
        "CRON_TZ=America/Toronto",
    ]
    for entry in JOBS:
        lines.append(f"# {entry.description}")
        lines.append(
            f"{entry.when.cron} cd {SITE} && set -a && . /etc/clinic/env && set +a && "
            f".venv/bin/python manage.py run_job {entry.name} >/dev/null"
        )
    return "\n".join(lines) + "\n"


def timer(entry):
    return (
        HEADER
        + f"""[Unit]
Description={entry.description}

[Timer]
OnCalendar={entry.when.on_calendar} America/Toronto
# A run missed while the server was off happens at the next start.
Persistent=true
Unit=clinic-job@{entry.name}.service

[Install]
WantedBy=timers.target
"""
    )


def generated_files():
    files = {"deploy/crontab": crontab()}
    for entry in JOBS:
        files[f"deploy/systemd/clinic-job-{entry.name}.timer"] = timer(entry)
    return files
