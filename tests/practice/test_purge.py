"""Requests are kept REQUEST_RETENTION_DAYS days, then purged; running it again changes nothing."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from practice.models import AppointmentRequest

pytestmark = pytest.mark.django_db


def make(days_old):
    request = AppointmentRequest.objects.create(
        name=f"{days_old} days",
        contact_method="email",
        email="x@example.org",
        preferred_language="en-ca",
        form_language="en-ca",
        consent_version="2026-12-03",
    )
    AppointmentRequest.objects.filter(pk=request.pk).update(
        received_at=timezone.now() - datetime.timedelta(days=days_old)
    )
    return request


def test_old_requests_go_and_recent_ones_stay(settings, capsys):
    settings.REQUEST_RETENTION_DAYS = 90
    old, older = make(91), make(400)
    recent, edge = make(1), make(89)

    call_command("purge_requests")
    assert "Deleted 2 request(s) older than 90 days." in capsys.readouterr().out
    remaining = set(AppointmentRequest.objects.values_list("pk", flat=True))
    assert remaining == {recent.pk, edge.pk}
    assert not {old.pk, older.pk} & remaining

    call_command("purge_requests")
    assert "Deleted 0 request(s)" in capsys.readouterr().out
    assert AppointmentRequest.objects.count() == 2


def test_retention_comes_from_the_setting(settings):
    settings.REQUEST_RETENTION_DAYS = 30
    make(31)
    keep = make(29)
    call_command("purge_requests")
    assert list(AppointmentRequest.objects.values_list("pk", flat=True)) == [keep.pk]
