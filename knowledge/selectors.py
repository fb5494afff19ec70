"""Reads of the knowledge base that every other read builds on: the visible items, the
learning lines on offer, and the item page's extras (related items, schema.org data, the
search document).

Every read starts from :func:`visible_items`, which goes through the portal's visibility
helper, so a member-only item is never listed, counted, mapped or linked for someone who
may not see it. The kennisbank's filters are in :mod:`knowledge.filters`, its counts in
:mod:`knowledge.facets`, the page's listing in :mod:`knowledge.listing` and the
knowledge map in :mod:`knowledge.knowledge_map`.
"""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import get_language
from wagtail.models import Page

from knowledge.models import (
    BOTH_TRACKS,
    Kind,
    KnowledgeItemPage,
    KnowledgeItemRelation,
    KnowledgeItemThemeTag,
    KnowledgeMapPage,
)
from learninglines.models import LearningLinePage
from learninglines.models.choices import Track
from portal.cache import audience_key, cached_for_content
from portal.searchable import FacetValue, SearchableContent, facet_values
from portal.selectors import prefer_current_language
from portal.text import plain_text
from portal.visibility import visible_pages

LineThrough = KnowledgeItemPage.learning_lines.through
SdgThrough = KnowledgeItemPage.sdgs.through
OrganisationThrough = KnowledgeItemPage.authoring_organisations.through


# --- The visible items ----------------------------------------------------------------


def visible_items(user, queryset=None):
    """Knowledge items this user may see, one version per translation (the current
    language where it exists), across the whole site. Visibility first: a draft or hidden
    translation never stands in for the version the user may see."""
    queryset = KnowledgeItemPage.objects.all() if queryset is None else queryset
    return prefer_current_language(visible_pages(user, queryset))


def public_items():
    """Items anyone may see: what the feed and other public outputs use."""
    return visible_items(AnonymousUser())


# --- Vocabularies (option lists), one query each ----------------------------------------


def pick_localized(pages):
    """One page per translation: the current language's version where visible, else the
    default language's, else any. ``pages`` need their locale selected; no queries."""
    language = get_language()
    default = settings.LANGUAGE_CODE

    def rank(page):
        code = page.locale.language_code
        return 0 if code == language else 1 if code == default else 2

    chosen = {}
    for page in pages:
        current = chosen.get(page.translation_key)
        if current is None or rank(page) < rank(current):
            chosen[page.translation_key] = page
    return sorted(chosen.values(), key=lambda page: page.path)


def line_options(user, pages=None):
    """Visible learning lines, one per translation, in the current language where
    possible, in tree order. Two queries (or none when ``pages`` are given)."""
    if pages is None:
        pages = visible_pages(user, LearningLinePage.objects.select_related("locale"))
    return pick_localized(page for page in pages if page.content_type_id == _line_type().id)


def _line_type():
    return ContentType.objects.get_for_model(LearningLinePage)


def kennisbank_navigation(user, index_page):
    """The learning lines (for the line filter) and the knowledge map page (for a link)
    in one visibility-checked query. Returns (lines, map_page or None)."""
    map_type = ContentType.objects.get_for_model(KnowledgeMapPage)
    pages = list(visible_pages(user, Page.objects.filter(
        Q(content_type=_line_type())
        | Q(content_type=map_type, path__startswith=index_page.path,
            depth=index_page.depth + 1)
    ).select_related("locale")))
    map_page = next((page for page in pages if page.content_type_id == map_type.id), None)
    return line_options(user, pages), map_page


# --- The item page ----------------------------------------------------------------------


def related_items(page, user, limit=6):
    """Items related to this one: the editor's choice first (in their order), then items
    sharing learning lines and themes (most shared first, newest first). Visible only,
    in the current language where a translation exists. Two queries, remembered until
    content changes."""
    return cached_for_content(
        "related-items", (audience_key(user), get_language(), page.pk, limit),
        lambda: _related_items(page, user, limit))


def _related_items(page, user, limit):
    manual = KnowledgeItemRelation.objects.filter(page=page)
    lines = LineThrough.objects.filter(knowledgeitempage_id=page.pk).values(
        "learninglinepage__translation_key")
    themes = KnowledgeItemThemeTag.objects.filter(content_object_id=page.pk).values("tag_id")
    # Related by translation: manual choices and shared lines may point at another
    # language version, so match on translation_key.
    manual_keys = manual.values("item__translation_key")
    line_matches = LineThrough.objects.filter(
        knowledgeitempage_id=OuterRef("pk"), learninglinepage__translation_key__in=lines
    ).order_by().values("knowledgeitempage_id").annotate(n=Count("*")).values("n")
    theme_matches = KnowledgeItemThemeTag.objects.filter(
        content_object_id=OuterRef("pk"), tag_id__in=themes
    ).order_by().values("content_object_id").annotate(n=Count("*")).values("n")
    manual_order = manual.filter(item__translation_key=OuterRef("translation_key")).values(
        "sort_order")[:1]
    candidates = (
        visible_items(user)
        .exclude(translation_key=page.translation_key)
        .filter(
            Q(translation_key__in=manual_keys)
            | Q(pk__in=LineThrough.objects.filter(
                learninglinepage__translation_key__in=lines).values("knowledgeitempage_id"))
            | Q(pk__in=KnowledgeItemThemeTag.objects.filter(tag_id__in=themes).values(
                "content_object_id"))
        )
        .annotate(
            manual_position=Coalesce(Subquery(manual_order, output_field=IntegerField()),
                                     Value(10_000)),
            shared=Coalesce(Subquery(line_matches, output_field=IntegerField()), Value(0))
            + Coalesce(Subquery(theme_matches, output_field=IntegerField()), Value(0)),
        )
        .order_by("manual_position", F("shared").desc(), "-publication_date", "title")
        .only("id", "title", "url_path", "path", "depth", "locale_id", "kind",
              "publication_date", "summary", "translation_key", "members_only")
    )
    return list(candidates[:limit])


