"""Reads for mailings: who receives what, which items match whose follows, progress and
figures. Other apps' models are looked up by name, so a type that does not exist (yet)
is simply skipped."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db.models import Count, Q
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from mailings.models import (
    DeliveredItem,
    EmailAddressStatus,
    Follow,
    Frequency,
    Mailing,
    Subscription,
    Track,
)
from portal.visibility import can_view

# Its target (at least 10 a year, one a month) is in the year plan (portal.measures).
MEMBER_MAILINGS_KEY = "mailings.member_mailings"
# How far back "new" reaches: a digest run that was missed is caught up next time, and
# an old page that is edited and republished is not news.
NEW_ITEM_WINDOW = timedelta(days=14)

# Item types that digests and notifications report on, with their kind key.
NOTIFIABLE_MODELS = [
    ("knowledge.KnowledgeItemPage", "knowledge"),
    ("learninglines.SessionPage", "session"),
    ("memberhub.NewsPage", "news"),
    ("memberhub.ImpactStoryPage", "impact_story"),
    ("memberhub.VacancyPage", "vacancy"),
    ("memberhub.EventPage", "event"),
]
POLITICAL_MONITOR_KIND = "political_monitor"
BOTH_TRACKS = "both"


def model_or_none(label):
    """The model with this label, or None when that app or model does not exist."""
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


def notifiable_models():
    """[(model, kind key)] of the item types that exist in this installation."""
    found = []
    for label, kind in NOTIFIABLE_MODELS:
        model = model_or_none(label)
        if model is not None:
            found.append((model, kind))
    return found


def learning_line_model():
    return model_or_none("learninglines.LearningLinePage")


# --- Subscriptions ----------------------------------------------------------------------


def subscription_for(user):
    """The person's subscription, or an unsaved one with the defaults."""
    subscription = Subscription.objects.filter(user=user).first()
    if subscription is None:
        subscription = Subscription(user=user)
    return subscription


def follows_of(subscription):
    if subscription.pk is None:
        return []
    return list(subscription.follows.select_related("learning_line", "theme"))


def followable_learning_lines():
    """The learning lines one can follow: one per line, in the default language."""
    from wagtail.models import Locale

    model = learning_line_model()
    if model is None:
        return []
    return list(model.objects.live().filter(locale=Locale.get_default()).order_by("path"))


def followable_themes():
    from portal.models import ThemeTag

    return list(ThemeTag.objects.order_by("name"))


def invalid_addresses():
    return EmailAddressStatus.objects.filter(invalid=True).values("email")


def active_member_ids(user_ids):
    from memberhub.models import Membership

    return set(Membership.objects.filter(user_id__in=list(user_ids),
                                         organisation__active=True)
               .values_list("user_id", flat=True))


# --- Mailings ---------------------------------------------------------------------------


def mailing_recipients(mailing):
    """Active people of active member organisations who did not turn the member mailing
    off and whose address is not marked invalid, each once (the e-mail is in the person's
    language: portal.mail.recipient_language)."""
    users = (
        get_user_model().objects.filter(is_active=True,
                                        memberships__organisation__active=True)
        .exclude(mailing_subscription__member_mailing=False)
        .exclude(email__in=invalid_addresses())
        .distinct()
    )
    if mailing.only_this_language:
        users = users.filter(preferred_language=mailing.language)
    return users


def mailing_progress(mailing):
    """Counts of the mailing's queued e-mails by status, plus the recipients expected."""
    from portal.models import QueuedEmail

    counts = dict(QueuedEmail.objects.filter(category=mailing.category)
                  .values_list("status").annotate(count=Count("pk")).order_by())
    rows = [(status, label, counts.get(status, 0)) for status, label in
            QueuedEmail.Status.choices]
    queued = sum(counts.values())
    return {"rows": rows, "queued": queued, "expected": mailing.recipient_count,
            "sent": counts.get(QueuedEmail.Status.SENT, 0),
            "done": mailing.status == Mailing.Status.SENT}


def mailings_sent_in_year(year):
    return Mailing.objects.filter(status=Mailing.Status.SENT, sent_at__year=year)


def mailings_sent_between(start, end):
    """The number of member mailings sent on the days start to end (a year-plan measure)."""
    from portal.measures import period_bounds

    since, until = period_bounds(start, end)
    return Mailing.objects.filter(status=Mailing.Status.SENT, sent_at__gte=since,
                                  sent_at__lt=until).count()


# --- Items and follows ------------------------------------------------------------------


@dataclass
class ItemInfo:
    """One item with all its live translations, and what it is about."""

    translation_key: object
    kind: str
    pages: dict = field(default_factory=dict)   # language code -> specific page
    lines: set = field(default_factory=set)     # translation keys of learning lines
    tracks: set = field(default_factory=set)
    themes: set = field(default_factory=set)    # ThemeTag ids
    is_monitor: bool = False

    @property
    def first_page(self):
        return next(iter(self.pages.values()))


def _ancestor_paths(page):
    return [page.path[:i] for i in range(Page.steplen, len(page.path), Page.steplen)]


