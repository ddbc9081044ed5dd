"""The consent text's version changes whenever its wording does."""

import hashlib

from practice.consent import CONSENT_TEXT, CONSENT_VERSION

# The version each wording was given. Changing CONSENT_TEXT (or its French) means a new
# version in practice/consent.py and a new line here: stored requests keep the old version.
FINGERPRINTS = {"2026-12-03": "2c4095449ed41d9c"}


def fingerprint():
    from django.utils import translation

    texts = []
    for language in ("en-ca", "fr-ca"):
        with translation.override(language):
            texts.append(str(CONSENT_TEXT))
    return hashlib.sha256("\n".join(texts).encode()).hexdigest()[:16]


def test_consent_wording_has_its_own_version():
    assert FINGERPRINTS.get(CONSENT_VERSION) == fingerprint(), (
        "The consent text changed: give it a new CONSENT_VERSION and record its fingerprint "
        f"{fingerprint()} in this test."
    )
