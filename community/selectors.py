"""Reads of the community: the people directory, profiles, spaces, threads and
notifications, each at a fixed number of queries whatever the amount of data."""

from django.db.models import Count, Prefetch, Q
from wagtail.images import get_image_model

from community.access import ProfileViewer, can_view_space, is_community_member
from community.models import (
    FieldVisibility,
    JoinRule,
    MembershipRequest,
    Notification,
    Post,
    Profile,
    SharedDocument,
    SharedDocumentVersion,
    Space,
    SpaceMembership,
    SpaceRole,
    Thread,
)
from community.models.choices import LANGUAGES
from portal.visibility import MEMBERS_GROUP_NAME, group_ids, visible_pages

PHOTO_FILTER = "fill-96x96"


def listed_profiles():
    """Profiles in the directory: opted in, of active people who are still members."""
    return Profile.objects.filter(listed=True, user__is_active=True,
                                  user__groups__name=MEMBERS_GROUP_NAME)


def _field_visible(field, viewer):
    """Profiles whose ``field`` this viewer may see (the ProfileViewer rule, in SQL)."""
    condition = Q(**{f"{field}_visibility": FieldVisibility.MEMBERS})
    if viewer.is_superuser:
        condition |= Q(**{f"{field}_visibility": FieldVisibility.ORGANISATION})
    else:
        condition |= Q(**{f"{field}_visibility": FieldVisibility.ORGANISATION,
                          "user__memberships__organisation__access__group_id__in":
                              list(group_ids(viewer))})
    return condition | Q(user=viewer)


def _matching(field, viewer, condition):
    return Profile.objects.filter(_field_visible(field, viewer) & condition).values("pk")


def directory(viewer, *, text="", theme=None, line=None, organisation=None, language=None):
    """The listed profiles matching the filters, each filter only on fields the viewer may
    see (a hidden field never answers a filter, so filters reveal nothing)."""
    if not is_community_member(viewer):
        return Profile.objects.none()
    profiles = listed_profiles()
    if text:
        for word in text.split()[:5]:
            profiles = profiles.filter(
                Q(user__first_name__icontains=word) | Q(user__last_name__icontains=word)
                | Q(pk__in=_matching("role", viewer, Q(role__icontains=word))))
    if theme:
        profiles = profiles.filter(pk__in=_matching("expertise", viewer, Q(expertise=theme)))
    if line:
        profiles = profiles.filter(pk__in=_matching("learning_lines", viewer,
                                                    Q(learning_lines=line)))
    if organisation:
        profiles = profiles.filter(pk__in=_matching(
            "organisations", viewer, Q(user__memberships__organisation=organisation)))
    if language:
        profiles = profiles.filter(pk__in=_matching("languages", viewer,
                                                    Q(languages__code=language)))
    return profiles.order_by("user__last_name", "user__first_name", "pk").distinct()


def with_details(profiles):
    """Everything a profile card shows, prefetched (fixed queries per page)."""
    from memberhub.models import Membership

    return profiles.select_related("user").prefetch_related(
        Prefetch("photo", queryset=get_image_model().objects.prefetch_renditions(
            PHOTO_FILTER)),
        "expertise", "languages", "learning_lines",
        Prefetch("user__memberships", to_attr="active_memberships",
                 queryset=Membership.objects.filter(organisation__active=True)
                 .select_related("organisation__access")),
    )


def _owner_group_ids(profile):
    ids = []
    for membership in getattr(profile.user, "active_memberships", []):
        access = getattr(membership.organisation, "access", None)
        if access is not None:
            ids.append(access.group_id)
    return ids


class ProfileCard:
    """A profile as one viewer may see it: hidden fields are simply absent."""

    def __init__(self, profile, viewer):
        self.profile = profile
        self.user = profile.user
        self.name = str(profile.user)
        fields = viewer.visible_fields(profile, _owner_group_ids(profile))
        self.fields = fields
        self.photo = profile.photo if "photo" in fields and profile.photo_id else None
        self.photo_alt = profile.photo_alt
        self.role = profile.role if "role" in fields else ""
        self.organisations = ([m.organisation for m in profile.user.active_memberships]
                              if "organisations" in fields else [])
        self.expertise = list(profile.expertise.all()) if "expertise" in fields else []
        self.languages = list(profile.languages.all()) if "languages" in fields else []
        self.learning_lines = (list(profile.learning_lines.all())
                               if "learning_lines" in fields else [])
        self.track = profile.get_track_display() if "learning_lines" in fields else ""
        self.bio = profile.bio if "bio" in fields else ""


