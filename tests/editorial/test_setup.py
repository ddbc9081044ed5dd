"""Setup runs on every `make run` without printing logins; demo logins only when asked."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from editorial import services

pytestmark = pytest.mark.django_db


def test_setup_site_sets_up_roles_without_demo_logins(home_pages):
    out = StringIO()
    call_command("setup_site", "--no-admin", stdout=out)
    call_command("setup_site", "--no-admin", stdout=out)
    assert "Editorial groups and review workflows ready" in out.getvalue()
    assert not get_user_model().objects.filter(username__in=["editor", "reviewer", "translator"])


def test_demo_users_prints_one_login_per_role(home_pages):
    out = StringIO()
    call_command("demo_users", stdout=out)
    call_command("demo_users", stdout=out)
    users = get_user_model().objects.filter(username__in=["editor", "reviewer", "translator"])
    assert users.count() == 3
    groups = {user.username: set(user.groups.values_list("name", flat=True)) for user in users}
    assert groups == {
        "editor": {services.EDITORS},
        "reviewer": {services.CLINICAL_REVIEWERS, services.FRENCH_REVIEWERS},
        "translator": {services.TRANSLATORS},
    }
    assert all(user.get_full_name() for user in users)  # a reviewer's name is recorded
    last_run = out.getvalue().split("Demo logins")[-1]
    reviewer_line = next(line for line in last_run.splitlines() if "reviewer" in line)
    password = reviewer_line.split()[1]
    assert get_user_model().objects.get(username="reviewer").check_password(password)
