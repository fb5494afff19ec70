"""Personal data in the year plan: a person's registrations for general assemblies.
On erasure the registration keeps its organisation without the person, so the
organisation's attendance still counts; sign-ups and proxies belong to organisations and
only lose who recorded them."""

from django.db import transaction

from yearplan.models import ActionSignup, AssemblyRegistration, Proxy


def export(user):
    rows = AssemblyRegistration.objects.filter(user=user).select_related(
        "assembly__event", "organisation")
    return {"general_assembly_registrations": [
        {"assembly": r.assembly.event.title, "organisation": r.organisation.name,
         "registered_at": r.registered_at.isoformat(),
         "checked_in_at": r.checked_in_at.isoformat() if r.checked_in_at else None}
        for r in rows]}


@transaction.atomic
def erase(user):
    AssemblyRegistration.objects.filter(user=user).update(user=None)
    Proxy.objects.filter(recorded_by=user).update(recorded_by=None)
    ActionSignup.objects.filter(signed_up_by=user).update(signed_up_by=None)
