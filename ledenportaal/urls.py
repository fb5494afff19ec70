from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.documents import urls as wagtaildocs_urls

from memberhub.accounts import PortalLoginView, PortalPasswordResetView
from memberhub.feeds import agenda_ics
from portal.admin_scoping import ScopedPageChooserBrowseView, ScopedPageTypesUsageReportView
from portal.api import api_router
from portal.media_views import serve_document, serve_image_original, serve_rendition
from portal.privacy import account_deleted, delete_my_account, my_data
from portal.sitemap import sitemap
from portal.two_factor import two_factor
from portal.views import healthz

handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"

account_patterns = [
    path("login/", PortalLoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password-change/", auth_views.PasswordChangeView.as_view(),
         name="password_change"),
    path("password-change/done/", auth_views.PasswordChangeDoneView.as_view(),
         name="password_change_done"),
    path("password-reset/", PortalPasswordResetView.as_view(), name="password_reset"),
    path("password-reset/done/", auth_views.PasswordResetDoneView.as_view(),
         name="password_reset_done"),
    path("reset/<uidb64>/<token>/", auth_views.PasswordResetConfirmView.as_view(),
         name="password_reset_confirm"),
    path("reset/done/", auth_views.PasswordResetCompleteView.as_view(),
         name="password_reset_complete"),
    path("2fa/", two_factor, name="two_factor"),
    path("mijn-gegevens/", my_data, name="my_data"),
    path("mijn-gegevens/verwijderen/", delete_my_account, name="delete_my_account"),
    path("verwijderd/", account_deleted, name="account_deleted"),
]

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    # Reports narrowed to what the user may explore (portal/admin_scoping.py); these
    # come first so they answer instead of Wagtail's own, under Wagtail's admin guard.
    path("admin/reports/page-types-usage/",
         require_admin_access(ScopedPageTypesUsageReportView.as_view()),
         name="portal_page_types_usage"),
    path("admin/reports/page-types-usage/results/",
         require_admin_access(ScopedPageTypesUsageReportView.as_view(results_only=True)),
         name="portal_page_types_usage_results"),
    path("admin/choose-page/<int:parent_page_id>/",
         require_admin_access(ScopedPageChooserBrowseView.as_view()),
         name="portal_choose_page_child"),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's document view (the before_serve_document hook asks the rule) without
    # shared caching; then Wagtail's other document URLs.
    path("documents/<int:document_id>/<str:document_filename>", serve_document,
         name="portal_document"),
    path("documents/", include(wagtaildocs_urls)),
    path("images/<int:image_id>/original/<str:filename>", serve_image_original,
         name="portal_image_original"),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap, name="sitemap"),
]

if settings.DEBUG:
    # Only renditions are files anyone may fetch; documents and image originals go
    # through the views above (docs/deployment.md: the same rule for a web server).
    urlpatterns.append(re_path(r"^media/images/(?P<path>[^/]+)$", serve_rendition))

urlpatterns += i18n_patterns(
    path("accounts/", include(account_patterns)),
    # /agenda.ics and /en/agenda.ics: the agenda in that language (titles, links, names).
    path("agenda.ics", agenda_ics, name="agenda_ics"),
    path("mijn/abonnementen/", include("mailings.urls")),
    path("mijn/vragen/", include("servicedesk.urls")),
    path("", include("yearplan.urls")),
    path("mijn/scans/", include("assessments.urls")),
    path("mijn/", include("memberhub.urls")),
    path("netwerk/", include("community.urls")),
    path("evaluatie/", include("learninglines.urls")),
    path("zoeken/", include("search.urls")),
    path("", include("mailings.urls_feeds")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