def localized_learning_lines(page, user):
    """The item's learning lines, visible ones only, in the current language where a
    translation exists. Two queries."""
    keys = LineThrough.objects.filter(knowledgeitempage_id=page.pk).values(
        "learninglinepage__translation_key")
    return pick_localized(visible_pages(
        user, LearningLinePage.objects.filter(translation_key__in=keys).select_related("locale")
    ))


def item_page_context(page, request):
    """What the item template needs beside the page itself. A fixed number of queries."""
    user = request.user
    context = {
        "attachments": list(page.attachments.select_related("document").order_by("sort_order")),
        "organisations": list(page.authoring_organisations.order_by("name")),
        "learning_lines": localized_learning_lines(page, user),
        "themes": list(page.themes.order_by("name")),
        "sdgs": list(page.sdgs.order_by("number")),
        "related": related_items(page, user),
        "kennisbank_url": _kennisbank_url(page, request),
        "page_full_url": page.get_full_url(request=request),
        "og_image_url": "",
    }
    if page.cover_image_id and page.cover_image is not None:
        rendition = page.cover_image.get_rendition("fill-1200x630")
        context["og_image_url"] = request.build_absolute_uri(rendition.url)
    context["structured_data"] = json_ld(page, request, context)
    if context["og_image_url"]:
        context["structured_data"]["image"] = context["og_image_url"]
    return context


def _kennisbank_url(page, request):
    """The URL of the item's kennisbank section, derived from its own URL (no query)."""
    url = page.get_url(request=request) or ""
    return url.rstrip("/").rsplit("/", 1)[0] + "/" if url else ""


def json_ld(page, request, context):
    """schema.org metadata of an item (CreativeWork and its subtypes)."""
    schema_type = {
        Kind.VIDEO: "VideoObject",
        Kind.REPORT: "Report",
        Kind.TOOL: "CreativeWork",
        Kind.POLITICAL_MONITOR: "Article",
    }.get(page.kind, "CreativeWork")
    data = {
        "@context": "https://schema.org",
        "@type": schema_type,
        "name": page.title,
        "headline": page.title[:110],
        "description": page.summary,
        "inLanguage": page.language,
        "datePublished": page.publication_date.isoformat(),
        "url": page.get_full_url(request=request),
        "genre": page.get_kind_display(),
        "isAccessibleForFree": True,
    }
    if page.requires_membership:
        data["isAccessibleForFree"] = False
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.isoformat()
    authors = [{"@type": "Organization", "name": org.name,
                **({"url": org.website} if org.website else {})}
               for org in context.get("organisations", [])]
    authors += [{"@type": "Organization", "name": name.strip()}
                for name in page.other_authors.split(",") if name.strip()]
    if authors:
        data["author"] = authors
    keywords = [tag.label for tag in context.get("themes", [])]
    if keywords:
        data["keywords"] = ", ".join(keywords)
    about = [{"@type": "Thing", "name": str(goal)} for goal in context.get("sdgs", [])]
    if about:
        data["about"] = about
    return data


def search_fields_for(page):
    """The portal search service's view of an item (the contract: docs/search.md)."""
    body_parts = [plain_text(text) for text in
                  page.body.stream_block.get_searchable_content(page.body)]
    for child in page.body:
        if child.block_type == "document" and child.value.get("document"):
            body_parts.append(child.value.get("title") or child.value["document"].title)
    # .all() everywhere, so a rebuild's prefetched relations are used (no query per item).
    for attachment in page.attachments.all():
        body_parts.append(attachment.link_text)
    for link in page.external_links:
        body_parts.append(link.value.get("title", ""))
    if page.track == BOTH_TRACKS:
        tracks = list(Track.values)
    elif page.track:
        tracks = [page.track]
    else:
        tracks = []
    return SearchableContent(
        kind="knowledge", summary=page.summary,
        body="\n".join(part for part in body_parts if part),
        learning_lines=facet_values(page.learning_lines.all(), "title"), tracks=tracks,
        themes=facet_values(page.themes.all()), sdgs=[sdg.number for sdg in page.sdgs.all()],
        organisations=facet_values(page.authoring_organisations.all())
        + tuple(FacetValue.named(name) for name in page.other_authors.split(",") if name.strip()),
        language=page.language, date=page.publication_date,
    )
