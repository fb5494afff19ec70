"""The figures page as an editor sees it (issue 12, items 14 and 20): charts that draw in the
Dutch admin, a real title, and every table as .xlsx and as a CSV that Excel in Dutch reads."""

import csv
import io
import re
from html.parser import HTMLParser

import pytest
from openpyxl import load_workbook
from wagtail.users.models import UserProfile

from learninglines.models import Registration
from tests.learninglines.test_figures import fixed  # noqa: F401  (the fixed data set)

pytestmark = pytest.mark.django_db
FIGURES = "/admin/learninglines/figures/"
# Attributes whose value SVG parses as a number or a list of numbers.
NUMERIC = {"x", "y", "x1", "x2", "y1", "y2", "dx", "dy", "width", "height", "cx", "cy",
           "r", "stroke-width", "font-size", "viewbox", "stroke-dasharray"}
SVG_NUMBER = re.compile(r"^-?(\d+(\.\d+)?|\.\d+)([eE]-?\d+)?$")


class SvgAttributes(HTMLParser):
    """Collects (tag, attribute, value) of numeric attributes inside <svg> elements."""

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.found = []

    def handle_starttag(self, tag, attrs):
        if tag == "svg":
            self.depth += 1
        if self.depth:
            self.found += [(tag, name, value) for name, value in attrs if name in NUMERIC]

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "svg":
            self.depth -= 1

    def handle_endtag(self, tag):
        if tag == "svg":
            self.depth -= 1


def admin_in(language, user, client):
    UserProfile.get_for_user(user).__class__.objects.filter(user=user).update(
        preferred_language=language)
    client.force_login(user)
    return client


def parse(response):
    parser = SvgAttributes()
    parser.feed(response.content.decode())
    return parser


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_svg_number_is_an_svg_number_in_each_language(client, fixed, editor,  # noqa: F811
                                                            language):
    admin_in(language, editor, client)
    response = client.get(FIGURES, {"year": "2025"})
    assert response.status_code == 200
    parser = parse(response)
    assert len(parser.found) > 50  # three charts were drawn
    # One number per attribute, or (viewBox, dash arrays) numbers separated by spaces; the
    # Dutch admin wrote "302,3", which the browser refuses (and draws no bar).
    bad = [(tag, name, value) for tag, name, value in parser.found
           if not all(SVG_NUMBER.match(part) for part in value.split())]
    assert bad == []
    widths = [float(value) for tag, name, value in parser.found
              if tag == "rect" and name == "width"]
    assert any(width > 0 for width in widths)
    # Some geometry really has decimals (so the test would catch "302,3").
    assert any("." in value for _tag, _name, value in parser.found)


def test_chart_labels_stay_in_the_language_of_the_page(client, fixed, editor):  # noqa: F811
    admin_in("nl", editor, client)
    body = client.get(FIGURES, {"year": "2025"}).content.decode()
    assert ">60,0%</text>" in body  # text in the chart is Dutch, geometry is not


class VisibleBreadcrumbs(HTMLParser):
    """The text of the breadcrumb items a sighted editor sees (Wagtail hides all but the
    last one until the breadcrumbs are expanded)."""

    def __init__(self):
        super().__init__()
        self.in_nav = False
        self.items = []
        self._current = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "nav" and "aria-label" in attrs:
            self.in_nav = True
        elif tag == "li" and self.in_nav:
            self._current = None if "hidden" in attrs else []

    def handle_endtag(self, tag):
        if tag == "nav":
            self.in_nav = False
        elif tag == "li" and self._current is not None:
            self.items.append(" ".join(self._current))
            self._current = None

    def handle_data(self, data):
        if self._current is not None and data.strip():
            self._current.append(data.strip())


def visible_breadcrumbs(response):
    parser = VisibleBreadcrumbs()
    parser.feed(response.content.decode())
    return parser.items


def test_figures_page_header_is_its_title(client, fixed, editor):  # noqa: F811
    admin_in("nl", editor, client)
    assert visible_breadcrumbs(client.get(FIGURES, {"year": "2025"})) == ["Cijfers leerlijnen"]
    admin_in("en", editor, client)
    assert visible_breadcrumbs(client.get(FIGURES)) == ["Learning-line figures"]


