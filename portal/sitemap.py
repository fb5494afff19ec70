"""/sitemap.xml: every public live page in every language, with its alternates.

Up to ``PortalSitemap.limit`` addresses it is one sitemap; beyond that ``/sitemap.xml`` is
a sitemap index whose entries are its own pages, ``/sitemap.xml?p=2`` and so on (Django's
sitemap view serves those), so no response grows with the site."""

from django.contrib.auth.models import AnonymousUser
from django.contrib.sitemaps.views import SitemapIndexItem, x_robots_tag
from django.template.response import TemplateResponse
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.models import Page

from portal import languages
from portal.selectors import site_pages
from portal.visibility import visible_pages


class PortalSitemap(Sitemap):
    """Public live pages of the site in every language (Wagtail's default covers one tree),
    each with its ``hreflang`` alternates: for every language the page's translation, or
    where there is none the address at which that language's site shows this page (the
    fallback, portal/languages.py); ``x-default`` is the default language's version.

    Plain ``Page`` rows, not each page's specific type: every address comes from the tree
    (``url_path``), so one query reads a sitemap page whatever the page types."""

    # Addresses per sitemap page (the protocol allows 50,000): a page stays quick to build
    # when the page cache has been emptied by a publish.
    limit = 5000

    def items(self):
        return (
            visible_pages(AnonymousUser(), site_pages(self.get_wagtail_site()))
            .order_by("path")
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
        others = visible_pages(AnonymousUser(), Page.objects.filter(translation_key__in=keys))
        for version in others:
            versions.setdefault(version.translation_key, {})[
                languages.language_of(version)] = version
        return versions


def sitemap(request):
    """/sitemap.xml: the sitemap, or once it has more than one page the index of its
    pages (``?p=`` asks for one page, as Django's sitemap view serves it)."""
    sitemaps = {"pages": PortalSitemap}
    if "p" not in request.GET:
        pages = PortalSitemap(request).paginator.num_pages
        if pages > 1:
            return _index(request, pages)
    return wagtail_sitemap(request, sitemaps)


@x_robots_tag
def _index(request, pages):
    base = request.build_absolute_uri(request.path)
    items = [SitemapIndexItem(f"{base}?p={number}") for number in range(1, pages + 1)]
    return TemplateResponse(request, "sitemap_index.xml", {"sitemaps": items},
                            content_type="application/xml")
