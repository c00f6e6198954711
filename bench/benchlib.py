"""What the bench scripts share: the venv, gunicorn on 127.0.0.1 with the
README's production settings, and the state cookie of a person part-way or
all the way through the check.

The cookie is made in this process with the Flask test client and the same
SECRET_KEY as the server: the state travels in the cookie only, so any
instance with the secret reads it (README "Running in production").
"""
import contextlib
import os
import re
import subprocess
import sys
import tempfile

BENCH = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(BENCH)
VENV_PYTHON = os.path.join(REPO, ".venv", "bin", "python")
SECRET = "bench-secret-not-for-production"


def use_venv():
    """Run this script again with the project's venv when started otherwise."""
    if os.path.exists(VENV_PYTHON) and os.path.realpath(sys.prefix) != os.path.realpath(
            os.path.join(REPO, ".venv")):
        os.execv(VENV_PYTHON, [VENV_PYTHON, sys.argv[0], *sys.argv[1:]])
    for path in (REPO, os.path.join(REPO, "tests")):
        if path not in sys.path:
            sys.path.insert(0, path)


@contextlib.contextmanager
def gunicorn(app="app:create_app()", workers=2, chdir=REPO, env=None):
    """`SECRET_KEY=... gunicorn -w 2 -b 127.0.0.1:PORT 'app:create_app()'`, as in
    the README (no access log). Yields (port, process); always stops it."""
    from servers import free_port, stop, wait_for_port  # tests/servers.py

    port = free_port()
    environment = dict(os.environ, SECRET_KEY=SECRET)
    environment.update(env or {})
    # gunicorn's own log goes to a file, read only if it fails to start (a
    # pipe nobody reads would stall it once full).
    with tempfile.TemporaryDirectory() as log_dir:
        log_path = os.path.join(log_dir, "gunicorn.log")
        with open(log_path, "wb") as log:
            process = subprocess.Popen(
                [VENV_PYTHON, "-m", "gunicorn", "-w", str(workers), "-b", f"127.0.0.1:{port}",
                 app], cwd=chdir, env=environment, stdout=subprocess.DEVNULL, stderr=log)
        try:
            wait_for_port(port, process, log_path)
            yield port, process
        finally:
            stop(process)


def warm(port, path, cookie=None, times=4):
    """Make sure every worker has booted and served `path` once or more."""
    import http.client
    for _ in range(times):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        headers = {"Cookie": f"nfc_state={cookie}"} if cookie else {}
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        response.read()
        connection.close()
        if response.status >= 400:
            raise RuntimeError(f"GET {path}: {response.status}")


def test_app():
    from app import create_app
    return create_app({"SECRET_KEY": SECRET, "SESSION_COOKIE_SECURE": False})


def mid_check(lang="en"):
    """(cookie, CSRF token) of a person who answered the route questions
    and is on "Are you in detention now?"."""
    from tests.walkers import Person, walk_to_reasons
    client = test_app().test_client()
    person = Person(client, lang)
    walk_to_reasons(person, removal="flight_booked", days=12)
    person.get("question/detained")
    assert person.page.status_code == 200
    return client.get_cookie("nfc_state").value, person.token()


def full_check(lang="en", app=None):
    """(cookie, client, person) of a person who answered everything: two facts
    and two documents with notes, a booked flight."""
    from tests.walkers import Person, add_document, add_fact, finish, walk_to_reasons
    client = (app or test_app()).test_client()
    person = Person(client, lang)
    walk_to_reasons(person, removal="flight_booked", days=4)
    person.answer("question/reasons", {"answer": ["political", "religion"]})
    add_fact(person, 0, "country_change", concerns="group", group="religion", belong="yes",
             note="Church burned in March, my brother was arrested")
    add_fact(person, 1, "new_document", note="Summons from the court")
    person.answer("list/facts", {"add": "no"})
    add_document(person, 0, "court_or_arrest_document", fact="1", language="other",
                 translation="none", form="photo", note="Summons, photo on my phone")
    add_document(person, 1, "membership", fact="0", language="en", note="Church card")
    finish(person)
    assert person.get("result").status_code == 200
    return client.get_cookie("nfc_state").value, client, person


def worker_pids(master_pid):
    """The gunicorn workers: the children of the master."""
    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    fields = handle.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == master_pid:
                pids.append(int(entry))
    return sorted(pids)


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as handle:
        match = re.search(r"^VmRSS:\s+(\d+) kB", handle.read(), re.M)
    return int(match.group(1)) / 1024
