"""The admin forms of memberhub's pages."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from portal.admin_forms import LearningLineChoicesMixin
from portal.scheduling import LocalTimesFormMixin


class LearningLinesPageForm(LearningLineChoicesMixin, WagtailAdminPageForm):
    """Learning lines offered once each, in the language of the page."""


class VacancyPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        closing_date = cleaned_data.get("closing_date")
        if closing_date and closing_date < timezone.localdate():
            self.add_error("closing_date", _("The closing date has passed; choose a date "
                                             "from today on."))
        return cleaned_data


class EventPageForm(LocalTimesFormMixin, LearningLineChoicesMixin, WagtailAdminPageForm):
    """Start and end in the event's own time zone; learning lines once each."""
