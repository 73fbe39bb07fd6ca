"""Admin screens (viewsets, menu items) for badges; registered through wagtail_hooks."""
