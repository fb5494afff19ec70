"""Who may do what with self-scans: the one place views, services and the admin ask.

- A round and everything in it (answers, results, spread) belongs to its organisation:
  only people with a membership of that (active) organisation see it; anyone else gets
  a 404, so not even its existence shows.
- A respondent sees and changes only their own answers.
- The organisation's admins decide about the benchmark and about sharing with editors.
- Editors manage the scan definitions (Django model permissions on Scan and
  ScanVersion); they never get the answers or responses, and see an organisation's own
  result only when it agreed (OrganisationScanSettings.share_with_editors).
"""

from django.http import Http404

from memberhub.models import Membership
from memberhub.permissions import is_org_admin
from memberhub.selectors import active_memberships

DEFINITION_MODELS = ("scan", "scanversion", "level", "dimension")


def member_organisation_ids(user):
    return {membership.organisation_id for membership in active_memberships(user)}


def is_member_of(user, organisation_id):
    return user.is_authenticated and Membership.objects.filter(
        user=user, organisation_id=organisation_id, organisation__active=True).exists()


def round_for_member(user, round_id):
    """The round when ``user`` is a member of its organisation; Http404 otherwise."""
    from assessments.models import Round

    round_ = Round.objects.select_related("scan", "version", "organisation").filter(
        pk=round_id).first()
    if round_ is None or not is_member_of(user, round_.organisation_id):
        raise Http404
    return round_


def may_manage_settings(user, organisation):
    return is_org_admin(user, organisation)


def can_see_sector_overview(user):
    from wagtail.permission_policies import ModelPermissionPolicy

    from assessments.models import Scan

    return user.is_active and ModelPermissionPolicy(Scan).user_has_permission(user, "change")


def grant_editor_permissions():
    """Editors manage scans and their versions (idempotent; nothing before the group
    exists). Never the responses or answers."""
    from django.contrib.auth.models import Group, Permission

    from portal.visibility import EDITORS_GROUP_NAME

    editors = Group.objects.filter(name=EDITORS_GROUP_NAME).first()
    if editors is None:
        return
    editors.permissions.add(*Permission.objects.filter(
        content_type__app_label="assessments", content_type__model__in=DEFINITION_MODELS))


def group_round_for_member(user, group_round_id):
    """A group round (its link, code, count and combined picture) belongs to its
    organisation: members see it, anyone else gets a 404."""
    from assessments.models import GroupRound

    group_round = GroupRound.objects.select_related("scan", "version", "organisation").filter(
        pk=group_round_id).first()
    if group_round is None or not is_member_of(user, group_round.organisation_id):
        raise Http404
    return group_round