def cards(profiles, user):
    viewer = ProfileViewer(user)
    return [ProfileCard(profile, viewer) for profile in profiles]


def profile_for(viewer_user, profile_id):
    """The profile card, or None when this person may not see it (not listed, not a
    member, or no such profile: all the same answer)."""
    if not is_community_member(viewer_user):
        return None
    queryset = listed_profiles() | Profile.objects.filter(user=viewer_user)
    profile = with_details(queryset.filter(pk=profile_id).distinct()).first()
    if profile is None:
        return None
    return cards([profile], viewer_user)[0]


def filter_options(user):
    from learninglines.models import LearningLinePage
    from memberhub.models import MemberOrganisation
    from portal.models import ThemeTag

    return {
        "themes": list(ThemeTag.objects.order_by("name")),
        "lines": list(visible_pages(user, LearningLinePage.objects.all()).order_by("title")),
        "organisations": list(MemberOrganisation.objects.active().order_by("name")),
        "languages": LANGUAGES,
    }


# --- spaces -----------------------------------------------------------------------------


def spaces_for(user):
    """Spaces a member sees in the list: open and on-request ones, and invitation-only
    ones they belong to or are invited to (editors see all)."""
    if not is_community_member(user):
        return Space.objects.none()
    spaces = Space.objects.annotate(member_count=Count("memberships", distinct=True))
    if user.is_superuser or (group_ids(user) & _editor_ids()):
        return spaces
    invited = MembershipRequest.objects.filter(user=user, status="pending").values("space_id")
    return spaces.filter(~Q(join_rule=JoinRule.INVITATION) | Q(memberships__user=user)
                         | Q(pk__in=invited)).distinct()


def _editor_ids():
    from portal.visibility import EDITORS_GROUP_NAME, named_group_ids

    return set(named_group_ids(EDITORS_GROUP_NAME))


def visible_space(user, slug):
    """(space, sees_inside) for a member: sees_inside only for the space's group and
    editors; an invitation-only space is not shown at all to others (None)."""
    space = spaces_for(user).filter(slug=slug).first()
    if space is None:
        return None, False
    return space, can_view_space(user, space)


def space_members(space):
    return (SpaceMembership.objects.filter(space=space).select_related("user")
            .order_by("-role", "user__last_name"))


def listed_profile_ids(user_ids):
    return dict(listed_profiles().filter(user_id__in=list(user_ids))
                .values_list("user_id", "pk"))


def threads(space):
    return (Thread.objects.filter(space=space, hidden_at__isnull=True)
            .select_related("author").order_by("-last_post_at"))


def posts(thread):
    return (Post.objects.filter(thread=thread).select_related("author", "hidden_by")
            .annotate(report_count=Count("reports")).order_by("created_at", "pk"))


def documents(space):
    return (SharedDocument.objects.filter(space=space)
            .prefetch_related(Prefetch("versions", queryset=SharedDocumentVersion.objects
                                       .select_related("document", "uploaded_by")))
            .order_by("-updated_at"))


def sessions(space, user):
    if not space.working_group_id:
        return []
    from django.utils import timezone

    from learninglines.models import SessionPage

    return list(visible_pages(user, SessionPage.objects.filter(
        working_group_id=space.working_group_id)).filter(end__gte=timezone.now())
        .order_by("start")[:10])


def pending_requests(space):
    return (MembershipRequest.objects.filter(space=space, status="pending",
                                             kind=MembershipRequest.Kind.REQUEST)
            .select_related("user"))


def reported_posts(space):
    return (Post.objects.filter(thread__space=space, hidden_at__isnull=True,
                                reports__handled=False)
            .select_related("thread", "author").distinct())


def coordinated_spaces(user):
    return Space.objects.filter(memberships__user=user,
                                memberships__role=SpaceRole.COORDINATOR)


# --- notifications ----------------------------------------------------------------------


def unread_count(user):
    if not user.is_authenticated:
        return 0
    return visible_notifications(user).filter(read_at__isnull=True).count()


def visible_notifications(user):
    """Notifications of posts the person may still see: their spaces, not hidden."""
    spaces = [space.pk for space in Space.objects.filter(group_id__in=list(group_ids(user)))]
    return (Notification.objects.filter(user=user, post__thread__space_id__in=spaces,
                                        post__hidden_at__isnull=True)
            .select_related("post__thread__space", "post__author"))
