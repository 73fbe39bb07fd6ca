"""Admin screens (viewsets, menu items) for needs; registered through wagtail_hooks."""
