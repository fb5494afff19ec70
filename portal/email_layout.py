"""The HTML part of the portal's e-mails, in the site's look: every ``<base>.html`` e-mail
template extends ``portal/email/layout.html`` (inline styles, no remote images or fonts,
the recipient's language in ``lang``), and an e-mail queued with text only gets an HTML
part made from that text in the same layout (:func:`html_from_text`)."""

import re

from django.template.loader import render_to_string

LINK = "color:#0b5563;"


def html_from_text(subject, text):
    """The text part as HTML in the e-mail layout: paragraphs at blank lines, web
    addresses as links (escaped like any text). Rendered in the active language."""
    paragraphs = [part.strip() for part in re.split(r"\n\s*\n", text or "") if part.strip()]
    return render_to_string("portal/email/from_text.html",
                            {"subject": subject, "paragraphs": paragraphs})
