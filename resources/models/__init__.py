from .activities import ActivityPage, ActivityTag, Kind, Level, Licence, Modality
from .engagement import Rating, Reuse
from .library import LibraryPage
from .paths import TrainingPathPage
from .themes import Theme

__all__ = [
    "ActivityPage",
    "ActivityTag",
    "Kind",
    "Level",
    "Licence",
    "LibraryPage",
    "Modality",
    "Rating",
    "Reuse",
    "Theme",
    "TrainingPathPage",
]
