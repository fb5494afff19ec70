from django import forms
from django.utils.translation import gettext_lazy as _

SCORE_CHOICES = [
    (1, _("1 – poor")),
    (2, _("2 – fair")),
    (3, _("3 – good")),
    (4, _("4 – very good")),
    (5, _("5 – excellent")),
]


class EvaluationForm(forms.Form):
    score = forms.TypedChoiceField(
        label=_("How useful was this session for you?"), choices=SCORE_CHOICES, coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a score from 1 to 5."),
                        "invalid_choice": _("Choose a score from 1 to 5.")},
    )
    comment = forms.CharField(
        label=_("Comment (optional)"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Only the association's editors read comments; they are never shown "
                    "with your name to other members."),
    )


class OrganisationChoiceForm(forms.Form):
    """Which organisation a member takes part for; the choice is checked by the service,
    which gives a clear message for an organisation that is not theirs or not active."""

    organisation = forms.IntegerField(required=False, min_value=1)
    show_name = forms.BooleanField(required=False)
