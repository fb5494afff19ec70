"""Wagtail API v2, limited to what a visitor may see."""

from django.contrib.auth.models import AnonymousUser
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from portal.visibility import visible_pages


class PublicPagesAPIViewSet(PagesAPIViewSet):
    def get_base_queryset(self):
        # Wagtail already limits the API to live, public pages; passing the result through
        # the portal's visibility helper keeps one rule for every path out of the portal.
        # The API always answers as a visitor, also for logged-in users.
        return visible_pages(AnonymousUser(), super().get_base_queryset())


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
