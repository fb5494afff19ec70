"""Learning lines on two tracks: the line pages, their sessions and working groups,
registrations, working-group participation and session evaluations.

Business rules live in :mod:`learninglines.services` (actions) and
:mod:`learninglines.selectors` (reads); the models hold data, constraints and display.
"""

import zoneinfo
from datetime import timedelta

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import ItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.blocks import BodyStreamBlock
from portal.pages import SectionIndexPage
from portal.searchable import FacetValue, SearchableContent, facet_values


class Track(models.TextChoices):
    """The two tracks every learning line runs on (the Dual-Track approach)."""

    PRACTITIONER = "practitioner", _("Practitioner")
    LEADERSHIP = "leadership", _("Leadership")


class SessionFormat(models.TextChoices):
    WORKING_GROUP_MEETING = "working_group_meeting", _("Working group meeting")
    PEER_SPACE = "peer_space", _("Peer space")
    NETWORK_SESSION = "network_session", _("Network session")
    TRAJECTORY = "trajectory", _("Trajectory")
    LEADERSHIP_DIALOGUE = "leadership_dialogue", _("Leadership dialogue")


class Audience(models.TextChoices):
    MEMBERS = "members", _("Members only")
    OPEN = "open", _("Open to non-members too")


class ContentLanguage(models.TextChoices):
    DUTCH = "nl", _("Dutch")
    ENGLISH = "en", _("English")


# Time zones offered to editors: where the association's members and partners meet.
TIMEZONE_CHOICES = [
    ("Europe/Amsterdam", "Europe/Amsterdam"),
    ("Europe/London", "Europe/London"),
    ("UTC", "UTC"),
    ("Africa/Nairobi", "Africa/Nairobi"),
    ("Africa/Lagos", "Africa/Lagos"),
    ("Africa/Johannesburg", "Africa/Johannesburg"),
    ("Asia/Jakarta", "Asia/Jakarta"),
    ("Asia/Kolkata", "Asia/Kolkata"),
    ("America/Bogota", "America/Bogota"),
    ("America/New_York", "America/New_York"),
]


def validate_timezone_name(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("%(value)s is not a known time zone."), params={"value": value})


def streamfield_text(value):
    """Plain text of a StreamField value (for search documents)."""
    if not value:
        return ""
    return " ".join(
        text.strip() for text in value.stream_block.get_searchable_content(value) if text
    )


# --- Line pages -------------------------------------------------------------------------


class LearningLineIndexPage(SectionIndexPage):
    """/leerlijnen/: the learning lines and the year's agenda."""

    max_count_per_parent = 1
    subpage_types = ["learninglines.LearningLinePage"]
    template = "learninglines/learning_line_index_page.html"

    class Meta:
        verbose_name = _("learning lines overview")

    def get_listing(self, request):
        from portal.visibility import visible_pages

        return visible_pages(
            request.user, LearningLinePage.objects.child_of(self)
        ).order_by("path")

    def get_context(self, request, *args, **kwargs):
        from learninglines.plan import dual_track_plan
        from learninglines.selectors import agenda_index_url, parse_year, year_agenda

        context = super().get_context(request, *args, **kwargs)
        listing = context["listing"]
        listing.object_list = list(listing.object_list)  # read once, for the cards and plan
        context["plan"] = dual_track_plan(listing.object_list, request.user)
        year = parse_year(request.GET.get("year"))
        context["year"] = year
        context["agenda"] = year_agenda(request.user, year)
        # Looked up once, and only when a month has more sessions than it shows.
        context["agenda_url"] = SimpleLazyObject(agenda_index_url)
        context["this_month"] = timezone.localdate().replace(day=1)
        context["previous_year"] = year - 1
        context["next_year"] = year + 1
        return context


