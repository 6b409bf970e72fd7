"""The `ghia` command as a person runs it: help, migrate, serve and the demo, in a fresh GHIA_HOME."""

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

GHIA = [sys.executable, "-m", "ghia.cli"]


def _env(home):
    env = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    return {**env, "GHIA_HOME": str(home)}


def test_help_lists_the_commands():
    out = subprocess.run([*GHIA, "--help"], capture_output=True, text=True, check=True).stdout
    for command in ("demo", "serve", "migrate"):
        assert command in out


def test_no_command_is_a_usage_error():
    assert subprocess.run(GHIA, capture_output=True).returncode == 2


def test_serve_refuses_an_unprepared_database(tmp_path):
    result = subprocess.run(
        [*GHIA, "serve"], capture_output=True, text=True, env=_env(tmp_path), timeout=60
    )
    assert result.returncode == 2 and "ghia migrate" in result.stdout


def test_serve_starts_the_app_on_an_existing_database(tmp_path):
    subprocess.run([*GHIA, "migrate"], check=True, env=_env(tmp_path), timeout=120)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [*GHIA, "serve", "--port", str(port)], env=_env(tmp_path), stdout=subprocess.PIPE
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
                    body = response.read().decode()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    pytest.fail("ghia serve did not answer")
                time.sleep(0.3)
        assert "ღია" in body and 'lang="ka"' in body
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_demo_prepares_and_exits(tmp_path):
    result = subprocess.run(
        [*GHIA, "demo", "--no-serve"],
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "kutaisi-coordinator" in result.stdout and "ghia-demo" in result.stdout
    assert (tmp_path / "ghia.sqlite3").exists() and any((tmp_path / "files" / "versions").iterdir())


def test_check_exits_with_its_whole_report(tmp_path):
    """The engine commands end without the interpreter's teardown: the report written
    before must arrive whole, and the exit code still tell problems from none."""
    import json

    bad, schema = tmp_path / "bad.csv", tmp_path / "schema.json"
    bad.write_text("n\n" + "x\n" * 5000, encoding="utf-8")
    schema.write_text(json.dumps({"fields": [{"name": "n", "type": "integer"}]}), encoding="utf-8")
    command = [*GHIA, "check", str(bad), "--schema", str(schema), "--limit-errors", "0", "--json"]
    result = subprocess.run(command, capture_output=True, timeout=120)
    assert result.returncode == 1, result.stderr
    assert len(json.loads(result.stdout)["validation"]["errors"]) == 5000
    good = tmp_path / "good.csv"
    good.write_text("n\n1\n2\n", encoding="utf-8")
    result = subprocess.run(
        [*GHIA, "check", str(good), "--lang", "en"], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.rstrip().splitlines()[-1].startswith("Quality")
