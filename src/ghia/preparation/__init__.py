"""Data preparation in the catalogue: check every uploaded version with the tabular engine,
keep the dataset's Table Schema, clean into new versions, and hold back publication while
a version has personal data that no coordinator has decided about."""
