"""memberhub's models, one module per subject:

- users: the user model (login by e-mail address);
- organisations: member organisations, memberships, their Wagtail group and collection;
- invitations: invitations to join an organisation;
- index_pages: the section pages (/leden/, /nieuws/, /impactverhalen/, /vacatures/, /agenda/);
- publications: organisation pages, news, impact stories, vacancies;
- events: member events.

Their admin forms are in memberhub.admin_forms.
"""

from memberhub.models.events import EventPage, EventPageTheme
from memberhub.models.index_pages import (
    EventIndexPage,
    ImpactStoryIndexPage,
    MemberDirectoryPage,
    NewsIndexPage,
    PublicationIndexMixin,
    VacancyIndexPage,
)
from memberhub.models.invitations import Invitation, InvitationQuerySet
from memberhub.models.organisations import (
    MemberOrganisation,
    MemberOrganisationQuerySet,
    Membership,
    OrganisationAccess,
)
from memberhub.models.publications import (
    MEMBER_RICHTEXT_FEATURES,
    ImpactStoryImage,
    ImpactStoryPage,
    ImpactStoryPageTheme,
    ImpactStoryResult,
    MemberPublicationPage,
    NewsPage,
    NewsPageTheme,
    OrganisationPage,
    OrganisationPageTheme,
    VacancyPage,
    VacancyPageTheme,
)
from memberhub.models.users import User, UserManager

# The migrations name the validator of EventPage.timezone by this path
# (memberhub.models.validate_timezone); it lives in portal.scheduling.
from portal.scheduling import validate_timezone

__all__ = [
    "MEMBER_RICHTEXT_FEATURES", "EventIndexPage", "EventPage", "EventPageTheme",
    "ImpactStoryImage", "ImpactStoryIndexPage", "ImpactStoryPage", "ImpactStoryPageTheme",
    "ImpactStoryResult", "Invitation", "InvitationQuerySet", "MemberDirectoryPage",
    "MemberOrganisation", "MemberOrganisationQuerySet", "MemberPublicationPage", "Membership",
    "NewsIndexPage", "NewsPage", "NewsPageTheme", "OrganisationAccess", "OrganisationPage",
    "OrganisationPageTheme", "PublicationIndexMixin", "User", "UserManager",
    "VacancyIndexPage", "VacancyPage", "VacancyPageTheme", "validate_timezone",
]
