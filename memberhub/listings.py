"""Reads behind the public listings: /leden/, /nieuws/, /impactverhalen/, /vacatures/,
/agenda/ and each organisation page.

Every listing goes through portal.visibility.visible_pages and runs a fixed number of
queries whatever the number of items; the lists behind the filter menus are cached.
"""

from django import forms
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from portal.agenda import AgendaEntry, agenda_entries, calendar_uid
from portal.cache import audience_key, cached_for_content
from portal.pagination import paginate, querystring_without
from portal.selectors import prefer_current_language
from portal.visibility import visible_pages

FILTER_CACHE_VERSION_KEY = "memberhub:filter-options:version"
FILTER_CACHE_TIMEOUT = 300


# --- Filter menus -----------------------------------------------------------------------


def invalidate_filter_options(**kwargs):
    cache.set(FILTER_CACHE_VERSION_KEY, timezone.now().timestamp(), None)


def filter_options():
    """Choices for the filter menus in the current language (cached; the cache is reset
    whenever organisations, themes, SDGs, countries or learning lines change)."""
    version = cache.get(FILTER_CACHE_VERSION_KEY, 0)
    key = f"memberhub:filter-options:{version}:{get_language()}"
    options = cache.get(key)
    if options is None:
        options = _load_filter_options()
        cache.set(key, options, FILTER_CACHE_TIMEOUT)
    return options


def _load_filter_options():
    from learninglines.models import LearningLinePage
    from memberhub.models import MemberOrganisation
    from portal.models import Country, SustainableDevelopmentGoal, ThemeTag

    lines = prefer_current_language(
        visible_pages(AnonymousUser(), LearningLinePage.objects.all())).order_by("title")
    return {
        "organisation": [(o.slug, o.name) for o in MemberOrganisation.objects.active()],
        "theme": sorted(((t.slug, t.label) for t in ThemeTag.objects.all()),
                        key=lambda item: item[1].lower()),
        "learning_line": [(line.slug, line.title) for line in lines],
        "learning_line_urls": {line.slug: line.url for line in lines},
        "sdg": [(str(s.number), f"{s.number}. {s.label}")
                for s in SustainableDevelopmentGoal.objects.order_by("number")],
        "country": sorted(((c.code, c.label) for c in Country.objects.all()),
                          key=lambda item: item[1].lower()),
    }


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


def _listing_context(request, form, listing):
    return {
        "filter_form": form,
        "listing": listing,
        "query": querystring_without(request, "page"),
        "has_filters": bool(form.active_filters()),
    }


# --- Member directory -------------------------------------------------------------------


def directory_pages(user, filters):
    from memberhub.models import OrganisationPage

    pages = visible_pages(user, OrganisationPage.objects.filter(organisation__active=True))
    pages = prefer_current_language(pages)
    if filters.get("q"):
        pages = pages.filter(organisation__name__icontains=filters["q"])
    if filters.get("theme"):
        pages = pages.filter(themes__slug=filters["theme"])
    if filters.get("learning_line"):
        pages = pages.filter(learning_lines__slug=filters["learning_line"])
    return (pages.select_related("organisation", "organisation__logo")
            .prefetch_related("themes").order_by("organisation__name"))


def directory_context(request):
    options = filter_options()
    form = FilterForm(request.GET, ["q", "theme", "learning_line"], options)
    listing = paginate(request, directory_pages(request.user, form.active_filters()), 24)
    return _listing_context(request, form, listing)


# --- Publication listings ---------------------------------------------------------------

LISTING_FILTERS = {
    "news": ["organisation", "theme", "learning_line"],
    "impact_story": ["organisation", "theme", "sdg", "country", "learning_line"],
    "vacancy": ["organisation", "theme"],
}


def publication_model(kind):
    from memberhub.models import ImpactStoryPage, NewsPage, VacancyPage

    return {"news": NewsPage, "impact_story": ImpactStoryPage, "vacancy": VacancyPage}[kind]


def publications(user, kind, filters):
    """Published items of one kind across all organisations, as the user may see them,
    in the current language where translated: newest first (vacancies: open ones only,
    closing soonest first)."""
    model = publication_model(kind)
    pages = prefer_current_language(visible_pages(user, model.objects.all()))
    if filters.get("organisation"):
        pages = pages.filter(organisation__slug=filters["organisation"])
    if filters.get("theme"):
        pages = pages.filter(themes__slug=filters["theme"])
    if filters.get("learning_line"):
        pages = pages.filter(learning_lines__slug=filters["learning_line"])
    if filters.get("sdg"):
        pages = pages.filter(sdgs__number=filters["sdg"])
    if filters.get("country"):
        pages = pages.filter(country__code=filters["country"])
    pages = pages.select_related("organisation")
    if kind == "vacancy":
        return pages.filter(closing_date__gte=timezone.localdate()).order_by(
            "closing_date", "title")
    if kind == "impact_story":
        pages = pages.select_related("country")
    return pages.order_by("-first_published_at", "-pk")


def publication_context(request, kind, per_page=12):
    options = filter_options()
    form = FilterForm(request.GET, LISTING_FILTERS[kind], options)
    filters = form.active_filters()
    items = publications(request.user, kind, filters)
    # The count (a scan of every item of the kind) is remembered until content changes;
    # open vacancies also depend on the date.
    count = cached_for_content(
        "publication-count",
        (audience_key(request.user), get_language(), kind, sorted(filters.items()),
         timezone.localdate().isoformat() if kind == "vacancy" else ""),
        items.count)
    return _listing_context(request, form, paginate(request, items, per_page, count=count))


# --- Organisation page ------------------------------------------------------------------


