from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal.access import turn_away_from_restricted_documents, turn_away_signed_in_non_members
from portal.models import Country, SustainableDevelopmentGoal, ThemeTag

# A signed-in person who may not see a members-only page is told why (403), instead of
# Wagtail's redirect to the login page, which sends them straight back (a loop).
hooks.register("before_serve_page", turn_away_signed_in_non_members)
# The same for documents in a restricted collection, before Wagtail's own check.
hooks.register("before_serve_document", turn_away_from_restricted_documents, order=-10)


def vocabulary_viewset(model, icon, menu_label, list_display, search_fields):
    """The admin's listing of one vocabulary (a snippet)."""
    return type(f"{model.__name__}ViewSet", (SnippetViewSet,), {
        "model": model, "icon": icon, "menu_label": menu_label,
        "list_display": list_display, "search_fields": search_fields})


ThemeTagViewSet = vocabulary_viewset(ThemeTag, "tag", _("Themes"), ["name", "name_en", "slug"],
                                     ["name", "name_en"])
SDGViewSet = vocabulary_viewset(SustainableDevelopmentGoal, "globe", _("SDGs"),
                                ["number", "name_nl", "name_en"], ["name_nl", "name_en"])
CountryViewSet = vocabulary_viewset(Country, "site", _("Countries and regions"),
                                    ["name_nl", "name_en", "code", "is_region"],
                                    ["name_nl", "name_en", "code"])


class VocabularyViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Vocabularies")
    menu_icon = "tag"
    menu_order = 260
    items = (ThemeTagViewSet, SDGViewSet, CountryViewSet)


register_snippet(VocabularyViewSetGroup)


# --- Documents and images: who may download them, who sees them in the admin ------------


@hooks.register("before_serve_document")
def documents_follow_their_pages(document, request):
    """A document is served to whoever may see a page that uses it (portal/media.py)."""
    from portal.media import may_download
    from portal.media_views import refuse

    if not may_download(request.user, document):
        return refuse(request)
    return None


@hooks.register("construct_admin_api", order=100)
def scoped_media_admin_api(router):
    """The admin API lists only the documents and images the user manages (after
    Wagtail's own endpoints are registered, which list every file)."""
    from portal.admin_scoping import ScopedDocumentsAdminAPIViewSet, ScopedImagesAdminAPIViewSet

    router.register_endpoint("documents", ScopedDocumentsAdminAPIViewSet)
    router.register_endpoint("images", ScopedImagesAdminAPIViewSet)


@hooks.register("construct_page_chooser_queryset")
def page_chooser_without_other_organisations_drafts(pages, request):
    from portal.admin_scoping import narrow_page_chooser

    return narrow_page_chooser(pages, request)


# --- Scheduled work (portal/periodic.py) ---------------------------------------------


@hooks.register("register_periodic_jobs")
def portal_periodic_jobs():
    from portal.mail import retry_due_emails_task
    from portal.periodic import PeriodicJob
    from portal.tasks import publish_scheduled_task

    return [
        PeriodicJob("portal.queued_emails", _("Retry queued e-mails"),
                    retry_due_emails_task, "*/5 * * * *"),
        PeriodicJob("portal.publish_scheduled", _("Scheduled publishing and expiry"),
                    publish_scheduled_task, "*/5 * * * *"),
    ]


@hooks.register("register_admin_urls")
def register_scheduled_work_url():
    from django.urls import path

    from portal.periodic_admin import scheduled_work

    return [path("reports/scheduled-work/", scheduled_work, name="portal_scheduled_work")]


@hooks.register("register_reports_menu_item")
def register_scheduled_work_menu_item():
    from django.urls import reverse

    from portal.periodic_admin import ScheduledWorkMenuItem

    return ScheduledWorkMenuItem(_("Scheduled work"), reverse("portal_scheduled_work"),
                                 icon_name="time", order=710)


@hooks.register("register_admin_urls")
def register_translation_report_urls():
    from django.urls import path

    from portal.translation_report import TranslationsToSyncView

    return [
        path("reports/translations-to-sync/", TranslationsToSyncView.as_view(),
             name="portal_translations_to_sync"),
        path("reports/translations-to-sync/results/",
             TranslationsToSyncView.as_view(results_only=True),
             name="portal_translations_to_sync_results"),
    ]


@hooks.register("register_reports_menu_item")
def register_translation_report_menu_item():
    from django.urls import reverse
    from wagtail.admin.menu import MenuItem

    from portal.translation_report import TRANSLATE_PERMISSION

    class TranslationsToSyncMenuItem(MenuItem):
        def is_shown(self, request):
            return request.user.has_perm(TRANSLATE_PERMISSION)

    return TranslationsToSyncMenuItem(_("Translations to sync"),
                                      reverse("portal_translations_to_sync"),
                                      icon_name="resubmit", order=9001)
