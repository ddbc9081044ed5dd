"""ASGI entry point (unused by `make run`; kept for hosts that prefer ASGI)."""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic.settings.production")

from django.core.asgi import get_asgi_application  # noqa: E402

application = get_asgi_application()
