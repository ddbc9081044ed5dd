"""Operations on roles, workflows and reviews: the admin as the clinic's daily tool.

``setup_editorial`` runs on every ``make run``: it creates what is missing and never removes what an
administrator added, except Wagtail's default grants on the tree root to our groups, which would
cover both languages and defeat the locale-based restrictions.
"""

import calendar
import datetime
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation

from editorial.models import ClinicalReviewTask, FrenchReviewTask

# Group names are data (Wagtail's own "Editors" group is reused); workflow and task names are
# shown in editors' action menus ("Submit to ..."), so they carry both languages.
EDITORS = "Editors"
CLINICAL_REVIEWERS = "Clinical reviewers"
TRANSLATORS = "Translators"
FRENCH_REVIEWERS = "French reviewers"
ADMINISTRATORS = "Administrators"
RECEPTION = "Reception"

CLINICAL_WORKFLOW = "Clinical review · Révision clinique"
CLINICAL_TASK = "Clinical reviewer approval · Approbation clinique"
FRENCH_WORKFLOW = "French translation review · Révision de la traduction"
FRENCH_TASK = "French reviewer approval · Approbation du français"
ENGLISH_WORKFLOW = "Editorial review · Révision éditoriale"
ENGLISH_TASK = "Administrator approval · Approbation par l’administration"

BILINGUAL_NAMES = (
    CLINICAL_WORKFLOW,
    CLINICAL_TASK,
    FRENCH_WORKFLOW,
    FRENCH_TASK,
    ENGLISH_WORKFLOW,
    ENGLISH_TASK,
)


def name_in_language(name, language=None):
    """The part of a name stored as "English · Français" for the admin user's language."""
    from django.utils.translation import get_language

    english, separator, french = name.partition(" · ")
    if not separator:
        return name
    return french if (language or get_language() or "").startswith("fr") else english


def names_in_language(text, language=None):
    """``text`` (e.g. "Submit to Clinical review · Révision clinique") with each stored
    bilingual workflow or task name in the admin user's language."""
    for name in BILINGUAL_NAMES:
        if name in text:
            text = text.replace(name, name_in_language(name, language))
    return text


CLINICAL_INDEX_MODELS = ("treatments.TreatmentIndexPage", "treatments.ConditionIndexPage")
CLINICAL_PAGE_MODELS = ("treatments.TreatmentPage", "treatments.ConditionPage")
FRENCH = "fr-ca"


class ReviewerNameMissing(Exception):
    """The approving reviewer's account has no name to record as the reviewer."""


class TranslationNotReady(Exception):
    """A French translation cannot be submitted for review (message says why)."""


def reviewer_name_missing_message():
    return _(
        "Your account has no name, and approving a clinical page records the reviewer’s name. "
        "Add your first and last name (and designation, e.g. “MD”) under Account, then approve "
        "again. Nothing was approved or saved."
    )


# ---------------------------------------------------------------------------------------------
# Clinical review


