"""Widgets of the year plan's admin form: the measures and events to choose from come
from the installed apps (portal.measures), read when the form is drawn."""

from datetime import date

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.measures import registered_measures


class _LiveChoicesSelect(forms.Select):
    """A select whose choices are read each time the form is drawn."""

    def live_choices(self):
        raise NotImplementedError

    @property
    def choices(self):
        return [("", "---------"), *self.live_choices()]

    @choices.setter
    def choices(self, value):
        pass

    def optgroups(self, name, value, attrs=None):
        """A stored value no installed app offers any more stays visible and chosen."""
        known = {str(key) for key, _label in self.choices}
        groups = super().optgroups(name, value, attrs)
        for item in value:
            if item and item not in known:
                groups.append((None, [self.create_option(
                    name, item, f"{item} ({_('not installed')})", True, len(groups))],
                    len(groups)))
        return groups


class MeasureSelect(_LiveChoicesSelect):
    def live_choices(self):
        return [(key, f"{measure.label} ({key})")
                for key, measure in registered_measures().items()]


class SubjectSelect(_LiveChoicesSelect):
    """The events the measures are taken of, from last year to next year."""

    def live_choices(self):
        year = timezone.localdate().year
        start, end = date(year - 1, 1, 1), date(year + 1, 12, 31)
        choices = []
        for measure in registered_measures().values():
            for subject in measure.subjects_in(start, end):
                choices.append((subject.key, f"{measure.label}: {subject.label} "
                                f"({subject.day.isoformat()})"))
        # one key may be an event of several measures (participants, evaluation)
        return list(dict(choices).items())
