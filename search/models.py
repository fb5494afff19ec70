"""The portal's search documents.

Every searchable page becomes one SearchDocument row, built in one place
(search/documents.py) from the page's ``portal_search_fields()``. The rows are the
source of truth for both backends: the database backend searches them through
Wagtail's own database search (SQLite FTS5 or PostgreSQL full-text), the
Elasticsearch backend mirrors them into an index.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index


class SearchDocument(index.Indexed, models.Model):
    key = models.CharField(max_length=64, unique=True)  # "page:<id>"
    page = models.OneToOneField("wagtailcore.Page", null=True, blank=True,
                                on_delete=models.CASCADE, related_name="+")
    title = models.CharField(max_length=255)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=500)
    content_type = models.CharField(max_length=40, db_index=True)
    language = models.CharField(max_length=8, blank=True, db_index=True)
    date = models.DateTimeField(null=True, blank=True, db_index=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True, db_index=True)
    # Who may see it: space-separated tokens, e.g. " public " or " group:3 group:5 ".
    audience = models.CharField(max_length=255, default=" public ")
    updated_at = models.DateTimeField(auto_now=True)

    search_fields = [
        index.SearchField("title", boost=4),
        index.AutocompleteField("title"),
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        # The Dutch and English stems of all three (search.stemming): the database search
        # finds "waterpunten" for "waterpunt"; the stored text itself is left as written.
        index.SearchField("stems"),
        index.FilterField("id"),
        index.FilterField("content_type"),
        index.FilterField("language"),
        index.FilterField("year"),
    ]

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")

    def __str__(self):
        return self.title

    def stems(self):
        """What the stems of the title, summary and body add to the full-text index."""
        from search.stemming import stemmed_text

        text = (self.title, self.summary, self.body)
        cached = getattr(self, "_stems", None)
        if cached is None or cached[0] != text:
            # Wagtail's indexer reads every search field once per index column.
            cached = self._stems = (text, stemmed_text(" ".join(text)))
        return cached[1]


class SearchFacetValue(models.Model):
    """One value of one facet of a document (themes, organisations … are multi-valued)."""

    document = models.ForeignKey(SearchDocument, on_delete=models.CASCADE,
                                 related_name="facet_values")
    facet = models.CharField(max_length=30)
    # A stable id (a primary key, a fixed key such as "knowledge"), never a display name:
    # a rename changes only the label (portal/searchable.py).
    value = models.CharField(max_length=255)
    label = models.CharField(max_length=255, blank=True)  # for ids of named things

    class Meta:
        indexes = [models.Index(fields=["facet", "value"])]
        constraints = [
            models.UniqueConstraint(fields=["document", "facet", "value"],
                                    name="search_facet_value_unique"),
        ]

    def __str__(self):
        return f"{self.facet}={self.value}"


class PendingIndexUpdate(models.Model):
    """An update the external engine missed (it was down); caught up when it returns."""

    key = models.CharField(max_length=64, unique=True)
    action = models.CharField(max_length=10, choices=[("index", "index"), ("delete", "delete")])
    created_at = models.DateTimeField(auto_now_add=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)

    def __str__(self):
        return f"{self.action} {self.key}"


class SearchQueryLog(models.Model):
    """How often a normalised query was searched in a month. No personal data."""

    month = models.DateField()  # first day of the month
    query = models.CharField(max_length=200)
    count = models.PositiveIntegerField(default=0)
    zero_result_count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("search query")
        verbose_name_plural = _("search log")
        constraints = [
            models.UniqueConstraint(fields=["month", "query"], name="search_query_log_unique"),
        ]
        ordering = ["-month", "-count"]

    def __str__(self):
        return self.query
