"""Bilingual texts of the instrument and the rules: plain dicts {"ka": ..., "en": ...}.

Documents take their words from these dicts rather than from gettext, so a report in
Georgian does not depend on a compiled message catalogue.
"""

from __future__ import annotations

from collections.abc import Mapping

LANGS = ("ka", "en")
Text = Mapping[str, str]


def tr(text: Text | str | None, lang: str) -> str:
    """The text in ``lang``, falling back to the other language so something shows."""
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    return text.get(lang) or text.get("ka") or text.get("en") or ""


def fill(template: Text, **params) -> dict[str, str]:
    """Fill a bilingual template; bilingual parameters are taken in the matching language."""
    return {
        lang: tr(template, lang).format(
            **{k: tr(v, lang) if isinstance(v, Mapping) else v for k, v in params.items()}
        )
        for lang in LANGS
    }


def percent(share: float | None) -> str:
    return "—" if share is None else f"{round(share * 100)}%"
