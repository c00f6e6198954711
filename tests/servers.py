"""Real servers for the tests that need them: gunicorn on 127.0.0.1, and a
browser-like client (plain urllib, a cookie jar) that walks a whole check.

Used by tests/test_privacy.py and tests/test_two_instances.py.

    with gunicorn(log_dir) as server:
        browser = Browser([server.url])
        whole_check(browser, SCENARIO)
"""
import contextlib
import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from html import unescape

from tests.walkers import contract_form, items_to_add

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STARTUP_SECONDS = 30


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    def __init__(self, process, port, stdout_path, stderr_path):
        self.process = process
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.stdout_path = stdout_path
        self.stderr_path = stderr_path

    def logs(self):
        """Everything the server wrote (access log, error log, the app's own logging)."""
        text = ""
        for path in (self.stdout_path, self.stderr_path):
            with open(path, "rb") as handle:
                text += handle.read().decode("utf-8", "replace")
        return text


def wait_for_port(port, process, log_path):
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            with open(log_path, encoding="utf-8", errors="replace") as handle:
                raise RuntimeError(f"gunicorn exited with {process.returncode}:\n{handle.read()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"gunicorn did not listen on port {port} in {STARTUP_SECONDS} s")


def stop(process):
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


@contextlib.contextmanager
def gunicorn(log_dir, secret="servers-test-secret", workers=1, name="server", env=None,
             app="app:create_app()", port=None):
    """Run `app` under gunicorn on 127.0.0.1 with the access and error logs
    on stdout/stderr, captured to files in `log_dir`. Waits until the port
    accepts connections; always stops the process."""
    port = port or free_port()
    stdout_path = os.path.join(log_dir, f"{name}.stdout.log")
    stderr_path = os.path.join(log_dir, f"{name}.stderr.log")
    environment = dict(os.environ)
    environment.update({
        "SECRET_KEY": secret,
        "COOKIE_SECURE": "0",  # plain http on 127.0.0.1
        "PYTHONUNBUFFERED": "1",
    })
    environment.update(env or {})
    command = [sys.executable, "-m", "gunicorn", "-w", str(workers), "-b", f"127.0.0.1:{port}",
               "--access-logfile", "-", "--error-logfile", "-", "--log-level", "debug",
               "--capture-output", "--graceful-timeout", "5", app]
    with open(stdout_path, "wb") as stdout, open(stderr_path, "wb") as stderr:
        process = subprocess.Popen(command, cwd=REPO, env=environment, stdout=stdout,
                                   stderr=stderr, stdin=subprocess.DEVNULL)
    try:
        wait_for_port(port, process, stderr_path)
        yield Server(process, port, stdout_path, stderr_path)
    finally:
        stop(process)


# --- a browser: cookies, CSRF tokens from the page, redirects followed by hand -----

class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Response:
    def __init__(self, status, headers, body, url):
        self.status = status
        self.headers = headers
        self.body = body
        self.url = url

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")

    @property
    def location(self):
        return self.headers.get("Location")


class Browser:
    """One person's browser. `bases` are server addresses; requests go to
    them in turn (one server: always that one). Every address requested,
    redirects included, is kept in `urls`."""

    def __init__(self, bases):
        self.bases = list(bases)
        self.turn = 0
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect())
        self.urls = []
        self.page = None

    def _base(self):
        base = self.bases[self.turn % len(self.bases)]
        self.turn += 1
        return base

    def request(self, path, data=None):
        url = self._base() + path
        self.urls.append(url)
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(url, data=body, method="POST" if body is not None else "GET")
        try:
            with self.opener.open(request, timeout=30) as reply:
                response = Response(reply.status, reply.headers, reply.read(), url)
        except urllib.error.HTTPError as error:
            response = Response(error.code, error.headers, error.read(), url)
        if response.location:
            self.urls.append(response.location)
        self.page = response
        return response

    def get(self, path):
        return self.request(path)

    def token(self):
        match = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', self.page.text)
        assert match, f"no CSRF token on {self.page.url}"
        return unescape(match.group(1))

    def post(self, path, data):
        """Post a form on the page last seen, with that page's CSRF token."""
        data = dict(data)
        data["csrf_token"] = self.token()
        return self.request(path, data)

    def cookie(self, name="nfc_state"):
        for cookie in self.jar:
            if cookie.name == name:
                return cookie.value
        return None


def path_of(location):
    return re.sub(r"^https?://[^/]+", "", location or "")


def whole_check(browser, scenario, lang="en"):
    """Walk the check as a person would, from the start page to the review:
    open each page the app sends the browser to, answer it from `scenario`
    (answers in the contract's shape; lists of facts and documents with
    their notes), follow the redirect. Returns the review page."""
    answers = scenario
    browser.get(f"/{lang}/")
    assert browser.page.status == 200, browser.page.status
    browser.post(f"/{lang}/begin", {})
    added = {"facts": 0, "documents": 0}
    other_documents = {}
    for _ in range(200):
        assert browser.page.status in (302, 303), (browser.page.status, browser.page.url,
                                                   browser.page.text[:500])
        path = path_of(browser.page.location)
        browser.get(path)
        assert browser.page.status == 200, (path, browser.page.status)
        parts = path.split("?")[0].strip("/").split("/")[1:]
        if parts == ["review"]:
            return browser.page
        if parts[0] == "question" or (parts[0] == "list" and len(parts) == 4):
            browser.post(path, contract_form(path, browser.page.text, answers, other_documents))
        elif parts[0] == "list" and len(parts) == 2:
            name = parts[1]
            more = added[name] < items_to_add(answers, name)
            browser.post(path, {"add": "yes" if more else "no"})
            if more:
                added[name] += 1
        else:
            raise AssertionError(f"unexpected page {path}")
    raise AssertionError("the check did not reach the review")


def scenario(fact_notes=("", "", ""), document_notes=("", "")):
    """A check where every page applies: a booked flight, three facts (one
    about a group, one a new document, one about life here), three documents
    (one asked inside its fact, one in another language, translated). The rules call it ready for the lawyer."""
    f1, f2, f3 = fact_notes
    d1, d2 = document_notes
    return {
        "in_netherlands": "yes", "applied_before_nl": "yes", "previous_outcome": "rejected",
        "appeal": "none_or_finished", "earlier_repeat_applications": "none",
        "protection_elsewhere": "no", "ukraine_temporary_protection": "no",
        "removal": "flight_booked", "departure_in_days": 12, "detained": "no",
        "reasons": ["political", "religion"],
        "facts": [
            {"kind": "country_change", "new_since_decision": "yes", "concerns": "group",
             "group": "religion", "you_belong": "yes", "note": f1},
            {"kind": "new_document", "new_since_decision": "yes",
             "concerns": "you_personally", "note": f2},
            {"kind": "life_in_netherlands", "new_since_decision": "yes", "note": f3},
        ],
        "documents": [
            # The new document of fact 2, asked inside the fact (it has no note).
            {"kind": "membership", "fact": 1, "language": "en", "form": "original",
             "received": "post", "note": ""},
            {"kind": "medical_report", "fact": 0, "language": "en", "form": "original",
             "received": "post", "note": d1},
            {"kind": "court_or_arrest_document", "fact": 0, "language": "other",
             "translation": "sworn", "form": "original", "received": "courier", "note": d2},
        ],
        "lawyer": "previous_will_help",
        "applying_for": "me_alone", "returned_home": "no",
    }
