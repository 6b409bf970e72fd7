"""The publication gate of data preparation, registered with the catalogue's workflow.

A dataset is published with every file its distributions offer, so each of those
versions is looked at (an XLSX or JSON written beside a cleaned CSV counts as that CSV).
A version blocks publication when:

* its check is waiting or running: nobody knows yet what the file holds;
* its file is a damaged table (corrupt, truncated, encrypted, a zip bomb, empty...):
  publishing it would publish a broken file. A file that is simply not a table (a PDF,
  a Word document, a JSON that is not a list of records) is not checked for personal data
  and does not block, as documents may be published as they are;
* its check stopped on an internal fault: run it again;
* its check found personal data and the coordinator's latest decision for that version
  is not "publish on a stated legal basis". A decision to remove, mask or aggregate says
  this file may not go out as it is: apply it (a clean step makes a new version, which is
  checked in turn) and the cleaned version is what gets published.

A version that was never checked (uploaded before data preparation existed) does not
block; its page offers to check it.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from ghia.catalog.models import Dataset
from ghia.catalog.workflow import publication_check
from ghia.preparation import services
from ghia.preparation.models import CheckRun, PersonalDataDecision

# Read errors that say "this is not a table", not "this table is broken".
NOT_A_TABLE = frozenset({"format_unsupported", "file_binary", "json_not_records", "no_table"})


@publication_check
def personal_data_decided(dataset: Dataset) -> list[str]:
    reasons = []
    for version in services.served_versions(dataset):
        run = services.latest_check(version)
        if run is None:
            continue
        reason = _blocker(version, run)
        if reason:
            reasons.append(reason)
    return reasons


def _blocker(version, run: CheckRun) -> str | None:
    which = {"n": version.number, "file": version.filename}
    if run.in_progress:
        return _("The check of version %(n)d (%(file)s) has not finished yet.") % which
    if run.status == CheckRun.Status.FAILED:
        if run.error_code in NOT_A_TABLE:
            return None
        if run.error_code == services.CHECK_CRASHED:
            return (
                _("The check of version %(n)d (%(file)s) stopped on an error; run it again.")
                % which
            )
        return (
            _("Version %(n)d (%(file)s) cannot be read as a table; upload a readable file.") % which
        )
    if not run.has_personal_data:
        return None
    decision = services.latest_decision(version)
    if decision is None:
        return (
            _(
                "Version %(n)d (%(file)s) holds personal data: a coordinator must decide about it before publishing."
            )
            % which
        )
    if decision.decision != PersonalDataDecision.Decision.PUBLISH:
        return _(
            "Version %(n)d (%(file)s) holds personal data and the decision was “%(decision)s”: "
            "apply it with a clean step, then publish the cleaned version."
        ) % {**which, "decision": decision.get_decision_display()}
    return None
