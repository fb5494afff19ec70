"""The community in the portal search (search.items): a group's posts and shared
documents, found by the group's members (and editors) who are members of the
association; listed profiles with the fields their owner shows to all members, found by
members. The audiences are community.access's, so search applies the same rule as the
space and the profile page; they are checked against the searcher's groups when the
search runs, so someone removed from a group stops finding its posts at once."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from community.access import space_audience
from community.models import (
    FieldVisibility,
    Post,
    Profile,
    SharedDocument,
)
from community.models.choices import LANGUAGES
from portal.visibility import members_audience
from search.items import DocumentSource, ItemDocument

PREFIX = "community"
POST, DOCUMENT, PROFILE = "community_post", "community_document", "community_profile"
LABELS = {POST: _("Group discussion"), DOCUMENT: _("Group document"),
          PROFILE: _("Member profile")}


def post_key(post_id):
    return f"{PREFIX}:post:{post_id}"


def document_key(document_id):
    return f"{PREFIX}:document:{document_id}"


def profile_key(profile_id):
    return f"{PREFIX}:profile:{profile_id}"


def _ids(keys, kind):
    """The ids of ``kind`` among the keys (None: all)."""
    if keys is None:
        return None
    ids = []
    for key in keys:
        parts = key.split(":")
        if len(parts) == 3 and parts[1] == kind and parts[2].isdigit():
            ids.append(int(parts[2]))
    return ids


def _narrow(queryset, ids):
    return queryset if ids is None else queryset.filter(pk__in=ids)


def post_documents(ids=None):
    members = members_audience()
    posts = _narrow(Post.objects.filter(hidden_at=None, thread__hidden_at=None,
                                        thread__space__group__isnull=False), ids)
    for post in posts.select_related("thread__space").order_by("pk").iterator(chunk_size=500):
        thread = post.thread
        yield ItemDocument(
            key=post_key(post.pk), kind=POST, title=thread.title,
            url=f"{thread.get_absolute_url()}#post-{post.pk}",
            audience=[space_audience(thread.space), members],
            summary=thread.space.title, body=post.body, date=post.created_at)


def shared_documents(ids=None):
    members = members_audience()
    shared = _narrow(SharedDocument.objects.filter(space__group__isnull=False), ids)
    for document in shared.select_related("space").prefetch_related(
            "versions__document").order_by("pk").iterator(chunk_size=200):
        versions = list(document.versions.all())
        if not versions:
            continue
        current = versions[0]  # newest first (SharedDocumentVersion.Meta.ordering)
        yield ItemDocument(
            key=document_key(document.pk), kind=DOCUMENT, title=document.title,
            url=current.document.url, audience=[space_audience(document.space), members],
            summary=document.space.title,
            body=" ".join(version.note for version in versions if version.note),
            date=current.created_at)


def _shown(profile, field):
    return getattr(profile, f"{field}_visibility") == FieldVisibility.MEMBERS


def profile_text(profile):
    """What all members may read of the profile (only fields shown to members)."""
    language_names = dict(LANGUAGES)
    parts = []
    if _shown(profile, "expertise"):
        parts += [str(theme) for theme in profile.expertise.all()]
    if _shown(profile, "organisations"):
        parts += [membership.organisation.name for membership in profile.user.memberships.all()
                  if membership.organisation.active]
    if _shown(profile, "languages"):
        parts += [str(language_names.get(language.code, language.code))
                  for language in profile.languages.all()]
    if _shown(profile, "learning_lines"):
        parts += [line.title for line in profile.learning_lines.all()]
    if _shown(profile, "bio"):
        parts.append(profile.bio)
    return " ".join(part for part in parts if part)


def profile_documents(ids=None):
    from community.selectors import listed_profiles

    members = members_audience()
    profiles = _narrow(listed_profiles(), ids).select_related("user").prefetch_related(
        "expertise", "learning_lines", "languages", "user__memberships__organisation")
    for profile in profiles.order_by("pk").distinct():
        name = profile.user.get_full_name() or profile.user.get_username()
        yield ItemDocument(
            key=profile_key(profile.pk), kind=PROFILE, title=name,
            url=reverse("community:profile", args=[profile.pk]), audience=[members],
            summary=profile.role if _shown(profile, "role") else "",
            body=profile_text(profile), date=None)


def documents(keys=None):
    yield from post_documents(_ids(keys, "post"))
    yield from shared_documents(_ids(keys, "document"))
    yield from profile_documents(_ids(keys, "profile"))


def source():
    return DocumentSource(prefix=PREFIX, documents=documents, labels=LABELS)


# -- what changed ------------------------------------------------------------------


def refresh(keys):
    from search.service import refresh_items

    refresh_items(keys)


def refresh_posts(posts):
    refresh([post_key(post_id) for post_id in posts])


def refresh_thread(thread_id):
    refresh_posts(Post.objects.filter(thread_id=thread_id).values_list("pk", flat=True))


def refresh_space(space_id):
    refresh([post_key(pk) for pk in Post.objects.filter(thread__space_id=space_id)
             .values_list("pk", flat=True)]
            + [document_key(pk) for pk in SharedDocument.objects.filter(space_id=space_id)
               .values_list("pk", flat=True)])


def refresh_profile_of(user_id):
    profile_id = Profile.objects.filter(user_id=user_id).values_list("pk", flat=True).first()
    if profile_id is not None:
        refresh([profile_key(profile_id)])

