"""Appointment and contact requests patients send through the contact page."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Topic(models.TextChoices):
    APPOINTMENT = "appointment", _("An appointment")
    QUESTION = "question", _("A question for the practice")
    ACCESSIBILITY = "accessibility", _("The accessibility of this site or the premises")


class ContactMethod(models.TextChoices):
    PHONE = "phone", _("By phone")
    EMAIL = "email", _("By e-mail")


class Status(models.TextChoices):
    NEW = "new", _("New")
    CONTACTED = "contacted", _("Contacted")
    CLOSED = "closed", _("Closed")


class AppointmentRequest(models.Model):
    """What a patient sent, kept only as long as REQUEST_RETENTION_DAYS (purge_requests).

    Seen in the admin by the Reception group and administrators only; never e-mailed, never
    exported by default.
    """

    received_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW
    )
    topic = models.CharField(
        _("about"), max_length=20, choices=Topic.choices, default=Topic.APPOINTMENT
    )
    name = models.CharField(_("name"), max_length=100)
    contact_method = models.CharField(
        _("preferred way to be reached"), max_length=10, choices=ContactMethod.choices
    )
    phone = models.CharField(_("phone"), max_length=25, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=10, choices=settings.LANGUAGES
    )
    preferred_times = models.CharField(_("preferred days and times"), max_length=200, blank=True)
    reason = models.TextField(_("reason"), max_length=500, blank=True)
    # The language of the page the form was sent from, and the consent text the person agreed to.
    form_language = models.CharField(_("form language"), max_length=10, choices=settings.LANGUAGES)
    consent_version = models.CharField(_("consent text version"), max_length=40)

    class Meta:
        verbose_name = _("appointment request")
        verbose_name_plural = _("appointment requests")
        ordering = ["-received_at"]

    def __str__(self):
        return f"{self.name} · {self.received_at:%Y-%m-%d %H:%M}" if self.received_at else self.name