def add_months(day, months):
    """``day`` plus ``months`` months, clamped to the month's end (31 Jan + 1: 28 or 29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def review_interval_months():
    return int(getattr(settings, "CLINICAL_REVIEW_INTERVAL_MONTHS", 12) or 12)


def is_clinical_page(page):
    return all(hasattr(page, name) for name in ("last_reviewed", "next_review_due", "reviewed_by"))


def reviewer_name(user):
    return (user.get_full_name() or "").strip()


@transaction.atomic
def record_clinical_review(workflow_state, user, today=None):
    """Stamp the page under review with today's review, the reviewer and the next review date.

    Saves a new revision on top of the latest one (so a reviewer's own edits are kept); the
    workflow then publishes that latest revision. Returns the revision, or None for a page that
    has no clinical review fields (an index page in the same workflow).
    """
    name = reviewer_name(user)
    if not name:
        raise ReviewerNameMissing
    reviewed = workflow_state.content_object
    page = reviewed.get_latest_revision_as_object()
    if not is_clinical_page(page):
        return None
    today = today or timezone.localdate()
    page.last_reviewed = today
    max_length = page._meta.get_field("reviewed_by").max_length
    page.reviewed_by = name[:max_length] if max_length else name
    page.next_review_due = add_months(today, review_interval_months())
    revision = page.save_revision(user=user, log_action=True)
    # The workflow publishes its (cached) object's latest revision: make it this one.
    reviewed.latest_revision = revision
    return revision


def has_french_review_fields(page):
    return all(hasattr(page, name) for name in ("french_last_reviewed", "french_reviewed_by"))


@transaction.atomic
def record_french_review(workflow_state, user, today=None):
    """Stamp the French clinical page under review with today's French review and its reviewer.

    As ``record_clinical_review``: a new revision on top of the latest, which the workflow then
    publishes. Pages without the fields (index pages) and resources are approved unstamped.
    """
    reviewed = workflow_state.content_object
    page = reviewed.get_latest_revision_as_object()
    if not has_french_review_fields(page):
        return None
    name = reviewer_name(user)
    if not name:
        raise ReviewerNameMissing
    page.french_last_reviewed = today or timezone.localdate()
    max_length = page._meta.get_field("french_reviewed_by").max_length
    page.french_reviewed_by = name[:max_length] if max_length else name
    revision = page.save_revision(user=user, log_action=True)
    reviewed.latest_revision = revision
    return revision


# ---------------------------------------------------------------------------------------------
# French translation review


def french_translation_of(obj):
    """The enabled wagtail-localize Translation that produces this page or resource, in either
    direction (the name is older than French-first content): None for an original."""
    return (
        Translation.objects.filter(
            source__object_id=obj.translation_key,
            target_locale_id=obj.locale_id,
            enabled=True,
        )
        .exclude(source__locale_id=obj.locale_id)
        .select_related("source")
        .first()
    )


@transaction.atomic
def submit_translation_for_review(obj, user):
    """Save the French page or resource from its translation (as a draft) and start its review.

    Refuses an unfinished translation: a draft with English strings must never reach a reviewer,
    who would publish it.
    """
    if isinstance(obj, Page):
        obj = obj.specific
    translation = french_translation_of(obj)
    if translation is None:
        raise TranslationNotReady(
            _("This page is not a translation made in the translation editor.")
            if isinstance(obj, Page)
            else _("This resource is not a translation made in the translation editor.")
        )
    total, done = translation.get_progress()
    if done < total:
        raise TranslationNotReady(
            _("Translate every string before submitting: %(done)s of %(total)s are translated.")
            % {"done": done, "total": total}
        )
    state = obj.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        raise TranslationNotReady(_("This translation is already waiting for review."))
    workflow = obj.get_workflow()
    if workflow is None:
        raise TranslationNotReady(_("No review workflow applies to this page."))

    # A draft: translations.drafts keeps the live page or resource (and its live revision) as
    # it was, and the new revision waits for the reviewer, whose approval publishes it.
    translation.save_target(user=user, publish=False)
    obj = type(obj).objects.get(pk=obj.pk)
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user=user)
        return state
    return workflow.start(obj, user)


# ---------------------------------------------------------------------------------------------
# Groups, permissions and workflows


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _model_permissions(group, model_label, actions):
    app_label, model_name = model_label.lower().split(".")
    for action in actions:
        group.permissions.add(_permission(app_label, f"{action}_{model_name}"))


def _page_permissions(group, page, actions):
    for action in actions:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=_permission("wagtailcore", f"{action}_page")
        )


def _collection_permissions(group, collection, grants):
    for app_label, codename in grants:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=_permission(app_label, codename)
        )


def _workflow(name, task_model, task_name, groups, pages):
    task = task_model.objects.filter(name=task_name).first()
    if task is None:
        task = task_model.objects.create(name=task_name)
    task.groups.add(*groups)
    workflow, _created = Workflow.objects.get_or_create(name=name)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for page in pages:
        # Assigned once: an administrator who later picks another workflow for a page keeps it.
        WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})
    return workflow


def _become_french_review_task(name):
    """A site set up before French reviews were stamped has a plain group approval task: it
    becomes a FrenchReviewTask in place (same task id, so its place in the workflow, its groups
    and any review under way are kept), rather than a second task beside it."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Task

    old = GroupApprovalTask.objects.filter(name=name).first()
    if old is None or FrenchReviewTask.objects.filter(pk=old.pk).exists():
        return
    groups = list(old.groups.all())
    task = FrenchReviewTask(task_ptr_id=old.pk, name=old.name, active=old.active)
    task.save_base(raw=True)  # the child row only: the Task row is the old one's
    _delete_child_row_only(old)
    Task.objects.filter(pk=old.pk).update(
        content_type=ContentType.objects.get_for_model(FrenchReviewTask)
    )
    FrenchReviewTask.objects.get(pk=old.pk).groups.set(groups)


def _delete_child_row_only(task):
    """Delete a task's subclass row and its group links, keeping the Task row: tried on these
    models, ``delete(keep_parents=True)`` removed the Task row as well."""
    from django.db import connection

    task.groups.clear()
    meta = type(task)._meta
    table, column = (
        connection.ops.quote_name(meta.db_table),
        connection.ops.quote_name(meta.pk.column),
    )
    with connection.cursor() as cursor:
        # Names from the model's own metadata, quoted; the id is a parameter.
        cursor.execute(f"DELETE FROM {table} WHERE {column} = %s", [task.pk])  # noqa: S608  # nosec B608 - table and column from model metadata


def _resource_workflow(workflow):
    """Resources are reviewed: Wagtail assigns snippet workflows per model. The English review is
    the model's; ``Resource.get_workflow`` sends a French resource to the French review instead
    (the workflow of its language's home page). Assigned once, as for pages."""
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType

    try:
        model = apps.get_model("directory", "Resource")
    except LookupError:
        return
    WorkflowContentType.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(model), defaults={"workflow": workflow}
    )


