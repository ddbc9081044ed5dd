#!/usr/bin/env python
"""Django's command-line utility, with `site/` (the source root) on the path."""

import os
import sys
from pathlib import Path

if __name__ == "__main__":
    # `site/` shadows the standard-library module of that name, so it is a
    # source root on sys.path rather than a package.
    sys.path.insert(0, str(Path(__file__).resolve().parent / "site"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
