"""Reads for the site shell: navigation, breadcrumbs, home page sections."""

import operator
from functools import reduce

from django.conf import settings
from django.db.models import Q
from wagtail.models import Locale, Page

from portal.visibility import visible_pages

_locales = {}


def locale_for(language_code):
    """The Locale for a language code, remembered for the life of the process (locales
    are set up once; a change to them clears this, see portal.signal_handlers)."""
    if language_code not in _locales:
        _locales[language_code] = Locale.objects.filter(language_code=language_code).first()
    return _locales[language_code]


def forget_locales(*args, **kwargs):
    _locales.clear()


def current_locale():
    from django.utils.translation import get_language

    return locale_for(get_language()) or Locale.get_default()


def localized_pages(pages, user):
    """The given pages in the current language where a visible translation exists,
    keeping their order and dropping those the user may not see. Two queries."""
    pages = [page for page in pages if page is not None]
    if not pages:
        return []
    locale = current_locale()
    keys = [page.translation_key for page in pages]
    candidates = visible_pages(user, Page.objects.filter(translation_key__in=keys))
    by_key = {}
    for page in candidates:
        if page.locale_id == locale.id or page.translation_key not in by_key:
            by_key[page.translation_key] = page
    return [by_key[key] for key in keys if key in by_key]


NAVIGATION_GENERATION_KEY = "portal:navigation:generation"


def bump_navigation():
    """Forget cached menus (a page or the navigation setting changed)."""
    from portal.cache import bump_generation

    bump_generation(NAVIGATION_GENERATION_KEY)


def main_navigation(site, user):
    """The menu pages in the current language that the user may see. For visitors the
    result is cached until a page or the navigation setting changes."""
    from django.core.cache import cache
    from django.utils.translation import get_language

    from portal.models import NavigationSettings

    key = None
    if not user.is_authenticated and site is not None:
        try:
            generation = cache.get(NAVIGATION_GENERATION_KEY) or 0
            key = f"portal:navigation:{site.pk}:{get_language()}:{generation}"
            cached = cache.get(key)
        except Exception:
            key, cached = None, None
        if cached is not None:
            return cached
    settings = NavigationSettings.for_site(site)
    pages = [block.value for block in settings.items if block.value is not None]
    if not pages and site is not None:
        pages = list(site.root_page.get_children().in_menu())
    result = localized_pages(pages, user)
    if key is not None:
        try:
            cache.set(key, result, 3600)
        except Exception:  # noqa: S110  # nosec B110 (no cache: computed again)
            pass
    return result


def current_section(items, current):
    """(item, is_current, is_page) for each menu page: the section ``current`` belongs to.

    A page names its section with ``navigation_section`` ("app_label.Model" of the section's
    index page) when it lives elsewhere in the tree: a news item sits under its organisation
    in /leden/ but belongs to /nieuws/. Otherwise the section is the menu page it sits under.
    """
    section_model = getattr(current, "navigation_section", "") if current is not None else ""
    by_section = []
    if section_model:
        by_section = [item for item in items
                      if item.specific_class._meta.label == section_model]
    path = current.path if current is not None else ""
    result = []
    for item in items:
        if by_section:
            is_current = item in by_section
        else:
            is_current = bool(path) and path.startswith(item.path)
        result.append((item, is_current, current is not None and item.pk == current.pk))
    return result


def breadcrumbs(page, user):
    """Ancestors below the tree root that the user may see, root-first, each in the
    current language where a visible translation exists (a Dutch page shown on the English
    site has English crumbs above it). One query."""
    keys = page.get_ancestors().filter(depth__gt=1).values("translation_key")
    versions = visible_pages(user, Page.objects.filter(translation_key__in=keys))
    return list(prefer_current_language(versions).order_by("depth"))


def home_sections(home, user):
    """The section pages directly below the home page, for the home page's cards
    (generic pages: title and search description, in one query; remembered until
    content changes)."""
    from portal.cache import audience_key, cached_for_content

    return cached_for_content(
        "home-sections", (audience_key(user), home.pk),
        lambda: list(visible_pages(user, home.get_children()).order_by("path")))


def prefer_current_language(queryset):
    """One version of each page: its translation in the current language where one exists,
    else the original in the default language, else whatever version exists. Stays a
    queryset (one SQL query, composable with filters, counts and pagination)."""
    from django.db.models import Exists, OuterRef, Q

    active = current_locale()
    default = locale_for(settings.LANGUAGE_CODE) or Locale.get_default()

    def has_version_in(locale):
        # Correlated on (translation_key, locale), which Wagtail keeps unique and indexed,
        # so only rows of other languages pay for it; a NOT IN list of every key would be
        # built in full on each query (70 ms for 20k pages).
        return Exists(queryset.filter(locale=locale, translation_key=OuterRef("translation_key")))

    if active.id == default.id:
        return queryset.filter(Q(locale=active) | ~has_version_in(active))
    return queryset.filter(
        Q(locale=active)
        | (~has_version_in(active) & Q(locale=default))
        | (~has_version_in(active) & ~has_version_in(default))
    )


HIGHLIGHTS = [
    # (key, app label, model, number shown)
    ("news", "memberhub", "NewsPage", 3),
    ("knowledge", "knowledge", "KnowledgeItemPage", 3),
    ("stories", "memberhub", "ImpactStoryPage", 2),
]


def home_highlights(user):
    """Latest news, knowledge and impact stories and the next agenda entries the user may
    see, for the home page: one query per kind plus the agenda sources, remembered per
    audience until content changes or a minute passes (the agenda moves with the clock)."""
    from django.utils.translation import get_language

    from portal.cache import audience_key, cached_for_content

    return cached_for_content("home-highlights", (audience_key(user), get_language()),
                              lambda: _home_highlights(user), timeout=60)


def _home_highlights(user):
    from django.apps import apps
    from django.utils import timezone

    from portal.agenda import agenda_entries

    highlights = {}
    for key, app_label, model_name, count in HIGHLIGHTS:
        try:
            model = apps.get_model(app_label, model_name)
        except LookupError:
            continue
        pages = prefer_current_language(visible_pages(user, model.objects.all()))
        highlights[key] = list(pages.order_by("-first_published_at")[:count])
    highlights["agenda"] = agenda_entries(user, start=timezone.now(), limit=3)
    return highlights


def site_pages(site, queryset=None):
    """The pages (of ``queryset``) in the site's trees in every language: its root page and
    the root's translations, each with its descendants (one query for the translations)."""
    queryset = Page.objects.all() if queryset is None else queryset
    roots = [site.root_page, *site.root_page.get_translations()]
    return queryset.filter(reduce(operator.or_, (Q(path__startswith=root.path)
                                                 for root in roots)))