def _pages_of(model_labels, locale):
    from django.apps import apps

    pages = []
    for label in model_labels:
        try:
            model = apps.get_model(label)
        except LookupError:  # the treatments app has not got that page type (yet)
            continue
        pages.extend(model.objects.filter(locale=locale, alias_of__isnull=True))
    return pages


def _trim_grants_beyond_the_design(groups, root_page, root_collection, french_home, english_home):
    """Remove the grants the design forbids, and only those (an administrator's deliberate
    additions stay): Wagtail's initial image and document change/delete rights for Editors on
    the root collection, its "Moderators" group's rights on the tree root (both languages),
    translators' right to add French pages, and "submit translation" outside translators and
    administrators."""
    media_changes = Permission.objects.filter(
        content_type__app_label__in=["wagtailimages", "wagtaildocs"],
        codename__in=["change_image", "delete_image", "change_document", "delete_document"],
    )
    GroupCollectionPermission.objects.filter(
        group=groups[EDITORS], collection=root_collection, permission__in=media_changes
    ).delete()
    groups[EDITORS].permissions.remove(*media_changes)
    GroupPagePermission.objects.filter(group__name="Moderators", page=root_page).delete()
    GroupPagePermission.objects.filter(
        group=groups[TRANSLATORS],
        page__in=[french_home, english_home],
        permission__codename="add_page",
    ).delete()
    submit = _permission("wagtail_localize", "submit_translation")
    for group in Group.objects.filter(permissions=submit).exclude(
        pk__in=[groups[TRANSLATORS].pk, groups[ADMINISTRATORS].pk]
    ):
        group.permissions.remove(submit)


