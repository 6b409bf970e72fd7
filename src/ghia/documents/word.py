"""Word (DOCX) through python-docx, from the same document model as HTML and PDF.

Word picks a font per script from the run's four font slots: ASCII, high ANSI (where
Georgian falls, with Latin punctuation), East Asian and complex script. Every style gets
Noto Sans for ASCII and Noto Sans Georgian for the other three in a Georgian document (so
Word shows Georgian in the Georgian font and never substitutes a font without the
letters), and the language is declared as ka-GE. Theme fonts and capitals are removed from
the built-in styles: capitals would turn Georgian into Mtavruli.
"""

from __future__ import annotations

import io

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from ghia.documents import charts
from ghia.documents.model import (
    Block,
    Bullets,
    Callout,
    Document,
    Figure,
    KeyFigures,
    Paragraph,
    Section,
    Table,
    format_date,
)

LATIN_FONT = "Noto Sans"
GEORGIAN_FONT = "Noto Sans Georgian"
LANGUAGE_TAGS = {"ka": "ka-GE", "en": "en-GB"}
_SHADES = {
    "red": "FBE3E3",
    "yellow": "FFF3CC",
    "green": "E1F2E3",
    "grey": "F0F0F0",
    "blue": "E3ECF8",
}
_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def _set_fonts(rpr, lang: str) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in _THEME_ATTRS:
        fonts.attrib.pop(qn(attr), None)
    other = GEORGIAN_FONT if lang == "ka" else LATIN_FONT
    fonts.set(qn("w:ascii"), LATIN_FONT)
    fonts.set(qn("w:hAnsi"), other)
    fonts.set(qn("w:eastAsia"), GEORGIAN_FONT)
    fonts.set(qn("w:cs"), GEORGIAN_FONT)
    for tag in ("w:caps", "w:smallCaps"):
        for element in rpr.findall(qn(tag)):
            rpr.remove(element)


def _language(rpr, lang: str) -> None:
    element = rpr.find(qn("w:lang"))
    if element is None:
        element = OxmlElement("w:lang")
        rpr.append(element)
    element.set(qn("w:val"), LANGUAGE_TAGS[lang])
    element.set(qn("w:eastAsia"), LANGUAGE_TAGS[lang])
    element.set(qn("w:bidi"), LANGUAGE_TAGS[lang])


def _prepare(word, lang: str) -> None:
    defaults = word.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(rpr, lang)
    _language(rpr, lang)
    # Styles without fonts of their own inherit the defaults; the others (headings, titles,
    # table styles and their parts) are set one by one.
    for rpr in word.styles.element.iter(qn("w:rPr")):
        _set_fonts(rpr, lang)
    word.styles["Normal"].font.size = Pt(10)
    section = word.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2.2)
    footer = section.footer.paragraphs[0]
    footer.alignment = 2  # right
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    footer._p.append(field)


def _shade(element, colour: str) -> None:
    props = element.get_or_add_tcPr() if element.tag == qn("w:tc") else element.get_or_add_pPr()
    shade = OxmlElement("w:shd")
    shade.set(qn("w:val"), "clear")
    shade.set(qn("w:color"), "auto")
    shade.set(qn("w:fill"), colour)
    props.append(shade)


def _caption(word, text: str) -> None:
    paragraph = word.add_paragraph(text, style="Caption")
    paragraph.paragraph_format.keep_with_next = True


