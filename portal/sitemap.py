from django.contrib.auth.models import AnonymousUser
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from portal.visibility import visible_pages


class PortalSitemap(Sitemap):
    """Public live pages of the site in every language (Wagtail's default covers one tree)."""

    def items(self):
        site = self.get_wagtail_site()
        roots = [site.root_page, *site.root_page.get_translations()]
        pages = Page.objects.none()
        for root in roots:
            pages |= Page.objects.descendant_of(root, inclusive=True)
        return (
            visible_pages(AnonymousUser(), pages)
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
