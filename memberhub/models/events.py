"""Member events (the association's own and its members'), on the shared agenda."""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from memberhub.admin_forms import EventPageForm
from memberhub.models.publications import (
    MEMBER_RICHTEXT_FEATURES,
    MemberPublicationPage,
    learning_lines_field,
)
from portal.fields import theme_tags
from portal.scheduling import TIMEZONE_CHOICES, ScheduledPageMixin
from portal.translation import PAGE_SYNCHRONISED, synchronised


class EventPageTheme(ItemBase):
    tag = models.ForeignKey("portal.ThemeTag", related_name="event_pages",
                            on_delete=models.CASCADE)
    content_object = ParentalKey("memberhub.EventPage", related_name="theme_items",
                                 on_delete=models.CASCADE)


class EventPage(RoutablePageMixin, ScheduledPageMixin, MemberPublicationPage):
    navigation_section = "memberhub.EventIndexPage"

    location = models.CharField(_("location"), max_length=255, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    organiser = models.CharField(_("organiser"), max_length=200, blank=True,
                                 help_text=_("Leave empty when your organisation organises it."))
    registration_url = models.URLField(_("link to register"), blank=True)
    contact_email = models.EmailField(_("contact e-mail address"), blank=True)
    body = RichTextField(_("text"), features=MEMBER_RICHTEXT_FEATURES, blank=True)
    themes = theme_tags(EventPageTheme)
    learning_lines = learning_lines_field("member_events")
    # Recorded by the association after the event, for the year plan's targets
    # (participants of the integrity meeting, the summit's evaluation).
    participants = models.PositiveIntegerField(_("participants"), null=True, blank=True,
                                               help_text=_("Recorded after the event."))
    evaluation_score = models.DecimalField(
        _("evaluation (1-10)"), max_digits=3, decimal_places=1, null=True, blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
        help_text=_("The average score participants gave, on a scale of 1 to 10."))

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("start"), FieldPanel("end"),
                         FieldPanel("timezone", widget=forms.Select(choices=TIMEZONE_CHOICES))],
                        heading=_("When")),
        MultiFieldPanel([FieldPanel("location"), FieldPanel("online_url")],
                        heading=_("Where")),
        MultiFieldPanel([FieldPanel("organiser"), FieldPanel("registration_url"),
                         FieldPanel("contact_email")], heading=_("Organiser and registration")),
        FieldPanel("body"),
        FieldPanel("themes"),
        FieldPanel("learning_lines", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel([FieldPanel("participants"), FieldPanel("evaluation_score")],
                        heading=_("After the event")),
    ]
    search_fields = MemberPublicationPage.search_fields + [
        index.SearchField("body"), index.SearchField("location"),
    ]
    base_form_class = EventPageForm
    parent_page_types = ["memberhub.OrganisationPage", "memberhub.EventIndexPage"]
    content_type_key = "event"

    # Translated: title, summary, body. Synchronised: slug, start, end, time zone, location,
    # organiser, links, contact address, learning lines, themes.
    override_translatable_fields = PAGE_SYNCHRONISED + synchronised(
        "start", "end", "timezone", "location", "online_url", "organiser",
        "registration_url", "contact_email", "learning_lines")

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def schedule_errors(self):
        errors = super().schedule_errors()
        if not (self.location.strip() or self.online_url):
            errors["location"] = _("Give a location or an online link.")
        if not (self.registration_url or self.contact_email):
            errors["registration_url"] = _("Give a link to register or a contact e-mail "
                                           "address.")
        return errors

    @property
    def organiser_name(self):
        return self.organiser or self.organisation_name

    # -- routes (served through Wagtail, so the page's privacy applies to each of them)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["ics_url"] = (self.url or "") + self.reverse_subpage("ics")
        return context

    @path("ics/", name="ics")
    def ics_view(self, request):
        from memberhub.feeds import event_ics

        return event_ics(request, self)

    def search_date(self):
        return self.start
