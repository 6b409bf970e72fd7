"""The situational analysis measures the share of datasets on both the website and the portal
from the publication records."""

import pytest

from ghia.assessment.evidence import measures
from ghia.catalog.models import Status
from ghia.publishing.models import Publication

pytestmark = pytest.mark.django_db


def test_share_on_both_targets_comes_from_the_publication_records(world, make_dataset):
    both = make_dataset("ბიუჯეტი", "Budget", status=Status.PUBLISHED)
    site_only = make_dataset("ბაღები", "Kindergartens", status=Status.PUBLISHED)
    for dataset, kind in ((both, "site"), (both, "ckan"), (site_only, "site"), (site_only, "bundle")):
        Publication.objects.create(dataset=dataset, kind=kind, target=kind, state=Publication.State.PUBLISHED)
    assert measures(world.kutaisi)["share_on_both"] == 0.5
    Publication.objects.filter(dataset=both, kind="ckan").update(state=Publication.State.WITHDRAWN)
    assert measures(world.kutaisi)["share_on_both"] == 0.0