class LearningLineCoordinator(Orderable):
    """A person who coordinates a learning line (usually staff of the association)."""

    line = ParentalKey("learninglines.LearningLinePage", related_name="coordinators",
                       on_delete=models.CASCADE)
    name = models.CharField(_("name"), max_length=150)
    role = models.CharField(_("role"), max_length=150, blank=True,
                            help_text=_("E.g. 'coordinator Practitioner track'."))
    organisation = models.ForeignKey(
        "memberhub.MemberOrganisation", verbose_name=_("member organisation"), null=True,
        blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text=_("Leave empty for staff of the association."),
    )

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("organisation")]

    def __str__(self):
        return self.name


class LearningLinePage(Page):
    """One learning line (Digital Readiness, Equitable Partnerships, …) on two tracks."""

    summary = models.TextField(_("summary"), help_text=_("One or two sentences: what this line "
                                                          "is about."))
    practitioner_aim = models.TextField(
        _("aim of the Practitioner track"), blank=True,
        help_text=_("Learning, legitimacy, tools: working groups, peer spaces, network sessions."),
    )
    leadership_aim = models.TextField(
        _("aim of the Leadership track"), blank=True,
        help_text=_("Mandate, means, accountability: short dialogues for directors."),
    )
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))
    leading_organisations = ParentalManyToManyField(
        "memberhub.MemberOrganisation", blank=True, related_name="led_learning_lines",
        verbose_name=_("leading member organisations"),
        help_text=_("The member organisations that lead this line."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("practitioner_aim"), FieldPanel("leadership_aim")],
                        heading=_("Tracks")),
        FieldPanel("leading_organisations", widget=forms.CheckboxSelectMultiple),
        InlinePanel("coordinators", label=_("Coordinators")),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"), index.SearchField("practitioner_aim"),
        index.SearchField("leadership_aim"), index.SearchField("body"),
    ]
    parent_page_types = ["learninglines.LearningLineIndexPage"]
    subpage_types = ["learninglines.SessionPage", "learninglines.WorkingGroupPage"]
    template = "learninglines/learning_line_page.html"

    class Meta:
        verbose_name = _("learning line")

    def get_context(self, request, *args, **kwargs):
        from learninglines.selectors import line_page_data

        context = super().get_context(request, *args, **kwargs)
        context.update(line_page_data(self, request.user))
        return context

    def portal_search_fields(self):
        return SearchableContent(
            kind="learning_line", summary=self.summary,
            body=" ".join(filter(None, [self.practitioner_aim, self.leadership_aim,
                                        streamfield_text(self.body)])),
            learning_lines=[FacetValue.of(self, "title")],
            tracks=[Track.PRACTITIONER.value, Track.LEADERSHIP.value],
            organisations=facet_values(self.leading_organisations.all()),
            language=self.locale.language_code,
        )


# --- Working groups ---------------------------------------------------------------------


class WorkingGroupThemeTag(ItemBase):
    tag = models.ForeignKey("portal.ThemeTag", related_name="working_groups",
                            on_delete=models.CASCADE)
    content_object = ParentalKey("learninglines.WorkingGroupPage", related_name="theme_items",
                                 on_delete=models.CASCADE)


