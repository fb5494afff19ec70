"""The Wagtail admin shows each person only what they may manage.

Wagtail's own listings, choosers and edit views of images and documents already follow
the collection permissions (a member's organisation group may add and choose in its own
collection; editors everything). Three places do not, and are narrowed here with the
same permission policies Wagtail uses elsewhere:

- the admin API (``/admin/api/main/documents/``, ``…/images/``) lists every file: its
  endpoints are replaced by ones limited to ``portal.media.manageable``;
- the page types usage report names the last edited page of every type, also another
  organisation's draft: for anyone without rights on the whole tree it counts and names
  only pages they may explore (Wagtail's ``explorable_instances``, as the page API);
- the page chooser (browse and search) lists every page, drafts included: it shows such
  a person only pages they may see on the site or explore in the admin;
- bulk action confirmation pages list the titles of items the user may not act on:
  the template override (templates/wagtailadmin/bulk_actions/confirmation/
  list_items_with_no_access.html) shows their number only.
"""

from django.db.models import F, Q
from django.http import Http404
from wagtail.admin.views.chooser import BrowseView
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.serializers import AdminImageSerializer
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.images.api.v2.serializers import ImageDownloadUrlField
from wagtail.models import Page
from wagtail.permissions import policy_registry

from portal.media import manageable
from portal.visibility import visible_pages


class ScopedDocumentsAdminAPIViewSet(DocumentsAdminAPIViewSet):
    def get_queryset(self):
        return super().get_queryset().filter(
            id__in=manageable(self.request.user, self.model).values("id"))


class OriginalImageUrlField(ImageDownloadUrlField):
    """The original file's URL is the checked view, never a path under MEDIA_URL."""

    def to_representation(self, image):
        from portal.media_views import original_url

        return original_url(image)


class ScopedAdminImageSerializer(AdminImageSerializer):
    download_url = OriginalImageUrlField(read_only=True)


class ScopedImagesAdminAPIViewSet(ImagesAdminAPIViewSet):
    base_serializer_class = ScopedAdminImageSerializer

    def get_queryset(self):
        return super().get_queryset().filter(
            id__in=manageable(self.request.user, self.model).values("id"))


def sees_whole_tree(user):
    """Whether the user's page rights start at the root (editors, superusers)."""
    if user.is_superuser:
        return True
    policy = policy_registry.get_by_type(Page)
    root = Page.get_first_root_node()
    return any(permission.page_id == root.id
               for permission in policy.get_cached_permissions_for_user(user))


class ScopedPageTypesUsageReportView(PageTypesUsageReportView):
    def decorate_paginated_queryset(self, page_types):
        page_types = super().decorate_paginated_queryset(page_types)
        user = self.request.user
        if sees_whole_tree(user):
            return page_types
        explorable = policy_registry.get_by_type(Page).explorable_instances(user)
        language_code = self.filters.form.cleaned_data.get("page_locale")
        site_root_path = self.filters.form.cleaned_data.get("site")
        if language_code:
            explorable = explorable.filter(locale__language_code=language_code)
        if site_root_path:
            explorable = explorable.filter(path__startswith=site_root_path)
        for item in page_types:
            own = explorable.filter(content_type=item)
            item.count = own.count()
            last = own.order_by(F("latest_revision_created_at").desc(nulls_last=True),
                                "title", "-pk").first()
            item.last_edited_page = last.specific if last else None
        return page_types


def choosable_pages(user):
    """Pages a person without rights on the whole tree meets in the page chooser: those
    they may see on the site (portal.visibility) and those they may explore in the admin
    (their organisation's own pages, drafts included)."""
    explorable = policy_registry.get_by_type(Page).explorable_instances(user)
    return Page.objects.filter(Q(id__in=visible_pages(user).values("id"))
                               | Q(id__in=explorable.order_by().values("id")))


def narrow_page_chooser(pages, request):
    if sees_whole_tree(request.user):
        return pages
    return pages.filter(id__in=choosable_pages(request.user).values("id"))


class ScopedPageChooserBrowseView(BrowseView):
    """Wagtail's page chooser; a page one may not meet cannot be opened as the parent."""

    def get(self, request, parent_page_id=None):
        if parent_page_id and not sees_whole_tree(request.user) and not choosable_pages(
                request.user).filter(id=parent_page_id).exists():
            raise Http404
        return super().get(request, parent_page_id)
