"""How a page becomes a search document: the one place that knows.

Pages describe themselves with ``portal_search_fields()``; this module adds what every
document has (title, URL, audience) and stores it.
"""

import datetime
import re
from html import unescape

from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.models import Page, PageViewRestriction

from search.models import SearchDocument, SearchFacetValue

FACETS = ["content_type", "learning_line", "track", "theme", "organisation", "year", "language"]
PUBLIC = "public"
AUTHENTICATED = "authenticated"


def page_key(page_id):
    return f"page:{page_id}"


def audience_tokens(page):
    """Who may see the page, as tokens; None when no one may find it through search
    (a password restriction, or nested restrictions that admit no group)."""
    restrictions = PageViewRestriction.objects.filter(
        page__in=Page.objects.ancestor_of(page, inclusive=True)
    ).prefetch_related("groups")
    allowed = {PUBLIC}
    for restriction in restrictions:
        if restriction.restriction_type == PageViewRestriction.PASSWORD:
            return None
        if restriction.restriction_type == PageViewRestriction.LOGIN:
            if allowed == {PUBLIC}:
                allowed = {AUTHENTICATED}
        elif restriction.restriction_type == PageViewRestriction.GROUPS:
            groups = {f"group:{group.id}" for group in restriction.groups.all()}
            if allowed in ({PUBLIC}, {AUTHENTICATED}):
                allowed = groups
            else:
                allowed &= groups
            if not allowed:
                return None
    return sorted(allowed)


def user_tokens(user):
    """The audience tokens a user matches (superusers see every indexed document)."""
    if user is None or not user.is_authenticated:
        return [PUBLIC]
    tokens = [PUBLIC, AUTHENTICATED]
    tokens += [f"group:{group_id}" for group_id in user.groups.values_list("id", flat=True)]
    return tokens


def _as_datetime(value):
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value if timezone.is_aware(value) else timezone.make_aware(value)
    return timezone.make_aware(datetime.datetime.combine(value, datetime.time(12)))


BLOCK_END = re.compile(r"(</(?:p|h[1-6]|li|div|blockquote|td|th)>|<br\s*/?>)", re.IGNORECASE)


def plain_text(value):
    """Text without markup; block ends become spaces so words do not run together."""
    text = BLOCK_END.sub(r"\1 ", str(value or ""))
    return re.sub(r"\s+", " ", unescape(strip_tags(text))).strip()


def streamfield_text(stream_value):
    """All text in a StreamField value (rich text, headings, quotes, titles …)."""
    parts = []

    def walk(value):
        if value is None:
            return
        if hasattr(value, "source"):  # RichText
            parts.append(plain_text(value.source))
        elif isinstance(value, str):
            parts.append(plain_text(value))
        elif isinstance(value, dict) or hasattr(value, "items"):
            for item in value.values():
                walk(item)
        elif isinstance(value, (list, tuple)) or hasattr(value, "__iter__"):
            for item in value:
                walk(getattr(item, "value", item))
        elif hasattr(value, "title"):  # documents, pages chosen in blocks
            parts.append(str(value.title))

    walk(stream_value)
    return " ".join(part for part in parts if part)


def build_document(page):
    """The document data for a page, or None when the page must not be searchable."""
    page = page.specific
    describe = getattr(page, "portal_search_fields", None)
    if describe is None or not page.live:
        return None
    audience = audience_tokens(page)
    if audience is None:
        return None
    fields = describe()
    date = _as_datetime(fields.get("date") or page.first_published_at)
    facets = {
        "content_type": [fields.get("content_type") or "page"],
        "learning_line": list(fields.get("learning_lines") or []),
        "track": list(fields.get("tracks") or []),
        "theme": list(fields.get("themes") or []),
        "organisation": list(fields.get("organisations") or []),
        "sdg": [str(number) for number in fields.get("sdgs") or []],
        "year": [str(date.year)] if date else [],
        "language": [fields.get("language") or page.locale.language_code],
    }
    return {
        "key": page_key(page.id),
        "page_id": page.id,
        "title": page.title,
        "summary": plain_text(fields.get("summary")),
        "body": plain_text(fields.get("body")),
        "url": page.get_url() or page.url or "",
        "content_type": facets["content_type"][0],
        "language": facets["language"][0],
        "date": date,
        "year": date.year if date else None,
        "audience": audience,
        "facets": facets,
    }


def store_document(data):
    """Create or update the SearchDocument row (and its facet values) for ``data``."""
    document, _created = SearchDocument.objects.update_or_create(
        key=data["key"],
        defaults={
            "page_id": data["page_id"], "title": data["title"][:255],
            "summary": data["summary"], "body": data["body"], "url": data["url"][:500],
            "content_type": data["content_type"], "language": data["language"],
            "date": data["date"], "year": data["year"],
            "audience": " " + " ".join(data["audience"]) + " ",
        },
    )
    SearchFacetValue.objects.filter(document=document).delete()
    SearchFacetValue.objects.bulk_create(
        [
            SearchFacetValue(document=document, facet=facet, value=str(value)[:255])
            for facet, values in data["facets"].items()
            for value in dict.fromkeys(values)
            if value not in (None, "")
        ]
    )
    return document


def searchable_pages():
    """Every live page whose type describes itself for search."""
    return [
        page for page in Page.objects.live().specific().iterator(chunk_size=500)
        if hasattr(page, "portal_search_fields")
    ]
