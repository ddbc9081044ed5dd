"""The consent a patient gives when sending a request, and the version stored with each one.

Change the wording and you must give it a new version: tests/practice/test_consent.py pins the
text's fingerprint to CONSENT_VERSION, so a changed text with an old version fails CI.
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

CONSENT_VERSION = "2026-12-03"

CONSENT_TEXT = _(
    "I agree that the practice uses the information in this form only to answer my request. "
    "Only the practice’s reception staff and the site’s administrators see it. It is kept on the "
    "server of the practice’s website and deleted after %(days)s days."
)


def consent_text():
    return CONSENT_TEXT % {"days": settings.REQUEST_RETENTION_DAYS}
