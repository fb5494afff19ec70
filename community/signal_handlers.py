"""A space gets its group and collection when saved; a space member who goes (left,
removed, or gone from the working group the space stands for) leaves its group at once."""

from django.db.models.signals import post_delete, post_save


def space_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    from community.services.spaces import ensure_space_access

    ensure_space_access(instance)


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


def connect():
    from community.models import Space, SpaceMembership
    from learninglines.models import WorkingGroupMembership

    post_save.connect(space_saved, sender=Space, dispatch_uid="community_space_saved")
    post_delete.connect(space_member_deleted, sender=SpaceMembership,
                        dispatch_uid="community_space_member_deleted")
    post_delete.connect(working_group_membership_deleted, sender=WorkingGroupMembership,
                        dispatch_uid="community_wg_membership_deleted")
    post_save.connect(working_group_membership_saved, sender=WorkingGroupMembership,
                      dispatch_uid="community_wg_membership_saved")
