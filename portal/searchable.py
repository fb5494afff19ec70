"""What a page tells the portal search about itself: the typed search contract.

A searchable page type has a method ``portal_search_fields()`` that returns a
:class:`SearchableContent`. The search app (search/documents.py) adds what every document
has (title, URL, audience) and indexes it; this core module knows nothing of search.

Facet values that name something people can rename (a learning line, a theme, an
organisation) are :class:`FacetValue` pairs: a stable ``id`` (the object's primary key) that
the index, the facet counts and the filter links (/zoeken/?org=12) use, and the ``label``
shown. A rename changes the label only, so links and counts keep working. Facets whose
values are fixed keys (the kind, the track, the SDG number, the language) are plain values.
"""

import datetime
from dataclasses import dataclass

NAME_PREFIX = "name:"


@dataclass(frozen=True)
class FacetValue:
    id: str       # stable: a primary key, or "name:<text>" for a free-text name
    label: str    # what a person reads

    @classmethod
    def of(cls, obj, label="name"):
        """The facet value of a model instance: its primary key and one of its fields."""
        return cls(str(obj.pk), str(getattr(obj, label)))

    @classmethod
    def named(cls, name):
        """A free-text name that is no object (an author or co-host who is not a member)."""
        name = " ".join(str(name).split())
        return cls(NAME_PREFIX + name, name)


def facet_values(objects, label="name"):
    """FacetValues of model instances (``label``: the field people read)."""
    return tuple(FacetValue.of(obj, label) for obj in objects)


@dataclass(frozen=True)
class SearchableContent:
    """A page's own part of its search document."""

    kind: str                                   # "knowledge", "session", "news", "page" …
    summary: str = ""
    body: str = ""
    language: str = ""                          # "nl" or "en"; "" for the page's locale
    date: datetime.date | datetime.datetime | None = None  # None: first published
    learning_lines: tuple[FacetValue, ...] = ()
    tracks: tuple[str, ...] = ()                # learninglines Track values
    themes: tuple[FacetValue, ...] = ()
    organisations: tuple[FacetValue, ...] = ()
    sdgs: tuple[int, ...] = ()                  # SDG numbers

    def __post_init__(self):
        for name in ("learning_lines", "themes", "organisations"):
            values = tuple(getattr(self, name))
            if not all(isinstance(value, FacetValue) for value in values):
                raise TypeError(f"SearchableContent.{name} takes FacetValues")
            object.__setattr__(self, name, values)
        object.__setattr__(self, "tracks", tuple(str(track) for track in self.tracks))
        object.__setattr__(self, "sdgs", tuple(int(number) for number in self.sdgs))