ORGANISATION_PAGE_ITEMS = 20


def organisation_page_context(request, page):
    """The latest items of the organisation (the section listings, filtered on it, have
    them all) and its themes and learning lines (cached until the page is saved)."""
    items = (visible_pages(request.user, Page.objects.child_of(page))
             .select_related("content_type").order_by("-first_published_at", "-pk"))
    return {
        "organisation": page.organisation,
        **organisation_page_labels(page),
        "items": list(items[:ORGANISATION_PAGE_ITEMS]),
        "section_links": section_links(),
    }


def organisation_page_labels(page):
    version = cache.get(FILTER_CACHE_VERSION_KEY, 0)
    key = f"memberhub:organisation-labels:{version}:{page.pk}:{get_language()}"
    labels = cache.get(key)
    if labels is None:
        options = filter_options()
        slugs = set(page.learning_lines.values_list("slug", flat=True))
        labels = {
            "themes": [theme.label for theme in page.themes.all()],
            "learning_lines": [
                {"title": title, "url": options["learning_line_urls"].get(slug)}
                for slug, title in options["learning_line"] if slug in slugs
            ],
        }
        cache.set(key, labels, FILTER_CACHE_TIMEOUT)
    return labels


def section_links():
    """Links to the section listings (contract URLs) in the current language."""
    prefix = "/en" if get_language() == "en" else ""
    return [
        {"url": f"{prefix}/nieuws/", "label": _("news")},
        {"url": f"{prefix}/impactverhalen/", "label": _("impact stories")},
        {"url": f"{prefix}/vacatures/", "label": _("vacancies")},
        {"url": f"{prefix}/agenda/", "label": _("agenda")},
    ]


# --- Agenda -----------------------------------------------------------------------------


def member_event_entries(user, start=None, end=None, limit=None):
    """Agenda source for member events and the association's own (register_agenda_source).

    Entries overlapping [start, end) that the user may see, in the current language,
    soonest first, at most ``limit``."""
    from memberhub.models import EventPage

    events = prefer_current_language(visible_pages(user, EventPage.objects.all()))
    if start is not None:
        events = events.filter(end__gte=start)
    if end is not None:
        events = events.filter(start__lt=end)
    events = events.select_related("organisation").prefetch_related(
        "themes", "learning_lines").order_by("start", "pk")
    if limit is not None:
        events = events[:limit]
    return [event_agenda_entry(event) for event in events]


def event_agenda_entry(event):
    """The agenda entry of one member event (the agenda, /agenda.ics and its own .ics)."""
    location = event.location or (str(_("Online")) if event.online_url else "")
    return AgendaEntry(
        uid=calendar_uid("memberhub-event", event.translation_key),
        title=event.title,
        url=event.url or "",
        start=event.start,
        end=event.end,
        timezone=event.timezone,
        location=location,
        online=bool(event.online_url),
        kind="event",
        kind_label=str(_("Event")),
        description=event.summary,
        organisations=(event.organisation.name,) if event.organisation_id else (),
        learning_line=", ".join(line.title for line in event.learning_lines.all()),
        page_id=event.pk,
        extra={
            "themes": tuple(theme.slug for theme in event.themes.all()),
            "learning_lines": tuple(line.slug for line in event.learning_lines.all()),
            "organiser": event.organiser_name,
        },
    )


def _entry_matches(entry, filters, organisation_names, line_titles):
    if filters.get("organisation") and organisation_names.get(
            filters["organisation"]) not in entry.organisations:
        return False
    if filters.get("theme") and filters["theme"] not in entry.extra.get("themes", ()):
        return False
    line = filters.get("learning_line") or filters.get("line")
    if line:
        slugs = entry.extra.get("learning_lines", ())
        title = line_titles.get(line, line)
        if line not in slugs and entry.learning_line != title \
                and title not in entry.learning_line.split(", "):
            return False
    if filters.get("track") and entry.track != filters["track"]:
        return False
    if filters.get("format") and entry.format != filters["format"]:
        return False
    if filters.get("month"):
        local = entry.start.astimezone(timezone.get_current_timezone())
        if f"{local.year:04d}-{local.month:02d}" != filters["month"]:
            return False
    return True


def agenda_context(request, per_page=20):
    """/agenda/: upcoming entries (or, with ?when=past, past ones, most recent first)
    from every agenda source, filtered on the entries' own attributes."""
    now = timezone.now()
    past = request.GET.get("when") == "past"
    entries = agenda_entries(request.user, end=now) if past else agenda_entries(
        request.user, start=now)
    if past:
        entries = [entry for entry in entries if entry.end < now]
        entries.reverse()
    else:
        entries = [entry for entry in entries if entry.end >= now]
    options = filter_options()
    extra = {
        "track": sorted({(e.track, e.track.capitalize()) for e in entries if e.track}),
        "format": sorted({(e.format, e.format.replace("_", " ").capitalize())
                          for e in entries if e.format}),
        "month": sorted({_month_choice(e.start) for e in entries}, reverse=past),
    }
    form = FilterForm(request.GET, ["organisation", "theme", "learning_line", "track",
                                    "format", "month"], options, extra)
    filters = form.active_filters()
    organisation_names = dict(options["organisation"])
    line_titles = dict(options["learning_line"])
    entries = [entry for entry in entries
               if _entry_matches(entry, filters, organisation_names, line_titles)]
    context = _listing_context(request, form, paginate(request, entries, per_page))
    context["past"] = past
    return context


def _month_choice(moment):
    from django.utils.formats import date_format

    local = moment.astimezone(timezone.get_current_timezone())
    return (f"{local.year:04d}-{local.month:02d}", date_format(local, "F Y"))
