"""Admin screens (viewsets, menu items) for profiles; registered through wagtail_hooks."""
