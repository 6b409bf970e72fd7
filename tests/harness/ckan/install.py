"""The CKAN virtualenv of the test harness: `<repo>/.ckan/venv`, created once, reused after.

CKAN pins versions that conflict with Ghia's, so it gets a virtualenv of its own. A stamp
file written after a complete install makes the next call return at once; an interrupted
install leaves no stamp and is started again from scratch.
"""

import fcntl
import hashlib
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

from ..processes import ServiceError

CKAN_VERSION = "2.12.0"
# Without the extra, pip installs CKAN and none of the libraries it needs.
CKAN_REQUIREMENT = f"ckan[requirements]=={CKAN_VERSION}"
REPO = Path(__file__).resolve().parents[3]
HOME = REPO / ".ckan"
VENV = HOME / "venv"
PLUGIN = Path(__file__).resolve().parent / "plugin"
STAMP = VENV / "ghia-harness.json"


def venv_bin(name: str) -> Path:
    return VENV / "bin" / name


def wanted_stamp() -> dict:
    # The plugin is installed editable: its code is read in place, only its path and
    # entry points (in pyproject.toml) need a reinstall when they change.
    pyproject = (PLUGIN / "pyproject.toml").read_bytes()
    return {
        "ckan": CKAN_VERSION,
        "plugin": str(PLUGIN),
        "plugin_pyproject": hashlib.sha256(pyproject).hexdigest(),
    }


def current_stamp() -> dict:
    try:
        stamp = json.loads(STAMP.read_text())
    except (OSError, ValueError):
        return {}
    return stamp if venv_bin("ckan").exists() else {}


def is_installed() -> bool:
    return current_stamp() == wanted_stamp()


def install(log=print) -> bool:
    """Make the CKAN virtualenv ready; return True if anything had to be installed."""
    if is_installed():
        return False
    HOME.mkdir(exist_ok=True)
    with open(HOME / "install.lock", "w") as lock:
        # Another process may be installing right now: wait for it, then look again.
        fcntl.flock(lock, fcntl.LOCK_EX)
        stamp, wanted = current_stamp(), wanted_stamp()
        if stamp == wanted:
            return False
        started = time.monotonic()
        if stamp.get("ckan") != CKAN_VERSION:
            log(f"installing CKAN {CKAN_VERSION} into {VENV} (a few minutes the first time)")
            shutil.rmtree(VENV, ignore_errors=True)
            _run([_base_python(), "-m", "venv", str(VENV)], "creating the CKAN virtualenv")
            _pip("install", "--upgrade", "pip")
            _pip("install", CKAN_REQUIREMENT)
        log("installing the harness's CKAN plugin (ckanext-ghiatest)")
        STAMP.unlink(missing_ok=True)
        _pip("install", "--no-deps", "--editable", str(PLUGIN))
        STAMP.write_text(json.dumps(wanted, indent=2))
        log(f"CKAN ready in {time.monotonic() - started:.0f} s")
        return True


def _base_python() -> str:
    # CKAN 2.12 runs on the machine's Python 3.11; a virtualenv's python would do too.
    found = shutil.which("python3.11") or shutil.which("python3") or sys.executable
    if not found:
        raise ServiceError("no python3 to create the CKAN virtualenv with")
    return found


def _pip(*args: str) -> None:
    command = [str(venv_bin("python")), "-m", "pip", "--disable-pip-version-check", "-q", *args]
    # Network hiccups are pip's usual failure: try once more before giving up.
    _run(command, f"pip {' '.join(args)}", tries=2)


def _run(command: list[str], what: str, tries: int = 1) -> None:
    for _ in range(tries):
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode == 0:
            return
    output = (result.stdout + result.stderr)[-4000:]
    hint = ""
    if "pg_config" in output or "libpq" in output:
        hint = "\npsycopg2 needs the Debian package `libpq-dev` (and a C compiler)."
    raise ServiceError(f"{what} failed ({tries} tries):\n{output}{hint}")
