"""Atom feeds of news, impact stories and the agenda: public content only.

A feed is read by feed readers and aggregators without a session and is cached for
visitors, so it is always built as an anonymous visitor sees the site."""

from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page

from mailings.selectors import model_or_none
from portal.text import plain_text
from portal.visibility import visible_pages

FEED_SIZE = 30


class PortalFeed(Feed):
    feed_type = Atom1Feed
    section_slug = ""

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def section(self):
        from portal.selectors import current_locale
        from portal.site_structure import section

        try:
            return section(self.section_slug, current_locale().language_code)
        except Exception:  # no site, no section (yet)
            return None

    def link(self):
        page = self.section()
        return page.get_url(request=self.request) if page else "/"

    def feed_url(self):
        return self.request.path

    def item_link(self, item):
        return item.get_url(request=self.request)

    def item_guid(self, item):
        host = self.request.get_host().split(":")[0]
        return f"tag:{host},2026:{self.section_slug}-{item.translation_key}-" \
               f"{item.locale.language_code}"

    def item_guid_is_permalink(self, item):
        return False


class PublicationFeed(PortalFeed):
    model_label = ""

    def get_object(self, request, *args, **kwargs):
        if model_or_none(self.model_label) is None:
            raise Http404
        return None

    def items(self):
        from portal.selectors import prefer_current_language

        model = model_or_none(self.model_label)
        pages = prefer_current_language(visible_pages(AnonymousUser(), model.objects.all()))
        related = ["locale"]
        if any(field.name == "organisation" for field in model._meta.get_fields()):
            related.append("organisation")  # the item's author, without a query per item
        return list(pages.select_related(*related)
                    .order_by("-first_published_at", "-pk")[:FEED_SIZE])

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return getattr(item, "summary", "")

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.first_published_at

    def item_author_name(self, item):
        organisation = getattr(item, "organisation", None)
        return organisation.name if organisation else None


class NewsFeed(PublicationFeed):
    model_label = "memberhub.NewsPage"
    section_slug = "nieuws"
    title = gettext_lazy("News from the association and its members")
    subtitle = gettext_lazy("The newest public news items.")


class ImpactStoryFeed(PublicationFeed):
    model_label = "memberhub.ImpactStoryPage"
    section_slug = "impactverhalen"
    title = gettext_lazy("Impact stories")
    subtitle = gettext_lazy("What our members' work changes, told by them and their partners.")


class AgendaFeed(PortalFeed):
    """Upcoming public agenda entries (member events and learning-line sessions)."""

    section_slug = "agenda"
    title = gettext_lazy("Agenda")
    subtitle = gettext_lazy("Upcoming public meetings of the association, the learning "
                            "lines and the members.")

    def items(self):
        from django.utils import timezone

        from portal.agenda import agenda_entries

        entries = [entry for entry in agenda_entries(AnonymousUser(), start=timezone.now(),
                                                     limit=FEED_SIZE)
                   if entry.page_id]
        # The entries come from visible_pages(AnonymousUser()); read their pages once for
        # the publication dates, again only as a visitor sees them.
        pages = {page.pk: page for page in
                 visible_pages(AnonymousUser(), Page.objects.filter(
                     pk__in=[entry.page_id for entry in entries])).select_related("locale")}
        items = []
        for entry in entries:
            page = pages.get(entry.page_id)
            if page is not None:
                items.append((entry, page))
        return items

    def item_title(self, item):
        entry, _page = item
        return entry.title

    def item_description(self, item):
        from django.utils.formats import date_format
        from django.utils.timezone import localtime

        entry, _page = item
        when = date_format(localtime(entry.start), "DATETIME_FORMAT")
        where = _("online") if entry.online and not entry.location else entry.location
        parts = [when, where, plain_text(entry.description)]
        return " · ".join(part for part in parts if part)

    def item_link(self, item):
        entry, _page = item
        return self.request.build_absolute_uri(entry.url)

    def item_guid(self, item):
        entry, _page = item
        return entry.uid

    def item_pubdate(self, item):
        _entry, page = item
        return page.first_published_at

    def item_updateddate(self, item):
        _entry, page = item
        return page.last_published_at or page.first_published_at

    def item_categories(self, item):
        entry, _page = item
        return [entry.kind_label] if entry.kind_label else []
