import datetime

from django.utils import timezone

from memberhub.models import EventPage, NewsPage, OrganisationPage, VacancyPage
from memberhub.services import sync_organisation


def organisation_page(organisation):
    page = OrganisationPage.objects.filter(organisation=organisation).first()
    return page or sync_organisation(organisation)


def add_news(parent, title="Nieuwsbericht", publish=True, user=None, **fields):
    page = NewsPage(title=title, summary=fields.pop("summary", "Samenvatting"),
                    body=fields.pop("body", "<p>Tekst</p>"), live=publish, **fields)
    parent.add_child(instance=page)
    revision = page.save_revision(user=user)
    if publish:
        revision.publish()
    page.refresh_from_db()
    return page


def add_vacancy(parent, title="Vacature", closing_in=10, **fields):
    page = VacancyPage(
        title=title, summary="Samenvatting", body="<p>Tekst</p>",
        closing_date=timezone.localdate() + datetime.timedelta(days=closing_in),
        application_email="werk@example.org", **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def add_event(parent, title="Bijeenkomst", days=10, zone="Europe/Amsterdam", **fields):
    start = timezone.now() + datetime.timedelta(days=days)
    page = EventPage(title=title, summary="Samenvatting", start=start,
                     end=start + datetime.timedelta(hours=2), timezone=zone,
                     location="Utrecht", contact_email="agenda@example.org", **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page