class WorkingGroupPage(RoutablePageMixin, Page):
    """A standing group of members on one track of a line (e.g. the AI working group)."""

    track = models.CharField(_("track"), max_length=20, choices=Track.choices,
                             default=Track.PRACTITIONER)
    summary = models.TextField(_("summary"), max_length=600)
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))
    leading_organisations = ParentalManyToManyField(
        "memberhub.MemberOrganisation", blank=True, related_name="led_working_groups",
        verbose_name=_("leading member organisations"),
    )
    open_for_joining = models.BooleanField(
        _("open for joining"), default=True,
        help_text=_("Members can join and leave this group on its page."),
    )
    themes = ClusterTaggableManager(through=WorkingGroupThemeTag, blank=True,
                                    verbose_name=_("themes"))
    sdgs = ParentalManyToManyField("portal.SustainableDevelopmentGoal", blank=True,
                                   related_name="working_groups",
                                   verbose_name=_("sustainable development goals"))
    language = models.CharField(_("working language"), max_length=2,
                                choices=ContentLanguage.choices, default=ContentLanguage.DUTCH)

    content_panels = Page.content_panels + [
        FieldPanel("track"),
        FieldPanel("summary"),
        FieldPanel("leading_organisations", widget=forms.CheckboxSelectMultiple),
        FieldPanel("open_for_joining"),
        FieldPanel("language"),
        FieldPanel("themes"),
        FieldPanel("sdgs", widget=forms.CheckboxSelectMultiple),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"), index.SearchField("body"), index.FilterField("track"),
    ]
    parent_page_types = ["learninglines.LearningLinePage"]
    subpage_types = []
    template = "learninglines/working_group_page.html"

    class Meta:
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")

    def get_context(self, request, *args, **kwargs):
        from learninglines.selectors import working_group_page_data

        context = super().get_context(request, *args, **kwargs)
        context.update(working_group_page_data(self, request.user))
        return context

    @path("join/", name="join")
    def join_view(self, request):
        from learninglines.views import working_group_join

        return working_group_join(request, self)

    @path("leave/", name="leave")
    def leave_view(self, request):
        from learninglines.views import working_group_leave

        return working_group_leave(request, self)

    def portal_search_fields(self):
        line = self.get_parent()
        return SearchableContent(
            kind="working_group", summary=self.summary, body=streamfield_text(self.body),
            learning_lines=[FacetValue.of(line, "title")] if line else (),
            tracks=[self.track], themes=facet_values(self.themes.all()),
            sdgs=[sdg.number for sdg in self.sdgs.all()],
            organisations=facet_values(self.leading_organisations.all()),
            language=self.language,
        )


class WorkingGroupMembership(models.Model):
    """A person taking part in a working group on behalf of one organisation."""

    group = models.ForeignKey(WorkingGroupPage, verbose_name=_("working group"),
                              on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("person"),
                             on_delete=models.CASCADE, related_name="working_group_memberships")
    organisation = models.ForeignKey("memberhub.MemberOrganisation",
                                     verbose_name=_("organisation"), on_delete=models.CASCADE,
                                     related_name="working_group_memberships")
    show_name = models.BooleanField(
        _("show my name on the group's page"), default=False,
        help_text=_("Without this consent only your organisation is shown."),
    )
    created_at = models.DateTimeField(_("joined"), auto_now_add=True)

    class Meta:
        verbose_name = _("working group participant")
        verbose_name_plural = _("working group participants")
        ordering = ["group", "organisation__name"]
        constraints = [
            models.UniqueConstraint(fields=["group", "user"],
                                    name="learninglines_wgmembership_unique"),
        ]

    def __str__(self):
        return f"{self.user} – {self.group}"


# --- Sessions ---------------------------------------------------------------------------


class SessionThemeTag(ItemBase):
    tag = models.ForeignKey("portal.ThemeTag", related_name="sessions", on_delete=models.CASCADE)
    content_object = ParentalKey("learninglines.SessionPage", related_name="theme_items",
                                 on_delete=models.CASCADE)


