"""Wagtail's other name for `update_index`: the same command, with the same progress counts."""

from search.management.commands.update_index import Command  # noqa: F401
