"""WSGI entry point, served by gunicorn (`make run`)."""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # site/, the source root
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic.settings.production")

from django.core.wsgi import get_wsgi_application  # noqa: E402

application = get_wsgi_application()
