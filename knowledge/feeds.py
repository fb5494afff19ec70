"""Atom feed of new public knowledge items (/kennisbank/feed/)."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from knowledge.selectors import public_items

FEED_SIZE = 30


class KnowledgeItemFeed(Feed):
    """The newest public items, whoever asks: a feed is read by feed readers and
    aggregators without a session, so it never holds member-only items."""

    feed_type = Atom1Feed

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page
        self.request = None

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return _("New in the knowledge base")

    def subtitle(self):
        return _("Publications, tools and position papers by the association and its members.")

    def link(self):
        return self.index_page.get_url(request=self.request)

    def feed_url(self):
        return self.index_page.get_url(request=self.request) + \
            self.index_page.reverse_subpage("feed")

    def items(self):
        return list(
            public_items()
            .order_by("-first_published_at", "-pk")
            .prefetch_related("authoring_organisations")[:FEED_SIZE]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_url(request=self.request)

    def item_guid(self, item):
        return f"tag:{self.request.get_host().split(':')[0]},2026:knowledge-item-{item.pk}"

    def item_guid_is_permalink(self, item):
        return False

    def item_pubdate(self, item):
        return item.first_published_at or _midday(item.publication_date)

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)

    def item_author_name(self, item):
        names = [org.name for org in item.authoring_organisations.all()]
        if item.other_authors:
            names.append(item.other_authors)
        return ", ".join(names) or None

    def item_categories(self, item):
        return [item.get_kind_display()]


def _midday(date):
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time(12)))
