"""Background tasks of publishing (run by the worker beside ``ghia serve``)."""

from django_tasks import task

from ghia.publishing import jobs


@task()
def run_job(job_id: int) -> str:
    """Publish, withdraw or verify as the job says; returns the job's final status."""
    return jobs.run(job_id)
