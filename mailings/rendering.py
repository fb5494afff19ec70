"""What a mailing looks like for one recipient: the items it shows (in the recipient's
language, only what they may receive) and the rendered e-mail, with the personal
unsubscribe link filled in last."""

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from mailings import selectors
from mailings.links import email_chrome, page_url, rich_text_html
from mailings.tokens import Scope, unsubscribe_headers, unsubscribe_urls
from portal.mail import render_email
from portal.text import email_text, plain_text


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
        "summary": plain_text(summary),
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
                blocks.append({"type": "text", "html": html, "text": email_text(html)})
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
                "intro_text": email_text(intro),
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

