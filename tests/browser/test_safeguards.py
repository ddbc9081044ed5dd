"""The content rules in a real browser, as an editor and a clinical reviewer meet them: the editor
types a superlative into a treatment page's summary and saves a draft; the editor shows the
warning at the top and under the field, and offers the editor no way to publish; the reviewer's
"Approve" saves a draft instead and points to the override, and the public page keeps its
wording. Users, draft and review are made on the running site and undone afterwards.
"""

import sys
import urllib.request
from pathlib import Path

import pytest

from .live_server import _environment, _manage
from .visit import new_context

pytestmark = pytest.mark.browser

PUBLIC_PATH = "/en-ca/treatments/prolotherapy/"
SUPERLATIVE = "The best treatment there is for joint pain."
PASSWORD = "browser-test-password-1"

_SET_UP = """
from pathlib import Path
from django.contrib.auth.models import Group
from django.contrib.auth import get_user_model
from treatments.models import TreatmentPage
User = get_user_model()
for username, group, first, last in (
    ("safeguards-editor", "Editors", "Émilie", "Gagnon"),
    ("safeguards-reviewer", "Clinical reviewers", "Claire", "Tremblay, MD"),
):
    user = User.objects.create_user(
        username, password={password!r}, first_name=first, last_name=last
    )
    user.groups.add(Group.objects.get(name=group))
page = TreatmentPage.objects.get(
    url_path__endswith="/treatments/prolotherapy/", locale__language_code="en-ca"
)
Path({out!r}).write_text(f"{{page.pk}} {{page.latest_revision_id}}")
"""

_TEAR_DOWN = """
from django.contrib.auth import get_user_model
from wagtail.models import Page, PageLogEntry, Revision, WorkflowState
page = Page.objects.get(pk={page_id})
open_states = ["in_progress", "needs_changes"]
for state in WorkflowState.objects.filter(object_id=str(page.pk), status__in=open_states):
    state.cancel()
Revision.objects.filter(object_id=str(page.pk), pk__gt={revision_id}).delete()
Page.objects.filter(pk=page.pk).update(
    latest_revision_id={revision_id}, has_unpublished_changes=False, draft_title=page.title
)
PageLogEntry.objects.filter(page_id=page.pk, action="safeguards.override").delete()
get_user_model().objects.filter(username__startswith="safeguards-").delete()
"""


def _shell(live_site, code):
    _manage(Path(sys.executable), _environment(live_site.data_dir), "shell", "-c", code)


@pytest.fixture(scope="module")
def treatment(live_site):
    out = Path(live_site.data_dir) / "safeguards-browser-test.txt"
    _shell(live_site, _SET_UP.format(password=PASSWORD, out=str(out)))
    page_id, revision_id = out.read_text().split()
    try:
        yield live_site, int(page_id)
    finally:
        _shell(live_site, _TEAR_DOWN.format(page_id=page_id, revision_id=revision_id))


def _sign_in(page, origin, username):
    page.goto(origin + "/admin/login/")
    page.fill('input[name="username"]', username)
    page.fill('input[name="password"]', PASSWORD)
    page.locator('form button[type="submit"]').first.click()
    page.wait_for_url(lambda url: "/admin/login/" not in url)


def _public_html(origin):
    with urllib.request.urlopen(origin + PUBLIC_PATH, timeout=10) as response:  # noqa: S310
        return response.read().decode()


def test_the_editor_sees_the_warning_and_the_reviewer_cannot_publish_without_override(
    browser, treatment
):
    live_site, page_id = treatment
    origin = live_site.origin
    edit_url = f"{origin}/admin/pages/{page_id}/edit/"
    assert SUPERLATIVE not in _public_html(origin)

    context = new_context(browser, "desktop")
    page = context.new_page()
    try:
        _sign_in(page, origin, "safeguards-editor")
        page.goto(edit_url)
        summary = page.locator('textarea[name="summary"]')
        summary.fill(SUPERLATIVE)
        page.get_by_role("button", name="Save draft").click()
        page.wait_for_load_state("networkidle")

        # The warning, at the top (messages) and under the summary field (field-warnings.js).
        messages = page.locator(".messages").inner_text()
        assert "Content check:" in messages and "The best" in messages
        field_note = page.locator('[data-contentpath="summary"] .safeguards-warning')
        field_note.first.wait_for()
        assert "CPSO" in field_note.first.inner_text()
        assert summary.input_value() == SUPERLATIVE  # what they typed is kept

        # An editor has no publish action at all: they submit for clinical review.
        assert page.locator('button[name="action-publish"]').count() == 0
        page.evaluate("document.querySelector('button[name=\"action-submit\"]').click()")
        page.wait_for_load_state("networkidle")
    finally:
        context.close()

    context = new_context(browser, "desktop")
    page = context.new_page()
    try:
        _sign_in(page, origin, "safeguards-reviewer")
        page.goto(edit_url)
        assert "The best" in page.locator(".messages").inner_text()
        # "Approve" in the editor's action menu submits the edit form with the approval.
        with page.expect_navigation():
            page.evaluate(
                "document.querySelector('[data-workflow-action-name=\"approve\"]').click()"
            )
        page.wait_for_load_state("networkidle")
        page.locator(".messages").get_by_text("not published").wait_for()
        override = page.get_by_role("link", name="Override, with a reason")
        assert override.count() >= 1
        assert SUPERLATIVE not in _public_html(origin)

        # The override asks for a reason and records it; nothing is published by itself.
        override.first.click()
        page.wait_for_load_state("networkidle")
        assert "The best" in page.locator("main").inner_text()
        page.fill('textarea[name="reason"]', "A browser test of the override form.")
        page.get_by_role("button", name="Record the override").click()
        page.wait_for_load_state("networkidle")
        assert "Override recorded" in page.locator(".messages").inner_text()
        assert SUPERLATIVE not in _public_html(origin)
    finally:
        context.close()
