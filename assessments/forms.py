"""The form of one page (dimension) of a scan: one radio group per question, built from
the version's questions; empty answers are allowed, so a person saves as they go."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from assessments.scoring import NOT_APPLICABLE

PREFIX = "q-"


def question_field(question, required=False):
    """A radio group for one question (its steps or options, "not applicable" if offered)."""
    choices = [(str(value), label) for value, label in question.choices]
    if question.allow_not_applicable:
        choices.append((NOT_APPLICABLE, _("Not applicable")))
    field = forms.ChoiceField(
        label=question.text, help_text=question.explanation, required=required,
        choices=choices, widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose one of the answers offered for this "
                                            "question."),
                        "required": _("Choose an answer to this question.")})
    field.question = question
    return field


class DimensionAnswersForm(forms.Form):
    def __init__(self, dimension_def, answers, *args, **kwargs):
        self.dimension_def = dimension_def
        super().__init__(*args, **kwargs)
        for question in dimension_def.questions:
            name = PREFIX + question.key
            self.fields[name] = question_field(question)
            given = answers.get(question.key)
            if given is not None:
                self.initial[name] = NOT_APPLICABLE if given[1] else str(given[0])

    def clean(self):
        cleaned = super().clean()
        if self.data:
            expected = set(self.fields)
            strange = [name for name in self.data if name.startswith(PREFIX)
                       and name not in expected]
            if strange:
                raise forms.ValidationError(_(
                    "This form holds answers to questions that are not on this page of "
                    "this version of the scan; nothing was saved. Reload the page and try "
                    "again."))
        return cleaned

    def answers(self):
        """{question key: (value, not_applicable) or None (no answer)}."""
        result = {}
        for name, value in self.cleaned_data.items():
            key = name[len(PREFIX):]
            if not value:
                result[key] = None
            elif value == NOT_APPLICABLE:
                result[key] = (None, True)
            else:
                result[key] = (int(value), False)
        return result

    def question_fields(self):
        return [self[name] for name in self.fields]


class StartRoundForm(forms.Form):
    organisation = forms.TypedChoiceField(label=gettext_lazy("For organisation"), coerce=int,
                                          error_messages={"invalid_choice": gettext_lazy(
                                              "Choose one of your own organisations.")})

    def __init__(self, organisations, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = [(o.pk, o.name) for o in organisations]


class ScanSettingsForm(forms.Form):
    benchmark_opt_out = forms.BooleanField(
        required=False, label=gettext_lazy("Leave our organisation out of the sector "
                                           "benchmark (we then do not see it either)"))
    share_with_editors = forms.BooleanField(
        required=False, label=gettext_lazy("The association's editors may see our "
                                           "organisation's own results"))


class GroupAnswersForm(DimensionAnswersForm):
    """Every question of a group round on one page, each to be answered (a participant
    answers once, so nothing is saved until all is complete)."""

    def __init__(self, definition, *args, **kwargs):
        self.definition = definition
        forms.Form.__init__(self, *args, **kwargs)
        for item in definition:
            for question in item.questions:
                self.fields[PREFIX + question.key] = question_field(question, required=True)

    def sections(self):
        """[(dimension definition, [bound fields])] in order."""
        return [(item, [self[PREFIX + question.key] for question in item.questions])
                for item in self.definition]


class GroupStartForm(forms.Form):
    organisation = forms.TypedChoiceField(label=gettext_lazy("For organisation"), coerce=int,
                                          error_messages={"invalid_choice": gettext_lazy(
                                              "Choose one of your own organisations.")})
    title = forms.CharField(label=gettext_lazy("Name of the meeting (optional)"),
                            max_length=120, required=False,
                            help_text=gettext_lazy("Only you and your colleagues see it."))
    hours = forms.TypedChoiceField(
        label=gettext_lazy("Answers are accepted for"), coerce=int, initial=2,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": gettext_lazy("Choose one of the closing times "
                                                       "offered.")})

    def __init__(self, organisations, *args, **kwargs):
        from assessments.group import DURATIONS

        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = [(o.pk, o.name) for o in organisations]
        labels = {1: gettext_lazy("1 hour"), 2: gettext_lazy("2 hours"),
                  4: gettext_lazy("4 hours"), 24: gettext_lazy("1 day"),
                  72: gettext_lazy("3 days"), 168: gettext_lazy("1 week")}
        self.fields["hours"].choices = [(hours, labels[hours]) for hours in DURATIONS]


class GroupCodeForm(forms.Form):
    code = forms.CharField(label=gettext_lazy("Code"), max_length=20,
                           help_text=gettext_lazy("The six characters your facilitator "
                                                  "gave, for example K7M2QX."),
                           error_messages={"required": gettext_lazy("Type the code.")})
