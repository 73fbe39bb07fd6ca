"""Community admin screens; each concern registers its own hooks in its module."""

from community import admin_badges, admin_needs, admin_profiles  # noqa: F401
