"""Demo content for mailings: subscriptions of the demo accounts, two member mailings
sent earlier this year and one draft. Idempotent, and it sends nothing: the earlier
mailings are only marked as sent."""

from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Page

from mailings.models import Channel, DeliveredItem, Follow, Mailing, Subscription
from mailings.selectors import mailing_recipients, notifiable_models

# (e-mail, member mailing, political monitor, language, [(kind, key, frequency)])
SUBSCRIPTIONS = [
    ("lid@example.org", True, "weekly", "nl",
     [("line", "digital-readiness", "weekly"), ("track", "practitioner", "weekly"),
      ("theme", "Digitale autonomie", "immediately")]),
    ("beheerder@waterbron.example.org", True, "immediately", "nl",
     [("line", "equitable-partnerships", "weekly"), ("theme", "Klimaat", "weekly")]),
    ("redacteur@example.org", False, "never", "en",
     [("track", "leadership", "weekly")]),
]

MAILINGS = [
    {"subject": "Ledenmailing januari: de leerlijnen van 2026", "days_into_year": 20,
     "intro": "<p>Beste leden,</p><p>Het nieuwe jaar begint met drie leerlijnen, elk met een "
              "Practitioner- en een Leadership-track. Hieronder leest u waar u kunt aansluiten."
              "</p>",
     "heading": "Uit de kennisbank"},
    {"subject": "Ledenmailing februari: sessies en nieuwe kennis", "days_into_year": 48,
     "intro": "<p>Beste leden,</p><p>Deze maand starten de eerste netwerksessies. Meld u aan "
              "via de pagina van de sessie; de plaatsen zijn beperkt.</p>",
     "heading": "Nieuw voor leden"},
]
DRAFT = {"subject": "Ledenmailing maart (concept)",
         "intro": "<p>Beste leden,</p><p>In deze mailing: de voorjaarsledenvergadering en "
                  "nieuwe impactverhalen.</p>",
         "heading": "Agenda"}


def _subscriptions(context):
    from portal.models import ThemeTag

    lines = context.get("learning_lines", {})
    User = get_user_model()
    for email, member_mailing, monitor, language, follows in SUBSCRIPTIONS:
        user = User.objects.filter(email=email).first()
        if user is None:
            continue
        subscription, created = Subscription.objects.get_or_create(
            user=user, defaults={"member_mailing": member_mailing,
                                 "political_monitor": monitor})
        if created and user.preferred_language != language:
            user.preferred_language = language
            user.save(update_fields=["preferred_language"])
        # The demo content was all published just now: count it as known to the demo
        # accounts, so loading the demo sends no notifications and no digest.
        _mark_known(user)
        if not created:
            continue  # keep what someone changed while trying the demo
        for kind, key, frequency in follows:
            values = {"subscription": subscription, "frequency": frequency}
            if kind == "line":
                if key not in lines:
                    continue
                values["learning_line"] = lines[key]
            elif kind == "track":
                values["track"] = key
            else:
                theme = ThemeTag.objects.filter(name=key).first()
                if theme is None:
                    continue
                values["theme"] = theme
            Follow.objects.create(**values)


def _mark_known(user):
    known = set(DeliveredItem.objects.filter(user=user).values_list("translation_key",
                                                                     flat=True))
    records = {}
    for model, _kind in notifiable_models():
        for pk, key in model.objects.live().values_list("pk", "translation_key"):
            if key not in known:
                records.setdefault(key, DeliveredItem(user=user, translation_key=key,
                                                      page_id=pk, channel=Channel.DIGEST))
    DeliveredItem.objects.bulk_create(records.values(), ignore_conflicts=True)


def _demo_items(context):
    """Some public pages for the mailings: knowledge items, sessions, news."""
    pages = list((context.get("knowledge_items") or {}).values())[:2]
    news = context.get("sections", {}).get("nieuws")
    if news is not None:
        pages += list(Page.objects.live().child_of(news).order_by("-first_published_at")[:1])
    lines = context.get("learning_lines", {})
    for line in list(lines.values())[:1]:
        pages += list(Page.objects.live().child_of(line).order_by("path")[:1])
    return [page for page in pages if page is not None]


def _body(spec, items):
    body = [("heading", spec["heading"])]
    body += [("item", {"page": page, "note": ""}) for page in items]
    body.append(("text", "<p>Vragen? Mail de redactie via het contactformulier op het "
                         "portaal.</p>"))
    return body


def load(context):
    _subscriptions(context)
    items = _demo_items(context)
    now = timezone.now()
    start_of_year = timezone.make_aware(datetime(now.year, 1, 1, 9, 0))
    for number, spec in enumerate(MAILINGS):
        if Mailing.objects.filter(subject=spec["subject"]).exists():
            continue
        sent_at = min(start_of_year + timedelta(days=spec["days_into_year"]),
                      now - timedelta(hours=2 * (len(MAILINGS) - number)))
        mailing = Mailing(subject=spec["subject"], intro=spec["intro"],
                          body=_body(spec, items[number::2] or items))
        mailing.save()
        mailing.save_revision()
        Mailing.objects.filter(pk=mailing.pk).update(
            status=Mailing.Status.SENT, send_started_at=sent_at, sent_at=sent_at,
            recipient_count=mailing_recipients(mailing).count())
    if not Mailing.objects.filter(subject=DRAFT["subject"]).exists():
        draft = Mailing(subject=DRAFT["subject"], intro=DRAFT["intro"],
                        body=_body(DRAFT, items[:2]))
        draft.save()
        draft.save_revision()