class _Writer:
    def __init__(self, doc: Document):
        self.doc, self.figures, self.tables = doc, 0, 0
        self.word = docx.Document()
        _prepare(self.word, doc.lang)

    def block(self, block: Block) -> None:
        word = self.word
        if isinstance(block, Paragraph):
            paragraph = word.add_paragraph(block.text)
            if block.style == "note":
                for run in paragraph.runs:
                    run.font.size = Pt(8.5)
                    run.font.color.rgb = RGBColor(0x5B, 0x64, 0x75)
            elif block.style == "lead":
                for run in paragraph.runs:
                    run.font.size = Pt(11.5)
            elif block.style == "label":
                paragraph.paragraph_format.keep_with_next = True
                for run in paragraph.runs:
                    run.bold = True
        elif isinstance(block, Bullets):
            for item in block.items:
                word.add_paragraph(item, style="List Bullet")
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, Figure):
            self.figures += 1
            word.add_picture(io.BytesIO(charts.to_png(block.chart)), width=Cm(16.5))
            word.paragraphs[-1].paragraph_format.keep_with_next = True
            _caption(word, f"{self.doc.label('figure')} {self.figures}. {block.caption}")
        elif isinstance(block, Callout):
            title = word.add_paragraph()
            title.add_run(block.title).bold = True
            _shade(title._p, _SHADES.get(block.tone, _SHADES["grey"]))
            if block.text:
                _shade(word.add_paragraph(block.text)._p, _SHADES.get(block.tone, _SHADES["grey"]))
            for item in block.items:
                word.add_paragraph(item, style="List Bullet")
        elif isinstance(block, KeyFigures):
            table = word.add_table(rows=1, cols=len(block.items))
            table.style = "Table Grid"
            for cell, (value, label) in zip(table.rows[0].cells, block.items, strict=True):
                run = cell.paragraphs[0].add_run(value)
                run.bold, run.font.size = True, Pt(16)
                run.font.color.rgb = RGBColor(0x1F, 0x5F, 0xA8)
                cell.add_paragraph(label).runs[0].font.size = Pt(8.5)
            word.add_paragraph()
        else:
            raise TypeError(f"unknown block {type(block).__name__}")

    def table(self, block: Table) -> None:
        if block.caption:
            self.tables += 1
            _caption(self.word, f"{self.doc.label('table')} {self.tables}. {block.caption}")
        table = self.word.add_table(rows=1, cols=len(block.columns))
        table.style = "Table Grid"
        header = table.rows[0]
        for cell, title in zip(header.cells, block.columns, strict=True):
            cell.text = ""
            cell.paragraphs[0].add_run(title).bold = True
            _shade(cell._tc, "EEF2F8")
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        header._tr.get_or_add_trPr().append(repeat)
        for row in block.rows:
            cells = table.add_row().cells
            for cell, value in zip(cells, row, strict=True):
                cell.text = getattr(value, "text", value)
                tone = getattr(value, "tone", None)
                if tone:
                    _shade(cell._tc, _SHADES[tone])
                    for run in cell.paragraphs[0].runs:
                        run.bold = True
        if block.widths:
            total = sum(block.widths)
            for row in table.rows:
                for cell, width in zip(row.cells, block.widths, strict=True):
                    cell.width = Cm(17 * width / total)
        self.word.add_paragraph()

    def section(self, section: Section, number: str, level: int) -> None:
        self.word.add_heading(f"{number} {section.title}", level=level)
        for block in section.blocks:
            self.block(block)
        for n, sub in enumerate(section.subsections, 1):
            self.section(sub, f"{number}.{n}", min(level + 1, 4))

    def write(self) -> bytes:
        doc, word = self.doc, self.word
        word.core_properties.title = doc.title
        word.core_properties.language = LANGUAGE_TAGS[doc.lang]
        word.core_properties.author = doc.publisher
        if doc.publisher:
            word.add_paragraph(doc.publisher)
        word.add_paragraph(doc.title, style="Title")
        if doc.subtitle:
            word.add_paragraph(doc.subtitle, style="Subtitle")
        if doc.date:
            word.add_paragraph(format_date(doc.date, doc.lang))
        word.add_heading(doc.label("contents"), level=1)
        for n, section in enumerate(doc.sections, 1):
            word.add_paragraph(f"{n} {section.title}")
        word.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
        for n, section in enumerate(doc.sections, 1):
            self.section(section, str(n), 1)
        out = io.BytesIO()
        word.save(out)
        return out.getvalue()


def render_docx(doc: Document) -> bytes:
    return _Writer(doc).write()
