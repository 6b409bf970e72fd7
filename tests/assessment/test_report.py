"""The demo assessments of Kutaisi and Akhaltsikhe, their reports and the command."""

import io
import re
import subprocess

import docx
import pytest
from PIL import Image
from pypdf import PdfReader

from ghia.assessment.analysis import analyse
from ghia.cli import main
from ghia.documents.situational import render


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture
def demo(db):
    from ghia.assessment.demo import load_demo as load_assessments
    from ghia.catalog.demo import load_demo as load_catalogue

    load_catalogue()
    created = load_assessments()
    return {a.municipality.slug: analyse(a) for a in created}


def ids(analysis):
    return {r.id for r in analysis.advice.recommendations}


def test_the_two_demo_municipalities_get_different_findings_and_advice(demo):
    kutaisi, akhaltsikhe = demo["kutaisi"], demo["akhaltsikhe"]
    assert kutaisi.ratings != akhaltsikhe.ratings
    assert kutaisi.ratings["leadership"] == "GREEN" and akhaltsikhe.ratings["leadership"] == "RED"
    assert list(kutaisi.ratings.values()).count("RED") < list(akhaltsikhe.ratings.values()).count(
        "RED"
    )
    assert "licence.keep" in ids(kutaisi) and "licence.adopt" in ids(akhaltsikhe)
    assert "formats.legacy_fonts" in ids(akhaltsikhe) and "formats.legacy_fonts" not in ids(kutaisi)
    assert kutaisi.advice.uris[1].id.startswith("https://data.kutaisi.gov.ge/id/dataset/")
    assert akhaltsikhe.advice.uris[1].id.startswith("https://data.akhaltsikhe.gov.ge/id/dataset/")
    # Kutaisi's consultant raised civic engagement, with a reason the report will show.
    civic = next(d for d in kutaisi.dimensions if d.dimension.code == "civic")
    assert (civic.rating, civic.proposed.rating) == ("GREEN", "YELLOW") and civic.override.reason[
        "ka"
    ]
    assert "gtfs" in {s.id for s in kutaisi.advice.standards}  # Kutaisi's inventory has bus routes
    assert kutaisi.progress.sessions == akhaltsikhe.progress.sessions == 2
    from ghia.assessment.demo import load_demo

    assert load_demo() == []  # loading again changes nothing


def test_georgian_pdf_report_reads_back_and_shows_text(demo, tmp_path):
    analysis = demo["akhaltsikhe"]
    data = render(analysis, "ka", "pdf")
    reader = PdfReader(io.BytesIO(data))
    text = squash(" ".join(page.extract_text() for page in reader.pages))
    expected = [
        "ახალციხის მუნიციპალიტეტის მერია: ღია მონაცემების სიტუაციური ანალიზი",
        "ხელმძღვანელობის მხარდაჭერა",
        "ღია მონაცემების ლიცენზიად CC BY 4.0-ის მიღება",  # a recommendation from the rules
        "ძველი ქართული შრიფტებით აკრეფილი ფაილების Unicode-ში გადაყვანა",
        "ბიუჯეტის ცხრილები AcadNusx-ით არის აკრეფილი",  # a focus group finding
        "ახალციხე იწყებს თითქმის ნულიდან",  # the consultant's conclusions
    ]
    for phrase in expected:
        assert phrase in text, phrase
    assert "\ufffd" not in text
    (tmp_path / "report.pdf").write_bytes(data)
    subprocess.run(
        ["pdftoppm", "-f", "3", "-l", "3", "-r", "50", "-gray", "-png", "report.pdf", "p"],
        cwd=tmp_path,
        check=True,
    )
    (png,) = tmp_path.glob("p*.png")
    image = Image.open(png)
    histogram = image.histogram()
    dark = sum(histogram[:100]) / sum(histogram)
    assert 0.003 < dark < 0.5  # a page of text and charts: ink, but not a black page


def test_english_pdf_and_word_reports(demo):
    analysis = demo["kutaisi"]
    text = squash(
        " ".join(
            p.extract_text() for p in PdfReader(io.BytesIO(render(analysis, "en", "pdf"))).pages
        )
    )
    assert "Kutaisi City Hall: situational analysis of open data" in text
    assert "Keep CC BY 4.0 for every new dataset" in text
    assert "https://data.kutaisi.gov.ge/id/dataset/{slug}" in text
    for lang, phrase in (
        ("en", "Findings by dimension"),
        ("ka", "მიგნებები განზომილებების მიხედვით"),
    ):
        word = docx.Document(io.BytesIO(render(analysis, lang, "docx")))
        paragraphs = "\n".join(p.text for p in word.paragraphs)
        assert phrase in paragraphs
        assert len(word.inline_shapes) == 4  # ratings, maturity, inventory and openness charts
        cells = {c.text for t in word.tables for r in t.rows for c in r.cells}
        assert "Open Contracting Data Standard (OCDS)" in cells  # Kutaisi holds procurement data


def test_the_report_command(demo, tmp_path, capsys):
    out = tmp_path / "slides.html"
    assert (
        main(
            [
                "report",
                "situational",
                "--municipality",
                "kutaisi",
                "--lang",
                "en",
                "--format",
                "slides",
                "-o",
                str(out),
            ]
        )
        == 0
    )
    html = out.read_text(encoding="utf-8")
    assert html.count('<section class="slide') == 9 and '<html lang="en">' in html
    assert (
        main(["report", "situational", "--municipality", "nowhere", "-o", str(tmp_path / "x.pdf")])
        == 2
    )
    assert "nowhere" in capsys.readouterr().err
