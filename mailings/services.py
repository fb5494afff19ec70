"""Actions for mailings: subscriptions, unsubscribe links, bounced addresses, and
composing and queueing e-mails (always through portal.mail)."""

import hashlib
import logging
import re

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.text import normalize_newlines
from django.utils.translation import gettext as _
from wagtail.rich_text import expand_db_html

from mailings import selectors
from mailings.models import (
    Channel,
    DeliveredItem,
    EmailAddressStatus,
    Follow,
    Frequency,
    Mailing,
    Subscription,
)
from portal.mail import queue_email, render_email, render_subject

logger = logging.getLogger(__name__)

BATCH_SIZE = 200
TEST_CATEGORY = "mailing-test"

# --- Links -----------------------------------------------------------------------------


def base_url():
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute(path):
    if path.startswith(("http://", "https://")):
        return path
    return base_url() + path


def portal_url(name, language, **kwargs):
    """Absolute URL of a portal view in the recipient's language (/en/… for English)."""
    with translation.override(language):
        return absolute(reverse(name, kwargs=kwargs or None))


def page_url(page):
    """Absolute URL of a page (its own language's prefix included)."""
    parts = page.get_url_parts()
    if parts is None:
        return ""
    _site_id, _root_url, page_path = parts
    return absolute(page_path)


_RELATIVE_HREF = re.compile(r'href="/(?!/)')


def absolute_links(html):
    return _RELATIVE_HREF.sub(f'href="{base_url()}/', html)


def email_chrome(language):
    """What every e-mail shows around its content, in the recipient's language."""
    return {
        "language": language,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "home_url": absolute("/en/" if language == "en" else "/"),
        "preferences_url": portal_url("mailings:subscriptions", language),
    }


def rich_text_html(value):
    return absolute_links(expand_db_html(value or ""))


_LINK = re.compile(r'<a\s[^>]*href="([^"]*)"[^>]*>(.*?)</a>', re.IGNORECASE | re.DOTALL)


