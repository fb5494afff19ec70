from django import forms
from django.utils.translation import gettext_lazy as _

from mailings.models import LANGUAGE_CHOICES, Frequency, Track
from portal.mail import recipient_language

FREQUENCY_CHOICES = Frequency.choices


def _frequency_field(label):
    return forms.ChoiceField(label=label, choices=FREQUENCY_CHOICES, widget=forms.RadioSelect,
                             initial=Frequency.NEVER,
                             error_messages={"invalid_choice": _("Choose one of the options "
                                                                 "offered.")})


class SubscriptionForm(forms.Form):
    """A person's choices. One radio group per learning line, track and theme; the
    lines and themes offered are passed in (read once per request)."""

    member_mailing = forms.ChoiceField(
        label=_("Member mailing"), widget=forms.RadioSelect,
        choices=[("yes", _("Yes, send me the member mailing")), ("no", _("No"))],
        help_text=_("At least ten times a year: news and what is coming up."),
    )
    political_monitor = _frequency_field(_("Political monitor"))
    language = forms.ChoiceField(label=_("Language of the e-mails"), widget=forms.RadioSelect,
                                 choices=LANGUAGE_CHOICES)

    def __init__(self, *args, lines=(), themes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["political_monitor"].help_text = _(
            "The weekly monitor of parliament and development policy, for members only.")
        self.lines = list(lines)
        self.themes = list(themes)
        for line in self.lines:
            self.fields[f"line_{line.pk}"] = _frequency_field(line.title)
        for value, label in Track.choices:
            self.fields[f"track_{value}"] = _frequency_field(label)
        for theme in self.themes:
            self.fields[f"theme_{theme.pk}"] = _frequency_field(theme.label)

    @classmethod
    def initial_for(cls, subscription, follows):
        initial = {
            "member_mailing": "yes" if subscription.member_mailing else "no",
            "political_monitor": subscription.political_monitor,
            "language": recipient_language(subscription.user),
        }
        for follow in follows:
            if follow.learning_line_id:
                initial[f"line_{follow.learning_line_id}"] = follow.frequency
            elif follow.track:
                initial[f"track_{follow.track}"] = follow.frequency
            elif follow.theme_id:
                initial[f"theme_{follow.theme_id}"] = follow.frequency
        return initial

    def groups(self, prefix):
        return [self[name] for name in self.fields if name.startswith(prefix)]

    def line_fields(self):
        return self.groups("line_")

    def track_fields(self):
        return self.groups("track_")

    def theme_fields(self):
        return self.groups("theme_")

    def choices(self):
        data = self.cleaned_data
        return {
            "member_mailing": data["member_mailing"] == "yes",
            "political_monitor": data["political_monitor"],
            "language": data["language"],
            "lines": {line: data[f"line_{line.pk}"] for line in self.lines},
            "tracks": {value: data[f"track_{value}"] for value in Track.values},
            "themes": {theme: data[f"theme_{theme.pk}"] for theme in self.themes},
        }
