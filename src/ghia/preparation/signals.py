"""The upload hook: every new version of a table is checked as soon as it is stored.

The workspace's upload view belongs to the catalogue; listening to the version being
saved keeps that view unaware of data preparation. The check starts after the upload's
transaction commits, so the worker always finds the version it is asked to check.
"""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from ghia.catalog.models import DataVersion
from ghia.preparation import services


@receiver(post_save, sender=DataVersion, dispatch_uid="preparation.check_new_version")
def check_new_version(sender, instance: DataVersion, created: bool, raw: bool = False, **kwargs):
    if not created or raw or not services.is_checked_on_arrival(instance):
        return
    transaction.on_commit(
        lambda: services.start_check(instance.uploaded_by, instance, enforce=False)
    )
