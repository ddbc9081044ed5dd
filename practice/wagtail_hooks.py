"""The practice in Wagtail's admin: its details (one record per language) and the requests
patients send, which only Reception and administrators see."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Site
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from practice.models import AppointmentRequest, PracticeDetails


class OneRecordPolicy(ModelPermissionPolicy):
    """The practice has one details record (translated, not duplicated): no second one."""

    def user_has_permission(self, user, action):
        if action == "add" and PracticeDetails.objects.exists():
            return False
        return super().user_has_permission(user, action)


class PracticeDetailsViewSet(SnippetViewSet):
    model = PracticeDetails
    icon = "home"
    menu_label = _("Practice details")
    menu_name = "practice-details"
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["name", "phone", "email"]
    copy_view_enabled = False


register_permission_policy(PracticeDetails, OneRecordPolicy(PracticeDetails), exact_class=True)
register_snippet(PracticeDetailsViewSet)


class ReceptionPolicy(ModelPermissionPolicy):
    """Requests arrive only through the public form: no one adds one in the admin."""

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)


class AppointmentRequestViewSet(ModelViewSet):
    model = AppointmentRequest
    name = "practice_requests"
    icon = "mail"
    menu_label = _("Appointment requests")
    menu_order = 320
    add_to_admin_menu = True
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = [
        "name",
        Column("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
        Column("topic", label=_("About"), accessor="get_topic_display"),
        Column(
            "contact_method",
            label=_("Reach by"),
            accessor="get_contact_method_display",
        ),
        Column("received_at", label=_("Received"), sort_key="received_at"),
    ]
    list_filter = ["status", "topic"]
    search_fields = ["name"]
    search_backend_name = None
    # No list_export: the health text in requests is never exported from the listing.
    panels = [
        FieldPanel("status"),
        MultiFieldPanel(
            [
                FieldPanel("topic", read_only=True),
                FieldPanel("name", read_only=True),
                FieldPanel("contact_method", read_only=True),
                FieldPanel("phone", read_only=True),
                FieldPanel("email", read_only=True),
                FieldPanel("preferred_language", read_only=True),
                FieldPanel("preferred_times", read_only=True),
                FieldPanel("reason", read_only=True),
            ],
            heading=_("What the person sent"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("received_at", read_only=True),
                FieldPanel("form_language", read_only=True),
                FieldPanel("consent_version", read_only=True),
            ],
            heading=_("Record"),
        ),
    ]


register_permission_policy(
    AppointmentRequest, ReceptionPolicy(AppointmentRequest), exact_class=True
)


@hooks.register("register_admin_viewset")
def register_requests_viewset():
    return AppointmentRequestViewSet()


@hooks.register("after_edit_snippet")
@hooks.register("after_create_snippet")
def name_the_admin_after_the_practice(request, instance):
    """The admin's dashboard greets editors with the practice's (English) name."""
    from django.conf import settings

    if isinstance(instance, PracticeDetails) and instance.locale.language_code == (
        settings.LANGUAGE_CODE
    ):
        Site.objects.filter(is_default_site=True).update(site_name=instance.name)


# Before the editorial app's language check (order -10): since editors write in both languages
# (issue 21), that check lets them into the French record, which is a translation of the English
# one. The README's rights table: editors change the English details, French reviewers the
# French.
@hooks.register("before_edit_snippet", order=-20)
@hooks.register("before_delete_snippet", order=-20)
def practice_details_by_language(request, instance):
    from django.conf import settings
    from wagtail.admin.auth import permission_denied

    from editorial.services import ADMINISTRATORS, FRENCH_REVIEWERS
    from translations.policy import in_group

    if not isinstance(instance, PracticeDetails) or request.user.is_superuser:
        return None
    if in_group(request.user, ADMINISTRATORS):
        return None
    is_translation = instance.locale.language_code != settings.LANGUAGE_CODE
    if is_translation and not in_group(request.user, FRENCH_REVIEWERS):
        return permission_denied(request)
    return None  # the English record: the editorial app's language check still applies
