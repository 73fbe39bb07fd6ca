from .activities import ActivityPage, ActivityTag, Kind, Level, Licence, Modality
from .library import LibraryPage
from .themes import Theme

__all__ = [
    "ActivityPage",
    "ActivityTag",
    "Kind",
    "Level",
    "Licence",
    "LibraryPage",
    "Modality",
    "Theme",
]
