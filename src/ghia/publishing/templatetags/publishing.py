from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from ghia.publishing import records, schemaorg

register = template.Library()


@register.simple_tag(takes_context=True)
def schema_org(context, dataset):
    """schema.org Dataset JSON-LD of a catalogue dataset, with this site's download links."""
    request = context.get("request")
    files_root = request.build_absolute_uri("/").rstrip("/") if request else ""
    return mark_safe(schemaorg.script(schemaorg.dataset(records.record(dataset), files_root)))  # noqa: S308 (escaped JSON)


def text_in(value: dict, lang: str) -> str:
    """A {"ka": ..., "en": ...} value in ``lang`` as HTML; the other language, marked, when
    ``lang`` is empty."""
    if value.get(lang):
        return conditional_escape(value[lang])
    other = "en" if lang == "ka" else "ka"
    if not value.get(other):
        return ""
    return format_html('<span lang="{}" class="untranslated">{}</span>', other, value[other])


@register.filter
def text(value):
    """A bilingual value in the active language (see ``text_in``)."""
    if not isinstance(value, dict):
        return value
    return text_in(value, (get_language() or "ka")[:2])


@register.filter
def filesize(size):
    """Bytes for people, the same in both languages' pages: 1.2 MB."""
    if size is None:
        return ""
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
