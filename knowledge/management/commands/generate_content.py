"""Fill the database with realistic generated content for benchmarks at scale.

    python manage.py generate_content --pages 100000

Organisations with their pages, knowledge items, sessions with registrations, news,
impact stories, vacancies and events, spread over the learning lines, tracks, themes
and years. Pages are written in bulk (portal.bulk) so 100k pages take minutes, not
hours; run `manage.py search_index rebuild` afterwards. Never in production.

It lives in knowledge, the app on top of the layers (docs/architecture.md), because it
makes pages of every app below it (memberhub, learninglines, portal).
"""

import random
import sys
import uuid
from datetime import date, timedelta
from itertools import accumulate

from django.apps import apps
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.text import slugify

from knowledge.management.commands._vocabulary import FIELD as FIELD_WORDS
from knowledge.management.commands._vocabulary import WORDS
from portal.bulk import bulk_add_children

# Zipf-like weights: the n-th word is drawn about 1/n as often as the first.
WORD_WEIGHTS = list(accumulate(1 / rank for rank in range(1, len(WORDS) + 1)))


def words(rng, count):
    return rng.choices(WORDS, cum_weights=WORD_WEIGHTS, k=count)

# Share of each content type in the generated pages.
MIX = [
    ("knowledge", 0.35), ("news", 0.22), ("impact_story", 0.10), ("session", 0.15),
    ("event", 0.10), ("vacancy", 0.08),
]


def sentence(rng, count=12):
    text = " ".join(words(rng, count))
    return text[0].upper() + text[1:] + "."


def paragraph(rng, sentences=5):
    return " ".join(sentence(rng) for _ in range(sentences))


def title(rng, number):
    # Titles draw from the field's words, as real titles do.
    return f"{' '.join(rng.choice(FIELD_WORDS) for _ in range(4)).capitalize()} {number}"


def restrict_to_members(pages):
    """Give member-only items the restriction knowledge.services.sync_member_restriction
    gives them when published one by one (groups Members and Editors), in bulk."""
    from wagtail.models import PageViewRestriction

    from knowledge.permissions import member_groups

    groups = list(member_groups())
    restrictions = PageViewRestriction.objects.bulk_create([
        PageViewRestriction(page_id=page.pk, restriction_type=PageViewRestriction.GROUPS)
        for page in pages
    ])
    through = PageViewRestriction.groups.through
    through.objects.bulk_create([
        through(pageviewrestriction_id=restriction.pk, group_id=group.pk)
        for restriction in restrictions for group in groups
    ])


class Progress:
    def __init__(self, total, stream=sys.stdout):
        self.total, self.done, self.stream = max(total, 1), 0, stream

    def add(self, count, label):
        before = self.done * 100 // self.total
        self.done += count
        if self.done * 100 // self.total == before and self.done < self.total:
            return
        width = 30
        filled = int(width * min(self.done, self.total) / self.total)
        self.stream.write(f"\r{label:>14} [{'#' * filled}{'.' * (width - filled)}] "
                          f"{self.done}/{self.total}")
        self.stream.flush()

    def finish(self):
        self.stream.write("\n")


