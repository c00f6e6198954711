"""Without SECRET_KEY the app refuses to start, and says why (issue 11, item 2).

Each gunicorn worker would otherwise make up a key of its own and refuse
the answers and CSRF tokens the others wrote: in the security test 0 of 10
people could finish a check (../shared/reviews/security-2026-12.md §10).
The tests, debug mode and the `flask` command may still make one up.
"""
import os
import subprocess
import sys

import pytest

from app import MISSING_SECRET_KEY, create_app
from tests.servers import REPO, Browser, free_port, stop, wait_for_port

GUNICORN = os.path.join(os.path.dirname(sys.executable), "gunicorn")
EXIT_SECONDS = 60


def environment_without_secret(**extra):
    environment = {key: value for key, value in os.environ.items()
                   if key not in ("SECRET_KEY", "FLASK_DEBUG", "FLASK_RUN_FROM_CLI")}
    environment.update({"COOKIE_SECURE": "0", "PYTHONUNBUFFERED": "1"}, **extra)
    return environment


def test_the_production_command_without_secret_key_exits_and_says_what_to_set():
    command = [GUNICORN, "-w", "2", "-b", f"127.0.0.1:{free_port()}", "app:create_app()"]
    try:
        finished = subprocess.run(command, cwd=REPO, env=environment_without_secret(),
                                  stdin=subprocess.DEVNULL, capture_output=True,
                                  timeout=EXIT_SECONDS)
    except subprocess.TimeoutExpired as error:
        pytest.fail(f"gunicorn still running after {EXIT_SECONDS} s: {error.stderr!r}")
    output = (finished.stdout + finished.stderr).decode("utf-8", "replace")
    assert finished.returncode != 0
    assert MISSING_SECRET_KEY in output


def test_the_message_is_one_line_saying_what_to_set_and_why():
    assert "\n" not in MISSING_SECRET_KEY
    for words in ("SECRET_KEY", "every worker", "every instance", "Running in production"):
        assert words in MISSING_SECRET_KEY


def test_create_app_without_secret_key_raises_that_message(monkeypatch):
    for name in ("SECRET_KEY", "FLASK_DEBUG", "FLASK_RUN_FROM_CLI"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(RuntimeError) as raised:
        create_app()
    assert str(raised.value) == MISSING_SECRET_KEY
    with pytest.raises(RuntimeError):
        create_app({"SECRET_KEY": ""})


def test_the_secret_key_from_the_environment_is_used(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "from-the-environment")
    assert create_app().secret_key == "from-the-environment"


@pytest.mark.parametrize("config, env", [({"TESTING": True}, {}), ({}, {"FLASK_DEBUG": "1"}),
                                         ({}, {"FLASK_RUN_FROM_CLI": "true"})],
                         ids=["testing", "debug", "the flask command"])
def test_tests_debug_mode_and_the_flask_command_may_make_one_up(monkeypatch, config, env):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    for name in ("FLASK_DEBUG", "FLASK_RUN_FROM_CLI"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    first, second = create_app(config), create_app(config)
    assert first.secret_key and len(first.secret_key) >= 32
    assert first.secret_key != second.secret_key  # made up, never a fixed default


def test_the_development_server_works_with_no_set_up(tmp_path):
    # scripts/run as it is, without its set-up (pip, catalogs), which the
    # test command has already done.
    with open(os.path.join(REPO, "scripts", "run"), encoding="utf-8") as handle:
        script = handle.read()
    for line in ('cd "$(dirname "$0")/.."\n', "scripts/setup requirements.txt\n"):
        assert line in script
        script = script.replace(line, "")
    port = free_port()
    log_path = tmp_path / "run.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(["bash", "-c", script], cwd=REPO,
                                   env=environment_without_secret(PORT=str(port)),
                                   stdin=subprocess.DEVNULL, stdout=log, stderr=log)
    try:
        wait_for_port(port, process, log_path)
        browser = Browser([f"http://127.0.0.1:{port}"])
        assert browser.get("/en/").status == 200
        browser.post("/en/begin", {})
        assert browser.page.status == 302
        browser.get("/en/question/in_netherlands")
        browser.post("/en/question/in_netherlands", {"answer": "yes"})
        assert browser.page.location.endswith("/en/question/applied_before_nl")
    finally:
        stop(process)
