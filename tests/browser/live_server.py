"""The real site, started exactly as production starts it (see the Makefile's migrate-and-seed
and run), in a temporary data folder on a free port."""

import os
import secrets
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
START_TIMEOUT = 60


@dataclass(frozen=True)
class LiveSite:
    origin: str
    data_dir: Path
    log: Path


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _environment(data_dir):
    env = dict(os.environ)
    for name in ("DATABASE_URL", "MEDIA_ROOT", "HTTPS", "DJANGO_SECRET_KEY"):
        env.pop(name, None)
    env.update(
        DJANGO_SETTINGS_MODULE="clinic.settings.production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        CLINIC_DATA_DIR=str(data_dir),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        PYTHONUNBUFFERED="1",
    )
    return env


def _manage(python, env, *args):
    completed = subprocess.run(
        [str(python), "manage.py", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        raise RuntimeError(
            f"manage.py {' '.join(args)} failed ({completed.returncode}):\n"
            f"{(completed.stdout + completed.stderr)[-3000:]}"
        )


def _wait_until_up(origin, process, log):
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"gunicorn stopped ({process.returncode}):\n{log.read_text()[-3000:]}"
            )
        try:
            with urllib.request.urlopen(f"{origin}/sitemap.xml", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.2)
    raise RuntimeError(
        f"the site did not answer within {START_TIMEOUT} s:\n{log.read_text()[-3000:]}"
    )


def _stop(process):
    if process.poll() is not None:
        return
    process.terminate()  # gunicorn's master stops its workers on SIGTERM
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)


@contextmanager
def running_site(python):
    """Migrate, collect static files, seed both languages, serve with gunicorn; always stop."""
    bin_dir = Path(python).parent
    with tempfile.TemporaryDirectory(prefix="clinic-browser-") as folder:
        data_dir = Path(folder)
        env = _environment(data_dir)
        _manage(python, env, "migrate", "--noinput", "-v", "0")
        _manage(python, env, "collectstatic", "--noinput", "-v", "0")
        _manage(python, env, "setup_site", "--no-admin")
        port = free_port()
        origin = f"http://127.0.0.1:{port}"
        log = data_dir / "gunicorn.log"
        with log.open("wb") as log_file:
            process = subprocess.Popen(
                [
                    str(bin_dir / "gunicorn"),
                    "--chdir",
                    "site",
                    "clinic.wsgi:application",
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--workers",
                    "2",
                    "--threads",
                    "4",
                    "--error-logfile",
                    "-",
                ],
                cwd=REPO,
                env=env,
                stdout=log_file,
                stderr=subprocess.STDOUT,
            )
            try:
                _wait_until_up(origin, process, log)
                yield LiveSite(origin=origin, data_dir=data_dir, log=log)
            finally:
                _stop(process)
