from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from security import two_factor_views, views


@hooks.register("register_admin_urls")
def register_security_urls():
    return [
        path("lockouts/", views.LockoutsView.as_view(), name="security_lockouts"),
        path(
            "two-step/accounts/",
            views.TwoFactorAccountsView.as_view(),
            name="security_two_factor_accounts",
        ),
        path(
            "two-step/setup/",
            two_factor_views.SetupView.as_view(),
            name="security_two_factor_setup",
        ),
        path(
            "two-step/verify/",
            two_factor_views.VerifyView.as_view(),
            name="security_two_factor_verify",
        ),
    ]


class TwoFactorAccountsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(views.RESET_TWO_FACTOR_PERMISSION)


@hooks.register("register_settings_menu_item")
def two_factor_accounts_menu_item():
    return TwoFactorAccountsMenuItem(
        _("Two-step sign-in of staff"),
        reverse("security_two_factor_accounts"),
        name="two-step-sign-in",
        icon_name="key",
        order=910,
    )


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("security_two_factor_setup"),
        "label": _("Two-step sign-in"),
        "help_text": _("Ask for a code from your phone as well as your password when you sign in."),
    }


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