def test_session_registrations_header_is_its_title(client, fixed, editor):  # noqa: F811
    admin_in("nl", editor, client)
    s1 = fixed["sessions"][0]
    response = client.get(f"/admin/learninglines/sessions/{s1.pk}/registrations/")
    assert visible_breadcrumbs(response) == [f"Aanmeldingen: {s1.title}"]
    assert f'href="{FIGURES}"' in response.content.decode()  # the way back, one level up


def _csv(response):
    raw = response.getvalue()  # also for a streamed download
    assert raw.startswith("\ufeff".encode()), "no UTF-8 byte-order mark"
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))


def _xlsx(response):
    assert response["Content-Type"] == \
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = load_workbook(io.BytesIO(response.getvalue())).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


@pytest.mark.parametrize("table", ["participation", "satisfaction", "monthly"])
def test_each_figures_table_downloads_as_xlsx_and_dutch_csv(client, fixed, editor,  # noqa: F811
                                                            table):
    admin_in("nl", editor, client)
    page = client.get(FIGURES, {"year": "2025"}).content.decode()
    # Both links are on the page, with a word on which to pick.
    assert f"export={table}&amp;format=xlsx" in page
    assert f"export={table}&amp;format=csv" in page
    assert "Voor Excel neem je het .xlsx-bestand" in page
    csv_rows = _csv(client.get(FIGURES, {"year": "2025", "export": table, "format": "csv"}))
    xlsx_rows = _xlsx(client.get(FIGURES, {"year": "2025", "export": table,
                                           "format": "xlsx"}))
    assert len(csv_rows) == len(xlsx_rows) > 1
    assert len(csv_rows[0]) == len(xlsx_rows[0]) > 3  # columns, not one long column


def test_figures_csv_numbers_read_as_numbers_in_dutch_excel(client, fixed, editor):  # noqa: F811
    admin_in("nl", editor, client)
    rows = _csv(client.get(FIGURES, {"year": "2025", "export": "participation"}))
    line2 = next(row for row in rows if row[1] == "Lijn 2")
    assert line2[2:6] == ["1", "5", "20,0", "nee"]
    xlsx = _xlsx(client.get(FIGURES, {"year": "2025", "export": "participation",
                                      "format": "xlsx"}))
    line2 = next(row for row in xlsx if row[1] == "Lijn 2")
    assert line2[2:5] == [1, 5, 20.0]  # real numbers in the workbook


def test_session_registrations_download_both_ways(client, fixed, editor):  # noqa: F811
    admin_in("nl", editor, client)
    s1 = fixed["sessions"][0]
    url = f"/admin/learninglines/sessions/{s1.pk}/registrations/"
    page = client.get(url).content.decode()
    assert 'href="?export=xlsx"' in page and 'href="?export=csv"' in page
    emails = set(Registration.objects.filter(session=s1).values_list("user__email",
                                                                     flat=True))
    csv_rows = _csv(client.get(url, {"export": "csv"}))
    xlsx_rows = _xlsx(client.get(url, {"export": "xlsx"}))
    assert {row[1] for row in csv_rows[1:]} == emails == {row[1] for row in xlsx_rows[1:]}


def test_formula_in_a_name_is_never_a_formula(client, fixed, editor):  # noqa: F811
    s1 = fixed["sessions"][0]
    person = Registration.objects.filter(session=s1).first().user
    person.first_name, person.last_name = "=HYPERLINK(\"http://evil\")", "X"
    person.save()
    admin_in("nl", editor, client)
    url = f"/admin/learninglines/sessions/{s1.pk}/registrations/"
    csv_names = [row[0] for row in _csv(client.get(url, {"export": "csv"}))]
    xlsx_names = [row[0] for row in _xlsx(client.get(url, {"export": "xlsx"}))]
    assert all(not name.startswith("=") for name in csv_names + xlsx_names)


@pytest.mark.parametrize("listing", ["registrations", "evaluations",
                                     "working-group-participants"])
def test_admin_listing_csv_is_dutch_excel_csv_and_xlsx_is_offered(client, fixed, editor,  # noqa: F811
                                                                  listing):
    admin_in("nl", editor, client)
    url = f"/admin/learninglines/{listing}/"
    page = client.get(url)
    assert page.status_code == 200
    body = page.content.decode()
    assert "Downloaden als Excel (.xlsx)" in body and "Downloaden als CSV (puntkomma" in body
    rows = _csv(client.get(url, {"export": "csv"}))
    assert len(rows[0]) > 3
    assert len(_xlsx(client.get(url, {"export": "xlsx"}))[0]) == len(rows[0])
