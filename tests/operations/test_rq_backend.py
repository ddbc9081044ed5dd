"""TASKS_BACKEND=rq: a task goes through Redis and RQ's worker, as a practice with several
servers would run them (docs/deploy.md "Larger set-ups").

Runs when REDIS_URL points at a Redis (`.ci/run` starts one) and django-tasks-rq is installed
(requirements-dev.txt); the site's processes are started as they would be, in subprocesses,
because the backend is chosen when the settings load.
"""

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs a Redis (REDIS_URL)"),
    pytest.mark.skipif(
        importlib.util.find_spec("django_tasks_rq") is None, reason="django-tasks-rq not installed"
    ),
]


def manage(*arguments, data_dir):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "clinic.settings.dev",
        "TASKS_BACKEND": "rq",
        "CLINIC_DATA_DIR": str(data_dir),
    }
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *arguments],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout.strip()


def test_a_task_runs_through_redis_and_rqs_worker(tmp_path):
    assert "django_rq" in manage("shell", "-c", PRINT_APPS, data_dir=tmp_path)
    result_id = manage("shell", "-c", ENQUEUE, data_dir=tmp_path).splitlines()[-1]
    assert manage("shell", "-c", STATUS % result_id, data_dir=tmp_path).endswith("READY")
    manage(
        "rqworker", "default", "--burst", "--job-class", "django_tasks_rq.Job", data_dir=tmp_path
    )
    assert manage("shell", "-c", STATUS % result_id, data_dir=tmp_path).endswith("SUCCESSFUL 1")


PRINT_APPS = "from django.conf import settings; print(settings.INSTALLED_APPS)"
ENQUEUE = "from operations.tasks import bench_ping; print(bench_ping.enqueue().id)"
STATUS = (
    "from operations.tasks import bench_ping; r = bench_ping.get_result(%r); "
    "print(r.status.name, r.return_value if r.status.name == 'SUCCESSFUL' else '')"
)
