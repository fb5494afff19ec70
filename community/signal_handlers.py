"""A space gets its group and collection when saved; a space member who goes (left,
removed, or gone from the working group the space stands for) leaves its group at once."""

from django.db.models.signals import m2m_changed, post_delete, post_save


def space_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    from community.services.spaces import ensure_space_access

    ensure_space_access(instance)
    from community.search_documents import refresh_space

    refresh_space(instance.pk)


def space_member_deleted(sender, instance, **kwargs):
    from community.models import Space
    from community.services.spaces import sync_group_member

    space = Space.objects.filter(pk=instance.space_id).first()
    user = type(instance).user.field.related_model.objects.filter(pk=instance.user_id).first()
    if space is not None and user is not None:
        sync_group_member(None, user, space)


def working_group_membership_deleted(sender, instance, **kwargs):
    from community.models import Space, SpaceMembership

    space = Space.objects.filter(working_group_id=instance.group_id).first()
    if space is not None:
        SpaceMembership.objects.filter(space=space, user_id=instance.user_id).delete()


def working_group_membership_saved(sender, instance, created=False, raw=False, **kwargs):
    """Joining a working group on its page joins its space when the space is open."""
    if raw or not created:
        return
    from community.models import JoinRule, Space
    from community.services import CommunityError
    from community.services.spaces import add_member

    space = Space.objects.filter(working_group_id=instance.group_id,
                                 join_rule=JoinRule.OPEN).first()
    if space is not None:
        try:
            add_member(space, instance.user)
        except CommunityError:
            pass


def post_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    from community.search_documents import refresh_posts

    refresh_posts([instance.pk])


def thread_changed(sender, instance, raw=False, update_fields=None, **kwargs):
    """A thread's title or hiding changes its posts' documents (its counters do not)."""
    if raw or (update_fields is not None and not {"title", "hidden_at"} & set(update_fields)):
        return
    from community.search_documents import refresh_thread

    refresh_thread(instance.pk)


def shared_document_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    from community.search_documents import document_key, refresh

    refresh([document_key(instance.pk)])


def document_version_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    from community.search_documents import document_key, refresh

    refresh([document_key(instance.shared_id)])


def profile_deleted(sender, instance, **kwargs):
    from community.search_documents import profile_key, refresh

    refresh([profile_key(instance.pk)])


def user_changed(sender, instance, raw=False, update_fields=None, **kwargs):
    """A name change (not a sign-in) changes the person's profile document."""
    if raw or (update_fields is not None and set(update_fields) <= {"last_login"}):
        return
    from community.search_documents import refresh_profile_of

    refresh_profile_of(instance.pk)


def user_groups_changed(sender, instance, action, reverse=False, pk_set=None, **kwargs):
    """Someone who is no longer in the Members group leaves the directory and its search."""
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    from community.search_documents import refresh_profile_of

    user_ids = sorted(pk_set or ()) if reverse else [instance.pk]
    for user_id in user_ids:
        refresh_profile_of(user_id)


def connect():
    from django.contrib.auth import get_user_model

    from community import models
    from learninglines.models import WorkingGroupMembership

    post_save.connect(space_saved, sender=models.Space, dispatch_uid="community_space_saved")
    for signal, name in ((post_save, "saved"), (post_delete, "deleted")):
        signal.connect(post_changed, sender=models.Post, dispatch_uid=f"community_post_{name}")
        signal.connect(thread_changed, sender=models.Thread,
                       dispatch_uid=f"community_thread_{name}")
        signal.connect(shared_document_changed, sender=models.SharedDocument,
                       dispatch_uid=f"community_shared_document_{name}")
        signal.connect(document_version_changed, sender=models.SharedDocumentVersion,
                       dispatch_uid=f"community_document_version_{name}")
    post_delete.connect(profile_deleted, sender=models.Profile,
                        dispatch_uid="community_profile_deleted")
    post_save.connect(user_changed, sender=get_user_model(), dispatch_uid="community_user_saved")
    m2m_changed.connect(user_groups_changed, sender=get_user_model().groups.through,
                        dispatch_uid="community_user_groups")
    post_delete.connect(space_member_deleted, sender=models.SpaceMembership,
                        dispatch_uid="community_space_member_deleted")
    post_delete.connect(working_group_membership_deleted, sender=WorkingGroupMembership,
                        dispatch_uid="community_wg_membership_deleted")
    post_save.connect(working_group_membership_saved, sender=WorkingGroupMembership,
                      dispatch_uid="community_wg_membership_saved")
