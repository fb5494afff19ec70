"""The URLs the benchmark measures: every public page type (issue 19, item 1), looked up in
the generated content as a visitor sees it (portal.visibility), Dutch pages first."""

from django.apps import apps
from django.contrib.auth.models import AnonymousUser

from portal.visibility import visible_pages

# Words of knowledge/management/commands/_vocabulary.py: "digitale" is among the most
# frequent field words of the generated text; the other two are near the end of the
# Zipf-like list, so they occur in few documents.
COMMON_WORD = "digitale"
RARE_WORDS = ("rondetafel", "expertmeeting")

DETAIL_PAGES = [
    ("knowledge item", "knowledge", "KnowledgeItemPage"),
    ("knowledge map", "knowledge", "KnowledgeMapPage"),
    ("learning line", "learninglines", "LearningLinePage"),
    ("session", "learninglines", "SessionPage"),
    ("working group", "learninglines", "WorkingGroupPage"),
    ("news item", "memberhub", "NewsPage"),
    ("impact story", "memberhub", "ImpactStoryPage"),
    ("vacancy", "memberhub", "VacancyPage"),
    ("event", "memberhub", "EventPage"),
    ("organisation page", "memberhub", "OrganisationPage"),
]

LISTINGS = {
    "home": "/",
    "kennisbank": "/kennisbank/",
    "kennisbank, filtered": "/kennisbank/?kind=tool",
    "learning lines listing": "/leerlijnen/",
    "news listing": "/nieuws/",
    "impact stories listing": "/impactverhalen/",
    "vacancies listing": "/vacatures/",
    "agenda": "/agenda/",
    "members listing": "/leden/",
    "search, common word": f"/zoeken/?q={COMMON_WORD}",
    "search, rare word": f"/zoeken/?q={RARE_WORDS[0]}",
    "search, two rare words": f"/zoeken/?q={'+'.join(RARE_WORDS)}",
    "agenda.ics": "/agenda.ics",
    "news feed": "/nieuws/feed/",
    "API listing": "/api/v2/pages/",
    "sitemap": "/sitemap.xml",
}


def middle_url(app_label, model_name):
    """A page of this type that a visitor may see, from the middle of the content (not
    the newest, which may be cached or special): Dutch when there is one."""
    model = apps.get_model(app_label, model_name)
    pages = visible_pages(AnonymousUser(), model.objects.live()).order_by("id")
    dutch = pages.filter(locale__language_code="nl")
    pages = dutch if dutch.exists() else pages
    count = pages.count()
    page = pages[count // 2] if count else None
    return page.url if page else None


def urls():
    """{page type: path}; a type without a visible page is reported as None (the run
    fails on it: every public page type must be measured)."""
    found = dict(LISTINGS)
    for name, app_label, model_name in DETAIL_PAGES:
        found[name] = middle_url(app_label, model_name)
    return found
