"""Reads for the site shell: navigation, breadcrumbs, home page sections."""

from wagtail.models import Locale, Page

from portal.visibility import visible_pages


def current_locale():
    return Locale.get_active()


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


def main_navigation(site, user):
    from portal.models import NavigationSettings

    settings = NavigationSettings.for_site(site)
    pages = [block.value for block in settings.items if block.value is not None]
    if not pages and site is not None:
        pages = list(site.root_page.get_children().in_menu())
    return localized_pages(pages, user)


def breadcrumbs(page, user):
    """Ancestors below the tree root that the user may see, root-first."""
    ancestors = page.get_ancestors().filter(depth__gt=1)
    return list(visible_pages(user, ancestors).order_by("depth"))


def home_sections(home, user):
    """The section pages directly below the home page, for the home page's cards."""
    return list(visible_pages(user, home.get_children()).specific().order_by("path"))


def prefer_current_language(queryset):
    """One version of each page: its translation in the current language where one exists,
    else the original in the default language, else whatever version exists. Stays a
    queryset (one SQL query, composable with filters, counts and pagination)."""
    from django.db.models import Q

    active = Locale.get_active()
    default = Locale.get_default()
    active_keys = queryset.filter(locale=active).values("translation_key")
    if active.id == default.id:
        return queryset.filter(Q(locale=active) | ~Q(translation_key__in=active_keys))
    default_keys = queryset.filter(locale=default).values("translation_key")
    return queryset.filter(
        Q(locale=active)
        | (~Q(translation_key__in=active_keys) & Q(locale=default))
        | (~Q(translation_key__in=active_keys) & ~Q(translation_key__in=default_keys))
    )
