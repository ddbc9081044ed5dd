"""Sign-in protection, staff sessions, Permissions-Policy and upload limits (the security/ app).

Kept in a module of its own so base.py only imports it: several developers change base.py at once.
Every value can be read in README's "Configuration" section.
"""

import os
from datetime import timedelta


def _env_int(name, default):
    return int(os.environ.get(name, default))


# Sign-in protection (django-axes). Failures are counted per username and, separately, per IP
# address: either reaching the limit locks that username (from anywhere) or that address (for any
# username) until the lockout lapses or an administrator unlocks it (Settings > Locked sign-ins).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out request before checking
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = _env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_COOLOFF_TIME = timedelta(minutes=_env_int("LOGIN_LOCKOUT_MINUTES", 60))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "security.lockout.lockout_response"
AXES_ENABLE_ADMIN = False  # Django's admin is not routed; the Wagtail view unlocks
AXES_DISABLE_ACCESS_LOG = True  # successful sign-ins are not recorded per request
# Behind a reverse proxy every request comes from the proxy's address; the client's is in
# X-Forwarded-For, but only the entries our own proxies appended can be believed (a client writes
# whatever it likes to the left of them). TRUSTED_PROXY_COUNT=N: N proxies stand in front, each
# appending the address it received from (security.lockout.client_ip_address).
TRUSTED_PROXY_COUNT = _env_int("TRUSTED_PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "security.lockout.client_ip_address"

# Sessions: every login on this site is a staff login (the public has none). A session ends after
# STAFF_SESSION_IDLE_MINUTES without a request (security.middleware.StaffIdleTimeoutMiddleware),
# and after SESSION_COOKIE_AGE at most, even with "Remember me".
STAFF_SESSION_IDLE_MINUTES = _env_int("STAFF_SESSION_IDLE_MINUTES", 30)
SESSION_COOKIE_AGE = 60 * 60 * 12  # a working day
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

# Two-step sign-in (django-otp: an authenticator app's codes, and single-use recovery codes).
# Required for superusers and these groups, matched by name; optional for everyone else
# (security/two_factor.py).
TWO_FACTOR_ENFORCED = True
TWO_FACTOR_REQUIRED_GROUPS = ["Reception", "Administrators"]
OTP_TOTP_ISSUER = "Prolotherapy practice"

# Powerful browser features no page of the site uses: refused for the page and any frame.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "ambient-light-sensor",
        "autoplay",
        "bluetooth",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "interest-cohort",
        "local-fonts",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}

# Uploads. Images: Wagtail checks the content's format with Willow (a PNG named .jpg or an HTML
# file named .png is refused); SVG is not among the formats, since it can carry scripts.
# Documents: security.uploads checks their content the same way (see DOCUMENT_CONTENT_TYPES).
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000  # a decompression bomb is refused before decoding
WAGTAILIMAGES_IMAGE_FORM_BASE = "security.uploads.SafeImageForm"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "txt", "csv"]
WAGTAILDOCS_DOCUMENT_FORM_BASE = "security.uploads.SafeDocumentForm"
DOCUMENT_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
