"""Spreadsheet downloads: every table the portal exports comes as .xlsx and as CSV.

- .xlsx (openpyxl) opens correctly in Excel in any language and in LibreOffice: numbers
  stay numbers, no separator to guess. It is the one to pick for Excel.
- CSV is written the way Excel set to Dutch reads it: semicolons between fields, a UTF-8
  byte-order mark (so accents survive), and decimal numbers with the decimal separator of
  the language the page is shown in (a comma in Dutch). A comma-separated file opened as
  one column in a Dutch Excel (issue 12, item 20).

Text cells that start like a formula are neutralised in both formats (CSV injection).
The admin listings built on Wagtail's ModelViewSet get the same CSV through
``SpreadsheetIndexViewMixin``; their .xlsx is Wagtail's own.
"""

import csv
import datetime
import decimal
import io

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

CSV = "csv"
XLSX = "xlsx"
FORMATS = (XLSX, CSV)
CSV_DELIMITER = ";"
BOM = "\ufeff"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# Shown beside the download buttons, so people know which one to take.
WHICH_TO_PICK = gettext_lazy(
    "For Excel, take the .xlsx file. The CSV file uses semicolons and UTF-8, as Excel set "
    "to Dutch expects; take it for other programs or imports.")
XLSX_LABEL = gettext_lazy("Download as Excel (.xlsx)")
CSV_LABEL = gettext_lazy("Download as CSV (semicolons)")

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_text(value):
    """A text cell that cannot run as a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def csv_cell(value):
    """One CSV field: numbers with the language's decimal separator, no thousands."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, (float, decimal.Decimal)):
        return number_format(value, use_l10n=True, force_grouping=False)
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return safe_text(value if isinstance(value, (int, str)) else str(value))


def xlsx_cell(value):
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.make_naive(value)  # Excel has no time zones: the local time
    if isinstance(value, (int, float, decimal.Decimal, datetime.date)) or value is None:
        return value
    return safe_text(str(value))


def csv_writer(stream):
    return csv.writer(stream, delimiter=CSV_DELIMITER, lineterminator="\r\n")


def csv_response(filename, header, rows):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    response.write(BOM)
    writer = csv_writer(response)
    writer.writerow([csv_cell(value) for value in header])
    for row in rows:
        writer.writerow([csv_cell(value) for value in row])
    return response


def xlsx_response(filename, header, rows, sheet_title=None):
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=(sheet_title or filename)[:31])

    def cells(values):
        for value in values:
            cell = WriteOnlyCell(sheet, xlsx_cell(value))
            if cell.data_type == "f":  # never a formula
                cell.data_type = "s"
            yield cell

    sheet.append(list(cells(header)))
    for row in rows:
        sheet.append(list(cells(row)))
    output = io.BytesIO()
    workbook.save(output)
    response = HttpResponse(output.getvalue(), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


def table_response(file_format, filename, header, rows, sheet_title=None):
    """The table as a download in ``file_format`` ("xlsx" or "csv"); filename without
    extension."""
    rows = list(rows)
    if file_format == XLSX:
        return xlsx_response(filename, header, rows, sheet_title=sheet_title)
    return csv_response(filename, header, rows)


def requested_format(request, parameter="format"):
    """The format asked for in the query string; CSV when absent or unknown."""
    return XLSX if request.GET.get(parameter) == XLSX else CSV


class _Echo:
    def write(self, value):
        return value


class SpreadsheetIndexViewMixin:
    """For a Wagtail ModelViewSet's index view (``index_view_class``): the CSV download is
    the Dutch-Excel CSV above, and the download buttons say which file is which."""

    def stream_csv(self, queryset):
        writer = csv_writer(_Echo())
        yield BOM
        yield writer.writerow([self.get_heading(queryset, field) for field in self.list_export])
        for item in queryset:
            row = self.to_row_dict(item)
            yield writer.writerow([self._csv_value(field, value) for field, value in row.items()])

    def _csv_value(self, field, value):
        # Wagtail's own preprocessing turns everything into text; keep it only where a view
        # asks for it (and for lists), so numbers and dates get the CSV conventions above.
        if CSV in self.custom_field_preprocess.get(field, {}) or isinstance(value, list):
            value = self.preprocess_field_value(field, value, CSV)
        return csv_cell(value)

    def write_csv_response(self, queryset):
        response = StreamingHttpResponse(
            (chunk.encode("utf-8") for chunk in self.stream_csv(queryset)),
            content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.get_filename()}.csv"'
        return response

    def generate_xlsx_row(self, worksheet, row_dict, date_format=None):
        for cell in super().generate_xlsx_row(worksheet, row_dict, date_format=date_format):
            if isinstance(cell.value, str):
                cell.value = safe_text(cell.value)
            yield cell

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        labels = {self.xlsx_export_url: XLSX_LABEL, self.csv_export_url: CSV_LABEL}
        for button in buttons:
            if getattr(button, "url", None) in labels:
                button.label = labels[button.url]
        return buttons
