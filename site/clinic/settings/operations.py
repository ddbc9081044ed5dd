"""Running the site: background tasks, scheduled jobs' e-mail, logs, error reports (operations/).

Kept in a module of its own so base.py only imports it: several developers change base.py at once.
Every value can be read in README's "Configuration" section and docs/deploy.md.
"""

import os

# Background tasks (Wagtail 8 runs its reference-index updates, file deletions and image work
# through django-tasks; operations.notifications moves the workflow e-mails there too).
# TASKS_BACKEND=database (default): stored in the site's database, run by `manage.py db_worker`
# (make run starts it). "immediate": run inside the request, no worker (what the test suite uses).
# "rq": Redis through django-tasks-rq (pip install django-tasks-rq==0.12.0; REDIS_URL), for a
# practice that has outgrown one server; its worker is `manage.py rqworker default --job-class
# django_tasks_rq.Job` (tests/operations/test_rq_backend.py runs one against Redis in CI).
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "database")
_TASK_BACKENDS = {
    "database": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
    "immediate": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "rq": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]},
}
TASKS = {"default": _TASK_BACKENDS[TASKS_BACKEND]}
RQ_QUEUES = {"default": {"URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")}}
# The dashboard warns when a task has waited longer than this: the worker is not running.
TASKS_STALE_MINUTES = int(os.environ.get("TASKS_STALE_MINUTES", "5"))
# A task "running" longer than this was left by a worker that stopped (operations.worker).
TASKS_RUNNING_TIMEOUT_MINUTES = int(os.environ.get("TASKS_RUNNING_TIMEOUT_MINUTES", "30"))
# An e-mail that cannot be sent (SMTP down or refusing) is tried again this many times in all,
# 2, 4, 8... minutes apart, then given up (logged as an error).
EMAIL_SEND_ATTEMPTS = int(os.environ.get("EMAIL_SEND_ATTEMPTS", "5"))

# Workflow notifications: members of the reviewing group are told; superusers are not copied on
# every step (an administrator reviews through the Administrators group like anyone else).
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False

# Requests larger than this are refused with 413, by nginx (deploy/nginx/clinic.conf says the
# same, tests/operations/test_deploy_files.py checks) and by Django (operations.middleware):
# the largest document (20 MB, settings/security.py) plus the form around it.
REQUEST_MAX_BODY_SIZE = 21 * 1024 * 1024

# Errors: stack traces go to the log and, when ADMINS is set ("ops@example.org,other@..."), by
# e-mail, with no request data and no local variables (operations.logging.PrivateReporterFilter:
# a stack trace of the contact form would otherwise carry a patient's name and reason).
ADMINS = [(address, address) for address in os.environ.get("ADMINS", "").split(",") if address]
DEFAULT_EXCEPTION_REPORTER_FILTER = "operations.logging.PrivateReporterFilter"
SENTRY_DSN = os.environ.get("SENTRY_DSN", "")

# Django's own logging stays under this: its "django" logger mails ADMINS every error (DEBUG off).
# One line per request (operations.middleware.RequestLogMiddleware) with its request id and time;
# every line of a request carries the id. LOG_LEVEL=INFO by default: the request lines are INFO.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "operations.logging.RequestIdFilter"}},
    "formatters": {
        "line": {
            "format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s",
        }
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "line",
        },
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "operations": {"level": os.environ.get("LOG_LEVEL", "INFO")},
        "django_tasks_db": {"level": "INFO"},
    },
}

# Sentry, only when asked for and installed (pip install sentry-sdk): nothing personal is sent
# (no request bodies, cookies, users or local variables).
if SENTRY_DSN:
    try:
        import sentry_sdk
    except ImportError:  # said once at start-up, the site runs without it
        import warnings

        warnings.warn("SENTRY_DSN is set but sentry-sdk is not installed.", stacklevel=1)
    else:
        sentry_sdk.init(
            dsn=SENTRY_DSN,
            send_default_pii=False,
            include_local_variables=False,
            max_request_body_size="never",
        )
