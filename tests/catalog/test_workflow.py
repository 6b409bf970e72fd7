import pytest
from django.utils import translation

from ghia.catalog import workflow
from ghia.catalog.models import AccessLevel, Status, StatusChange

pytestmark = pytest.mark.django_db


def test_editor_prepares_and_submits_but_cannot_publish(world, make_dataset):
    dataset = make_dataset()
    workflow.transition(world.editor, dataset, Status.IN_PREPARATION)
    workflow.transition(world.editor, dataset, Status.IN_REVIEW)
    assert workflow.allowed_transitions(world.editor, dataset) == [Status.IN_PREPARATION]
    with pytest.raises(workflow.WorkflowError):
        workflow.transition(world.editor, dataset, Status.PUBLISHED)
    workflow.transition(world.coordinator, dataset, Status.PUBLISHED, note="ready")
    assert dataset.status == Status.PUBLISHED and dataset.published_at
    with pytest.raises(workflow.WorkflowError):
        workflow.transition(world.editor, dataset, Status.WITHDRAWN)
    workflow.transition(world.coordinator, dataset, Status.WITHDRAWN)
    steps = list(StatusChange.objects.filter(dataset=dataset).values_list("to_status", "by__username"))
    assert steps[-3:] == [
        (Status.IN_REVIEW, "k-editor"), (Status.PUBLISHED, "k-coordinator"), (Status.WITHDRAWN, "k-coordinator")
    ]


def test_skipping_steps_is_refused(world, make_dataset):
    dataset = make_dataset()
    with pytest.raises(workflow.WorkflowError):
        workflow.transition(world.coordinator, dataset, Status.PUBLISHED)


def test_coordinator_of_another_municipality_cannot_publish(world, make_dataset):
    dataset = make_dataset(status=Status.IN_REVIEW)
    assert workflow.allowed_transitions(world.other_coordinator, dataset) == []
    with pytest.raises(workflow.WorkflowError):
        workflow.transition(world.other_coordinator, dataset, Status.PUBLISHED)


@pytest.mark.parametrize(
    "fields, file, reason",
    [
        ({"access_level": AccessLevel.NON_PUBLIC, "access_reason": {"ka": "პერსონალური", "en": "Personal data"}}, True, "public access"),
        ({}, False, "Upload a file"),
    ],
)
def test_publication_blockers(world, make_dataset, fields, file, reason):
    dataset = make_dataset(status=Status.IN_REVIEW, file=file, **fields)
    with translation.override("en"), pytest.raises(workflow.WorkflowError, match=reason):
        workflow.transition(world.coordinator, dataset, Status.PUBLISHED)
    assert dataset.status == Status.IN_REVIEW


def test_english_title_is_needed_to_publish(world, make_dataset):
    dataset = make_dataset("ბიუჯეტი", "", status=Status.IN_REVIEW)
    with translation.override("en"):
        assert any("English" in b for b in workflow.publication_blockers(dataset))
    with translation.override("ka"):
        assert any("ინგლისურად" in b for b in workflow.publication_blockers(dataset))
