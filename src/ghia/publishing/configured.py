"""The targets this instance publishes to, from its settings (or the environment):

- the website of each municipality, built in ``GHIA_SITE_ROOT/{municipality}``
  (default ``GHIA_HOME/sites``) for its base URI;
- a CKAN portal when ``GHIA_CKAN_URL`` is set, with the token ``GHIA_CKAN_TOKEN``;
- the national-portal bundle, ``GHIA_BUNDLE_ROOT/{municipality}.zip`` (default
  ``GHIA_HOME/bundles``).
"""

from __future__ import annotations

import os
from pathlib import Path

from django.conf import settings

from ghia.catalog.models import Municipality
from ghia.publishing.targets import Target
from ghia.publishing.targets.bundle import BundleTarget
from ghia.publishing.targets.ckan import CkanTarget
from ghia.publishing.targets.site import SiteTarget


def _setting(name: str, default=None):
    return getattr(settings, name, None) or os.environ.get(name) or default


def site_folder(municipality: Municipality) -> Path:
    return Path(_setting("GHIA_SITE_ROOT", settings.GHIA_HOME / "sites")) / municipality.slug


def bundle_path(municipality: Municipality) -> Path:
    return (
        Path(_setting("GHIA_BUNDLE_ROOT", settings.GHIA_HOME / "bundles"))
        / f"{municipality.slug}.zip"
    )


def ckan_url() -> str | None:
    return _setting("GHIA_CKAN_URL")


def targets(municipality: Municipality) -> list[Target]:
    found: list[Target] = [SiteTarget(site_folder(municipality))]
    if url := ckan_url():
        found.append(CkanTarget(url, _setting("GHIA_CKAN_TOKEN")))
    found.append(BundleTarget(bundle_path(municipality)))
    return found
