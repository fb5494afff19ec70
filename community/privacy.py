"""Personal data in the community: export and erasure (portal/privacy.py hooks).

On erasure the profile, follows, notifications, requests and space memberships go; posts
stay in their threads, attributed to "former member" (the author is set to nobody), and
so do shared documents (the uploader is forgotten)."""

from community.models import (
    Follow,
    MembershipRequest,
    Notification,
    Post,
    PostReport,
    Profile,
    SpaceMembership,
)
from community.search_documents import refresh_posts


def export(user):
    profile = (Profile.objects.filter(user=user)
               .prefetch_related("expertise", "languages", "learning_lines").first())
    data = {}
    if profile is not None:
        data = {
            "listed": profile.listed, "role": profile.role, "bio": profile.bio,
            "track": profile.track, "photo_alt": profile.photo_alt,
            "has_photo": bool(profile.photo_id),
            "expertise": [theme.name for theme in profile.expertise.all()],
            "languages": [language.code for language in profile.languages.all()],
            "learning_lines": [line.title for line in profile.learning_lines.all()],
            "visibility": {field: getattr(profile, f"{field}_visibility")
                           for field in Profile.VISIBLE_FIELDS},
        }
    return {"community": {
        "profile": data,
        "spaces": [{"space": m.space.title, "role": m.role, "joined": m.joined_at.isoformat()}
                   for m in SpaceMembership.objects.filter(user=user).select_related("space")],
        "posts": [{"space": p.thread.space.title, "thread": p.thread.title, "text": p.body,
                   "written": p.created_at.isoformat(), "hidden": p.is_hidden}
                  for p in Post.objects.filter(author=user).select_related("thread__space")],
        "reports": [{"post": r.post_id, "reason": r.reason}
                    for r in PostReport.objects.filter(reporter=user)],
        "follows": [str(f.space or f.thread) for f in
                    Follow.objects.filter(user=user).select_related("space", "thread")],
    }}


def erase(user, remove_posts=False):
    from community.services.spaces import remove_member

    profile = Profile.objects.filter(user=user).select_related("photo").first()
    if profile is not None:
        photo = profile.photo
        profile.delete()
        if photo is not None:
            photo.delete()
    for membership in SpaceMembership.objects.filter(user=user).select_related("space"):
        remove_member(membership.space, user)
    Follow.objects.filter(user=user).delete()
    Notification.objects.filter(user=user).delete()
    MembershipRequest.objects.filter(user=user).delete()
    if remove_posts:
        Post.objects.filter(author=user, is_opening=False).delete()
        Post.objects.filter(author=user).update(body="", hidden_reason="removed by author")
    written = list(Post.objects.filter(author=user).values_list("pk", flat=True))
    Post.objects.filter(author=user).update(author=None)
    refresh_posts(written)
