"""Entry points of the website builder's worker processes, outside the site package: a new
process imports this before Django is set up, and the builder's imports need Django."""

import os


def start() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ghia.settings")
    import django

    django.setup()


def render_units(context, units):
    from ghia.publishing.site.builder import render_units

    return render_units(context, units)


def ready() -> bool:
    """Nothing: submitted once per worker so that all of them start at once."""
    return True
