"""The resources in Wagtail's admin: a menu item, search, filters and useful columns."""

from django.utils.functional import lazy
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from directory.models import Resource

# Column headings reuse the fields' names (already translated), capitalised when shown.
heading = lazy(capfirst, str)


class ResourceViewSet(SnippetViewSet):
    model = Resource
    icon = "link"
    menu_label = _("Resources")
    menu_name = "resources"
    menu_order = 300
    add_to_admin_menu = True
    list_display = [
        "title",
        Column("kind", label=heading(_("kind")), accessor="get_kind_display", sort_key="kind"),
        Column("language", label=heading(_("language")), accessor="get_language_display"),
        # Which directory the entry is in (English or French site), beside the resource's own
        # language: twins have the same title.
        Column("locale", label=_("Site language"), accessor="locale.get_display_name"),
        Column("authors", label=heading(_("authors or owner"))),
        BooleanColumn("has_address", label=heading(_("web address or page"))),
        BooleanColumn("is_shown", label=heading(_("shown"))),
    ]
    list_filter = ["kind", "language", "is_shown"]
    # Plain database search: finds parts of words and needs no search index to be rebuilt.
    search_backend_name = None
    search_fields = ["title", "authors", "description", "publisher", "region", "note"]
    list_per_page = 50  # ordered as on the page: Resource.Meta.ordering

    def get_queryset(self, request):
        # The "Site language" column and the listing buttons read each row's locale: one join
        # rather than a query per row (issue 22).
        return Resource.objects.select_related("locale")


register_snippet(ResourceViewSet)
