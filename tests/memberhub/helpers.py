from django.utils.text import slugify
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text


def news_form(title, body="<p>Een bericht.</p>", **extra):
    return nested_form_data({
        "title": title, "slug": slugify(title), "summary": "Korte samenvatting",
        "body": rich_text(body), "image_alt": "", "themes": "",
        "comments": inline_formset([]), **extra,
    })


def denied(response):
    """Refused: 403, or a redirect to a login page or the admin home (Wagtail's way)."""
    if response.status_code == 403:
        return True
    if response.status_code == 302:
        location = response["Location"]
        return "login" in location or location.rstrip("/").endswith("/admin")
    return False
