"""Reads behind the public listings: /leden/, /nieuws/, /impactverhalen/, /vacatures/,
/agenda/ and each organisation page.

Every listing goes through portal.visibility.visible_pages and runs a fixed number of
queries whatever the number of items; the lists behind the filter menus are cached.
"""

from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from portal.agenda import AgendaSource, scheduled_page_entry
from portal.cache import (
    audience_key,
    bump_generation,
    cached_for_content,
    current_generation,
)
from portal.filters import FilterForm, listing_context
from portal.pagination import paginate
from portal.selectors import prefer_current_language
from portal.visibility import visible_pages

FILTER_CACHE_VERSION_KEY = "memberhub:filter-options:version"
FILTER_CACHE_TIMEOUT = 300


# --- Filter menus -----------------------------------------------------------------------


def invalidate_filter_options(**kwargs):
    bump_generation(FILTER_CACHE_VERSION_KEY)


def filter_options():
    """Choices for the filter menus in the current language (cached; the cache is reset
    whenever organisations, themes, SDGs, countries or learning lines change)."""
    version = current_generation(FILTER_CACHE_VERSION_KEY)
    key = f"memberhub:filter-options:{version}:{get_language()}"
    options = cache.get(key)
    if options is None:
        options = _load_filter_options()
        cache.set(key, options, FILTER_CACHE_TIMEOUT)
    return options


def _load_filter_options():
    from memberhub.models import MemberOrganisation, OrganisationPage
    from portal.models import Country, SustainableDevelopmentGoal, ThemeTag

    # The learning lines are the pages memberhub's content may take part in (the model
    # its learning_lines fields point to), so memberhub needs no import of that app.
    learning_line_model = OrganisationPage._meta.get_field("learning_lines").related_model
    lines = prefer_current_language(
        visible_pages(AnonymousUser(), learning_line_model.objects.all())).order_by("title")
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


# Each filter of a page listing and the lookup it applies.
PAGE_FILTER_LOOKUPS = {
    "q": "organisation__name__icontains",
    "organisation": "organisation__slug",
    "theme": "themes__slug",
    "learning_line": "learning_lines__slug",
    "sdg": "sdgs__number",
    "country": "country__code",
}


def filtered_pages(pages, filters):
    """``pages`` narrowed by each active filter (a form only offers the ones that fit)."""
    for name, lookup in PAGE_FILTER_LOOKUPS.items():
        if filters.get(name):
            pages = pages.filter(**{lookup: filters[name]})
    return pages


# --- Member directory -------------------------------------------------------------------


def directory_pages(user, filters):
    from memberhub.models import OrganisationPage

    pages = visible_pages(user, OrganisationPage.objects.filter(organisation__active=True))
    pages = filtered_pages(prefer_current_language(pages), filters)
    return (pages.select_related("organisation", "organisation__logo")
            .prefetch_related("themes").order_by("organisation__name"))


def directory_context(request):
    options = filter_options()
    form = FilterForm(request.GET, ["q", "theme", "learning_line"], options)
    listing = paginate(request, directory_pages(request.user, form.active_filters()), 24)
    return listing_context(request, form, listing)


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
    pages = filtered_pages(prefer_current_language(visible_pages(user, model.objects.all())),
                           filters)
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
    return listing_context(request, form, paginate(request, items, per_page, count=count))


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
    version = current_generation(FILTER_CACHE_VERSION_KEY)
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
# /agenda/ itself is portal.agenda.agenda_context (EventIndexPage); memberhub feeds it
# member events through the register_agenda_source hook (memberhub/wagtail_hooks.py).


class MemberEventSource(AgendaSource):
    """Member events and the association's own on the agenda (register_agenda_source)."""

    def visible(self, user):
        from memberhub.models import EventPage

        return prefer_current_language(visible_pages(user, EventPage.objects.all()))

    def narrow(self, queryset, filters):
        from memberhub.models import EventPage

        if filters.get("track") or filters.get("format"):
            return None  # events have neither
        if filters.get("organisation"):
            queryset = queryset.filter(organisation__slug=filters["organisation"])
        if filters.get("theme"):
            queryset = queryset.filter(themes__slug=filters["theme"])
        if filters.get("learning_line"):
            # Either language version of the line (an event may name the Dutch one).
            line_model = EventPage._meta.get_field("learning_lines").related_model
            keys = line_model.objects.filter(slug=filters["learning_line"]).values(
                "translation_key")
            queryset = queryset.filter(pk__in=EventPage.objects.filter(
                learning_lines__translation_key__in=keys).values("pk"))
        return queryset

    def entries(self, rows):
        rows = rows.select_related("organisation").prefetch_related("themes", "learning_lines")
        return [event_agenda_entry(event) for event in rows]


def event_agenda_entry(event):
    """The agenda entry of one member event (the agenda, /agenda.ics and its own .ics)."""
    lines = event.learning_lines.all()
    return scheduled_page_entry(
        event, "memberhub-event",
        location=event.location or (str(_("Online")) if event.online_url else ""),
        online=bool(event.online_url),
        kind="event",
        kind_label=str(_("Event")),
        description=event.summary,
        organisations=(event.organisation.name,) if event.organisation_id else (),
        learning_line=", ".join(line.title for line in lines),
        extra={
            "themes": tuple(theme.slug for theme in event.themes.all()),
            "learning_lines": tuple(line.slug for line in lines),
            "organiser": event.organiser_name,
        },
    )
