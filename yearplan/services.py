"""Actions of the year plan: registering for a general assembly, checking in at the
door, recording a proxy, signing an organisation up for a joint action.

Every rule is checked here, on the server, whatever a page offered: a refused action
raises :class:`YearPlanError` with a translated message and changes nothing.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from memberhub.models import MemberOrganisation
from memberhub.selectors import active_memberships
from yearplan.models import ActionSignup, AssemblyRegistration, Proxy


class YearPlanError(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def own_active_organisation(user, organisation_id):
    """The active member organisation ``organisation_id`` if ``user`` is one of its
    people; a member acts only for their own organisation."""
    try:
        organisation_id = int(organisation_id)
    except (TypeError, ValueError):
        organisation_id = None
    membership = active_memberships(user).filter(organisation_id=organisation_id).first()
    if membership is None:
        raise YearPlanError(_("You can only act for an organisation you belong to."))
    return membership.organisation


def _open(assembly):
    if not assembly.registration_open:
        raise YearPlanError(_("Registration for this assembly is closed."))


@transaction.atomic
def register(user, assembly, organisation_id):
    organisation = own_active_organisation(user, organisation_id)
    _open(assembly)
    existing = AssemblyRegistration.objects.filter(assembly=assembly, user=user).first()
    if existing is not None:
        raise YearPlanError(_("You are already registered for this assembly."))
    try:
        with transaction.atomic():
            return AssemblyRegistration.objects.create(assembly=assembly, user=user,
                                                       organisation=organisation)
    except IntegrityError as error:  # a second submit at the same moment
        raise YearPlanError(_("You are already registered for this assembly.")) from error


@transaction.atomic
def cancel_registration(user, assembly):
    deleted, _rows = AssemblyRegistration.objects.filter(
        assembly=assembly, user=user, checked_in_at__isnull=True).delete()
    return bool(deleted)


@transaction.atomic
def give_proxy(user, assembly, giver_id, holder_id):
    """An organisation's person gives its proxy to another, active member organisation."""
    giver = own_active_organisation(user, giver_id)
    _open(assembly)
    try:
        holder = MemberOrganisation.objects.get(pk=int(holder_id))
    except (TypeError, ValueError, MemberOrganisation.DoesNotExist) as error:
        raise YearPlanError(_("Choose the organisation that holds your proxy.")) from error
    if not holder.active:
        raise YearPlanError(_("A proxy can only go to an active member organisation."))
    if holder.pk == giver.pk:
        raise YearPlanError(_("An organisation cannot hold its own proxy."))
    if Proxy.objects.filter(assembly=assembly, giver=giver).exists():
        raise YearPlanError(_("Your organisation has already given its proxy."))
    try:
        with transaction.atomic():
            return Proxy.objects.create(assembly=assembly, giver=giver, holder=holder,
                                        recorded_by=user)
    except IntegrityError as error:
        raise YearPlanError(_("Your organisation has already given its proxy.")) from error


@transaction.atomic
def check_in(assembly, registration_id, present=True):
    """Mark a registered person present (or not) at the door."""
    try:
        registration = (AssemblyRegistration.objects.select_for_update()
                        .get(pk=int(registration_id), assembly=assembly))
    except (TypeError, ValueError, AssemblyRegistration.DoesNotExist) as error:
        raise YearPlanError(_("This person is not registered for this assembly. Register "
                              "them first.")) from error
    registration.checked_in_at = timezone.now() if present else None
    registration.save(update_fields=["checked_in_at"])
    return registration


@transaction.atomic
def sign_up(user, action, organisation_id):
    organisation = own_active_organisation(user, organisation_id)
    if not action.campaign.active:
        raise YearPlanError(_("This campaign takes no more sign-ups."))
    signup, created = ActionSignup.objects.get_or_create(
        action=action, organisation=organisation, defaults={"signed_up_by": user})
    if not created:
        raise YearPlanError(_("Your organisation has already signed up for this action."))
    return signup


@transaction.atomic
def withdraw_signup(user, action, organisation_id):
    organisation = own_active_organisation(user, organisation_id)
    deleted, _rows = ActionSignup.objects.filter(action=action,
                                                 organisation=organisation).delete()
    return bool(deleted)
