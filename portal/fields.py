"""Model fields that several apps declare alike."""

from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager


def theme_tags(through, **options):
    """The ``themes`` of a page: tags from the curated ThemeTag list (portal.models),
    through the page's own through model (a ``taggit.models.ItemBase`` with a ParentalKey).
    ``options`` are further ClusterTaggableManager arguments, e.g. ``help_text``."""
    return ClusterTaggableManager(through=through, blank=True, verbose_name=_("themes"),
                                  **options)
