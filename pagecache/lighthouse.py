"""Lighthouse scores for one page of each type in both languages, on a phone: a measurement,
not a gate (`make lighthouse`, `manage.py lighthouse_scores`).

The site is served as `make run` serves it (gunicorn, production settings, the page cache on)
and Lighthouse (npm, package.json) drives Debian's Chromium (CHROME_PATH, /usr/bin/chromium by
default) with its default mobile profile (Moto G Power size, slow 4G and CPU throttling
simulated). Only loopback traffic. Prints performance, accessibility, best practices and SEO
(0-100) and the bytes transferred by the first load.
"""

import json
import os
import shutil
import subprocess  # runs Lighthouse with fixed arguments  # nosec B404
from pathlib import Path

from django.conf import settings
from django.utils.module_loading import import_string

from home.benchmark import free_port, start_server
from pagecache.benchmark import first_answer, stop

PAGE_TYPES = [
    "home.models.HomePage",
    "treatments.models.TreatmentIndexPage",
    "treatments.models.TreatmentPage",
    "treatments.models.ConditionIndexPage",
    "treatments.models.ConditionPage",
    "directory.models.DirectoryPage",
    "practice.models.ContactPage",
    "practice.models.PrivacyStatementPage",
    "practice.models.pages.AccessibilityStatementPage",
]
LANGUAGES = ["en-ca", "fr-ca"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def lighthouse_command():
    local = Path(settings.BASE_DIR) / "node_modules" / ".bin" / "lighthouse"
    found = os.environ.get("LIGHTHOUSE") or (str(local) if local.exists() else None)
    return found or shutil.which("lighthouse")


def sample_pages():
    """[(page type, language, path)]: the first live page of each type in each language."""
    rows = []
    for dotted in PAGE_TYPES:
        model = import_string(dotted)
        for language in LANGUAGES:
            page = (
                model.objects.live()
                .public()
                .filter(locale__language_code=language)
                .order_by("path")
                .first()
            )
            if page is not None and page.url:
                rows.append((model.__name__, language, page.url))
    return rows


def audit(command, url):
    """{category: score 0-100, "bytes": transferred} for ``url``."""
    chrome = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
    output = subprocess.run(  # noqa: S603 - Lighthouse, fixed arguments, loopback  # nosec B603
        [command, url, "--quiet", "--output=json", "--output-path=stdout"]
        + [f"--only-categories={','.join(CATEGORIES)}"]
        + ["--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "CHROME_PATH": chrome},
        timeout=300,
    ).stdout
    report = json.loads(output)
    scores = {name: round((report["categories"][name]["score"] or 0) * 100) for name in CATEGORIES}
    scores["bytes"] = report["audits"]["total-byte-weight"]["numericValue"]
    return scores


def run(stdout):
    command = lighthouse_command()
    if command is None:
        stdout.write("Lighthouse not found: `npm install` (package.json) installs it.")
        return []
    pages = sample_pages()
    port = free_port()
    server = start_server(port, workers=2, threads=4, env={"PAGE_CACHE": "1"})
    rows = []
    try:
        first_answer(port, pages[0][2])
        for page_type, language, path in pages:
            rows.append(
                (page_type, language, path, audit(command, f"http://127.0.0.1:{port}{path}"))
            )
    finally:
        stop(server)
    stdout.write("Lighthouse, mobile profile (scores 0-100; KB transferred by the first load):")
    header = "".join(f"{name:>6}" for name in ("perf", "a11y", "best", "seo"))
    stdout.write(f"{'page type':28}{'lang':7}{header}{'KB':>7}  path")
    for page_type, language, path, scores in rows:
        stdout.write(
            f"{page_type:28}{language:7}"
            + "".join(f"{scores[name]:>6}" for name in CATEGORIES)
            + f"{scores['bytes'] / 1024:>7.1f}  {path}"
        )
    return rows
