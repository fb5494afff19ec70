"""Actions on people, organisations and member publications.

Member rights are carried by Django groups so that Wagtail's own page privacy,
page permissions, collections and workflows apply them; these functions keep the
groups, pages and permissions in step with organisations and memberships.
"""

import hashlib
import logging
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)

from memberhub import workflow_names
from memberhub.models import (
    Invitation,
    MemberDirectoryPage,
    MemberOrganisation,
    Membership,
    OrganisationAccess,
    OrganisationPage,
    User,
)
from memberhub.permissions import can_withdraw, require_org_admin
from memberhub.selectors import is_member
from portal.links import absolute_reverse
from portal.mail import queue_templated_email, recipient_language
from portal.visibility import EDITORS_GROUP_NAME, MEMBERS_GROUP_NAME, forget

logger = logging.getLogger(__name__)

# Translatable names, stored in Dutch ("Redactie", "Goedkeuring door de redactie"):
# memberhub/workflow_names.py.
WORKFLOW_NAME = workflow_names.WORKFLOW
TASK_NAME = workflow_names.TASK
ORGANISATION_GROUP_PREFIX = "Organisatie: "
MEMBER_PAGE_PERMISSIONS = ["add_page", "change_page"]
TRUSTED_PAGE_PERMISSIONS = MEMBER_PAGE_PERMISSIONS + ["publish_page"]
MEMBER_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"), ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"), ("wagtaildocs", "choose_document"),
]
INVITATION_VALIDITY = timedelta(days=7)


# --- Groups ----------------------------------------------------------------------------


def members_group():
    group, _created = Group.objects.get_or_create(name=MEMBERS_GROUP_NAME)
    return group


def sync_member_groups(user):
    """Put the user in the Members group exactly when they have an active membership, and
    in each organisation's permission group exactly when they belong to that (active)
    organisation. Takes effect on the user's next request: rights are read per request."""
    group = members_group()
    if is_member(user):
        user.groups.add(group)
    else:
        user.groups.remove(group)
    wanted = set(
        OrganisationAccess.objects.filter(
            organisation__active=True, organisation__memberships__user=user
        ).values_list("group_id", flat=True)
    )
    current = set(
        user.groups.filter(organisation_access__isnull=False).values_list("id", flat=True)
    )
    if current - wanted:
        user.groups.remove(*(current - wanted))
    if wanted - current:
        user.groups.add(*(wanted - current))
    forget(user)  # the user's visibility follows the new groups


def sync_organisation_members(organisation):
    """After an organisation changes (e.g. is deactivated), re-check each of its people."""
    for user in User.objects.filter(memberships__organisation=organisation).distinct():
        sync_member_groups(user)


@transaction.atomic
def set_organisation_active(organisation: MemberOrganisation, active: bool):
    organisation.active = active
    organisation.save(update_fields=["active", "updated_at"])
    sync_organisation(organisation)


# --- Organisation page, permissions and workflow ----------------------------------------


def member_directory():
    """The member directory in the default language (where organisation pages live)."""
    default = Locale.get_default()
    return (MemberDirectoryPage.objects.filter(locale=default).order_by("path").first()
            or MemberDirectoryPage.objects.order_by("path").first())


def sync_organisation_page(organisation):
    """Create the organisation's page under /leden/ or bring its title and slug in step.

    Returns the page, or None while the site has no member directory yet. Inactive
    organisations keep their page (the directory stops listing them)."""
    from portal.site_structure import publish_page

    page = OrganisationPage.objects.filter(organisation=organisation).first()
    if page is None:
        directory = member_directory()
        if directory is None:
            return None
        page = OrganisationPage(
            organisation=organisation, title=organisation.name, slug=organisation.slug,
            locale=directory.locale,
        )
        directory.add_child(instance=page)
        publish_page(page)
        ensure_member_workflow()
        return page
    if page.title != organisation.name or page.slug != organisation.slug:
        # Saved directly (no new revision) so a member's draft in moderation is kept.
        page.title = page.draft_title = organisation.name
        page.slug = organisation.slug
        page.save(update_fields=None)
    return page


def _permissions(pairs):
    query = Permission.objects.none()
    for app_label, codename in pairs:
        query = query | Permission.objects.filter(content_type__app_label=app_label,
                                                  codename=codename)
    return list(query)


def ensure_organisation_access(organisation):
    """The organisation's permission group and image/document collection (created once)."""
    access = OrganisationAccess.objects.filter(organisation=organisation).select_related(
        "group", "collection").first()
    name = f"{ORGANISATION_GROUP_PREFIX}{organisation.name}"[:150]
    if access is None:
        group, _created = Group.objects.get_or_create(name=name)
        root = Collection.get_first_root_node()
        collection = root.add_child(name=organisation.name)
        access = OrganisationAccess.objects.create(
            organisation=organisation, group=group, collection=collection)
        return access
    if access.group.name != name:
        access.group.name = name
        access.group.save(update_fields=["name"])
    if access.collection.name != organisation.name:
        access.collection.name = organisation.name
        access.collection.save()
    return access


