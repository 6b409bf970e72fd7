"""Fixtures of the assessment tests: a started assessment of Kutaisi (from the shared world)."""

import pytest


@pytest.fixture
def assessment(world):
    from ghia.assessment import services

    return services.start_assessment(world.coordinator, world.kutaisi)


@pytest.fixture
def surveys(assessment):
    return {s.service.code: s for s in assessment.surveys.select_related("service")}
