"""Keep group membership in step with memberships and organisations."""

from django.db.models.signals import post_delete, post_save


def membership_changed(sender, instance, **kwargs):
    from memberhub.models import User
    from memberhub.services import sync_member_groups

    # When the user is being deleted (cascade), there is no group to update.
    user = User.objects.filter(pk=instance.user_id).first()
    if user is not None:
        sync_member_groups(user)


def organisation_saved(sender, instance, **kwargs):
    from memberhub.services import sync_organisation_members

    sync_organisation_members(instance)


def connect():
    from memberhub.models import MemberOrganisation, Membership

    post_save.connect(membership_changed, sender=Membership, dispatch_uid="membership_saved")
    post_delete.connect(membership_changed, sender=Membership, dispatch_uid="membership_deleted")
    post_save.connect(organisation_saved, sender=MemberOrganisation,
                      dispatch_uid="organisation_saved")
