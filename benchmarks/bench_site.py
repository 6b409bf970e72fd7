"""Building the municipal website: 10,000 published datasets, then one changed.

Targets: a full build in under 30 seconds, a rebuild after one dataset changed in under 2.
Every dataset has a small CSV of its own (distinct bytes), so previews and charts are
really computed. Runs in a child process with a throw-away GHIA_HOME, so it never touches
a real database and no other benchmark's Django settings.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DATASETS = 10_000
FULL_TARGET, ONE_TARGET = 30.0, 2.0


def run() -> None:
    with tempfile.TemporaryDirectory(prefix="ghia-bench-site-") as home:
        env = {**os.environ, "GHIA_HOME": home, "DJANGO_SETTINGS_MODULE": "ghia.settings"}
        env.pop("DATABASE_URL", None)
        subprocess.run([sys.executable, "-m", "benchmarks.bench_site"], env=env, check=True)


def _populate(n: int) -> None:
    """n published datasets with one CSV each, written in bulk (the workflow is not what is measured)."""
    import random

    from django.utils import timezone

    from ghia.catalog.models import (
        Dataset,
        DataVersion,
        Distribution,
        Format,
        Frequency,
        Municipality,
        Service,
        Status,
        Theme,
    )

    rng = random.Random(4)
    kutaisi = Municipality.objects.create(slug="kutaisi", name={"ka": "ქუთაისი", "en": "Kutaisi"},
                                          base_uri="https://data.kutaisi.gov.ge", email="opendata@kutaisi.gov.ge")  # fmt: skip
    services = [
        Service.objects.create(
            municipality=kutaisi, code=f"s{i}", name={"ka": f"სამსახური {i}", "en": f"Service {i}"}
        )
        for i in range(8)
    ]
    themes, frequencies = list(Theme.objects.all()), list(Frequency.objects.all())
    csv = Format.objects.get(pk="CSV")
    now = timezone.now()
    datasets, versions, distributions = [], [], []
    for i in range(n):
        dataset = Dataset(
            municipality=kutaisi, service=services[i % 8], slug=f"monatsemebi-{i:05d}",
            title={"ka": f"მონაცემთა ნაკრები {i}", "en": f"Dataset {i}"},
            description={"ka": f"ქალაქის მონაცემები, ნაწილი {i}.", "en": f"City data, part {i}."},
            keywords={"ka": "ქალაქი, სტატისტიკა", "en": "city, statistics"}, theme=themes[i % len(themes)],
            frequency=frequencies[i % len(frequencies)], status=Status.PUBLISHED, published_at=now,
            search_text=f"dataset {i}",
        )  # fmt: skip
        body = "წელი,შემოსავალი,ხარჯი\n" + "".join(
            f"{2015 + y},{rng.randint(1000, 90000)},{rng.randint(1000, 90000)}\n" for y in range(8)
        )
        stored = _store(body.encode())
        version = DataVersion(dataset=dataset, number=1, sha256=stored.sha256, storage_name=stored.storage_name,
                              filename=f"data-{i}.csv", size=stored.size, media_type="text/csv", format=csv)  # fmt: skip
        datasets.append(dataset)
        versions.append(version)
        distributions.append(Distribution(dataset=dataset, version=version, format=csv, media_type="text/csv",
                                          size=stored.size, sha256=stored.sha256, title={"ka": f"data-{i}.csv", "en": f"data-{i}.csv"}))  # fmt: skip
    Dataset.objects.bulk_create(datasets, batch_size=2000)
    DataVersion.objects.bulk_create(versions, batch_size=2000)
    Distribution.objects.bulk_create(distributions, batch_size=2000)


def _store(data: bytes):
    """Put a file where ``store_file`` would, without its temporary file. On this VM's
    ext4, creating a file costs many times more for about half a minute after thousands
    of files were deleted (the inode allocator steps over recently deleted inodes), which
    would charge the build for the way the catalogue was filled."""
    import hashlib

    from django.core.files.storage import default_storage

    from ghia.catalog.services import StoredFile, storage_name

    sha = hashlib.sha256(data).hexdigest()
    name = storage_name(sha)
    path = Path(default_storage.path(name))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return StoredFile(sha, len(data), name)


def _main() -> None:
    import django

    django.setup()
    from django.core.management import call_command

    from ghia.catalog import services
    from ghia.catalog.models import Dataset, Municipality
    from ghia.publishing.site import build

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    _populate(DATASETS)
    print(
        f"site: catalogue of {DATASETS:,} datasets prepared in {time.perf_counter() - started:.1f} s"
    )
    kutaisi = Municipality.objects.get(slug="kutaisi")
    out = os.path.join(os.environ["GHIA_HOME"], "site")

    started, cpu = time.perf_counter(), _cpu()
    full = build(out, kutaisi)
    full_seconds, full_cpu = time.perf_counter() - started, _cpu() - cpu

    dataset = Dataset.objects.get(slug="monatsemebi-00042")
    admin = _admin()
    services.update_dataset(
        admin, dataset, description={"ka": "შეცვლილი აღწერა.", "en": "A changed description."}
    )
    started = time.perf_counter()
    one = build(out, kutaisi)
    one_seconds = time.perf_counter() - started

    started = time.perf_counter()
    none = build(out, kutaisi)
    none_seconds = time.perf_counter() - started

    def verdict(seconds: float, target: float) -> str:
        return "OK" if seconds < target else "OVER TARGET"

    print(f"site: full build, {DATASETS:,} datasets ({full.pages:,} pages, {full.files:,} data files): {full_seconds:.1f} s "
          f"(target < {FULL_TARGET:.0f} s) {verdict(full_seconds, FULL_TARGET)}; CPU {full_cpu:.0f} s on {os.cpu_count()} cores")  # fmt: skip
    print(f"site: one dataset changed ({one.rebuilt} rebuilt, {one.pages} pages written): {one_seconds:.2f} s "
          f"(target < {ONE_TARGET:.0f} s) {verdict(one_seconds, ONE_TARGET)}")  # fmt: skip
    print(f"site: nothing changed ({none.rebuilt} rebuilt): {none_seconds:.2f} s")


def _cpu() -> float:
    """CPU seconds of this process and of its finished worker processes."""
    import resource

    own, workers = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


def _admin():
    from django.contrib.auth import get_user_model

    from ghia.catalog.models import Role
    from ghia.catalog.services import grant_role

    user = get_user_model().objects.create_user("bench-admin")
    grant_role(user, Role.ADMINISTRATOR)
    return user


if __name__ == "__main__":
    _main()
