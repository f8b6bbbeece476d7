"""The casework dictionaries as seeded by migration 0004, re-creatable on demand.

Tests that flush the database (the live-server browser tests) lose migration
data; they call :func:`dictionaries_ensure` to seed the same entries again.
"""

import importlib

from django.apps import apps


def dictionaries_ensure() -> None:
    """Create or update the dictionary entries and default caseload limits (idempotent)."""
    migration = importlib.import_module("ostoja.casework.migrations.0004_dictionaries")
    migration.forwards(apps, None)
