from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.auth import views as auth_views
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from memberhub.feeds import agenda_ics
from portal.accounts import PortalLoginView, PortalPasswordResetView
from portal.api import api_router
from portal.privacy import account_deleted, delete_my_account, my_data
from portal.sitemap import PortalSitemap
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
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": PortalSitemap}}, name="sitemap"),
    path("agenda.ics", agenda_ics, name="agenda_ics"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("accounts/", include(account_patterns)),
    path("mijn/abonnementen/", include("mailings.urls")),
    path("mijn/", include("memberhub.urls")),
    path("evaluatie/", include("learninglines.urls")),
    path("zoeken/", include("search.urls")),
    path("", include("mailings.urls_feeds")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
