from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from security import views


@hooks.register("register_admin_urls")
def register_security_urls():
    return [path("lockouts/", views.LockoutsView.as_view(), name="security_lockouts")]


class AdministratorsMenuItem(MenuItem):
    def is_shown(self, request):
        return views.can_unlock(request.user)


@hooks.register("register_settings_menu_item")
def lockouts_menu_item():
    return AdministratorsMenuItem(
        _("Locked sign-ins"),
        reverse("security_lockouts"),
        name="locked-sign-ins",
        icon_name="lock",
        order=900,
    )
