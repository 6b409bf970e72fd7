"""Situational analysis of a municipality's open-data readiness.

The instrument, the rubric, maturity, priority and recommendation engines are pure Python
(``instrument``, ``rubric``, ``maturity``, ``priority``, ``recommendations``) and are
tested without a database; the Django app around them stores assessments, inventory
surveys and focus groups and measures evidence from the catalogue.
"""
