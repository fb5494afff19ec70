"""Signal receivers: each only calls a service.

Connected in MemberhubConfig.ready(). The workflow notifications replace Wagtail's own
synchronous notifiers (same dispatch_uid, connected first because memberhub comes before
wagtail.admin in INSTALLED_APPS): ours queue the e-mail through portal.mail, so a
mail server that is down never blocks or breaks moderation.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    task_submitted,
    workflow_approved,
    workflow_rejected,
)


def membership_changed(sender, instance, **kwargs):
    from memberhub.models import User
    from memberhub.services import sync_member_groups

    # When the user is being deleted (cascade), there is no group to update.
    user = User.objects.filter(pk=instance.user_id).first()
    if user is not None:
        sync_member_groups(user)


def organisation_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    from memberhub.services import sync_organisation

    sync_organisation(instance)


def user_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        from memberhub.profiles import sync_admin_profile

        sync_admin_profile(instance)


def page_moved(sender, instance, **kwargs):
    from memberhub.services import assign_publication_organisation

    assign_publication_organisation(instance)


def filter_options_changed(sender, **kwargs):
    from memberhub.listings import invalidate_filter_options

    invalidate_filter_options()


def contribution_submitted(sender, instance, user=None, **kwargs):
    from memberhub.services import notify_submitted

    notify_submitted(instance, user)


def contribution_approved(sender, instance, user=None, **kwargs):
    from memberhub.services import notify_requester

    notify_requester(instance, "approved", user)


def contribution_rejected(sender, instance, user=None, **kwargs):
    from memberhub.services import notify_requester

    notify_requester(instance, "changes_requested", user)


def workflow_after_migrate():
    from memberhub.services import sync_all_organisations

    # Organisations that existed before their pages did get them now; the workflow is
    # (re)attached to the member directory. Both idempotent, no-ops on an empty site.
    sync_all_organisations()


def connect():
    from wagtail.models import TaskState, WorkflowState

    from memberhub.models import MemberOrganisation, Membership, User
    from portal.cache_invalidation import bump_content_generation_on_change
    from portal.models import Country, SustainableDevelopmentGoal, ThemeTag

    bump_content_generation_on_change(MemberOrganisation)  # counts are labelled with names
    post_save.connect(membership_changed, sender=Membership, dispatch_uid="membership_saved")
    post_delete.connect(membership_changed, sender=Membership, dispatch_uid="membership_deleted")
    post_save.connect(organisation_saved, sender=MemberOrganisation,
                      dispatch_uid="organisation_saved")
    post_save.connect(user_saved, sender=User, dispatch_uid="memberhub_user_saved")
    post_page_move.connect(page_moved, dispatch_uid="memberhub_page_moved")
    from memberhub.models import OrganisationPage

    for model in (MemberOrganisation, ThemeTag, SustainableDevelopmentGoal, Country,
                  OrganisationPage):
        post_save.connect(filter_options_changed, sender=model,
                          dispatch_uid=f"memberhub_filters_saved_{model.__name__}")
        post_delete.connect(filter_options_changed, sender=model,
                            dispatch_uid=f"memberhub_filters_deleted_{model.__name__}")
    for signal in (page_published, page_unpublished):
        signal.connect(_learning_line_changed, dispatch_uid=f"memberhub_lines_{id(signal)}")

    # Same dispatch_uid as Wagtail's synchronous notifiers: Wagtail's later connect()
    # becomes a no-op, so each notification is sent once, through the outbox.
    task_submitted.connect(contribution_submitted, sender=TaskState,
                           dispatch_uid="group_approval_task_submitted_email_notification")
    workflow_approved.connect(contribution_approved, sender=WorkflowState,
                              dispatch_uid="workflow_state_approved_email_notification")
    workflow_rejected.connect(contribution_rejected, sender=WorkflowState,
                              dispatch_uid="workflow_state_rejected_email_notification")
    # Wagtail e-mails superusers on every submission; editors are told by the task above.
    from wagtail.signals import workflow_submitted

    workflow_submitted.connect(_ignore, sender=WorkflowState,
                               dispatch_uid="workflow_state_submitted_email_notification")
    from portal.signal_handlers import after_all_migrations

    after_all_migrations(workflow_after_migrate, dispatch_uid="memberhub_workflow_after_migrate")


def _ignore(sender, **kwargs):
    return None


def _learning_line_changed(sender, instance, **kwargs):
    if sender.__name__ == "LearningLinePage":
        filter_options_changed(sender)
