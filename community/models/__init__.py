"""Members find each other and work together: profiles, group spaces, discussions,
shared documents and notifications (docs/community.md)."""

from community.models.choices import FieldVisibility, JoinRule, SpaceRole
from community.models.discussions import Post, PostReport, Thread
from community.models.documents import SharedDocument, SharedDocumentVersion
from community.models.notifications import Follow, Notification
from community.models.profiles import Profile, ProfileLanguage
from community.models.spaces import MembershipRequest, Space, SpaceMembership

__all__ = [
    "FieldVisibility", "Follow", "JoinRule", "MembershipRequest", "Notification", "Post",
    "PostReport", "Profile", "ProfileLanguage", "SharedDocument", "SharedDocumentVersion",
    "Space", "SpaceMembership", "SpaceRole", "Thread",
]
