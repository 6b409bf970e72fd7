"""PDF through WeasyPrint, from the same HTML a browser shows. Fonts come from fontconfig
(Noto Sans and Noto Sans Georgian from Debian's fonts-noto-core); WeasyPrint embeds
subsets with their Unicode maps, so text copied or extracted from the PDF is the text
that was written."""

from __future__ import annotations

from ghia.documents.html import render_deck, render_document
from ghia.documents.model import Deck, Document


def render_pdf(source: Document | Deck) -> bytes:
    from weasyprint import HTML  # imported late: it loads Pango, which a web request rarely needs

    html = render_document(source) if isinstance(source, Document) else render_deck(source)
    return HTML(string=html).write_pdf()
