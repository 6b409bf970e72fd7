from django import template
from django.utils.html import format_html

register = template.Library()


@register.filter
def tr(value):
    """A bilingual value in the active language; a fallback to the other language is marked."""
    if not hasattr(value, "get_text"):
        return value
    text = value.get_text()
    if value.is_fallback():
        lang = "ka" if value.get("ka") else "en"
        return format_html('<span lang="{}" class="untranslated" title="{}">{}</span>', lang, "⚠", text)
    return text


@register.simple_tag(takes_context=True)
def query_with(context, key, value):
    """The current query string with one parameter set, or removed when value is empty."""
    params = context["request"].GET.copy()
    params.pop("page", None)
    if value in (None, ""):
        params.pop(key, None)
    else:
        params[key] = value
    return "?" + params.urlencode() if params else "?"
