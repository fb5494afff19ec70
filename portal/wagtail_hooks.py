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


class ThemeTagViewSet(SnippetViewSet):
    model = ThemeTag
    icon = "tag"
    menu_label = _("Themes")
    list_display = ["name", "name_en", "slug"]
    search_fields = ["name", "name_en"]


class SDGViewSet(SnippetViewSet):
    model = SustainableDevelopmentGoal
    icon = "globe"
    menu_label = _("SDGs")
    list_display = ["number", "name_nl", "name_en"]
    search_fields = ["name_nl", "name_en"]


class CountryViewSet(SnippetViewSet):
    model = Country
    icon = "site"
    menu_label = _("Countries and regions")
    list_display = ["name_nl", "name_en", "code", "is_region"]
    search_fields = ["name_nl", "name_en", "code"]


class VocabularyViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Vocabularies")
    menu_icon = "tag"
    menu_order = 260
    items = (ThemeTagViewSet, SDGViewSet, CountryViewSet)


register_snippet(VocabularyViewSetGroup)
