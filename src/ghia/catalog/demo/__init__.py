"""The demo loaded by `ghia demo`: Kutaisi and Akhaltsikhe, their services, people,
inventories and untidy data files.

``ghia.catalog.demo.files`` needs no database, so tests of the pure layers can use the
files; ``load_demo`` is imported on first use for the same reason.
"""


def load_demo(stdout=None) -> dict:
    from ghia.catalog.demo.loader import load_demo as load

    return load(stdout)