def _add_topics(info, page):
    line_model = learning_line_model()
    learning_lines = getattr(page, "learning_lines", None)
    if learning_lines is not None and hasattr(learning_lines, "all"):
        info.lines.update(line.translation_key for line in learning_lines.all())
    if line_model is not None:
        info.lines.update(line_model.objects.filter(path__in=_ancestor_paths(page))
                          .values_list("translation_key", flat=True))
    track = getattr(page, "track", "") or ""
    if track == BOTH_TRACKS:
        info.tracks.update(Track.values)
    elif track in Track.values:
        info.tracks.add(track)
    themes = getattr(page, "themes", None)
    if themes is not None and hasattr(themes, "all"):
        info.themes.update(theme.pk for theme in themes.all())
    if getattr(page, "kind", None) == POLITICAL_MONITOR_KIND and \
            type(page) is model_or_none("knowledge.KnowledgeItemPage"):
        info.is_monitor = True


def item_infos(pages):
    """Group live specific pages by item (translation key) and collect their topics."""
    kinds = {model: kind for model, kind in notifiable_models()}
    infos = {}
    for page in pages:
        kind = kinds.get(type(page))
        if kind is None:
            continue
        info = infos.setdefault(page.translation_key,
                                ItemInfo(translation_key=page.translation_key, kind=kind))
        info.pages.setdefault(page.locale.language_code, page)
        _add_topics(info, page)
    return list(infos.values())


def new_items(since, until=None):
    """Items first published since ``since``, each with all its live translations."""
    until = until or timezone.now()
    pages = []
    for model, _kind in notifiable_models():
        keys = (model.objects.live().filter(first_published_at__gte=since,
                                            first_published_at__lte=until)
                .values("translation_key"))
        pages.extend(model.objects.live().filter(translation_key__in=keys)
                     .select_related("locale").order_by("-first_published_at", "pk"))
    return item_infos(pages)


def item_for_page(page):
    """The ItemInfo of one page and its live translations (None for other page types)."""
    page = page.specific
    model = type(page)
    if model not in {m for m, _kind in notifiable_models()}:
        return None
    pages = model.objects.live().filter(translation_key=page.translation_key) \
        .select_related("locale")
    infos = item_infos(pages)
    return infos[0] if infos else None


def follow_matches(follow, info):
    if follow.learning_line_id:
        return follow.learning_line.translation_key in info.lines
    if follow.track:
        return follow.track in info.tracks
    if follow.theme_id:
        return follow.theme_id in info.themes
    return False


def matches(subscription, follows, info, frequency):
    """Whether the item reaches this subscription with this frequency: monitor editions
    through the political-monitor choice only, everything else through the follows."""
    if info.is_monitor:
        return subscription.political_monitor == frequency
    return any(follow.frequency == frequency and follow_matches(follow, info)
               for follow in follows)


def restricted_paths():
    """Paths of every page under a view restriction (member-only subtrees)."""
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def is_restricted(page, paths):
    return any(page.path.startswith(path) for path in paths)


class Audience:
    """Decides, for one person, which pages they may be sent: exactly what they may see
    (portal.visibility.can_view, the one rule; a membership that ended takes the Members
    group away, memberhub.services). ``is_current_member`` no longer grants or withholds
    anything: it stays for the callers' sake (a superuser without a membership was sent
    no member-only item that they may see)."""

    def __init__(self, user, is_current_member, paths=None):
        self.user = user
        self.is_current_member = is_current_member
        self.paths = restricted_paths() if paths is None else paths

    def may_receive(self, page):
        return can_view(self.user, page)

    def page_for(self, info, language):
        """The version of the item to send: in ``language`` when that one may be sent,
        else another version that may; None when none may."""
        ordered = [info.pages[language]] if language in info.pages else []
        ordered += [page for code, page in info.pages.items() if code != language]
        for page in ordered:
            if self.may_receive(page):
                return page
        return None


def digest_subscriptions():
    """Subscriptions with anything weekly, of active people with a valid address."""
    return (Subscription.objects.filter(user__is_active=True)
            .filter(Q(political_monitor=Frequency.WEEKLY)
                    | Q(follows__frequency=Frequency.WEEKLY))
            .exclude(user__email__in=invalid_addresses())
            .distinct().select_related("user").order_by("pk"))


def immediate_subscriptions(info):
    """Subscriptions that want this item at once, of active people with a valid address,
    who have not been told about it yet."""
    subscriptions = Subscription.objects.filter(user__is_active=True)
    if info.is_monitor:
        subscriptions = subscriptions.filter(political_monitor=Frequency.IMMEDIATELY)
    else:
        topic = Q(follows__learning_line__translation_key__in=list(info.lines)) | \
            Q(follows__track__in=list(info.tracks)) | Q(follows__theme_id__in=list(info.themes))
        subscriptions = subscriptions.filter(Q(follows__frequency=Frequency.IMMEDIATELY)
                                             & topic)
    already = DeliveredItem.objects.filter(translation_key=info.translation_key) \
        .values("user_id")
    return (subscriptions.exclude(user__email__in=invalid_addresses())
            .exclude(user_id__in=already).distinct().select_related("user").order_by("pk"))


def delivered_keys(user_ids, keys):
    return set(DeliveredItem.objects.filter(user_id__in=list(user_ids),
                                            translation_key__in=list(keys))
               .values_list("user_id", "translation_key"))


def follows_by_subscription(subscription_ids):
    grouped = {}
    for follow in (Follow.objects.filter(subscription_id__in=list(subscription_ids))
                   .select_related("learning_line")):
        grouped.setdefault(follow.subscription_id, []).append(follow)
    return grouped
