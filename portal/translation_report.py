"""Reports › Translations to sync: English pages whose Dutch source was published after
their last sync (docs/translation.md). wagtail-localize's own Translations report shows
what waits for translation once synced; this one shows what to sync first."""

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from portal.translation import translations_behind_their_source

TRANSLATE_PERMISSION = "wagtail_localize.submit_translation"


class TranslationsToSyncView(ReportView):
    page_title = _("Translations to sync")
    header_icon = "resubmit"
    index_url_name = "portal_translations_to_sync"
    index_results_url_name = "portal_translations_to_sync_results"
    columns = [
        TitleColumn("source", label=_("Page"), accessor="source.object_repr",
                    get_url=lambda translation: reverse(
                        "wagtail_localize:update_translations", args=[translation.source_id])),
        Column("target_locale", label=_("Translation"),
               accessor="target_locale.get_display_name"),
        DateColumn("source_published_at", label=_("Source published")),
        DateColumn("last_synced", label=_("Last synced"), accessor="source.last_updated_at"),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(TRANSLATE_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return translations_behind_their_source()
