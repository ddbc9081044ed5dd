"""Requests in the admin: Reception and administrators only, status only, nothing to export."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from editorial import services as editorial
from practice.models import AppointmentRequest, PracticeDetails

pytestmark = pytest.mark.django_db
PASSWORD = "pw-for-tests-only"


@pytest.fixture
def groups(practice):
    editorial.setup_editorial()


@pytest.fixture
def make_user(groups, django_user_model):
    def make(username, group_name=None):
        user = django_user_model.objects.create_user(username, password=PASSWORD)
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
        return user

    return make


@pytest.fixture
def a_request(db):
    return AppointmentRequest.objects.create(
        name="Marie Tremblay",
        contact_method="phone",
        phone="514 555-0199",
        preferred_language="fr-ca",
        reason="Douleur au genou",
        form_language="fr-ca",
        consent_version="2026-12-03",
    )


INDEX = reverse("practice_requests:index")


def test_reception_sees_the_listing_and_changes_a_status(client, make_user, a_request):
    client.force_login(make_user("reception", editorial.RECEPTION))
    listing = client.get(INDEX)
    assert listing.status_code == 200
    assert "Marie Tremblay" in listing.content.decode()
    assert "export" not in listing.content.decode().lower()

    edit_url = reverse("practice_requests:edit", args=[a_request.pk])
    page = client.get(edit_url)
    assert page.status_code == 200
    assert "Douleur au genou" in page.content.decode()

    response = client.post(edit_url, {"status": "contacted", "name": "Changed", "reason": "x"})
    assert response.status_code == 302
    a_request.refresh_from_db()
    assert a_request.status == "contacted"
    # What the person sent is read-only, even in a forged post.
    assert a_request.name == "Marie Tremblay"
    assert a_request.reason == "Douleur au genou"


@pytest.mark.parametrize(
    "group_name",
    [
        editorial.EDITORS,
        editorial.CLINICAL_REVIEWERS,
        editorial.TRANSLATORS,
        editorial.FRENCH_REVIEWERS,
    ],
)
def test_other_groups_see_no_request(client, make_user, a_request, group_name):
    client.force_login(make_user("someone", group_name))
    edit_url = reverse("practice_requests:edit", args=[a_request.pk])
    delete_url = reverse("practice_requests:delete", args=[a_request.pk])
    for url in (INDEX, edit_url, delete_url):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert "Marie Tremblay" not in response.content.decode()
    client.post(edit_url, {"status": "closed"})
    client.post(delete_url)
    a_request.refresh_from_db()
    assert a_request.status == "new"
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert INDEX not in dashboard


def test_no_one_adds_a_request_in_the_admin(client, make_user, admin_user):
    for user in (make_user("reception", editorial.RECEPTION), admin_user):
        client.force_login(user)
        assert client.get(reverse("practice_requests:add")).status_code in (302, 403)
    assert AppointmentRequest.objects.count() == 0


def test_reception_may_delete_a_request(client, make_user, a_request):
    client.force_login(make_user("reception", editorial.RECEPTION))
    response = client.post(reverse("practice_requests:delete", args=[a_request.pk]))
    assert response.status_code == 302
    assert not AppointmentRequest.objects.exists()


def test_reception_sees_nothing_else(client, make_user):
    client.force_login(make_user("reception", editorial.RECEPTION))
    assert client.get(reverse("wagtailadmin_explore_root")).status_code in (302, 403)
    details = PracticeDetails.objects.first()
    url = reverse("wagtailsnippets_practice_practicedetails:edit", args=[details.pk])
    assert client.get(url).status_code in (302, 403)


def test_an_editor_changes_english_details_and_the_admin_takes_the_name(client, make_user):
    from wagtail.models import Site

    client.force_login(make_user("editor", editorial.EDITORS))
    details = PracticeDetails.objects.get(locale__language_code="en-ca")
    french = PracticeDetails.objects.get(locale__language_code="fr-ca")
    url = reverse("wagtailsnippets_practice_practicedetails:edit", args=[details.pk])
    assert client.get(url).status_code == 200
    french_url = reverse("wagtailsnippets_practice_practicedetails:edit", args=[french.pk])
    assert client.get(french_url).status_code in (302, 403)
    # There is one record per language: no second one.
    assert client.get(reverse("wagtailsnippets_practice_practicedetails:add")).status_code in (
        302,
        403,
    )
    details.name = "Clinique Exemple"
    details.save()
    from practice.wagtail_hooks import name_the_admin_after_the_practice

    name_the_admin_after_the_practice(None, details)
    assert Site.objects.get(is_default_site=True).site_name == "Clinique Exemple"
