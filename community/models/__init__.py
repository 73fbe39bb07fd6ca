from .badges import Badge, BadgeAward, BadgeKind
from .needs import NeedsBoardPage, NeedStatus, NeedVote, TrainingNeed, Urgency
from .pages import AccessibilityStatementPage, HomePage, StandardPage
from .profiles import ContactPreference, Profile, ProfileSkill, TrainerDirectoryPage, Visibility
from .users import User

__all__ = [
    "AccessibilityStatementPage",
    "Badge",
    "BadgeAward",
    "BadgeKind",
    "ContactPreference",
    "StandardPage",
    "HomePage",
    "NeedStatus",
    "NeedVote",
    "NeedsBoardPage",
    "Profile",
    "ProfileSkill",
    "TrainerDirectoryPage",
    "TrainingNeed",
    "Urgency",
    "User",
    "Visibility",
]
