"""Atom feeds under the section pages (included before Wagtail's page serving)."""

from django.urls import path

from mailings.feeds import AgendaFeed, ImpactStoryFeed, NewsFeed


def feed_view(feed_class):
    """A fresh feed object per request: the feed keeps the request while it renders."""

    def view(request, *args, **kwargs):
        return feed_class()(request, *args, **kwargs)

    view.__name__ = f"{feed_class.__name__}_view"
    return view


urlpatterns = [
    path("nieuws/feed/", feed_view(NewsFeed), name="news_feed"),
    path("impactverhalen/feed/", feed_view(ImpactStoryFeed), name="impact_story_feed"),
    path("agenda/feed/", feed_view(AgendaFeed), name="agenda_feed"),
]
