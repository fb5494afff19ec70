"""Demo step after learninglines.demo: organisation pages and member publications take
part in learning lines (looked up by slug; nothing happens while the lines are missing).

Here, not in memberhub: learninglines builds on memberhub, never the other way round."""

from learninglines.models import LearningLinePage
from memberhub.models import NewsPage, OrganisationPage

LINKS = {
    "digital-readiness": ["digitaal-dorp", "kinderkansen-internationaal"],
    "equitable-partnerships": ["lokaal-leiderschap", "aarde-recht", "vrouwen-voor-verandering",
                               "stichting-waterbron"],
    "future-ready-international-cooperation": ["vrede-nu-netwerk", "oogst-cooperatie",
                                               "stichting-waterbron"],
}
NEWS_LINKS = {"digital-readiness": ["open-source-lesmateriaal-over-ai-voor-dorpsscholen",
                                    "cyberhygiene-voor-kleine-organisaties"]}


def load(context):
    for line_slug, organisation_slugs in LINKS.items():
        line = LearningLinePage.objects.filter(slug=line_slug, locale__language_code="nl").first()
        if line is None:
            continue
        for page in OrganisationPage.objects.filter(organisation__slug__in=organisation_slugs):
            page.learning_lines.add(line)
            page.save()
        for news in NewsPage.objects.filter(slug__in=NEWS_LINKS.get(line_slug, [])):
            if not news.learning_lines.filter(pk=line.pk).exists():
                news.learning_lines.add(line)
                news.save()
                if news.live:
                    news.save_revision(log_action=False).publish(log_action=False)
