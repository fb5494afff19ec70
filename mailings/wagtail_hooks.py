from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, UpdatedAtColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from mailings import admin_views, selectors, services
from mailings.feeds import AgendaFeed, ImpactStoryFeed, NewsFeed
from mailings.mijn import mijn_panel
from mailings.models import EmailAddressStatus, Mailing
from mailings.permissions import can_compose
from portal.languages import visitor_language
from portal.measures import COUNT, Measure, target_threshold

hooks.register("register_mijn_panel", mijn_panel)


# --- Admin: mailings and bounced addresses ----------------------------------------------


class MailingViewSet(SnippetViewSet):
    model = Mailing
    icon = "mail"
    admin_url_namespace = "mailings_mailing"
    base_url_path = "mailings/mailing"
    list_display = ["subject", Column("status", label=gettext_lazy("Status"),
                                      accessor="get_status_display"),
                    "sent_at", UpdatedAtColumn()]
    list_filter = ["status", "language"]
    copy_view_enabled = False
    add_view_class = admin_views.MailingCreateView
    edit_view_class = admin_views.MailingEditView

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("preview-html/<int:pk>/", admin_views.PreviewView.as_view(mode="html"),
                 name="preview_html"),
            path("preview-text/<int:pk>/", admin_views.PreviewView.as_view(mode="text"),
                 name="preview_text"),
            path("send-test/<int:pk>/", admin_views.SendTestView.as_view(), name="send_test"),
            path("send/<int:pk>/", admin_views.SendView.as_view(), name="send"),
            path("progress/<int:pk>/", admin_views.ProgressView.as_view(), name="progress"),
        ]


class EmailAddressStatusViewSet(SnippetViewSet):
    model = EmailAddressStatus
    icon = "warning"
    admin_url_namespace = "mailings_addresses"
    base_url_path = "mailings/addresses"
    menu_label = gettext_lazy("Bounced addresses")
    list_display = ["email", "invalid", "reason", "marked_at"]
    list_filter = ["invalid"]
    search_fields = ["email", "reason"]
    copy_view_enabled = False


class MailingsViewSetGroup(SnippetViewSetGroup):
    items = (MailingViewSet, EmailAddressStatusViewSet)
    menu_icon = "mail"
    menu_label = gettext_lazy("Mailings")
    menu_order = 260


register_snippet(MailingsViewSetGroup)


@hooks.register("register_snippet_listing_buttons")
def mailing_listing_buttons(snippet, user, next_url=None):
    if isinstance(snippet, Mailing) and can_compose(user):
        return admin_views.mailing_buttons(snippet, user)
    return []


# --- Dashboard: mailings this year against the target -------------------------------------


class MailingTargetPanel(Component):
    name = "mailing_target"
    order = 160
    template_name = "mailings/admin/mailing_target_panel.html"

    def get_context_data(self, parent_context):
        year = timezone.localdate().year
        mailings = list(selectors.mailings_sent_in_year(year).order_by("sent_at")
                        .values("subject", "sent_at", "recipient_count"))
        threshold = target_threshold(selectors.MEMBER_MAILINGS_KEY, year)
        target = None if threshold is None else int(threshold)
        return {
            "year": year,
            "total": len(mailings),
            "target": target,
            "percentage": min(100, round(100 * len(mailings) / target)) if target else 100,
            "mailings": mailings,
            "heading": _("Member mailings %(year)s") % {"year": year},
        }


@hooks.register("construct_homepage_panels")
def add_mailing_target_panel(request, panels):
    if can_compose(request.user):
        panels.append(MailingTargetPanel())


# --- Feeds: <link rel="alternate"> on the section pages -----------------------------------

FEEDS_BY_SECTION = {
    "NewsIndexPage": ("news_feed", NewsFeed.title),
    "ImpactStoryIndexPage": ("impact_story_feed", ImpactStoryFeed.title),
    "EventIndexPage": ("agenda_feed", AgendaFeed.title),
}


def _knowledge_links_its_own_feed():
    return any(getattr(provider, "__module__", "").startswith("knowledge")
               for provider in hooks.get_hooks("register_feed_links"))


@hooks.register("register_feed_links")
def section_feed_links(page, request):
    name = page.specific_class.__name__ if page.specific_class else ""
    if name in FEEDS_BY_SECTION:
        url_name, title = FEEDS_BY_SECTION[name]
        # The feed of the site being shown: a Dutch section under its English address
        # (the fallback) advertises the English feed.
        with translation.override(visitor_language(request)):
            return [{"title": str(title), "url": reverse(url_name)}]
    if name == "KnowledgeIndexPage" and not _knowledge_links_its_own_feed():
        specific = page.specific
        if hasattr(specific, "reverse_subpage"):
            url = specific.get_url(request=request)
            if url:
                return [{"title": _("New in the knowledge base"),
                         "url": url + specific.reverse_subpage("feed")}]
    return []


# --- Personal data (GDPR) ----------------------------------------------------------------


@hooks.register("register_personal_data_export")
def export_subscriptions(user):
    return services.export_personal_data(user)


@hooks.register("register_personal_data_erasure")
def erase_subscriptions(user):
    services.erase_personal_data(user)


# --- Scheduled work (portal/periodic.py) ---------------------------------------------


@hooks.register("register_periodic_jobs")
def mailings_periodic_jobs():
    from mailings.tasks import resume_mailings_task, send_digests_task
    from portal.periodic import PeriodicJob

    return [
        PeriodicJob("mailings.digests", gettext_lazy("Weekly digests"), send_digests_task,
                    "0 7 * * mon"),
        PeriodicJob("mailings.resume_mailings", gettext_lazy("Resume interrupted mailings"),
                    resume_mailings_task, "*/10 * * * *"),
    ]


@hooks.register("register_yearplan_measures")
def mailing_measures():
    return [Measure(selectors.MEMBER_MAILINGS_KEY, gettext_lazy("Member mailings sent"), COUNT,
                    selectors.mailings_sent_between)]
