"""The URLs the benchmark measures, looked up in the generated content."""

from django.apps import apps
from django.contrib.auth.models import AnonymousUser

from portal.visibility import visible_pages


def _first_url(app_label, model_name):
    model = apps.get_model(app_label, model_name)
    page = visible_pages(AnonymousUser(), model.objects.all()).order_by("-id").first()
    return page.url if page else None


def urls():
    found = {
        "home": "/",
        "kennisbank, filtered": "/kennisbank/?kind=tool",
        "knowledge item": _first_url("knowledge", "KnowledgeItemPage"),
        "session": _first_url("learninglines", "SessionPage"),
        "news listing": "/nieuws/",
        "search": "/zoeken/?q=digitale",
    }
    return {name: url for name, url in found.items() if url}