def sync_organisation_access(organisation, page=None):
    """Grant the organisation's group exactly what the self-publishing flow says
    (docs/members.md): admin access, add and change (publish only when trusted) on its
    own page's subtree, and adding/choosing images and documents in its own collection.
    An inactive organisation's group keeps no rights and no people."""
    access = ensure_organisation_access(organisation)
    group = access.group
    page = page or OrganisationPage.objects.filter(organisation=organisation).first()
    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin",
                                          codename="access_admin")
    page_content_type = ContentType.objects.get_for_model(Page)
    if organisation.active:
        group.permissions.add(access_admin)
        wanted = TRUSTED_PAGE_PERMISSIONS if organisation.trusted else MEMBER_PAGE_PERMISSIONS
        if page is not None:
            for permission in Permission.objects.filter(content_type=page_content_type,
                                                        codename__in=wanted):
                GroupPagePermission.objects.get_or_create(group=group, page=page,
                                                          permission=permission)
        GroupPagePermission.objects.filter(group=group).exclude(
            page=page, permission__codename__in=wanted).delete()
        for permission in _permissions(MEMBER_COLLECTION_PERMISSIONS):
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=access.collection, permission=permission)
    else:
        group.permissions.remove(access_admin)
        GroupPagePermission.objects.filter(group=group).delete()
        GroupCollectionPermission.objects.filter(group=group).delete()
    return access


def sync_organisation(organisation):
    """Everything that follows an organisation: its page, its rights, its people."""
    page = sync_organisation_page(organisation)
    sync_organisation_access(organisation, page)
    sync_organisation_members(organisation)
    return page


def sync_all_organisations():
    for organisation in MemberOrganisation.objects.all():
        sync_organisation(organisation)
    ensure_member_workflow()


@transaction.atomic
def ensure_member_workflow():
    """The workflow "Redactie" (one approval task for Editors, "Goedkeuring door de
    redactie") on the member directory, so every member contribution goes through
    moderation. Idempotent."""
    directories = list(MemberDirectoryPage.objects.all())
    if not directories:
        return None
    editors, _created = Group.objects.get_or_create(name=EDITORS_GROUP_NAME)
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME,
                                                        defaults={"active": True})
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.add(editors)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task,
                                       defaults={"sort_order": 0})
    for directory in directories:
        WorkflowPage.objects.update_or_create(page=directory, defaults={"workflow": workflow})
    return workflow


def assign_publication_organisation(page):
    """After a move, a publication carries the organisation of its new place."""
    page = page.specific
    if hasattr(page, "organisation_from_tree"):
        organisation_id = page.organisation_from_tree()
        if organisation_id != page.organisation_id:
            type(page).objects.filter(pk=page.pk).update(organisation_id=organisation_id)


# --- Contributions ----------------------------------------------------------------------


@transaction.atomic
def withdraw_contribution(user, page):
    """Take a contribution offline and stop its moderation. Only for people of the
    organisation that owns it (and editors); raises PermissionDenied otherwise."""
    page = page.specific
    if not can_withdraw(user, page):
        raise PermissionDenied
    state = WorkflowState.objects.active().for_instance(page).first()
    if state is not None:
        state.cancel(user=user)
    page.refresh_from_db()
    if page.live:
        UnpublishPageAction(page, user=user).execute(skip_permission_checks=True)
    return page


# --- Organisation profile and colleagues ------------------------------------------------


@transaction.atomic
def update_organisation_profile(user, organisation, *, website, description, themes,
                                logo_file=None, logo_alt=""):
    require_org_admin(user, organisation)
    organisation.website = website
    organisation.description = description
    if logo_file is not None:
        from wagtail.images import get_image_model

        access = ensure_organisation_access(organisation)
        image = get_image_model()(
            title=logo_alt or organisation.name, file=logo_file,
            collection=access.collection, uploaded_by_user=user,
        )
        image._set_image_file_metadata()
        image.save()
        organisation.logo = image
    organisation.save()
    page = OrganisationPage.objects.filter(organisation=organisation).first()
    if page is not None:
        page.themes.set(list(themes))
        page.save()
    return organisation


def _token_hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


def invitation_url(token, language=None):
    """The invitation's link on the site of ``language`` (/en/… for English)."""
    return absolute_reverse("memberhub:invitation", language or settings.LANGUAGE_CODE,
                            args=[token])


@transaction.atomic
def invite_colleague(user, organisation, email, role):
    """Store an invitation and e-mail its link. Returns (invitation, token)."""
    require_org_admin(user, organisation)
    email = email.strip().lower()
    if Membership.objects.filter(organisation=organisation, user__email__iexact=email).exists():
        raise ValidationError(_("This person is already a member of this organisation."))
    if role not in Membership.Role.values:
        raise ValidationError(_("Choose a role from the list."))
    Invitation.objects.pending().filter(organisation=organisation, email=email).update(
        revoked_at=timezone.now())
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        email=email, organisation=organisation, role=role, invited_by=user,
        token_hash=_token_hash(token), expires_at=timezone.now() + INVITATION_VALIDITY,
    )
    existing = User.objects.filter(email__iexact=email).first()
    # Someone with an account chose a language; someone new reads the language of the
    # site the invitation was sent from.
    language = recipient_language(existing) if existing else \
        recipient_language(User(preferred_language=get_language() or ""))
    queue_templated_email(
        email, "memberhub/emails/invitation",
        {"invitation": invitation, "url": invitation_url(token, language), "inviter": user,
         "organisation": organisation, "has_account": existing is not None},
        language=language, category="invitation",
    )
    return invitation, token


