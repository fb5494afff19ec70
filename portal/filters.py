"""The GET filter form of the public listings (/leden/, /nieuws/, /agenda/...) and the
context every filtered listing gives its template (memberhub/includes/filter_form.html)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.pagination import querystring_without

FILTER_LABELS = {
    "q": _("Name"),
    "organisation": _("Organisation"),
    "theme": _("Theme"),
    "learning_line": _("Learning line"),
    "sdg": _("SDG"),
    "country": _("Country or region"),
    "line": _("Learning line"),
    "track": _("Track"),
    "format": _("Format"),
    "month": _("Month"),
}


class FilterForm(forms.Form):
    """GET filters. Unknown values are reported on the field and ignored."""

    def __init__(self, data, names, options, extra_choices=None):
        super().__init__(data)
        extra_choices = extra_choices or {}
        for name in names:
            if name == "q":
                self.fields[name] = forms.CharField(label=FILTER_LABELS[name], required=False,
                                                    max_length=100)
                continue
            choices = extra_choices.get(name, options.get(name, []))
            self.fields[name] = forms.ChoiceField(
                label=FILTER_LABELS[name], required=False,
                choices=[("", _("All"))] + list(choices),
            )

    def active_filters(self):
        if not self.is_bound:
            return {}
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {name: value for name, value in cleaned.items() if value}


def listing_context(request, form, listing):
    return {
        "filter_form": form,
        "listing": listing,
        "query": querystring_without(request, "page"),
        "has_filters": bool(form.active_filters()),
    }
