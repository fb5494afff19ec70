"""Search documents that are not pages (a group's posts, a shared document, a profile).

An app that holds such things registers the hook ``register_search_documents`` returning
a :class:`DocumentSource`: its key prefix, the labels of its kinds, and a function that
yields :class:`ItemDocument`s (all of them, or those of some keys). Search never imports
the app; the app tells search which keys changed (``search.service.refresh_items``).

Who may find an item is its ``audience``: conditions (sets of portal.visibility tokens,
e.g. ``space_audience(space)`` and ``members_audience()``) of which a user must pass
each, multiplied out like nested page restrictions (search.documents.combine_conditions)
and checked at query time against the user's groups (search.documents.user_tokens): a
person removed from a group loses the group's items at once.
"""

import datetime
from dataclasses import dataclass, field

from wagtail import hooks

from portal.text import plain_text
from search.documents import _as_datetime, combine_conditions

HOOK = "register_search_documents"


@dataclass
class ItemDocument:
    key: str  # "<source prefix>:<kind>:<id>", unique among all documents
    kind: str  # its content type in search (a facet value; labelled by its source)
    title: str
    url: str
    audience: list  # [set of tokens, …]: a user needs one token of each set
    summary: str = ""
    body: str = ""
    date: datetime.datetime | None = None
    language: str = ""


@dataclass
class DocumentSource:
    prefix: str  # the keys' prefix, e.g. "community"
    documents: object  # documents(keys=None) -> iterable of ItemDocument
    labels: dict = field(default_factory=dict)  # kind -> label shown in search


def sources():
    return [source for hook in hooks.get_hooks(HOOK) if (source := hook()) is not None]


def kind_labels():
    """{kind: label} of every source's kinds (the search page names them)."""
    labels = {}
    for source in sources():
        labels.update(source.labels)
    return labels


def source_of(key):
    prefix = key.split(":", 1)[0]
    return next((source for source in sources() if source.prefix == prefix), None)


def item_data(item):
    """Document data as search.documents.build_document makes it for a page, or None
    when no one may find the item."""
    if not item.key.split(":", 1)[0] or item.key.startswith("page:"):
        raise ValueError(f"{item.key}: an item's key needs its source's prefix")
    audience = combine_conditions([set(condition) for condition in item.audience])
    if audience is None:
        return None
    date = _as_datetime(item.date)
    return {
        "key": item.key,
        "page_id": None,
        "title": item.title,
        "summary": plain_text(item.summary),
        "body": plain_text(item.body),
        "url": item.url,
        "content_type": item.kind,
        "language": item.language,
        "date": date,
        "year": date.year if date else None,
        "audience": audience,
        "facets": {
            "content_type": [item.kind],
            "year": [str(date.year)] if date else [],
            "language": [item.language] if item.language else [],
        },
        "labels": {},
    }


def documents_for(keys):
    """{key: data} for those of these keys whose items exist and may be found."""
    found = {}
    by_source = {}
    for key in keys:
        source = source_of(key)
        if source is not None:
            by_source.setdefault(source.prefix, (source, []))[1].append(key)
    for source, source_keys in by_source.values():
        wanted = set(source_keys)
        for item in source.documents(keys=sorted(wanted)):
            if item.key in wanted and (data := item_data(item)) is not None:
                found[item.key] = data
    return found


def iter_item_documents(batch_size=500):
    """Document data of every item of every source, in batches (rebuilds)."""
    batch = []
    for source in sources():
        for item in source.documents(keys=None):
            data = item_data(item)
            if data is not None:
                batch.append(data)
            if len(batch) >= batch_size:
                yield batch
                batch = []
    if batch:
        yield batch
