import io
import re
import subprocess
import warnings
import zipfile

import docx
import pytest
from fontTools.ttLib import TTFont
from PIL import Image
from pypdf import PdfReader

from ghia.documents import charts
from ghia.documents.html import render_deck, render_document
from ghia.documents.model import Paragraph, format_date
from ghia.documents.pdf import render_pdf
from ghia.documents.word import render_docx

from .samples import TEXTS, deck, document

GEORGIAN_FONT = "/usr/share/fonts/truetype/noto/NotoSansGeorgian-Regular.ttf"


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module", params=["ka", "en"])
def pdf(request):
    return request.param, render_pdf(document(request.param))


def test_pdf_text_reads_back_exactly_as_written(pdf):
    lang, data = pdf
    reader = PdfReader(io.BytesIO(data))
    text = squash(" ".join(page.extract_text() for page in reader.pages))
    for key, written in TEXTS[lang].items():
        assert squash(written) in text, key
    assert "\ufffd" not in text
    assert reader.metadata.title == TEXTS[lang]["title"]


def test_pdf_embeds_the_georgian_font_and_pdftotext_agrees(pdf):
    lang, data = pdf
    fonts = subprocess.run(
        ["pdffonts", "-"], input=data, capture_output=True, check=False
    ).stdout.decode()
    if not fonts:  # pdffonts cannot read stdin on every poppler; use pypdf's view instead
        fonts = str([p["/Resources"]["/Font"] for p in PdfReader(io.BytesIO(data)).pages])
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"], input=data, capture_output=True, check=True
    ).stdout.decode()
    assert squash(TEXTS[lang]["intro"]) in squash(text)
    if lang == "ka":
        assert "Noto-Sans-Georgian" in fonts or "NotoSansGeorgian" in fonts


def test_the_georgian_font_has_every_letter_the_document_uses():
    letters = {ch for value in TEXTS["ka"].values() for ch in value if "\u10a0" <= ch <= "\u10ff"}
    cmap = TTFont(GEORGIAN_FONT).getBestCmap()
    assert letters and all(ord(ch) in cmap for ch in letters)


def test_a_rendered_page_of_the_georgian_pdf_shows_text(tmp_path):
    data = render_pdf(document("ka"))
    (tmp_path / "report.pdf").write_bytes(data)
    pages = [squash(p.extract_text()) for p in PdfReader(io.BytesIO(data)).pages]
    number = next(n for n, text in enumerate(pages, 1) if squash(TEXTS["ka"]["intro"]) in text)
    subprocess.run(
        ["pdftoppm", "-f", str(number), "-l", str(number), "-r", "60", "-gray", "-png", "report.pdf", "page"],
        cwd=tmp_path, check=True,
    )  # fmt: skip
    (png,) = tmp_path.glob("page*.png")
    image = Image.open(png).convert("L")
    width, height = image.size
    pixels = image.load()
    inked = [any(pixels[x, y] < 110 for x in range(width)) for y in range(height)]
    # Lines of text are bands of rows with ink separated by white rows.
    bands = sum(1 for y in range(1, height) if inked[y] and not inked[y - 1])
    assert image.getextrema()[0] < 60  # not blank: there is black ink
    assert bands >= 6  # heading, paragraphs, key figures, list
    assert sum(inked[: height // 2]) > 0.1 * height  # the text area at the top is written on
    assert not any(inked[int(0.985 * height) :])  # and the bottom margin stays white


def test_docx_carries_the_text_and_georgian_fonts(tmp_path):
    for lang in ("ka", "en"):
        data = render_docx(document(lang))
        word = docx.Document(io.BytesIO(data))
        text = "\n".join(p.text for p in word.paragraphs)
        text += "\n".join(c.text for t in word.tables for r in t.rows for c in r.cells)
        for key, written in TEXTS[lang].items():
            assert written in text, (lang, key)
        assert len(word.inline_shapes) == 1  # the chart
        styles = zipfile.ZipFile(io.BytesIO(data)).read("word/styles.xml").decode()
        fonts = re.findall(r"<w:rFonts [^>]*>", styles)
        assert fonts and all(
            'w:cs="Noto Sans Georgian"' in f and 'w:eastAsia="Noto Sans Georgian"' in f
            for f in fonts
        )
        assert "Theme=" not in "".join(fonts)  # no theme font can override the Georgian one
        assert "<w:caps" not in styles
        tag = {"ka": "ka-GE", "en": "en-GB"}[lang]
        assert f'w:val="{tag}"' in styles
        if lang == "ka":
            assert all('w:hAnsi="Noto Sans Georgian"' in f for f in fonts)


def test_html_is_escaped_declares_the_language_and_numbers_figures_and_tables():
    doc = document("ka")
    doc.sections[0].blocks.append(Paragraph("<script>alert(1)</script> & „ციტატა“"))
    html = render_document(doc)
    assert html.startswith("<!doctype html>") and '<html lang="ka">' in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "ცხრილი 1. " + TEXTS["ka"]["caption"] in html
    assert "სურათი 1. " + TEXTS["ka"]["caption"] in html
    assert 'src="data:image/svg+xml;base64,' in html
    assert "text-transform: uppercase" not in html


def test_slides_render_one_page_per_slide_in_both_languages():
    for lang in ("ka", "en"):
        html = render_deck(deck(lang))
        assert html.count('<section class="slide') == 3
        reader = PdfReader(io.BytesIO(render_pdf(deck(lang))))
        assert len(reader.pages) == 3
        box = reader.pages[0].mediabox
        assert box.width > box.height
        assert squash(TEXTS[lang]["quote"]) in squash(reader.pages[2].extract_text())


def test_charts_draw_georgian_without_missing_glyphs(monkeypatch):
    chart = charts.Chart(
        categories=["ხელმძღვანელობა", "Funding"], series=[charts.Series("x", [1, 2])]
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        svg = charts.to_svg(chart)
        png = charts.to_png(chart, dpi=72)
    assert svg == charts.to_svg(chart)  # stable output
    assert png.startswith(b"\x89PNG")
    # The check above can fail: with a Latin-only font the Georgian glyphs go missing.
    monkeypatch.setitem(charts._RC, "font.family", ["Noto Sans"])
    with pytest.warns(UserWarning, match="missing from font"):
        charts.to_png(chart, dpi=72)


def test_dates_in_georgian_and_english():
    from datetime import date

    assert format_date(date(2020, 1, 3), "ka") == "2020 წლის 3 იანვარი"
    assert format_date(date(2019, 9, 13), "en") == "13 September 2019"
