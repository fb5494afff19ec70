from django.utils.translation import gettext as _
from wagtail import hooks


@hooks.register("register_feed_links")
def knowledge_feed_links(page, request):
    """The kennisbank and its knowledge map advertise the Atom feed of new public items."""
    from knowledge.models import KnowledgeIndexPage, KnowledgeMapPage

    specific_class = page.specific_class
    if specific_class is KnowledgeIndexPage:
        index = page.specific
    elif specific_class is KnowledgeMapPage:
        index = page.get_parent().specific
    else:
        return []
    url = index.get_url(request=request)
    if not url:
        return []
    return [{"title": _("New in the knowledge base"), "url": url + index.reverse_subpage("feed")}]
