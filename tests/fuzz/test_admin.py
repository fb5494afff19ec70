"""The admin addresses issue 12 found failing, and the portal's own admin views, with
hostile GET parameters as an editor; any 500 fails."""

import pytest

from .conftest import client_for
from .hostile import FULL, SHORT, Failures, query

pytestmark = [pytest.mark.django_db,
              pytest.mark.filterwarnings("ignore::django.core.cache.CacheKeyWarning")]

ADMIN_SEARCHES = ["/admin/images/", "/admin/documents/", "/admin/pages/search/",
                  "/admin/images/chooser/", "/admin/documents/chooser/"]


def test_editor_admin_parameters_give_no_server_error(site):
    client, failures = client_for(site["editor"]), Failures()
    for url in ADMIN_SEARCHES:
        for label, value in FULL:
            failures.check(client, "get", f"{url}?{query(['q'], value)}", label)
    for label, value in FULL:
        failures.check(client, "get", f"/admin/reports/search-log/?{query(['month'], value)}",
                       label)
    for url, params in [("/admin/learninglines/figures/", ["year", "export"]),
                        (f"/admin/learninglines/sessions/{site['session'].pk}/registrations/",
                         ["export"])]:
        for label, value in FULL:
            failures.check(client, "get", f"{url}?{query(params, value)}", label)
    registrations = f"/admin/learninglines/sessions/{site['session'].pk}/registrations/"
    for label, value in SHORT:
        for field in ("action", "registration"):
            other = "registration=1" if field == "action" else "action=attended"
            failures.check(client, "post", registrations, f"{field}: {label}",
                           data=f"{other}&{query([field], value)}",
                           content_type="application/x-www-form-urlencoded")
    for url, params in [
        ("/admin/", ["q"]),
        ("/admin/pages/", ["ordering", "p", "q"]),
        (f"/admin/pages/{site['sections']['kennisbank'].pk}/", ["ordering", "p", "q"]),
        ("/admin/reports/page-types-usage/", ["q", "p", "ordering"]),
        ("/admin/reports/site-history/", ["timestamp_from", "timestamp_to", "action", "p"]),
    ]:
        for label, value in SHORT:
            failures.check(client, "get", f"{url}?{query(params, value)}", label)
    failures.assert_none()
