"""Forms of the members' pages: the choices offered are the person's own organisations;
the services check the same rules again on the server."""

from django import forms
from django.utils.translation import gettext_lazy as _

from memberhub.models import MemberOrganisation
from memberhub.selectors import active_memberships


def own_organisation_choices(user):
    return [(m.organisation_id, m.organisation.name) for m in active_memberships(user)]


class OwnOrganisationForm(forms.Form):
    organisation = forms.TypedChoiceField(label=_("For organisation"), coerce=int)

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = own_organisation_choices(user)


class ProxyForm(forms.Form):
    giver = forms.TypedChoiceField(label=_("My organisation"), coerce=int)
    holder = forms.TypedChoiceField(
        label=_("Gives its proxy to"), coerce=int,
        help_text=_("Another active member organisation that will be present."))

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        own = own_organisation_choices(user)
        self.fields["giver"].choices = own
        own_ids = {pk for pk, _name in own}
        self.fields["holder"].choices = [("", "---------")] + [
            (o.pk, o.name) for o in MemberOrganisation.objects.active().order_by("name")
            if o.pk not in own_ids]