def html_to_text(html):
    """Readable plain text of simple rich text: paragraphs, list items and links kept."""
    text = _LINK.sub(lambda m: f"{strip_tags(m.group(2))} ({m.group(1)})", html or "")
    text = re.sub(r"<li[^>]*>", "- ", text, flags=re.IGNORECASE)
    text = re.sub(r"</(p|li|h\d|ul|ol)>|<br\s*/?>", "\n", text, flags=re.IGNORECASE)
    text = strip_tags(text)
    import html as html_module

    text = html_module.unescape(normalize_newlines(text))
    lines = [line.strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


# --- Unsubscribe tokens -------------------------------------------------------------------

TOKEN_SALT = "mailings.unsubscribe"  # noqa: S105  # nosec B105 (a salt, not a secret)
TOKEN_VERSION = 1


class Scope:
    MAILING = "mailing"          # the member mailing
    MONITOR = "monitor"          # the political monitor
    DIGEST = "digest"            # everything weekly
    IMMEDIATELY = "immediately"  # every immediate notification

    ALL = (MAILING, MONITOR, DIGEST, IMMEDIATELY)


class InvalidToken(Exception):
    pass


def make_unsubscribe_token(user, scope):
    return signing.dumps({"v": TOKEN_VERSION, "u": user.pk, "s": scope}, salt=TOKEN_SALT)


def read_unsubscribe_token(token):
    """(user, scope) from a token; InvalidToken when forged, tampered, of an unknown
    version or for an account that no longer exists."""
    from django.contrib.auth import get_user_model

    try:
        data = signing.loads(token, salt=TOKEN_SALT)
    except signing.BadSignature as error:
        raise InvalidToken from error
    if not isinstance(data, dict) or data.get("v") != TOKEN_VERSION \
            or data.get("s") not in Scope.ALL:
        raise InvalidToken
    user = get_user_model().objects.filter(pk=data.get("u"), is_active=True).first()
    if user is None:
        raise InvalidToken
    return user, data["s"]


def unsubscribe_urls(user, scope, language):
    token = make_unsubscribe_token(user, scope)
    return (portal_url("mailings:unsubscribe", language, token=token),
            portal_url("mailings:unsubscribe_one_click", language, token=token))


def unsubscribe_headers(one_click_url):
    """RFC 8058: mail clients offer a one-click unsubscribe that POSTs to this URL."""
    return {"List-Unsubscribe": f"<{one_click_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


# --- Subscriptions ----------------------------------------------------------------------


@transaction.atomic
def save_subscription(user, *, member_mailing, political_monitor, language, lines=None,
                      tracks=None, themes=None):
    """Store a person's choices: ``lines``/``tracks``/``themes`` map the followed object
    (page, track value, theme) to a frequency; "never" removes the follow."""
    if political_monitor not in Frequency.values or language not in ("nl", "en"):
        raise ValidationError(_("Choose one of the options offered."))
    subscription, _created = Subscription.objects.select_for_update().get_or_create(
        user=user, defaults={"language": language})
    subscription.member_mailing = bool(member_mailing)
    subscription.political_monitor = political_monitor
    subscription.language = language
    subscription.save()
    follows = []
    for name, choices in (("learning_line", lines), ("track", tracks), ("theme", themes)):
        for subject, frequency in (choices or {}).items():
            if frequency == Frequency.NEVER:
                continue
            if frequency not in (Frequency.IMMEDIATELY, Frequency.WEEKLY):
                raise ValidationError(_("Choose one of the options offered."))
            follows.append(Follow(subscription=subscription, frequency=frequency,
                                  **{name: subject}))
    subscription.follows.all().delete()
    Follow.objects.bulk_create(follows)
    return subscription


@transaction.atomic
def unsubscribe(user, scope, everything=False):
    """Stop what the link was for (or everything). Idempotent; returns the subscription."""
    subscription, _created = Subscription.objects.select_for_update().get_or_create(
        user=user, defaults={"language": getattr(user, "preferred_language", "nl") or "nl"})
    if everything:
        subscription.member_mailing = False
        subscription.political_monitor = Frequency.NEVER
        subscription.follows.all().delete()
    elif scope == Scope.MAILING:
        subscription.member_mailing = False
    elif scope == Scope.MONITOR:
        subscription.political_monitor = Frequency.NEVER
    elif scope == Scope.DIGEST:
        subscription.follows.filter(frequency=Frequency.WEEKLY).delete()
        if subscription.political_monitor == Frequency.WEEKLY:
            subscription.political_monitor = Frequency.NEVER
    elif scope == Scope.IMMEDIATELY:
        subscription.follows.filter(frequency=Frequency.IMMEDIATELY).delete()
    subscription.save()
    return subscription


def erase_personal_data(user):
    """GDPR erasure: subscriptions, follows and the record of items sent."""
    Subscription.objects.filter(user=user).delete()
    DeliveredItem.objects.filter(user=user).delete()


def export_personal_data(user):
    subscription = Subscription.objects.filter(user=user).first()
    data = {"subscriptions": None}
    if subscription is not None:
        data["subscriptions"] = {
            "member_mailing": subscription.member_mailing,
            "political_monitor": subscription.political_monitor,
            "language": subscription.language,
            "follows": [
                {"learning_line": follow.learning_line.title if follow.learning_line else None,
                 "track": follow.track or None,
                 "theme": follow.theme.name if follow.theme else None,
                 "frequency": follow.frequency}
                for follow in subscription.follows.select_related("learning_line", "theme")
            ],
            "changed_at": subscription.updated_at.isoformat(),
        }
    data["subscriptions_items_sent"] = [
        {"page_id": item.page_id, "channel": item.channel,
         "sent_at": item.created_at.isoformat()}
        for item in DeliveredItem.objects.filter(user=user).order_by("created_at")
    ]
    return data


# --- Bounced and invalid addresses --------------------------------------------------------


@transaction.atomic
def mark_invalid(email, reason=""):
    """Mark an address as bounced/invalid: nothing more is queued for it, and what is
    still waiting for it is skipped. Returns the number of e-mails skipped."""
    from django.core.validators import validate_email

    from portal.models import QueuedEmail

    email = (email or "").strip().lower()
    validate_email(email)
    EmailAddressStatus.objects.update_or_create(
        email=email, defaults={"invalid": True, "reason": reason[:255]})
    return QueuedEmail.objects.filter(
        to__iexact=email, status=QueuedEmail.Status.PENDING
    ).update(status=QueuedEmail.Status.SKIPPED, last_error=f"invalid address: {reason}"[:2000])


def mark_valid(email):
    EmailAddressStatus.objects.filter(email=(email or "").strip().lower()).update(invalid=False)


# --- Items in e-mails ------------------------------------------------------------------


def _date_line(page, language):
    from django.utils.formats import date_format

    with translation.override(language):
        start = getattr(page, "start", None)
        if start is not None:
            local = timezone.localtime(start)
            return date_format(local, "DATETIME_FORMAT")
        closing = getattr(page, "closing_date", None)
        if closing is not None:
            return _("Apply by %(date)s") % {"date": date_format(closing, "DATE_FORMAT")}
    return ""


def item_entry(page, language, note="", restricted_paths=None):
    """What an e-mail shows of one page, in the recipient's language."""
    page = page.specific
    paths = selectors.restricted_paths() if restricted_paths is None else restricted_paths
    with translation.override(language):
        type_label = str(page._meta.verbose_name)
    summary = getattr(page, "summary", "") or ""
    if not summary and hasattr(page, "portal_search_fields"):
        summary = page.portal_search_fields().summary or ""
    return {
        "title": page.title,
        "url": page_url(page),
        "summary": " ".join(strip_tags(summary).split()),
        "type_label": type_label[:1].upper() + type_label[1:],
        "when": _date_line(page, language),
        "note": note,
        "members_only": selectors.is_restricted(page, paths),
    }


def localized(page, language, audience):
    """The page's version in ``language`` when it exists and may be sent, else the page."""
    from wagtail.models import Page

    if page.locale.language_code == language:
        return page
    translated = (Page.objects.live().filter(translation_key=page.translation_key,
                                             locale__language_code=language)
                  .first())
    if translated is not None and audience.may_receive(translated):
        return translated.specific
    return page


# --- Mailings ---------------------------------------------------------------------------

UNSUBSCRIBE_PLACEHOLDER = "MAILINGS-UNSUBSCRIBE-LINK-PLACEHOLDER"


class MailingRenderer:
    """Renders a mailing for many recipients: once per (language, items that person may
    receive), with the personal unsubscribe link filled in afterwards."""

    def __init__(self, mailing):
        self.mailing = mailing
        self.paths = selectors.restricted_paths()
        self._cache = {}

    def blocks_for(self, audience, language):
        blocks = []
        for child in self.mailing.body:
            if child.block_type == "item":
                page = child.value.get("page")
                if page is None:
                    continue
                page = page.specific
                if not audience.may_receive(page):
                    continue
                blocks.append({"type": "item", "page_id": page.pk,
                               "page": localized(page, language, audience),
                               "note": child.value.get("note", "")})
            elif child.block_type == "heading":
                blocks.append({"type": "heading", "text": child.value})
            elif child.block_type == "text":
                html = rich_text_html(child.value.source)
                blocks.append({"type": "text", "html": html, "text": html_to_text(html)})
        return blocks

    def render(self, user, language, is_current_member=True, test=False):
        audience = selectors.Audience(user, is_current_member, self.paths)
        blocks = self.blocks_for(audience, language)
        key = (language, tuple(block.get("page_id") for block in blocks), test)
        if key not in self._cache:
            for block in blocks:
                if block["type"] == "item":
                    block["item"] = item_entry(block["page"], language, block["note"],
                                               self.paths)
            intro = rich_text_html(self.mailing.intro)
            context = {
                **email_chrome(language),
                "mailing": self.mailing,
                "subject": self.mailing.subject,
                "test": test,
                "intro_html": intro,
                "intro_text": html_to_text(intro),
                "blocks": blocks,
                # Items sit under the editor's headings when there are any.
                "item_level": 3 if any(b["type"] == "heading" for b in blocks) else 2,
                "unsubscribe_url": UNSUBSCRIBE_PLACEHOLDER,
            }
            self._cache[key] = render_email("mailings/emails/mailing", context, language)
        return self._cache[key]

    def personal(self, user, language, is_current_member=True, test=False):
        """(subject, text, html, headers) for one recipient."""
        subject, text, html = self.render(user, language, is_current_member, test)
        link, one_click = unsubscribe_urls(user, Scope.MAILING, language)
        return (subject, text.replace(UNSUBSCRIBE_PLACEHOLDER, link),
                html.replace(UNSUBSCRIBE_PLACEHOLDER, link), unsubscribe_headers(one_click))


def render_mailing_preview(mailing, user):
    """The mailing as a member in the mailing's language receives it (for the editor)."""
    renderer = MailingRenderer(mailing)
    subject, text, html, _headers = renderer.personal(user, mailing.language, test=False)
    return subject, text, html


def mailing_dedupe_key(mailing, user):
    return f"mailing:{mailing.pk}:user:{user.pk}"


def send_test(mailing, user):
    """Queue the mailing to the editor themself, marked as a test."""
    if not user.email:
        raise ValidationError(_("Your account has no e-mail address."))
    renderer = MailingRenderer(mailing)
    subject, text, html, headers = renderer.personal(user, mailing.language, test=True)
    return queue_email(user.email, _("[Test] %(subject)s") % {"subject": subject}, text, html,
                       headers=headers, category=TEST_CATEGORY)


def validate_ready(mailing):
    errors = []
    if not (mailing.subject or "").strip():
        errors.append(_("Give the mailing a subject."))
    if not strip_tags(mailing.intro or "").strip():
        errors.append(_("Write an introduction."))
    if errors:
        raise ValidationError(errors)


def start_sending(mailing, user):
    """Start (or resume) sending to every recipient. Safe to call twice: each person's
    e-mail has its own record, so a resumed send never sends anyone a second copy."""
    from mailings.tasks import send_mailing_task

    with transaction.atomic():
        locked = Mailing.objects.select_for_update().get(pk=mailing.pk)
        if locked.status == Mailing.Status.SENT:
            raise ValidationError(_("This mailing has already been sent."))
        validate_ready(locked)
        if locked.status == Mailing.Status.DRAFT:
            locked.status = Mailing.Status.SENDING
            locked.send_started_at = timezone.now()
            locked.sent_by = user
            locked.recipient_count = selectors.mailing_recipients(locked).count()
            locked.save(update_fields=["status", "send_started_at", "sent_by",
                                       "recipient_count", "updated_at"])
    transaction.on_commit(lambda: _enqueue(send_mailing_task, locked.pk))
    return locked


def _enqueue(task, *args):
    try:
        task.enqueue(*args)
    except Exception:  # a task backend that is down must not break the editor's request
        logger.exception("Could not enqueue %s%s; run `manage.py send_mailings`", task, args)


def send_mailing(mailing_id, batch_size=BATCH_SIZE):
    """Queue the mailing for every recipient in batches, then mark it sent. Returns the
    number of e-mails queued in this run."""
    mailing = Mailing.objects.filter(pk=mailing_id).first()
    if mailing is None or mailing.status != Mailing.Status.SENDING:
        return 0
    renderer = MailingRenderer(mailing)
    recipients = selectors.mailing_recipients(mailing).order_by("pk")
    last_id, queued = 0, 0
    while True:
        batch = list(recipients.filter(pk__gt=last_id)[:batch_size])
        if not batch:
            break
        queued += send_mailing_batch(mailing, batch, renderer)
        last_id = batch[-1].pk
    Mailing.objects.filter(pk=mailing.pk, status=Mailing.Status.SENDING).update(
        status=Mailing.Status.SENT, sent_at=timezone.now())
    return queued


def send_mailing_batch(mailing, users, renderer):
    from portal.models import QueuedEmail

    keys = {user.pk: mailing_dedupe_key(mailing, user) for user in users}
    with transaction.atomic():
        done = set(QueuedEmail.objects.filter(dedupe_key__in=keys.values())
                   .values_list("dedupe_key", flat=True))
        queued = 0
        for user in users:
            if keys[user.pk] in done:
                continue
            language = getattr(user, "mail_language", None) or mailing.language
            subject, text, html, headers = renderer.personal(user, language)
            queue_email(user.email, subject, text, html, headers=headers,
                        category=mailing.category, dedupe_key=keys[user.pk])
            queued += 1
    return queued


def resume_unfinished_mailings():
    """Continue every mailing whose sending started but did not finish (after a crash)."""
    count = 0
    for mailing_id in Mailing.objects.filter(status=Mailing.Status.SENDING) \
            .values_list("pk", flat=True):
        send_mailing(mailing_id)
        count += 1
    return count


# --- Digests and notifications ----------------------------------------------------------


def _entries(pages, language, paths):
    return [item_entry(page, language, restricted_paths=paths) for page in pages]


def _queue_items_email(user, language, template, pages, channel, scope, dedupe_key,
                       context, paths):
    """Record the items as delivered and queue the e-mail, together or not at all.
    Returns False when another run delivered one of them first."""
    link, one_click = unsubscribe_urls(user, scope, language)
    context = {
        **email_chrome(language),
        **context,
        "items": _entries(pages, language, paths),
        "unsubscribe_url": link,
    }
    with translation.override(language):
        # The subject also titles the HTML part (escaped there like any other text).
        context["subject"] = render_subject(f"{template}_subject.txt", context)
    subject, text, html = render_email(template, context, language)
    try:
        with transaction.atomic():
            DeliveredItem.objects.bulk_create([
                DeliveredItem(user=user, translation_key=page.translation_key, page=page,
                              channel=channel) for page in pages])
            queue_email(user.email, subject, text, html,
                        headers=unsubscribe_headers(one_click),
                        category=f"mailings-{channel}", dedupe_key=dedupe_key)
    except IntegrityError:
        return False
    return True


def digest_pages(subscription, follows, infos, audience, delivered):
    """The pages of a person's digest: new items matching their weekly choices that
    they may receive and have not had before, in their language."""
    pages = []
    for info in infos:
        if (subscription.user_id, info.translation_key) in delivered:
            continue
        if not selectors.matches(subscription, follows, info, Frequency.WEEKLY):
            continue
        page = audience.page_for(info, subscription.language)
        if page is not None:
            pages.append(page)
    return pages


def send_digests(now=None, batch_size=BATCH_SIZE):
    """Queue this week's personal digests. Returns the number of digests queued; people
    with nothing new get none."""
    now = now or timezone.now()
    infos = selectors.new_items(now - selectors.NEW_ITEM_WINDOW, now)
    if not infos:
        return 0
    paths = selectors.restricted_paths()
    keys = [info.translation_key for info in infos]
    subscriptions = selectors.digest_subscriptions()
    last_id, sent = 0, 0
    while True:
        batch = list(subscriptions.filter(pk__gt=last_id)[:batch_size])
        if not batch:
            break
        last_id = batch[-1].pk
        user_ids = [subscription.user_id for subscription in batch]
        members = selectors.active_member_ids(user_ids)
        delivered = selectors.delivered_keys(user_ids, keys)
        follows = selectors.follows_by_subscription([s.pk for s in batch])
        for subscription in batch:
            user = subscription.user
            audience = selectors.Audience(user, user.pk in members, paths)
            pages = digest_pages(subscription, follows.get(subscription.pk, []), infos,
                                 audience, delivered)
            if not pages:
                continue
            digest_id = hashlib.sha256(
                ",".join(sorted(str(page.translation_key) for page in pages)).encode()
            ).hexdigest()[:16]
            if _queue_items_email(
                    user, subscription.language, "mailings/emails/digest", pages,
                    Channel.DIGEST, Scope.DIGEST,
                    f"digest:user:{user.pk}:{now:%Y%m%d}:{digest_id}",
                    {"week": now.isocalendar().week}, paths):
                sent += 1
    return sent


def notify_published(page_id):
    """Tell everyone who wants this item at once (follows or the political monitor).
    Returns the number of e-mails queued."""
    from wagtail.models import Page

    page = Page.objects.filter(pk=page_id).first()
    if page is None or not page.live:
        return 0
    page = page.specific
    if page.first_published_at is None or \
            page.first_published_at < timezone.now() - selectors.NEW_ITEM_WINDOW:
        return 0  # an old item republished is not news
    info = selectors.item_for_page(page)
    if info is None:
        return 0
    paths = selectors.restricted_paths()
    subscriptions = list(selectors.immediate_subscriptions(info))
    if not subscriptions:
        return 0
    members = selectors.active_member_ids([s.user_id for s in subscriptions])
    follows = selectors.follows_by_subscription([s.pk for s in subscriptions])
    sent = 0
    for subscription in subscriptions:
        if not selectors.matches(subscription, follows.get(subscription.pk, []), info,
                                 Frequency.IMMEDIATELY):
            continue
        user = subscription.user
        audience = selectors.Audience(user, user.pk in members, paths)
        chosen = audience.page_for(info, subscription.language)
        if chosen is None:
            continue
        scope = Scope.MONITOR if info.is_monitor else Scope.IMMEDIATELY
        if _queue_items_email(
                user, subscription.language, "mailings/emails/notification", [chosen],
                Channel.IMMEDIATELY, scope,
                f"notify:{info.translation_key}:user:{user.pk}",
                {"is_monitor": info.is_monitor}, paths):
            sent += 1
    return sent
