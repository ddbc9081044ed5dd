from practice.models.details import PracticeDetails
from practice.models.pages import AccessibilityStatementPage, ContactPage, PrivacyStatementPage
from practice.models.requests import AppointmentRequest

__all__ = [
    "AccessibilityStatementPage",
    "AppointmentRequest",
    "ContactPage",
    "PracticeDetails",
    "PrivacyStatementPage",
]
