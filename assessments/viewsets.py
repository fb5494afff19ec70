"""Wagtail admin for scan definitions (snippets). A version that a round uses is frozen:
saving it then makes a new version with the changes (the old one, and every result of
it, stays as it was)."""

from django.contrib import messages
from django.db.models import Max
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.snippets.views.snippets import EditView, SnippetViewSet

from assessments.models import Scan, ScanVersion


class VersionEditView(EditView):
    def save_instance(self):
        original = ScanVersion.objects.get(pk=self.object.pk)
        if not original.is_frozen():
            return super().save_instance()
        edited = self.form.save(commit=False)
        copy, _children = edited.copy_cluster(exclude_fields=["number", "created_at"])
        copy.scan_id = original.scan_id
        copy.number = (ScanVersion.objects.filter(scan_id=original.scan_id)
                       .aggregate(top=Max("number"))["top"] or 0) + 1
        copy.save()
        messages.info(self.request, _(
            "Version %(old)s is already in use, so your changes were saved as version "
            "%(new)s. New rounds use version %(new)s; earlier results keep version "
            "%(old)s.") % {"old": original.number, "new": copy.number})
        self.object = copy
        return copy


class ScanViewSet(SnippetViewSet):
    model = Scan
    icon = "doc-full-inverse"
    url_prefix = "assessments/scans"
    list_display = ["title", "kind", "active"]
    list_filter = ["kind", "active"]
    search_fields = ["title", "title_en"]
    copy_view_enabled = False


class ScanVersionViewSet(SnippetViewSet):
    model = ScanVersion
    icon = "list-ol"
    url_prefix = "assessments/versions"
    edit_view_class = VersionEditView
    list_display = ["scan", "number", "note", "created_at"]
    list_filter = ["scan"]
    copy_view_enabled = False


class AssessmentsViewSetGroup(ViewSetGroup):
    menu_label = gettext_lazy("Self-scans")
    menu_icon = "tasks"
    menu_order = 250
    items = (ScanViewSet, ScanVersionViewSet)
