"""Background tasks of data preparation (run by the worker beside ``ghia serve``)."""

from django_tasks import task

from ghia.preparation import services


@task()
def check_version(run_id: int) -> str:
    """Run the check ``run_id`` was queued for; returns the run's final status."""
    return services.run_check(run_id)
