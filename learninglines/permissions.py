"""Who may do what in learning lines: the one place that views, admin views, hooks,
templates (through their context), selectors and services ask.

Editors' rights are Django model permissions (given to groups in the Wagtail admin),
asked through Wagtail permission policies; members' rights follow from their memberships
of active member organisations (docs/learninglines.md, "Who may do what").
"""

from django.utils.translation import gettext as _
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from learninglines.models import Evaluation, Registration
from memberhub.models import Membership

# --- editors: model permissions ---------------------------------------------------------


class NoAddPermissionPolicy(ModelPermissionPolicy):
    """Model permissions as usual, minus the actions listed in ``denied``."""

    def __init__(self, model, denied=("add",), **kwargs):
        super().__init__(model, **kwargs)
        self.denied = frozenset(denied)

    def user_has_permission(self, user, action):
        if action in self.denied:
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        actions = [action for action in actions if action not in self.denied]
        if not actions:
            return super().users_with_any_permission([]).none()
        return super().users_with_any_permission(actions)


# Registrations are made by members on the site (capacity, waiting list, e-mails), never
# added in the admin; evaluations are the members' own words, so editors only read them.
registration_policy = NoAddPermissionPolicy(Registration)
evaluation_policy = NoAddPermissionPolicy(Evaluation, denied=("add", "change"))
register_permission_policy(Registration, registration_policy, exact_class=True)
register_permission_policy(Evaluation, evaluation_policy, exact_class=True)


def can_see_figures(user):
    """The participation and satisfaction figures: for who may read the evaluations."""
    return user.is_active and evaluation_policy.user_has_permission(user, "view")


def can_see_registrations(user):
    """The registrations of a session (admin screen and the page header button)."""
    return registration_policy.user_has_permission(user, "view")


def can_record_attendance(user):
    return user is not None and registration_policy.user_has_permission(user, "change")


# --- members: acting for oneself, on behalf of an active member organisation ------------


def acts_for_self(actor, user_id):
    """Members register, cancel, join and leave only for themselves, never for others."""
    return actor is not None and actor.is_authenticated and actor.pk == user_id


def take_part_refusal(user, organisation):
    """Why ``user`` cannot take part on behalf of ``organisation``, or None when they can:
    only members of an active member organisation take part, for that organisation."""
    if organisation is None:
        return _("Choose the organisation you take part for.")
    membership = Membership.objects.filter(user=user, organisation=organisation).select_related(
        "organisation").first()
    if membership is None:
        return _("You are not a member of %(organisation)s, so you cannot take part on its "
                 "behalf.") % {"organisation": organisation}
    if not membership.organisation.active:
        return _("%(organisation)s is no longer an active member organisation, so you "
                 "cannot take part on its behalf.") % {"organisation": organisation}
    return None


def administered_organisations(user):
    """The active organisations ``user`` is an admin of (as a subquery): their admins see
    who of the organisation registered for which session."""
    return Membership.objects.filter(
        user=user, role=Membership.Role.ADMIN, organisation__active=True,
    ).values("organisation")


def evaluation_refusal(registration):
    """Why this registration cannot evaluate its session (now), or None when it can:
    only attendees, and only once."""
    if registration.status != Registration.Status.ATTENDED:
        return _("Only people who attended the session can evaluate it.")
    if Evaluation.objects.filter(registration=registration).exists():
        return _("You have already evaluated this session. Thank you!")
    return None
