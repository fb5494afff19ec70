from django.contrib.auth.models import AnonymousUser
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from portal import languages
from portal.selectors import site_pages
from portal.visibility import visible_pages


class PortalSitemap(Sitemap):
    """Public live pages of the site in every language (Wagtail's default covers one tree),
    each with its ``hreflang`` alternates: for every language the page's translation, or
    where there is none the address at which that language's site shows this page (the
    fallback, portal/languages.py); ``x-default`` is the default language's version."""

    def items(self):
        return (
            visible_pages(AnonymousUser(), site_pages(self.get_wagtail_site()))
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        versions = self._versions(pages)
        urls, last_mods = [], set()
        for item in pages:
            lastmod = item.last_published_at or item.latest_revision_created_at
            location = languages.full_address_in_language(
                item, languages.language_of(item), self.request)
            if not location:
                continue
            own = versions.get(item.translation_key, {})
            alternates = []
            for code in languages.language_codes():
                version = own.get(code)
                if version is None:  # the fallback: the default language's version, or this
                    version = own.get(languages.default_language(), item)
                alternates.append({
                    "lang_code": code,
                    "location": languages.full_address_in_language(version, code,
                                                                   self.request)})
            default = own.get(languages.default_language(), item)
            alternates.append({
                "lang_code": "x-default",
                "location": languages.full_address_in_language(
                    default, languages.language_of(default), self.request)})
            urls.append({"item": item, "location": location, "lastmod": lastmod,
                         "alternates": [alt for alt in alternates if alt["location"]]})
            last_mods.add(lastmod)
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls

    def _versions(self, pages):
        """{translation_key: {language: page}} of the public live versions of these pages
        (one query beyond the pages themselves)."""
        keys = {page.translation_key for page in pages}
        versions = {}
        others = (visible_pages(AnonymousUser(), Page.objects.filter(translation_key__in=keys))
                  .defer_streamfields().specific())
        for version in others:
            versions.setdefault(version.translation_key, {})[
                languages.language_of(version)] = version
        return versions
