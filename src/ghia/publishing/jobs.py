"""Publishing, withdrawing and verifying from the workspace, as background jobs.

A view changes the dataset's status (through the catalogue's workflow, which checks who
may) and queues a job; the worker brings every configured target up to date, or reads
them all back, and the job's page shows its progress until it is done.
"""

from __future__ import annotations

import time
import traceback

from django.db import transaction
from django.utils import timezone

from ghia.catalog.models import Dataset, Municipality
from ghia.publishing import configured
from ghia.publishing.models import Job
from ghia.publishing.verify import verify

STEPS_PER_TARGET = 100


def start(action: str, user, municipality: Municipality, dataset: Dataset | None = None) -> Job:
    """Queue a job; it runs once the surrounding transaction has committed."""
    from ghia.publishing.tasks import run_job

    job = Job.objects.create(
        action=action, municipality=municipality, dataset=dataset, created_by=user
    )

    def enqueue():
        result = run_job.enqueue(job.pk)
        Job.objects.filter(pk=job.pk).update(task_id=str(result.id))

    transaction.on_commit(enqueue)
    return job


class _Progress:
    """Writes a job's progress at most once a second: a big website reports thousands of steps."""

    def __init__(self, job: Job, targets: int):
        self.job, self.last = job, 0.0
        job.total = targets * STEPS_PER_TARGET
        job.save(update_fields=["total"])

    def target(self, index: int):
        def report(done: int, total: int, _message: str) -> None:
            now = time.monotonic()
            if now - self.last >= 1 or done == total:
                self.last = now
                self.job.done = index * STEPS_PER_TARGET + (
                    STEPS_PER_TARGET * done // total if total else STEPS_PER_TARGET
                )
                self.job.save(update_fields=["done"])

        return report

    def finished(self, index: int) -> None:
        self.job.done = (index + 1) * STEPS_PER_TARGET
        self.job.save(update_fields=["done"])


def run(job_id: int) -> str:
    job = Job.objects.select_related("municipality").get(pk=job_id)
    if job.status != Job.Status.QUEUED:
        return job.status  # queued twice: it ran already
    job.status = Job.Status.RUNNING
    job.save(update_fields=["status"])
    targets = configured.targets(job.municipality)
    progress = _Progress(job, len(targets))
    log, ok = [], True
    try:
        if job.action == Job.Action.VERIFY:
            report = verify(
                [(target, job.municipality) for target in targets],
                progress=lambda key: log.append(f"… {key}"),
            )
            progress.finished(len(targets) - 1)
            job.report = report.as_dict()
            ok = report.ok
        else:
            for index, target in enumerate(targets):
                plan = target.publish(job.municipality, progress.target(index))
                progress.finished(index)
                counts = (
                    ", ".join(f"{verb}: {n}" for verb, n in sorted(plan.counts().items())) or "—"
                )
                log.append(f"{target.key}: {counts}")
                log += [f"{target.key}: {label}: {reason}" for label, reason in plan.failed.items()]
                ok = ok and not plan.failed
        job.status = Job.Status.DONE
    except Exception:
        log.append(traceback.format_exc(limit=5))
        job.status, ok = Job.Status.FAILED, False
    job.ok = ok
    job.log = "\n".join(log)
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "ok", "log", "report", "finished_at"])
    return job.status
