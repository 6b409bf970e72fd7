"""Pure standards of Ghia: nothing here imports Django or the rest of Ghia.

- ``georgian``: national romanization of Georgian, slugs, script share.
- ``legacy_fonts``: Georgian typed as Latin letters in AcadNusx-style fonts, its
  conversion to Unicode and its detection in columns without font information.
- ``registries``: licences, formats and their openness stars, EU data themes and
  update frequencies, with Georgian and English labels.
"""
