from django import template
from django.utils.safestring import mark_safe

from ghia.publishing import records, schemaorg

register = template.Library()


@register.simple_tag(takes_context=True)
def schema_org(context, dataset):
    """schema.org Dataset JSON-LD of a catalogue dataset, with this site's download links."""
    request = context.get("request")
    files_root = request.build_absolute_uri("/").rstrip("/") if request else ""
    return mark_safe(schemaorg.script(schemaorg.dataset(records.record(dataset), files_root)))  # noqa: S308 (escaped JSON)
