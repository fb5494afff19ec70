"""The fuzz table's values and the few helpers that send them.

Values are given as they travel on the wire (percent-encoded), so broken UTF-8 and lone
surrogates reach the portal exactly as an attacker sends them.
"""

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import quote, urlsplit

from django.db import transaction


def wire(text):
    return quote(text, safe="")


# (label, percent-encoded value)
HOSTILE = [
    ("NUL", "%00"),
    ("NUL inside", "abc%00def"),
    ("quote", wire('"')),
    ("unterminated quote", wire('"unterminated')),
    ("space", "%20"),
    ("empty", ""),
    ("star", "*"),
    ("NEAR(", wire("NEAR(")),
    ("FTS operators", wire("a AND OR NOT ( ) ^ - {b c}")),
    ("column filter", wire("title:x")),
    ("SQL", wire("' OR 1=1--")),
    ("huge number", "99999999999999999999999"),
    ("negative", "-1"),
    ("zero", "0"),
    ("float", "1.5e309"),
    ("long string", "x" * 10000),
    ("bad date", "2026-13-45"),
    ("huge month", "99999999999999999999-1"),
    ("broken utf-8", "%ff%fe%C0%AF"),
    ("surrogate", "%ED%A0%80"),
    ("percent junk", "%%25%zz%"),
    ("emoji and RTL", wire("\U0001F600\u202e\u0301")),
    ("markup", wire('<script>alert(1)</script>"><img src=x onerror=alert(1)>')),
    ("CRLF", "a%0d%0aSet-Cookie:%20x=y"),
]

# Values an attacker repeats or sends as a list.
REPEATED = ("repeated", ["1", "%00", wire('"'), "99999999999999999999999"])
FULL = HOSTILE + [REPEATED]
# For addresses that read no parameter of their own: the values that reach the most code.
SHORT = [value for value in FULL if value[0] in (
    "NUL", "quote", "huge number", "long string", "broken utf-8", "markup", "repeated")]
# For a second role on the same addresses: the values that reach the parsers.
PARSERS = [value for value in FULL if value[0] in (
    "quote", "empty", "star", "NEAR(", "huge number", "negative", "long string", "bad date",
    "broken utf-8", "repeated")]
# For path segments.
SEGMENTS = [value for value in HOSTILE if value[0] in (
    "NUL", "quote", "unterminated quote", "star", "SQL", "huge number", "negative", "float",
    "broken utf-8", "surrogate", "percent junk", "emoji and RTL", "markup", "CRLF")] + [
    ("long segment", "x" * 2000)]


def query(params, value):
    """A query string with every parameter set to ``value`` (a list: each one repeated)."""
    values = value if isinstance(value, list) else [value]
    return "&".join(f"{name}={item}" for name in params for item in values)


@dataclass
class Failures:
    """Every 500 (or unhandled exception) seen, reported together at the end."""

    seen: list = field(default_factory=list)
    requests: int = 0

    def check(self, client, method, url, label, **kwargs):
        """Send one request in a savepoint that is rolled back: a hostile request never
        changes what the next one sees, and a database error does not end the test."""
        self.requests += 1
        response = None
        try:
            with transaction.atomic():
                response = getattr(client, method)(url, **kwargs)
                transaction.set_rollback(True)
        except Exception as error:  # noqa: BLE001 - every unhandled error is a finding
            self.seen.append(f"{method.upper()} {url[:160]} [{label}]: "
                             f"{type(error).__name__}: {str(error)[:200]}")
            return None
        if response.status_code >= 500:
            self.seen.append(f"{method.upper()} {url[:160]} [{label}]: "
                             f"status {response.status_code}")
        return response

    def assert_none(self):
        import pytest

        if self.seen:
            pytest.fail(self.report(), pytrace=False)

    def report(self):
        unique = sorted(set(self.seen))
        return f"{len(unique)} server errors in {self.requests} requests:\n" + "\n".join(
            unique[:80])


@dataclass
class Form:
    action: str
    method: str
    enctype: str
    fields: dict  # name -> default value (first one seen)


class FormParser(HTMLParser):
    """The forms of a page with their fields, as a browser would submit them."""

    def __init__(self, page_url):
        super().__init__(convert_charrefs=True)
        self.page_url = page_url
        self.forms = []
        self.current = None
        self.select = None
        self.textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            action = attrs.get("action") or self.page_url
            if action.startswith("?"):
                action = urlsplit(self.page_url).path + action
            self.current = Form(action=action, method=(attrs.get("method") or "get").lower(),
                                enctype=attrs.get("enctype", ""), fields={})
            self.forms.append(self.current)
        elif self.current is None:
            return
        elif tag == "input" and attrs.get("name"):
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in attrs \
                    and attrs["name"] in self.current.fields:
                return
            self.current.fields.setdefault(attrs["name"], attrs.get("value") or "")
        elif tag == "select" and attrs.get("name"):
            self.select = attrs["name"]
            self.current.fields.setdefault(self.select, "")
        elif tag == "option" and self.select and not self.current.fields[self.select]:
            self.current.fields[self.select] = attrs.get("value") or ""
        elif tag == "textarea" and attrs.get("name"):
            self.textarea = attrs["name"]
            self.current.fields.setdefault(self.textarea, "")
        elif tag == "button" and attrs.get("name"):
            self.current.fields.setdefault(attrs["name"], attrs.get("value") or "")

    def handle_endtag(self, tag):
        if tag == "form":
            self.current = None
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None


def forms_on(html, page_url):
    parser = FormParser(page_url)
    parser.feed(html)
    return parser.forms


def link_parameters(html, path):
    """Names of the query parameters in the page's own links to ``path`` (``?a=1&b=2``)."""
    import re
    from html import unescape
    from urllib.parse import parse_qs

    names = set()
    for href in re.findall(r'href="([^"]*\?[^"]*)"', html):
        href = unescape(href)
        target, _, query_string = href.partition("?")
        if target in ("", path):
            names.update(parse_qs(query_string, keep_blank_values=True))
    return names
