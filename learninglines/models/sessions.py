"""Sessions: the meetings of a learning line, with a time, place and registration."""

from datetime import timedelta

from django import forms
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import ItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from learninglines.models.base import (
    TEXT_SEARCH_FIELDS,
    TOPIC_PANELS,
    LinePartMixin,
    page_route,
)
from learninglines.models.choices import (
    TIMEZONE_CHOICES,
    Audience,
    ContentLanguage,
    SessionFormat,
    Track,
    validate_timezone_name,
)
from learninglines.models.working_groups import WorkingGroupPage
from portal.blocks import BodyStreamBlock
from portal.languages import LanguageAddressMixin
from portal.scheduling import ScheduledPageMixin
from portal.searchable import FacetValue, SearchableContent, facet_values
from portal.translation import PAGE_SYNCHRONISED, synchronised


class SessionThemeTag(ItemBase):
    tag = models.ForeignKey("portal.ThemeTag", related_name="sessions", on_delete=models.CASCADE)
    content_object = ParentalKey("learninglines.SessionPage", related_name="theme_items",
                                 on_delete=models.CASCADE)


class SessionPage(LinePartMixin, RoutablePageMixin, ScheduledPageMixin, LanguageAddressMixin,
                  Page):
    """One session of a learning line: a meeting with a time, place and registration.

    Its existence is public (it is listed on the agenda) unless the editor sets Wagtail
    page privacy; the online link is only shown to people registered for it, and only
    members of active organisations can register, whatever the audience says.
    """

    track = models.CharField(_("track"), max_length=20, choices=Track.choices,
                             default=Track.PRACTITIONER)
    format = models.CharField(_("format"), max_length=30, choices=SessionFormat.choices,
                              default=SessionFormat.NETWORK_SESSION)
    summary = models.TextField(_("summary"), max_length=600,
                               help_text=_("Two or three sentences for listings and e-mails."))
    # Start and end come from ScheduledPageMixin; sessions offer a shorter list of zones.
    timezone = models.CharField(
        _("time zone"), max_length=64, choices=TIMEZONE_CHOICES, default="Europe/Amsterdam",
        validators=[validate_timezone_name],
        help_text=_("Times are shown and exported in this time zone."),
    )
    location = models.CharField(_("location"), max_length=300, blank=True,
                                help_text=_("Address or venue. Leave empty for online only."))
    online_link = models.URLField(
        _("online meeting link"), blank=True,
        help_text=_("Only shown to people registered for the session."),
    )
    hosts = ParentalManyToManyField(
        "memberhub.MemberOrganisation", blank=True, related_name="hosted_sessions",
        verbose_name=_("hosting member organisations"),
        help_text=_("Sessions are led by members: the organisations that host this one."),
    )
    co_host = models.CharField(
        _("co-host that is not a member"), max_length=200, blank=True,
        help_text=_("E.g. another NGO federation that co-organises the session."),
    )
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, validators=[MinValueValidator(1)],
        help_text=_("Maximum number of participants; leave empty for no limit. Further "
                    "registrations go on the waiting list."),
    )
    registration_open = models.BooleanField(_("registration open"), default=True)
    registration_deadline = models.DateTimeField(
        _("registration deadline"), null=True, blank=True,
        help_text=_("Leave empty to allow registration until the start."),
    )
    audience = models.CharField(_("audience"), max_length=10, choices=Audience.choices,
                                default=Audience.MEMBERS)
    language = models.CharField(_("language"), max_length=2, choices=ContentLanguage.choices,
                                default=ContentLanguage.DUTCH)
    working_group = models.ForeignKey(
        WorkingGroupPage, verbose_name=_("working group"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="sessions",
        help_text=_("For meetings of a working group."),
    )
    themes = ClusterTaggableManager(through=SessionThemeTag, blank=True, verbose_name=_("themes"))
    sdgs = ParentalManyToManyField("portal.SustainableDevelopmentGoal", blank=True,
                                   related_name="sessions",
                                   verbose_name=_("sustainable development goals"))
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("track"), FieldPanel("format")]),
        MultiFieldPanel([
            FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
            FieldPanel("timezone"),
            FieldPanel("location"),
            FieldPanel("online_link"),
        ], heading=_("When and where")),
        MultiFieldPanel([
            FieldPanel("hosts", widget=forms.CheckboxSelectMultiple),
            FieldPanel("co_host"),
        ], heading=_("Hosts")),
        MultiFieldPanel([
            FieldPanel("audience"),
            FieldPanel("registration_open"),
            FieldRowPanel([FieldPanel("capacity"), FieldPanel("registration_deadline")]),
        ], heading=_("Registration")),
        FieldRowPanel([FieldPanel("language"), FieldPanel("working_group")]),
        *TOPIC_PANELS,
    ]
    search_fields = Page.search_fields + TEXT_SEARCH_FIELDS + [
        index.FilterField("track"), index.FilterField("format"), index.FilterField("start"),
    ]
    template = "learninglines/session_page.html"
    page_data = "session_page_data"

    # Translated: title, summary, body. Synchronised (copied from the Dutch session at every
    # sync, never overridden): slug, dates and times, time zone, place, online link, hosts,
    # co-host, capacity and every registration setting, audience, language, working group,
    # SDGs, themes.
    override_translatable_fields = PAGE_SYNCHRONISED + synchronised(
        "track", "format", "start", "end", "timezone", "location", "online_link",
        "co_host", "capacity", "registration_open", "registration_deadline", "audience",
        "language", "working_group", "hosts", "sdgs")

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def schedule_errors(self):
        errors = super().schedule_errors()
        if self.start and self.end and self.end - self.start > timedelta(days=14):
            errors["end"] = _("A session lasts at most two weeks; add separate sessions for "
                              "a longer trajectory.")
        if self.registration_deadline and self.start and self.registration_deadline > self.start:
            errors["registration_deadline"] = _("The deadline cannot be after the start.")
        if not self.location and not self.online_link:
            errors["location"] = _("Give a location, an online meeting link, or both.")
        if self.working_group_id and self.path and not self.working_group_on_same_line():
            errors["working_group"] = _("Choose a working group of the same learning line.")
        return errors

    def working_group_on_same_line(self):
        """The working group is under this session's line page, or under that line in the
        other language: a translated session keeps its source's working group (a
        synchronised field)."""
        line_path, group_path = self.path[:-self.steplen], self.working_group.path
        if group_path.startswith(line_path):
            return True
        keys = set(Page.objects.filter(path__in=[line_path, group_path[:-self.steplen]])
                   .values_list("translation_key", flat=True))
        return len(keys) == 1

    # -- display helpers

    @property
    def is_past(self):
        return self.end <= timezone.now()

    @property
    def has_started(self):
        return self.start <= timezone.now()

    @property
    def is_online(self):
        return bool(self.online_link)

    # -- routes (served through Wagtail, so page privacy applies to each of them)

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if request.user.is_authenticated:
            # Personal content (registration state, online link): never in a shared cache.
            patch_cache_control(response, private=True)
        return response

    ics_view = page_route("ics/", "ics", "session_ics")
    register_view = page_route("register/", "register", "session_register")
    cancel_view = page_route("cancel/", "cancel", "session_cancel")

    def portal_search_fields(self):
        line = self.get_parent()
        organisations = facet_values(self.hosts.all())
        if self.co_host:
            organisations += (FacetValue.named(self.co_host),)
        return SearchableContent(
            kind="session", summary=self.summary, body=self.body_text,
            learning_lines=[FacetValue.of(line, "title")] if line else (),
            tracks=[self.track], themes=facet_values(self.themes.all()),
            sdgs=[sdg.number for sdg in self.sdgs.all()], organisations=organisations,
            language=self.language, date=self.start,
        )
