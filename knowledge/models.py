from django.utils.translation import gettext_lazy as _

from portal.pages import SectionIndexPage


class KnowledgeIndexPage(SectionIndexPage):
    """/kennisbank/: the knowledge base."""

    max_count_per_parent = 1
    template = "knowledge/knowledge_index_page.html"

    class Meta:
        verbose_name = _("knowledge base")