@transaction.atomic
def setup_editorial(stdout=None):
    """Groups with least-privilege permissions, and the three review workflows. Idempotent."""
    from home.services import get_home_pages

    english_home, french_home = get_home_pages()
    english = english_home.locale
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()

    groups = {
        name: Group.objects.get_or_create(name=name)[0]
        for name in (
            EDITORS,
            CLINICAL_REVIEWERS,
            TRANSLATORS,
            FRENCH_REVIEWERS,
            RECEPTION,
            ADMINISTRATORS,
        )
    }
    # Wagtail's first migration gives its "Editors" group rights on the tree root, i.e. in both
    # languages; our groups' rights are per language subtree instead.
    GroupPagePermission.objects.filter(
        group__in=[groups[name] for name in groups if name != ADMINISTRATORS], page=root_page
    ).delete()

    access_admin = _permission("wagtailadmin", "access_admin")
    for group in groups.values():
        group.permissions.add(access_admin)

    clinical_indexes = _pages_of(CLINICAL_INDEX_MODELS, english)
    # Either language first: clinical pages written in French are reviewed under the French
    # index pages as English ones are under the English (translations.direction sends a
    # translation, in either direction, to its language's review instead).
    french_clinical_indexes = _pages_of(CLINICAL_INDEX_MODELS, french_home.locale)

    # Editors: English pages, drafts and submissions only (every English page is reviewed
    # before it is published), and the resource snippets, likewise drafts and submissions: no
    # "publish" (a snippet right covers both languages).
    editors = groups[EDITORS]
    _page_permissions(editors, english_home, ["add", "change"])
    # ... and French pages, in the same way: authors write in either language.
    _page_permissions(editors, french_home, ["add", "change"])
    _model_permissions(editors, "directory.Resource", ["add", "change", "delete"])
    # The practice's details (English; the locale check is made when the record is opened).
    _model_permissions(editors, "practice.PracticeDetails", ["change"])
    _collection_permissions(
        editors,
        root_collection,
        [
            ("wagtailimages", "add_image"),
            ("wagtailimages", "choose_image"),
            ("wagtaildocs", "add_document"),
            ("wagtaildocs", "choose_document"),
        ],
    )

    # Clinical reviewers: English clinical pages. Wagtail 8 publishes an approved page as the
    # approving user and checks that user's publish permission, so approvers need it.
    reviewers = groups[CLINICAL_REVIEWERS]
    for index in [*clinical_indexes, *french_clinical_indexes]:
        _page_permissions(reviewers, index, ["change", "publish"])

    # French reviewers: approve (and so publish) French pages and French resources. The snippet
    # rights are per model: editorial.wagtail_hooks limits editing to their language, and
    # translations.policy publishing (an English resource is the administration's to approve).
    _page_permissions(groups[FRENCH_REVIEWERS], french_home, ["change", "publish"])
    _model_permissions(groups[FRENCH_REVIEWERS], "directory.Resource", ["change", "publish"])
    # The practice's details in French go live as saved, so French reviewers, not translators,
    # hold them (the one rule: French goes live only through a French reviewer).
    _model_permissions(groups[FRENCH_REVIEWERS], "practice.PracticeDetails", ["change"])

    # Reception: the appointment requests patients send, and nothing else in the admin.
    _model_permissions(
        groups[RECEPTION], "practice.AppointmentRequest", ["view", "change", "delete"]
    )

    # Translators: the French tree only; French resources only (see wagtail_hooks: the snippet
    # permission is per model, so the locale check is made when a resource is opened).
    translators = groups[TRANSLATORS]
    # Translators translate; they do not create pages (a new French page would be French-first
    # content, clinical or not, that no clinical reviewer has seen).
    _page_permissions(translators, french_home, ["change"])
    # ... and the English tree, to save English translated from French. They change only
    # translations (translations.direction.may_change_originals, checked on every edit).
    _page_permissions(translators, english_home, ["change"])
    _model_permissions(translators, "directory.Resource", ["change"])
    translators.permissions.add(_permission("wagtail_localize", "submit_translation"))
    _collection_permissions(
        translators,
        root_collection,
        [("wagtailimages", "choose_image"), ("wagtaildocs", "choose_document")],
    )

    _trim_grants_beyond_the_design(groups, root_page, root_collection, french_home, english_home)

    # Administrators: everything.
    admins = groups[ADMINISTRATORS]
    admins.permissions.add(*Permission.objects.all())
    _page_permissions(
        admins, root_page, ["add", "change", "publish", "bulk_delete", "lock", "unlock"]
    )
    _collection_permissions(
        admins,
        root_collection,
        [
            (app, f"{action}_{model}")
            for app, model in (("wagtailimages", "image"), ("wagtaildocs", "document"))
            for action in ("add", "change", "delete", "choose")
        ],
    )

    english_workflow = _workflow(
        ENGLISH_WORKFLOW, GroupApprovalTask, ENGLISH_TASK, [admins], [english_home]
    )
    _workflow(
        CLINICAL_WORKFLOW,
        ClinicalReviewTask,
        CLINICAL_TASK,
        [reviewers],
        [*clinical_indexes, *french_clinical_indexes],
    )
    _become_french_review_task(FRENCH_TASK)
    _workflow(
        FRENCH_WORKFLOW, FrenchReviewTask, FRENCH_TASK, [groups[FRENCH_REVIEWERS]], [french_home]
    )

    _resource_workflow(english_workflow)

    if stdout is not None:
        missing = "" if clinical_indexes else " (no clinical index pages yet)"
        stdout.write(f"Editorial groups and review workflows ready{missing}.")
    return groups


# ---------------------------------------------------------------------------------------------
# Demo users (only on request: `make demo-users`)

DEMO_USERS = [
    # username, first name, last name, groups, admin language. The names say they are demo
    # accounts: an approval stamps the reviewer's name on a public page, and no credential
    # may be invented there.
    ("editor", "Demo", "Editor", [EDITORS], "en-ca"),
    (
        "reviewer",
        "Demo",
        "Reviewer (demo account)",
        [CLINICAL_REVIEWERS, FRENCH_REVIEWERS],
        "en-ca",
    ),
    ("translator", "Démo", "Traducteur", [TRANSLATORS], "fr-ca"),
]


@transaction.atomic
def ensure_demo_users():
    """Create (or reset the password of) one demo login per role: [(role, user, password)]."""
    setup_editorial()
    user_model = get_user_model()
    logins = []
    for username, first_name, last_name, group_names, language in DEMO_USERS:
        user, _created = user_model.objects.get_or_create(
            username=username, defaults={"first_name": first_name, "last_name": last_name}
        )
        password = secrets.token_urlsafe(12)
        user.set_password(password)
        user.save()
        user.groups.add(*Group.objects.filter(name__in=group_names))
        profile = UserProfile.get_for_user(user)
        if not profile.preferred_language:
            profile.preferred_language = language
            profile.save()
        logins.append((", ".join(group_names), user, password))
    return logins
