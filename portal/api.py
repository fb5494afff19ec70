"""Wagtail API v2, limited to what a visitor may see."""

from django.contrib.auth.models import AnonymousUser
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

from portal.visibility import visible_pages

# Larger offsets overflow the database's integer (SQLite: "datatype mismatch").
MAX_OFFSET = 2**31 - 1


class BoundedPagination(WagtailPagination):
    def paginate_queryset(self, queryset, request, view=None):
        raw = request.GET.get("offset", "0")
        if raw.isascii() and raw.isdigit() and int(raw) > MAX_OFFSET:
            raise BadRequestError(f"offset cannot be higher than {MAX_OFFSET}")
        return super().paginate_queryset(queryset, request, view)


class PublicPagesAPIViewSet(PagesAPIViewSet):
    pagination_class = BoundedPagination

    def get_base_queryset(self):
        # Wagtail already limits the API to live, public pages; passing the result through
        # the portal's visibility helper keeps one rule for every path out of the portal.
        # The API always answers as a visitor, also for logged-in users.
        return visible_pages(AnonymousUser(), super().get_base_queryset())

    def check_query_parameters(self, queryset):
        super().check_query_parameters(queryset)
        operator = self.request.GET.get("search_operator")
        if operator is not None and operator.lower() not in ("and", "or"):
            raise BadRequestError("search_operator must be 'and' or 'or'")

    def find_object(self, queryset, request):
        raw = request.GET.get("id")
        if raw is not None and not (raw.isascii() and raw.isdigit()):
            raise BadRequestError("id must be a positive integer")
        return super().find_object(queryset, request)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
