"""Wagtail API v2, limited to what a visitor may see, in both languages (docs/api.md)."""

from django.contrib.auth.models import AnonymousUser
from django.utils import translation
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.filters import LocaleFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.api.validators import SiteFilterValidator
from wagtail.models import Page

from portal.languages import language_codes
from portal.selectors import prefer_current_language, site_pages
from portal.visibility import visible_pages

# Larger offsets overflow the database's integer (SQLite: "datatype mismatch").
MAX_OFFSET = 2**31 - 1


class BoundedPagination(WagtailPagination):
    def paginate_queryset(self, queryset, request, view=None):
        raw = request.GET.get("offset", "0")
        if raw.isascii() and raw.isdigit() and int(raw) > MAX_OFFSET:
            raise BadRequestError(f"offset cannot be higher than {MAX_OFFSET}")
        return super().paginate_queryset(queryset, request, view)


def requested_language(request):
    """The ``?locale=`` asked for (None without one); an unknown code is a clear 400."""
    code = request.GET.get("locale")
    if code is None:
        return None
    if code not in language_codes():
        raise BadRequestError(f"locale must be one of: {', '.join(language_codes())}")
    return code


class PreferredLanguageFilter(BaseFilterBackend):
    """``?locale=en``: each item once, in that language where a visible translation
    exists, otherwise the version in the default language (its ``meta.locale`` says
    which), as the site's listings (portal.selectors.prefer_current_language). Replaces
    Wagtail's LocaleFilter, which would leave out every page not translated."""

    def filter_queryset(self, request, queryset, view):
        language = requested_language(request)
        if language is None:
            return queryset
        child_of = getattr(queryset, "_filtered_by_child_of", None)
        with translation.override(language):
            queryset = prefer_current_language(queryset)
        if child_of:
            queryset._filtered_by_child_of = child_of
        return queryset


class PublicPagesAPIViewSet(PagesAPIViewSet):
    pagination_class = BoundedPagination
    filter_backends = [PreferredLanguageFilter if backend is LocaleFilter else backend
                       for backend in PagesAPIViewSet.filter_backends]

    def dispatch(self, request, *args, **kwargs):
        # Addresses (meta.html_url) on the site of the language asked for: a Dutch page
        # given for ?locale=en links to its English address (portal.languages).
        language = request.GET.get("locale")
        if language in language_codes():
            with translation.override(language):
                return super().dispatch(request, *args, **kwargs)
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self):
        """The live pages of the requested site's trees (every language) that a visitor
        may see. The API always answers as a visitor, also for logged-in users, through
        the portal's one visibility rule (portal.visibility, cached): Wagtail's own base
        queryset would also read every view restriction with its groups, twice a
        request. Made once per request (Wagtail asks for it more than once)."""
        if getattr(self, "_base_queryset", None) is None:
            try:
                site = SiteFilterValidator(site=self.request.GET.get("site"),
                                           request=self.request).site_obj
            except ValueError as error:
                raise BadRequestError(str(error)) from error
            if site is None:
                return Page.objects.none()
            self._base_queryset = visible_pages(
                AnonymousUser(), site_pages(site, Page.objects.live()))
        return self._base_queryset

    def get_queryset(self):
        # Each item's meta.locale, without a query per item.
        return super().get_queryset().select_related("locale")

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
