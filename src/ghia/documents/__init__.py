"""Programme documents from one source: build a ``model.Document`` (or a ``model.Deck`` of
slides) once, then render it to HTML (``html``), PDF (``pdf``, WeasyPrint) or Word
(``word``, python-docx). Charts (``charts``) are drawn by matplotlib when a renderer needs
them: SVG for HTML and PDF, PNG for Word.

Georgian needs care in every format: the fonts are Noto Sans for Latin and Noto Sans
Georgian for Georgian (Debian's fonts-noto-core), nothing is upper-cased (Georgian would
turn into Mtavruli capitals), and the language is declared so tools pick the right rules.
``situational`` composes the situational-analysis report; strategy, monitoring, training
and final reports are built the same way from the same blocks.
"""
