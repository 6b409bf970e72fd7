from django import template
from django.utils.translation import get_language

from ghia.assessment.texts import tr

register = template.Library()

TONES = {"RED": "red", "YELLOW": "yellow", "GREEN": "green", "UNRATED": "grey"}


@register.filter
def bi(value):
    """A text of the instrument ({"ka": ..., "en": ...}) in the active language."""
    return tr(value, (get_language() or "ka")[:2])


@register.filter
def tone(rating: str) -> str:
    return TONES.get(rating, "grey")


@register.filter
def percent_of(part, whole) -> int:
    return round(100 * part / whole) if whole else 0


@register.filter
def lookup(mapping, key):
    return mapping.get(key) if mapping else None
