"""The parts of an XLSX file, written by hand: a zip of a few XML parts, streamed.

An XLSX workbook (Office Open XML, ECMA-376) is a zip archive holding the workbook
(``xl/workbook.xml``: the sheets' names and their filters' ranges), one part per sheet
(``xl/worksheets/sheetN.xml``: its columns' widths, frozen header, rows of cells and
filter), the shared strings (``xl/sharedStrings.xml``: every text once, cells refer to it by
number), the cell formats (``xl/styles.xml``), a theme and the document's properties
(``docProps/core.xml``: its description and creation time). The parts here are the ones
XlsxWriter writes, with its fixed formats and theme; :mod:`contactladder.io.workbooks` makes
the cells.

**Cell formats** (:data:`STYLES`, the ``s`` of a cell): 1 is the bold header, 2 whole numbers
``0``, 3 other numbers ``0.00``, 4 a day ``yyyy-mm-dd``, 5 a moment ``yyyy-mm-dd hh:mm:ss``.

A text cell is a shared string (``t="s"``), never a formula; each part has XlsxWriter's fixed
time (1980-01-01), so the same sheets give the same bytes.

Examples
--------
>>> import io, zipfile
>>> strings = SharedStrings()
>>> cell = f'<c r="A1" s="1" t="s"><v>{strings.index("ties")}</v></c>'
>>> sheet = Sheet("growth", [['<row r="1">', cell, "</row>"]], "A1", [(0, 0, 8)], 0, 0)
>>> data = package([sheet], strings, description="")
>>> sorted(zipfile.ZipFile(io.BytesIO(data)).namelist())[-1]
'xl/worksheets/sheet1.xml'
>>> strings.part()[-26:]
'<si><t>ties</t></si></sst>'
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass

from xlsxwriter.theme import THEME_XML_2007
from xlsxwriter.utility import quote_sheetname, xl_col_to_name

__all__ = ["STYLES", "Sheet", "SharedStrings", "package", "cell_text"]

#: The cell formats by name: their ``s`` numbers in :data:`_STYLES_XML`.
STYLES = {"header": 1, "integer": 2, "number": 3, "date": 4, "datetime": 5}
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOCUMENT = "application/vnd.openxmlformats-officedocument"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)
_FONT = (
    '<sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/>'
)
_XF = '<xf numFmtId="{}" fontId="{}" fillId="0" borderId="0" xfId="0"{}/>'
_NUMBER = ' applyNumberFormat="1"'
_STYLES_XML = (
    f'{_HEAD}<styleSheet xmlns="{_MAIN}"><numFmts count="3"><numFmt numFmtId="164" '
    'formatCode="0.00"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd"/><numFmt numFmtId="166" '
    f'formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts><fonts count="2"><font>{_FONT}</font><font><b/>'
    f'{_FONT}</font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill>'
    '<patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/>'
    '<right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf '
    'numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="6">'
    + _XF.format(0, 0, "")
    + _XF.format(0, 1, ' applyFont="1"')
    + "".join(_XF.format(number, 0, _NUMBER) for number in (1, 164, 165, 166))
    + '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
    '</cellStyles><dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium9" '
    'defaultPivotStyle="PivotStyleLight16"/></styleSheet>'
)
_ESCAPED_ESCAPE = re.compile("(_x[0-9a-fA-F]{4}_)")
_CONTROL = re.compile(r"([\x00-\x08\x0b-\x1f])")
_TO_ESCAPE = re.compile("[\x00-\x1f_&<>\ufffe\uffff]")
_EDGE_SPACE = re.compile(r"^\s|\s$")


@dataclass
class Sheet:
    """One sheet: its name, its rows as chunks of XML text (each an iterable of pieces), its
    dimension (``A1:I4``), its columns' ``(first, last, width in pixels)`` and the last row and
    column of its filter (None: no filter)."""

    name: str
    chunks: Iterable[Iterable[str]]
    dimension: str
    columns: list[tuple[int, int, int]]
    filter_row: int | None
    filter_column: int | None


class SharedStrings:
    """The texts of a workbook, each once, numbered in the order they are first asked for."""

    def __init__(self) -> None:
        self.numbers: dict[str, int] = {}
        self.count = 0  # how many cells refer to a text

    def index(self, text: str, cells: int = 1) -> int:
        """The number of ``text``, counting ``cells`` cells that hold it."""
        self.count += cells
        return self.numbers.setdefault(text, len(self.numbers))

    def part(self) -> str:
        """``xl/sharedStrings.xml``."""
        head = f'<sst xmlns="{_MAIN}" count="{self.count}" uniqueCount="{len(self.numbers)}">'
        return _HEAD + head + "".join(map(_string_item, self.numbers)) + "</sst>"


def cell_text(text: str) -> str:
    """``text`` as a shared string holds it: control characters as Excel's ``_xHHHH_`` (and
    a text that looks like one escaped), ``&``, ``<`` and ``>`` as XML entities.

    >>> cell_text("a\\rb <c> _x0001_")
    'a_x000D_b &lt;c&gt; _x005F_x0001_'
    """
    if not _TO_ESCAPE.search(text):
        return text
    text = _ESCAPED_ESCAPE.sub(r"_x005F\1", text)
    text = _CONTROL.sub(lambda match: f"_x{ord(match.group(1)):04X}_", text)
    text = text.replace("\ufffe", "_xFFFE_").replace("\uffff", "_xFFFF_")
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def package(sheets: list[Sheet], strings: SharedStrings, *, description: str) -> bytes:
    """The bytes of the XLSX file holding ``sheets`` (their rows written as they come, so
    ``strings`` is complete only after them) and ``description`` in its properties."""
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:

        def add(name: str, text: str) -> None:
            archive.writestr(_member(name), text.encode())

        add("[Content_Types].xml", _content_types(len(sheets)))
        add("_rels/.rels", _PACKAGE_RELATIONS)
        add("xl/_rels/workbook.xml.rels", _workbook_relations(len(sheets)))
        for number, sheet in enumerate(sheets):
            with archive.open(_member(f"xl/worksheets/sheet{number + 1}.xml"), "w") as part:
                part.write(_sheet_head(sheet, first=number == 0).encode())
                for chunk in sheet.chunks:
                    part.write("".join(chunk).encode())
                part.write(_sheet_tail(sheet).encode())
        add("xl/workbook.xml", _workbook(sheets))
        add("xl/sharedStrings.xml", strings.part())
        add("xl/styles.xml", _STYLES_XML)
        add("xl/theme/theme1.xml", THEME_XML_2007)
        add("docProps/core.xml", _core(description))
        add("docProps/app.xml", _app(sheets))
    return data.getvalue()


def _member(name: str) -> zipfile.ZipInfo:
    member = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
    member.compress_type = zipfile.ZIP_DEFLATED
    # Three times faster than the default level, a file a quarter larger (Python 3.13 calls
    # it compress_level).
    member._compresslevel = 1  # type: ignore[attr-defined]  # private in Python 3.11
    return member


def _string_item(text: str) -> str:
    space = ' xml:space="preserve"' if _EDGE_SPACE.search(text) else ""
    return f"<si><t{space}>{text}</t></si>"


def _attribute(text: str) -> str:
    return cell_text(text).replace('"', "&quot;")


def _sheet_head(sheet: Sheet, *, first: bool) -> str:
    selected = ' tabSelected="1"' if first else ""
    columns = "".join(
        f'<col min="{low + 1}" max="{high + 1}" width="{(pixels * 256 // 7) / 256:.16g}" '
        'customWidth="1"/>'
        for low, high, pixels in sheet.columns
    )
    return (
        f'{_HEAD}<worksheet xmlns="{_MAIN}" xmlns:r="{_RELS}"><dimension ref="{sheet.dimension}"/>'
        f'<sheetViews><sheetView{selected} workbookViewId="0"><pane ySplit="1" topLeftCell="A2" '
        'activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView>'
        '</sheetViews><sheetFormatPr defaultRowHeight="15"/>'
        + (f"<cols>{columns}</cols>" if columns else "")
        + "<sheetData>"
    )


def _filter_range(sheet: Sheet, absolute: bool = False) -> str:
    mark = "$" if absolute else ""
    last = f"{mark}{xl_col_to_name(sheet.filter_column or 0)}{mark}{(sheet.filter_row or 0) + 1}"
    first = f"{mark}A{mark}1"
    return first if last == first else f"{first}:{last}"


def _sheet_tail(sheet: Sheet) -> str:
    kept = f'<autoFilter ref="{_filter_range(sheet)}"/>' if sheet.filter_row is not None else ""
    margins = 'left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"'
    return f"</sheetData>{kept}<pageMargins {margins}/></worksheet>"


def _workbook(sheets: list[Sheet]) -> str:
    listed = "".join(
        f'<sheet name="{_attribute(sheet.name)}" sheetId="{number + 1}" r:id="rId{number + 1}"/>'
        for number, sheet in enumerate(sheets)
    )
    filters = "".join(
        f'<definedName name="_xlnm._FilterDatabase" localSheetId="{number}" hidden="1">'
        f"{cell_text(quote_sheetname(sheet.name))}!{_filter_range(sheet, True)}</definedName>"
        for number, sheet in enumerate(sheets)
        if sheet.filter_row is not None
    )
    return (
        f'{_HEAD}<workbook xmlns="{_MAIN}" xmlns:r="{_RELS}"><fileVersion appName="xl" '
        'lastEdited="4" lowestEdited="4" rupBuild="4505"/><workbookPr defaultThemeVersion='
        '"124226"/><bookViews><workbookView xWindow="240" yWindow="15" windowWidth="16095" '
        f'windowHeight="9660"/></bookViews><sheets>{listed}</sheets>'
        + (f"<definedNames>{filters}</definedNames>" if filters else "")
        + '<calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>'
    )


def _content_types(sheets: int) -> str:
    def override(part: str, kind: str) -> str:
        return f'<Override PartName="/{part}" ContentType="{kind}"/>'

    sheet_kind = f"{_DOCUMENT}.spreadsheetml.worksheet+xml"
    return (
        f'{_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        + override("docProps/app.xml", f"{_DOCUMENT}.extended-properties+xml")
        + override(
            "docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"
        )
        + override("xl/styles.xml", f"{_DOCUMENT}.spreadsheetml.styles+xml")
        + override("xl/theme/theme1.xml", f"{_DOCUMENT}.theme+xml")
        + override("xl/workbook.xml", f"{_DOCUMENT}.spreadsheetml.sheet.main+xml")
        + "".join(override(f"xl/worksheets/sheet{n + 1}.xml", sheet_kind) for n in range(sheets))
        + override("xl/sharedStrings.xml", f"{_DOCUMENT}.spreadsheetml.sharedStrings+xml")
        + "</Types>"
    )


def _relation(number: int, kind: str, target: str) -> str:
    return f'<Relationship Id="rId{number}" Type="{kind}" Target="{target}"/>'


_PACKAGE_RELATIONS = (
    f'{_HEAD}<Relationships xmlns="{_PACKAGE_RELS}">'
    + _relation(1, f"{_RELS}/officeDocument", "xl/workbook.xml")
    + _relation(2, f"{_PACKAGE_RELS}/metadata/core-properties", "docProps/core.xml")
    + _relation(3, f"{_RELS}/extended-properties", "docProps/app.xml")
    + "</Relationships>"
)


def _workbook_relations(sheets: int) -> str:
    parts = [(f"{_RELS}/worksheet", f"worksheets/sheet{n + 1}.xml") for n in range(sheets)]
    parts += [(f"{_RELS}/theme", "theme/theme1.xml"), (f"{_RELS}/styles", "styles.xml")]
    parts.append((f"{_RELS}/sharedStrings", "sharedStrings.xml"))
    listed = "".join(_relation(n + 1, kind, target) for n, (kind, target) in enumerate(parts))
    return f'{_HEAD}<Relationships xmlns="{_PACKAGE_RELS}">{listed}</Relationships>'


def _core(description: str) -> str:
    told = f"<dc:description>{cell_text(description)}</dc:description>" if description else ""
    moment = 'xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z'
    return (
        f'{_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/"'
        ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator></dc:creator>'
        f"{told}<cp:lastModifiedBy></cp:lastModifiedBy><dcterms:created {moment}"
        f"</dcterms:created><dcterms:modified {moment}</dcterms:modified></cp:coreProperties>"
    )


def _app(sheets: list[Sheet]) -> str:
    names = "".join(f"<vt:lpstr>{cell_text(sheet.name)}</vt:lpstr>" for sheet in sheets)
    vector = '<vt:vector size="{}" baseType="{}">'
    return (
        f'{_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
        'docPropsVTypes"><Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity>'
        f"<ScaleCrop>false</ScaleCrop><HeadingPairs>{vector.format(2, 'variant')}<vt:variant>"
        f"<vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>{len(sheets)}</vt:i4>"
        f"</vt:variant></vt:vector></HeadingPairs><TitlesOfParts>"
        f"{vector.format(len(sheets), 'lpstr')}{names}</vt:vector></TitlesOfParts><Company>"
        "</Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
        "<HyperlinksChanged>false</HyperlinksChanged><AppVersion>12.0000</AppVersion></Properties>"
    )
