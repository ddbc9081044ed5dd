"""The French review stamp is a fact of the French reviewers' approval, never typed (issue 18)."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Page, WorkflowState

from editorial import services
from tests.translations.test_integrity import french_condition  # noqa: F401 F811 - fixture

pytestmark = pytest.mark.django_db

STAMP_FIELDS = ("french_last_reviewed", "french_reviewed_by")


def approve(client, page, user):
    state = WorkflowState.objects.active().get(object_id=str(page.pk))
    client.force_login(user)
    return client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[page.pk, "approve", state.current_task_state.pk],
        ),
        {"comment": ""},
    )


def submit(client, page, translator):
    client.force_login(translator)
    client.post(reverse("editorial:submit_translation", args=[page.pk]))


def public_html(page):
    response = Client().get(Page.objects.get(pk=page.pk).url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_french_page_says_its_french_is_not_reviewed_until_a_french_reviewer_approves(
    client,
    french_condition,  # noqa: F811
    translator,
    french_reviewer,
    clinical_pages,  # noqa: F811
):
    _treatment, condition = clinical_pages
    html = public_html(french_condition)
    assert "La traduction française n’a pas encore été révisée." in html
    assert "Traduction française révisée" not in html

    submit(client, french_condition, translator)
    approve(client, french_condition, french_reviewer)

    french = Page.objects.get(pk=french_condition.pk).specific
    today = datetime.date.today()
    assert french.french_last_reviewed == today
    assert french.french_reviewed_by == "Luc Côté"
    assert french.live_revision.as_object().french_reviewed_by == "Luc Côté"
    html = public_html(french)
    from django.utils import translation

    with translation.override("fr-ca"):
        from treatments.templatetags.treatments_tags import long_date

        when = long_date(today)
    assert f"Traduction française révisée le {when} par Luc Côté." in html
    assert "La traduction française n’a pas encore été révisée." not in html
    # The clinical review is still the English page's, and the English page has no French stamp.
    condition.refresh_from_db()
    assert not condition.french_reviewed_by and condition.french_last_reviewed is None
    assert "French translation" not in public_html(condition)


def test_the_stamp_survives_a_new_translation_and_is_never_a_string_to_translate(
    client,
    french_condition,  # noqa: F811
    translator,
    french_reviewer,  # noqa: F811
):
    from wagtail_localize.fields import get_translatable_fields
    from wagtail_localize.segments.extract import extract_segments

    submit(client, french_condition, translator)
    approve(client, french_condition, french_reviewer)
    french = Page.objects.get(pk=french_condition.pk).specific
    fields = {f.field_name: f for f in get_translatable_fields(type(french))}
    for name in STAMP_FIELDS:
        assert not fields[name].is_translated(french)
        assert not fields[name].is_synchronized(french)
    paths = {segment.path for segment in extract_segments(french)}
    assert not any(path.startswith(STAMP_FIELDS) for path in paths)

    # Writing the translation again (a resubmission, a sync) keeps the French page's own stamp.
    services.french_translation_of(french).save_target(user=translator, publish=False)
    latest = Page.objects.get(pk=french.pk).specific.get_latest_revision_as_object()
    assert latest.french_reviewed_by == "Luc Côté"


def test_the_stamp_is_read_only_for_everyone_but_administrators(
    french_condition,  # noqa: F811
    translator,
    french_reviewer,
    administrator,  # noqa: F811
):
    french = Page.objects.get(pk=french_condition.pk).specific
    form_class = french.get_edit_handler().get_form_class()
    for user in (translator, french_reviewer):
        form = form_class(instance=french, for_user=user, parent_page=french.get_parent())
        assert not set(STAMP_FIELDS) & set(form.fields)
    form = form_class(instance=french, for_user=administrator, parent_page=french.get_parent())
    assert set(STAMP_FIELDS) <= set(form.fields)


def test_a_french_reviewer_without_a_name_stamps_nothing(
    client,
    french_condition,  # noqa: F811
    translator,
    make_user,  # noqa: F811
):
    nameless = make_user("anonyme", services.FRENCH_REVIEWERS)
    submit(client, french_condition, translator)
    response = approve(client, french_condition, nameless)
    assert response.status_code == 302
    french = Page.objects.get(pk=french_condition.pk).specific
    assert not french.french_reviewed_by
    assert WorkflowState.objects.active().filter(object_id=str(french.pk)).exists()
    assert "Traduction française révisée" not in public_html(french)


def test_setup_turns_the_old_french_approval_task_into_the_stamping_one_in_place(
    client, editorial, translator, french_reviewer
):
    """A site set up before this change has a plain group approval task, maybe with a review
    under way: it becomes a FrenchReviewTask with the same id, groups and review."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import GroupApprovalTask, Task

    from editorial.models import FrenchReviewTask

    _english_home, french_home = editorial
    task = FrenchReviewTask.objects.get(name=services.FRENCH_TASK)
    groups = set(task.groups.values_list("name", flat=True))
    # Back to the old type, as the previous set-up made it.
    old = GroupApprovalTask(task_ptr_id=task.pk, name=task.name, active=True)
    old.save_base(raw=True)
    services._delete_child_row_only(task)
    Task.objects.filter(pk=task.pk).update(
        content_type=ContentType.objects.get_for_model(GroupApprovalTask)
    )
    old = GroupApprovalTask.objects.get(pk=task.pk)
    old.groups.set(french_reviewer.groups.all())
    workflow = french_home.get_workflow()
    state = workflow.start(french_home, translator)

    services.setup_editorial()
    services.setup_editorial()
    converted = Task.objects.get(pk=task.pk).specific
    assert isinstance(converted, FrenchReviewTask)
    assert set(converted.groups.values_list("name", flat=True)) == groups
    assert not GroupApprovalTask.objects.filter(name=services.FRENCH_TASK).exists()
    assert list(workflow.tasks.values_list("pk", flat=True)) == [task.pk]
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.task_id == task.pk