class SessionPage(RoutablePageMixin, Page):
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
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
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
        FieldPanel("themes"),
        FieldPanel("sdgs", widget=forms.CheckboxSelectMultiple),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"), index.SearchField("body"),
        index.FilterField("track"), index.FilterField("format"), index.FilterField("start"),
    ]
    parent_page_types = ["learninglines.LearningLinePage"]
    subpage_types = []
    template = "learninglines/session_page.html"

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The end must be after the start.")
        if self.start and self.end and self.end - self.start > timedelta(days=14):
            errors["end"] = _("A session lasts at most two weeks; add separate sessions for "
                              "a longer trajectory.")
        if self.registration_deadline and self.start and self.registration_deadline > self.start:
            errors["registration_deadline"] = _("The deadline cannot be after the start.")
        if not self.location and not self.online_link:
            errors["location"] = _("Give a location, an online meeting link, or both.")
        if self.working_group_id and self.path and not self.working_group.path.startswith(
                self.path[:-self.steplen]):
            errors["working_group"] = _("Choose a working group of the same learning line.")
        if errors:
            raise ValidationError(errors)

    # -- display helpers

    @property
    def zone(self):
        try:
            return zoneinfo.ZoneInfo(self.timezone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo(settings.TIME_ZONE)

    @property
    def local_start(self):
        return self.start.astimezone(self.zone)

    @property
    def local_end(self):
        return self.end.astimezone(self.zone)

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

    def get_context(self, request, *args, **kwargs):
        from learninglines.selectors import session_page_data

        context = super().get_context(request, *args, **kwargs)
        context.update(session_page_data(self, request.user))
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if request.user.is_authenticated:
            # Personal content (registration state, online link): never in a shared cache.
            patch_cache_control(response, private=True)
        return response

    @path("ics/", name="ics")
    def ics_view(self, request):
        from learninglines.views import session_ics

        return session_ics(request, self)

    @path("register/", name="register")
    def register_view(self, request):
        from learninglines.views import session_register

        return session_register(request, self)

    @path("cancel/", name="cancel")
    def cancel_view(self, request):
        from learninglines.views import session_cancel

        return session_cancel(request, self)

    def portal_search_fields(self):
        line = self.get_parent()
        organisations = facet_values(self.hosts.all())
        if self.co_host:
            organisations += (FacetValue.named(self.co_host),)
        return SearchableContent(
            kind="session", summary=self.summary, body=streamfield_text(self.body),
            learning_lines=[FacetValue.of(line, "title")] if line else (),
            tracks=[self.track], themes=facet_values(self.themes.all()),
            sdgs=[sdg.number for sdg in self.sdgs.all()], organisations=organisations,
            language=self.language, date=self.start,
        )


# --- Registrations and evaluations ------------------------------------------------------


class Registration(models.Model):
    class Status(models.TextChoices):
        REGISTERED = "registered", _("Registered")
        WAITLISTED = "waitlisted", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")
        ATTENDED = "attended", _("Attended")

    session = models.ForeignKey(SessionPage, verbose_name=_("session"), on_delete=models.CASCADE,
                                related_name="registrations")
    # Empty once anonymised (account deleted, or the retention period passed): the
    # registration, its organisation and its evaluation score still count in the figures.
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("person"),
                             null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="session_registrations")
    organisation = models.ForeignKey("memberhub.MemberOrganisation",
                                     verbose_name=_("organisation"), on_delete=models.CASCADE,
                                     related_name="session_registrations")
    status = models.CharField(_("status"), max_length=12, choices=Status.choices,
                              default=Status.REGISTERED)
    created_at = models.DateTimeField(_("first registered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    queued_at = models.DateTimeField(
        _("in line since"), default=timezone.now,
        help_text=_("When the person last (re)registered: the order of the waiting list."),
    )
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    evaluation_invited_at = models.DateTimeField(_("evaluation invitation sent"), null=True,
                                                 blank=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["session", "queued_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user"], name="learninglines_registration_unique",
                violation_error_message=_("This person is already registered for this "
                                          "session."),
            ),
        ]
        indexes = [models.Index(fields=["session", "status", "queued_at"])]

    def __str__(self):
        person = self.user or _("(anonymised)")
        return f"{person} – {self.session} ({self.get_status_display()})"

    @property
    def is_active(self):
        return self.status in (self.Status.REGISTERED, self.Status.WAITLISTED)


class Evaluation(models.Model):
    """One attendee's short evaluation of a session (score 1-5, optional comment).

    Comments are for editors only: they appear in the admin, never on the site.
    """

    registration = models.OneToOneField(Registration, verbose_name=_("registration"),
                                        on_delete=models.CASCADE, related_name="evaluation")
    score = models.PositiveSmallIntegerField(
        _("score"), validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    comment = models.TextField(_("comment"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("given"), auto_now_add=True)

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(score__gte=1) & Q(score__lte=5),
                                   name="learninglines_evaluation_score_1_5"),
        ]

    def __str__(self):
        return f"{self.registration.session} – {self.score}"
