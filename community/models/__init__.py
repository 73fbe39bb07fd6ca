from .pages import AccessibilityStatementPage, ContentPage, HomePage
from .users import User

__all__ = ["AccessibilityStatementPage", "ContentPage", "HomePage", "User"]