class Command(BaseCommand):
    help = "Generate realistic content for benchmarks (organisations, pages, registrations)."

    def add_arguments(self, parser):
        parser.add_argument("--pages", type=int, required=True)
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, pages, seed, **options):
        if getattr(settings, "PORTAL_ENVIRONMENT", "") == "production":
            raise CommandError("generate_content refuses to run with production settings.")
        if pages < 10:
            raise CommandError("--pages must be at least 10.")
        from django.core.management import call_command

        call_command("load_demo", stdout=self.stdout)  # site tree, lines, accounts
        rng = random.Random(seed)  # nosec B311 (generated demo text, not security)
        self.now = timezone.now()
        self.context = self._context()
        organisations = self._organisations(rng, min(110 + pages // 1000, 400))
        progress = Progress(pages)
        counts = {kind: int(pages * share) for kind, share in MIX}
        counts["knowledge"] += pages - sum(counts.values())
        for kind, count in counts.items():
            getattr(self, f"_make_{kind}")(rng, count, organisations, progress)
        progress.finish()
        self.stdout.write(self.style.SUCCESS(
            f"Generated {pages} pages for {len(organisations)} organisations. "
            "Now run: python manage.py search_index rebuild"))

    # -- helpers -----------------------------------------------------------------------

    def _context(self):
        from wagtail.models import Page

        from portal.models import SustainableDevelopmentGoal, ThemeTag

        LearningLinePage = apps.get_model("learninglines", "LearningLinePage")
        return {
            "lines": list(LearningLinePage.objects.filter(locale__language_code="nl")),
            "themes": list(ThemeTag.objects.all()),
            "sdgs": list(SustainableDevelopmentGoal.objects.all()),
            "knowledge_index": Page.objects.get(url_path="/home/kennisbank/"),
        }

    def _organisations(self, rng, count):
        MemberOrganisation = apps.get_model("memberhub", "MemberOrganisation")
        OrganisationPage = apps.get_model("memberhub", "OrganisationPage")
        existing = MemberOrganisation.objects.count()
        for number in range(existing, count):
            name = f"Stichting {rng.choice(FIELD_WORDS).capitalize()} {number}"
            MemberOrganisation.objects.get_or_create(
                slug=slugify(name), defaults={"name": name, "description": paragraph(rng, 2),
                                              "member_since": date(2000 + number % 25, 1, 1)})
        pages = list(OrganisationPage.objects.filter(organisation__active=True)
                     .select_related("organisation"))
        self._members(rng, [page.organisation for page in pages])
        return pages

    def _members(self, rng, organisations):
        User = apps.get_model("memberhub", "User")
        Membership = apps.get_model("memberhub", "Membership")
        new_users = [
            User(email=f"generated{org.pk}-{n}@example.org", first_name="Gen",
                 last_name=f"{org.pk}-{n}", password=make_password(None))
            for org in organisations for n in range(3)
            if not User.objects.filter(email=f"generated{org.pk}-0@example.org").exists()
        ]
        User.objects.bulk_create(new_users, ignore_conflicts=True)
        users = {user.email: user for user in User.objects.filter(
            email__startswith="generated")}
        Membership.objects.bulk_create([
            Membership(user=users[f"generated{org.pk}-{n}@example.org"], organisation=org)
            for org in organisations for n in range(3)
        ], ignore_conflicts=True)
        self.people = [(users[f"generated{org.pk}-{n}@example.org"], org)
                       for org in organisations for n in range(3)]

    def _spread(self, rng, parents, count, build, progress, label, batch=2000):
        """Build ``count`` pages, distributed over ``parents``, written in batches."""
        made = []
        by_parent = {}
        for number in range(count):
            parent = parents[number % len(parents)]
            by_parent.setdefault(parent.pk, (parent, []))[1].append(build(number, parent))
        for parent, pages in by_parent.values():
            for start in range(0, len(pages), batch):
                chunk = pages[start:start + batch]
                bulk_add_children(parent, chunk)
                made.extend(chunk)
                progress.add(len(chunk), label)
        return made

    def _published(self, rng):
        return self.now - timedelta(days=rng.randint(0, 5 * 365), minutes=rng.randint(0, 1440))

    def _link_m2m(self, model, field_name, pages, choices, rng, per_page=(1, 2)):
        through = getattr(model, field_name).through
        source = f"{model._meta.model_name}_id"
        target_field = [f for f in through._meta.get_fields()
                        if getattr(f, "related_model", None) is not model and f.is_relation
                        and f.name != "id"][0]
        rows = []
        for page in pages:
            for choice in rng.sample(choices, k=min(len(choices), rng.randint(*per_page))):
                rows.append(through(**{source: page.pk, f"{target_field.name}_id": choice.pk}))
        through.objects.bulk_create(rows, batch_size=2000, ignore_conflicts=True)

    def _tag(self, page_model, pages, rng):
        through = page_model.themes.through
        rows = [through(content_object_id=page.pk, tag_id=rng.choice(self.context["themes"]).pk)
                for page in pages]
        through.objects.bulk_create(rows, batch_size=2000, ignore_conflicts=True)

    # -- content types -----------------------------------------------------------------

    def _make_knowledge(self, rng, count, organisations, progress):
        Item = apps.get_model("knowledge", "KnowledgeItemPage")
        kinds = [value for value, _label in Item._meta.get_field("kind").choices
                 if value != "political_monitor"]

        def build(number, parent):
            published = self._published(rng)
            # About 3% are member-only political monitor editions, as on the real site.
            kind = "political_monitor" if rng.random() < 0.03 else rng.choice(kinds)
            return Item(
                title=title(rng, number), slug=f"kennis-{number}-{uuid.uuid4().hex[:6]}",
                kind=kind, summary=sentence(rng, 20),
                body=[{"type": "paragraph", "value": f"<p>{paragraph(rng)}</p>",
                       "id": str(uuid.uuid4())}],
                track=rng.choice(["practitioner", "leadership", ""]),
                language=rng.choice(["nl", "nl", "en"]), publication_date=published.date(),
                first_published_at=published,
            )

        pages = self._spread(rng, [self.context["knowledge_index"]], count, build, progress,
                             "knowledge")
        self._link_m2m(Item, "learning_lines", pages, self.context["lines"], rng)
        self._link_m2m(Item, "sdgs", pages, self.context["sdgs"], rng)
        self._link_m2m(Item, "authoring_organisations", pages,
                       [page.organisation for page in organisations], rng, (0, 1))
        self._tag(Item, pages, rng)
        restrict_to_members([page for page in pages if page.kind == "political_monitor"])

    def _publication(self, model_name, rng, count, organisations, progress, fields_for):
        model = apps.get_model("memberhub", model_name)

        def build(number, parent):
            published = self._published(rng)
            page = model(title=title(rng, number),
                         slug=f"{model_name.lower()}-{number}-{uuid.uuid4().hex[:6]}",
                         summary=sentence(rng, 18), organisation_id=parent.organisation_id,
                         first_published_at=published)
            for field, value in fields_for(number, published).items():
                setattr(page, field, value)
            return page

        pages = self._spread(rng, organisations, count, build, progress, model_name[:-4].lower())
        self._tag(model, pages, rng)
        return model, pages

    def _make_news(self, rng, count, organisations, progress):
        model, pages = self._publication("NewsPage", rng, count, organisations, progress,
                                         lambda n, p: {"body": f"<p>{paragraph(rng)}</p>"})
        self._link_m2m(model, "learning_lines", pages, self.context["lines"], rng, (0, 1))

    def _make_impact_story(self, rng, count, organisations, progress):
        Country = apps.get_model("portal", "Country")
        countries = list(Country.objects.all())
        model, pages = self._publication(
            "ImpactStoryPage", rng, count, organisations, progress,
            lambda n, p: {"change": f"<p>{paragraph(rng)}</p>",
                          "country_id": rng.choice(countries).pk,
                          "partner_organisation": f"Partner {n}"})
        self._link_m2m(model, "sdgs", pages, self.context["sdgs"], rng)

    def _make_vacancy(self, rng, count, organisations, progress):
        self._publication("VacancyPage", rng, count, organisations, progress,
                          lambda n, p: {"body": f"<p>{paragraph(rng)}</p>",
                                        "closing_date": (p + timedelta(days=30)).date(),
                                        "application_email": "vacature@example.org"})

    def _make_event(self, rng, count, organisations, progress):
        def extra(number, published):
            start = published + timedelta(days=rng.randint(-30, 60))
            return {"body": f"<p>{paragraph(rng)}</p>", "start": start,
                    "end": start + timedelta(hours=2), "timezone": "Europe/Amsterdam",
                    "location": "Utrecht"}

        self._publication("EventPage", rng, count, organisations, progress, extra)

    def _make_session(self, rng, count, organisations, progress):
        Session = apps.get_model("learninglines", "SessionPage")
        Registration = apps.get_model("learninglines", "Registration")
        formats = [value for value, _ in Session._meta.get_field("format").choices]

        def build(number, parent):
            start = self.now + timedelta(days=rng.randint(-700, 120), hours=rng.randint(0, 8))
            return Session(
                title=title(rng, number), slug=f"sessie-{number}-{uuid.uuid4().hex[:6]}",
                track=rng.choice(["practitioner", "leadership"]), format=rng.choice(formats),
                summary=sentence(rng, 16), start=start, end=start + timedelta(hours=2),
                timezone="Europe/Amsterdam", location="Den Haag", capacity=30,
                first_published_at=start - timedelta(days=30),
                body=[{"type": "paragraph", "value": f"<p>{paragraph(rng, 3)}</p>",
                       "id": str(uuid.uuid4())}],
            )

        pages = self._spread(rng, self.context["lines"], count, build, progress, "sessions")
        rows = []
        for page in pages:
            past = page.end < self.now
            for user, organisation in rng.sample(self.people, k=min(4, len(self.people))):
                rows.append(Registration(
                    session_id=page.pk, user=user, organisation=organisation,
                    status="attended" if past else "registered"))
        Registration.objects.bulk_create(rows, batch_size=2000, ignore_conflicts=True)
        self._link_m2m(Session, "hosts", pages, [p.organisation for p in organisations], rng,
                       (1, 1))
