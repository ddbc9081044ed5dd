"""Every group holds exactly the rights the README's table gives it: drift fails CI.

One row per group. A new group (for example "Reception") is one more row; a group that is in
the database but not in this table fails the test.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupCollectionPermission, GroupPagePermission

from editorial import services

pytestmark = pytest.mark.django_db

ADMIN = "access_admin"
ALL = "every permission"

# group: (model permissions, {page: page permissions}, collection permissions)
# Pages: "en" English home (English tree), "fr" French home, "clinical-en" and "clinical-fr" the
# treatment and condition index pages of each language, "root" the tree root.
EXPECTED = {
    services.EDITORS: (
        # Wagtail's initial model-level image and document rights, minus change and delete;
        # resources without "publish" or "lock" (English ones are submitted for review).
        {
            ADMIN,
            *("add_resource", "change_resource", "delete_resource"),
            "change_practicedetails",
            *("add_image", "choose_image", "add_document", "choose_document"),
        },
        # Authors write in either language.
        {"en": {"add_page", "change_page"}, "fr": {"add_page", "change_page"}},
        {"add_image", "choose_image", "add_document", "choose_document"},
    ),
    services.CLINICAL_REVIEWERS: (
        {ADMIN},
        # Clinical review of clinical pages in whichever language they are written first.
        {
            "clinical-en": {"change_page", "publish_page"},
            "clinical-fr": {"change_page", "publish_page"},
        },
        set(),
    ),
    services.TRANSLATORS: (
        # Both trees, to translate either way; translations only (translations.direction).
        {ADMIN, "change_resource", "submit_translation"},
        {"fr": {"change_page"}, "en": {"change_page"}},
        {"choose_image", "choose_document"},
    ),
    services.FRENCH_REVIEWERS: (
        # Approving a French resource publishes it as the approver (translations.policy keeps
        # the model-wide right to French resources).
        {ADMIN, "change_resource", "publish_resource", "change_practicedetails"},
        {"fr": {"change_page", "publish_page"}},
        set(),
    ),
    services.RECEPTION: (
        {
            ADMIN,
            *("view_appointmentrequest", "change_appointmentrequest"),
            "delete_appointmentrequest",
        },
        {},
        set(),
    ),
    services.ADMINISTRATORS: (
        {ALL},
        {
            "root": {
                "add_page",
                "change_page",
                "publish_page",
                "bulk_delete_page",
                "lock_page",
                "unlock_page",
            }
        },
        {
            f"{action}_{model}"
            for model in ("image", "document")
            for action in ("add", "change", "delete", "choose")
        },
    ),
    # Wagtail's own group, emptied of its tree-root rights by the setup step.
    "Moderators": (None, {}, None),
}


def page_label(page, english_home, french_home):
    if page.depth == 1:
        return "root"
    if page.pk == english_home.pk:
        return "en"
    if page.pk == french_home.pk:
        return "fr"
    if page.specific_class.__name__.endswith("IndexPage"):
        return "clinical-en" if page.locale_id == english_home.locale_id else "clinical-fr"
    return f"page {page.pk}"


def effective(group, english_home, french_home):
    codenames = set(group.permissions.values_list("codename", flat=True))
    if codenames and len(codenames) == Permission.objects.count():
        codenames = {ALL}
    pages = {}
    for grant in GroupPagePermission.objects.filter(group=group).select_related("page"):
        label = page_label(grant.page, english_home, french_home)
        pages.setdefault(label, set()).add(grant.permission.codename)
    collections = set(
        GroupCollectionPermission.objects.filter(group=group).values_list(
            "permission__codename", flat=True
        )
    )
    return codenames, pages, collections


def test_every_group_holds_exactly_the_rights_in_the_table(clinical_pages, editorial):
    from home.localization import translate_from_catalogue

    english_home, french_home = editorial
    for page in clinical_pages:  # the index pages in French too, as the seeded site has them
        index = page.get_parent().specific
        translate_from_catalogue(
            index, french_home.locale, {index.title: index.title, index.slug: f"{index.slug}-fr"}
        )
    services.setup_editorial()
    assert set(Group.objects.values_list("name", flat=True)) <= set(EXPECTED)
    for group in Group.objects.all():
        codenames, pages, collections = effective(group, english_home, french_home)
        expected_codenames, expected_pages, expected_collections = EXPECTED[group.name]
        if expected_codenames is not None:
            assert codenames == expected_codenames, group.name
        assert pages == expected_pages, group.name
        if expected_collections is not None:
            assert collections == expected_collections, group.name