def find_invitation(token):
    """The usable invitation for this token, or None (unknown, used, withdrawn, expired)."""
    if not token or len(token) > 200:
        return None
    invitation = Invitation.objects.select_related("organisation").filter(
        token_hash=_token_hash(token)).first()
    if invitation is None or not invitation.is_usable or not invitation.organisation.active:
        return None
    return invitation


@transaction.atomic
def accept_invitation(invitation, user):
    """Make the user a member; an invitation works once (checked under a row lock)."""
    locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not locked.is_usable or locked.email.lower() != user.email.lower():
        raise PermissionDenied
    membership, created = Membership.objects.get_or_create(
        user=user, organisation=locked.organisation, defaults={"role": locked.role})
    if not created and locked.role == Membership.Role.ADMIN:
        membership.role = Membership.Role.ADMIN
        membership.save(update_fields=["role"])
    locked.accepted_at = timezone.now()
    locked.accepted_by = user
    locked.save(update_fields=["accepted_at", "accepted_by"])
    return membership


@transaction.atomic
def register_with_invitation(invitation, *, first_name, last_name, password,
                             preferred_language="nl"):
    """Create the invitee's account (the password already validated) and accept."""
    if User.objects.filter(email__iexact=invitation.email).exists():
        raise PermissionDenied
    user = User(email=invitation.email, first_name=first_name, last_name=last_name,
                preferred_language=preferred_language)
    user.set_password(password)
    user.save()
    accept_invitation(invitation, user)
    return user


@transaction.atomic
def revoke_invitation(user, invitation):
    require_org_admin(user, invitation.organisation)
    Invitation.objects.filter(pk=invitation.pk, accepted_at__isnull=True).update(
        revoked_at=timezone.now())


def _other_admins(membership):
    return Membership.objects.filter(
        organisation=membership.organisation, role=Membership.Role.ADMIN,
    ).exclude(pk=membership.pk).exists()


@transaction.atomic
def set_membership_role(user, membership, role):
    require_org_admin(user, membership.organisation)
    if role not in Membership.Role.values:
        raise ValidationError(_("Choose a role from the list."))
    if (membership.role == Membership.Role.ADMIN and role != Membership.Role.ADMIN
            and not _other_admins(membership)):
        raise ValidationError(_("An organisation keeps at least one organisation admin."))
    membership.role = role
    membership.save(update_fields=["role"])
    return membership


@transaction.atomic
def remove_membership(user, membership):
    require_org_admin(user, membership.organisation)
    if membership.role == Membership.Role.ADMIN and not _other_admins(membership):
        raise ValidationError(_("An organisation keeps at least one organisation admin."))
    membership.delete()


# --- Notifications ----------------------------------------------------------------------


def _admin_edit_url(page):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "wagtailadmin_pages:edit", args=[page.pk])


def _mijn_url(language):
    return absolute_reverse("memberhub:mijn", language)


def notify_submitted(task_state, user=None):
    """E-mail each reviewer of a group approval task that a contribution waits for them."""
    task = task_state.task.specific
    if not isinstance(task, GroupApprovalTask):
        return 0
    page = task_state.workflow_state.content_object
    page = page.specific if isinstance(page, Page) else page
    reviewers = User.objects.filter(groups__in=task.groups.all(), is_active=True).distinct()
    if user is not None and user.pk:
        reviewers = reviewers.exclude(pk=user.pk)
    count = 0
    for reviewer in reviewers:
        queue_templated_email(
            reviewer.email, "memberhub/emails/submitted",
            {"page": page, "submitter": user, "recipient": reviewer,
             "organisation": getattr(page, "organisation", None),
             "url": _admin_edit_url(page)},
            language=recipient_language(reviewer), category="moderation",
            dedupe_key=f"memberhub:submitted:{task_state.pk}:{reviewer.pk}",
        )
        count += 1
    return count


def notify_requester(workflow_state, outcome, user=None):
    """E-mail the person who submitted: approved, or changes requested (with comment)."""
    requester = workflow_state.requested_by
    if requester is None or not requester.is_active or (user and requester.pk == user.pk):
        return 0
    page = workflow_state.content_object
    page = page.specific if isinstance(page, Page) else page
    task_state = workflow_state.current_task_state
    comment = task_state.specific.get_comment() if task_state else ""
    language = recipient_language(requester)
    queue_templated_email(
        requester.email, f"memberhub/emails/{outcome}",
        {"page": page, "recipient": requester, "reviewer": user, "comment": comment,
         "url": _mijn_url(language)},
        language=language, category="moderation",
        dedupe_key=f"memberhub:{outcome}:{workflow_state.pk}:"
                   f"{task_state.pk if task_state else 0}",
    )
    return 1
