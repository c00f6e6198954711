"""The production stack of deploy/, as a host runs it (README "Running in production").

nginx (deploy/nginx/, run unprivileged from a folder of its own by
deploy/nginx/standalone.py, on free ports, plain http and TLS) in front of
two gunicorn instances with deploy/gunicorn.conf.py and one SECRET_KEY.
Checked through nginx:

- pages, style sheet, script and icon arrive compressed, and every page
  kind with its files is at most 14 KB as transferred (bench/page_size.py);
- two slow clients sending a body one byte every 2 s for 30 s (security
  review §9) delay nobody else: every other page comes in under 1 s;
- a whole check succeeds while its requests alternate between the two
  instances, and while one instance is stopped and started again;
- the largest state (two cookies) goes through both ways;
- the app's security headers arrive once each, nginx adds the same to the
  files it serves itself, HSTS over TLS only, a client cannot claim https;
- /healthz answers through nginx, sets no cookie, logs nothing personal.

nginx must be installed (scripts/test installs it): without it this test
fails, it does not skip.
"""
import contextlib
import datetime
import gzip
import http.client
import importlib.util
import ipaddress
import os
import re
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import threading
import time
import urllib.request

import pytest

from app import CONTENT_SECURITY_POLICY, create_app
from tests.servers import REPO, Browser, free_port, gunicorn, scenario, stop, wait_for_port, whole_check
from wizard import languages, pdf, state, static_files

SECRET = "production-stack-test-secret"
GUNICORN_CONF = os.path.join(REPO, "deploy", "gunicorn.conf.py")
NGINX = shutil.which("nginx") or next(
    (path for path in ("/usr/sbin/nginx",) if os.access(path, os.X_OK)), None)
NO_NGINX = ("nginx is not installed: apt-get install nginx libnginx-mod-http-brotli-filter "
            "(scripts/test installs it)")
BUDGET = 14 * 1024
SLOW_SECONDS = 30
SECURITY_HEADERS = ("Content-Security-Policy", "Referrer-Policy", "X-Content-Type-Options",
                    "Permissions-Policy")


def _load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


standalone = _load("nfc_nginx_standalone", os.path.join(REPO, "deploy", "nginx", "standalone.py"))
page_size = _load("nfc_page_size", os.path.join(REPO, "bench", "page_size.py"))


# --- the stack -------------------------------------------------------------------

def self_signed_certificate(folder):
    """A certificate for 127.0.0.1 (and its key), made here for the TLS port."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.timezone.utc)
    certificate = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName(
            [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256()))
    cert_path, key_path = os.path.join(folder, "cert.pem"), os.path.join(folder, "key.pem")
    with open(cert_path, "wb") as handle:
        handle.write(certificate.public_bytes(serialization.Encoding.PEM))
    with open(key_path, "wb") as handle:
        handle.write(key.private_bytes(serialization.Encoding.PEM,
                                       serialization.PrivateFormat.PKCS8,
                                       serialization.NoEncryption()))
    return cert_path, key_path


def instance(log_dir, name, port=None):
    """One gunicorn instance as deploy/ runs it: deploy/gunicorn.conf.py (through
    GUNICORN_CMD_ARGS; tests/servers.py adds one worker, an access log to
    tell the instances apart, a short graceful stop), TRUSTED_PROXIES=1."""
    return gunicorn(log_dir, secret=SECRET, name=name, port=port,
                    env={"GUNICORN_CMD_ARGS": f"-c {GUNICORN_CONF}", "TRUSTED_PROXIES": "1"})


@contextlib.contextmanager
def nginx(prefix, upstreams, cert, key):
    os.makedirs(prefix, exist_ok=True)
    port, tls_port = free_port(), free_port()
    error_log = os.path.join(prefix, "error.log")
    conf = standalone.write(prefix, port, upstreams, tls_port=tls_port, cert=cert, key=key,
                            error_log=error_log)
    checked = subprocess.run([NGINX, "-t", "-p", prefix, "-c", conf, "-e", error_log],
                             capture_output=True, text=True, timeout=30)
    assert checked.returncode == 0, checked.stderr + open(error_log).read()
    process = subprocess.Popen([NGINX, "-p", prefix, "-c", conf, "-e", error_log],
                               stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=subprocess.STDOUT)
    try:
        wait_for_port(port, process, error_log)
        wait_for_port(tls_port, process, error_log)
        yield port, tls_port, error_log
    finally:
        stop(process)


class Stack:
    def __init__(self, exits, log_dir, instances, port, tls_port, error_log, cert):
        self.exits = exits
        self.log_dir = log_dir
        self.instances = instances
        self.port = port
        self.tls_port = tls_port
        self.url = f"http://127.0.0.1:{port}"
        self.error_log = error_log
        self.cert = cert

    def logs(self):
        text = "".join(server.logs() for server in self.instances)
        with open(self.error_log, encoding="utf-8", errors="replace") as handle:
            return text + handle.read()


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    if not NGINX:
        pytest.fail(NO_NGINX)
    log_dir = str(tmp_path_factory.mktemp("production-stack"))
    cert, key = self_signed_certificate(log_dir)
    with contextlib.ExitStack() as exits:
        first = exits.enter_context(instance(log_dir, "a"))
        second = exits.enter_context(instance(log_dir, "b"))
        port, tls_port, error_log = exits.enter_context(
            nginx(os.path.join(log_dir, "nginx"), [first.port, second.port], cert, key))
        yield Stack(exits, log_dir, [first, second], port, tls_port, error_log, cert)


def fetch(port, path, method="GET", headers=None, body=None, tls=None, timeout=10):
    """(status, headers as an email.message.Message, body as sent)."""
    if tls:
        context = ssl.create_default_context(cafile=tls)
        connection = http.client.HTTPSConnection("127.0.0.1", port, timeout=timeout,
                                                 context=context)
    else:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.msg, response.read()
    finally:
        connection.close()


def served_requests(server):
    """How many requests the instance logged (tests/servers.py's access log)."""
    with open(server.stdout_path, encoding="utf-8", errors="replace") as handle:
        return len(re.findall(r'"(?:GET|POST) /', handle.read()))


# --- the configuration ------------------------------------------------------------

def test_the_production_site_file_is_valid_nginx(stack, tmp_path):
    """deploy/nginx/site.conf as Debian's nginx reads it (inside http {}),
    with this checkout for /srv/new-facts-check and the test certificate."""
    site = open(os.path.join(REPO, "deploy", "nginx", "site.conf"), encoding="utf-8").read()
    assert site.count("/srv/new-facts-check") >= 3
    site = site.replace("/srv/new-facts-check", REPO)
    site = re.sub(r"/etc/letsencrypt/live/[^/]+/fullchain\.pem", stack.cert, site)
    site = re.sub(r"/etc/letsencrypt/live/[^/]+/privkey\.pem",
                  os.path.join(stack.log_dir, "key.pem"), site)
    (tmp_path / "site.conf").write_text(site)
    brotli = standalone.brotli_module()
    (tmp_path / "nginx.conf").write_text(
        (f"load_module {brotli};\n" if brotli else "")
        + f"pid {tmp_path}/nginx.pid;\nevents {{}}\n"
        f"http {{\n include /etc/nginx/mime.types;\n include {tmp_path}/site.conf;\n}}\n")
    if not brotli:
        site_text = (tmp_path / "site.conf").read_text()
        (tmp_path / "site.conf").write_text(
            "\n".join(line for line in site_text.splitlines() if "brotli.conf" not in line))
    checked = subprocess.run([NGINX, "-t", "-p", str(tmp_path), "-c",
                              str(tmp_path / "nginx.conf"), "-e", str(tmp_path / "error.log")],
                             capture_output=True, text=True, timeout=30)
    assert checked.returncode == 0, checked.stderr


def test_gunicorn_settings_for_production():
    settings = _load("nfc_gunicorn_conf", GUNICORN_CONF)
    assert settings.worker_class == "sync"
    assert settings.workers == (int(os.environ.get("WEB_CONCURRENCY") or os.cpu_count()))
    assert 1000 <= settings.max_requests and 0 < settings.max_requests_jitter < settings.max_requests
    assert settings.timeout >= 10 and 0 < settings.graceful_timeout <= settings.timeout
    assert settings.accesslog is None  # no record of who opened which page
    assert settings.forwarded_allow_ips == "" or os.environ.get("FORWARDED_ALLOW_IPS")


# --- compressed, within the budget -------------------------------------------------

def test_pages_and_files_arrive_compressed(stack):
    brotli = standalone.brotli_module() is not None
    for accept, wanted in (("gzip", "gzip"), ("gzip, deflate, br", "br" if brotli else "gzip")):
        status, headers, body = fetch(stack.port, "/en/", headers={"Accept-Encoding": accept})
        assert status == 200 and headers["Content-Encoding"] == wanted, (accept, dict(headers))
        html = page_size.decode(body, wanted).decode()
        files = set(page_size.STATIC_LINK.findall(html))
        assert {url.split("?")[0] for url in files} == {
            "/static/style.css", "/static/app.js", "/static/favicon.svg"}, files
        for url in files:
            status, headers, body = fetch(stack.port, url, headers={"Accept-Encoding": accept})
            assert status == 200, url
            if not url.startswith("/static/favicon.svg"):  # 239 bytes: not worth it
                assert headers["Content-Encoding"] == wanted, (url, dict(headers))
    # Without Accept-Encoding, as sent.
    status, headers, body = fetch(stack.port, "/en/")
    assert status == 200 and "Content-Encoding" not in headers and body.startswith(b"<!")


@pytest.mark.parametrize("lang", ["en", "ar", "ti", "ka", "ru"])
def test_every_page_with_its_files_fits_the_first_round_trip(stack, lang):
    client = page_size.HttpClient(stack.url)
    sizes = list(page_size.page_sizes(client, lang))
    assert len(sizes) >= 15
    for total, page, name, encoding in sizes:
        assert encoding in ("br", "gzip"), (lang, name, encoding)
        assert total <= BUDGET, f"{lang} {name}: {total} bytes as transferred (budget {BUDGET})"
    if lang == "en":
        # The checklist PDF is not compressed again (it is compressed inside).
        assert pdf.available(), "WeasyPrint cannot run here: install Pango (scripts/test does)"
        download = client.get("/en/checklist.pdf?lawyer=nl")
        assert download.status_code == 200 and download.data.startswith(b"%PDF")
        assert download.encoding == "identity"


# --- slow clients ------------------------------------------------------------------

def test_slow_clients_delay_nobody(stack):
    """Security review §9: two connections send a POST body one byte every
    2 s for 30 s. nginx buffers whole requests, so no gunicorn worker waits
    for them (each instance has one worker here), and everyone else's pages
    come in under a second."""
    def begin_posts():
        return sum(server.logs().count('"POST /en/begin ') for server in stack.instances)

    posts_before = begin_posts()
    stop_at = time.monotonic() + SLOW_SECONDS
    slow = []
    for _ in range(2):
        sock = socket.create_connection(("127.0.0.1", stack.port), timeout=5)
        sock.sendall(b"POST /en/begin HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                     b"Content-Type: application/x-www-form-urlencoded\r\n"
                     b"Content-Length: 1000\r\n\r\n")
        slow.append(sock)

    def dribble(sock):
        while time.monotonic() < stop_at:
            sock.sendall(b"a")
            time.sleep(2)

    threads = [threading.Thread(target=dribble, args=(sock,), daemon=True) for sock in slow]
    for thread in threads:
        thread.start()
    times = []
    paths = ["/en/", "/ar/", "/en/sources", "/nl/question/in_netherlands", "/healthz"]
    time.sleep(1)
    while time.monotonic() < stop_at - 1:
        path = paths[len(times) % len(paths)]
        started = time.monotonic()
        status, _headers, _body = fetch(stack.port, path, timeout=5)
        times.append((time.monotonic() - started, path, status))
        time.sleep(0.25)
    for thread in threads:
        thread.join(timeout=5)
    # The slow requests are still incomplete, and nginx still holds them.
    for sock in slow:
        sock.settimeout(0.2)
        with pytest.raises(socket.timeout):
            sock.recv(1)
        sock.close()
    assert len(times) >= 40, times
    assert all(status in (200, 302) for _t, _p, status in times), times
    slowest = max(times)
    print(f"\n{len(times)} pages while 2 slow clients ran: slowest {slowest[0] * 1000:.0f} ms")
    assert slowest[0] < 1.0, f"{slowest[1]} took {slowest[0]:.2f} s while the slow clients ran"
    assert begin_posts() == posts_before  # the slow requests never reached gunicorn


# --- one person, two instances -------------------------------------------------------

NOTES = ("Uncle arrested in May", "Party card", "Works in a bakery")
DOCUMENT_NOTES = ("Card of the party", "Summons, court in Asmara")


def test_a_whole_check_alternates_between_the_instances(stack):
    before = [served_requests(server) for server in stack.instances]
    browser = Browser([stack.url])
    review = whole_check(browser, scenario(NOTES, DOCUMENT_NOTES))
    for note in NOTES + DOCUMENT_NOTES:
        assert note in review.text
    served = [served_requests(server) - count for server, count in zip(stack.instances, before)]
    total = sum(served)
    assert total >= len(browser.urls) // 2, (served, len(browser.urls))
    # Round robin: each instance served about half of them.
    assert min(served) >= total // 3, served
    for server in stack.instances:
        assert "Traceback" not in server.logs()


class RestartingBrowser(Browser):
    """A browser during whose check `action` runs once, before request `at`."""

    def __init__(self, bases, at, action):
        super().__init__(bases)
        self.at = at
        self.action = action
        self.count = 0

    def request(self, path, data=None):
        self.count += 1
        if self.count == self.at:
            self.action()
        return super().request(path, data)


def test_a_whole_check_goes_on_while_an_instance_restarts(stack):
    """One instance is stopped (TERM, as systemctl stop does) in the middle
    of a person's check and started again on its port. nginx sends the
    requests to the other meanwhile (proxy_next_upstream), then to both."""
    old = stack.instances[0]
    restarted = {}

    def restart():
        old.process.send_signal(signal.SIGTERM)
        old.process.wait(timeout=30)
        manager = instance(stack.log_dir, "a-restarted", port=old.port)
        restarted["server"] = manager.__enter__()
        stack.exits.push(manager.__exit__)

    starter = threading.Thread(target=restart)
    browser = RestartingBrowser([stack.url], at=12, action=starter.start)
    review = whole_check(browser, scenario(NOTES, DOCUMENT_NOTES))
    for note in NOTES + DOCUMENT_NOTES:
        assert note in review.text
    assert browser.count > 40
    starter.join(timeout=60)
    server = restarted["server"]
    stack.instances[0] = server
    # The person goes on; nginx soon uses the instance again (after its
    # fail_timeout of 5 s).
    deadline = time.monotonic() + 20
    while served_requests(server) == 0 and time.monotonic() < deadline:
        assert browser.get("/en/review").status == 200
        time.sleep(0.2)
    assert served_requests(server) > 0, "nginx did not come back to the restarted instance"
    assert browser.get("/en/result").status == 200


def test_the_largest_state_goes_through_both_ways(stack):
    """The largest state the limits allow (about 5 KB, two cookies): in one
    Cookie header to nginx and gunicorn, and as two Set-Cookie headers back,
    beyond nginx's default 4 KB buffer for a response's headers."""
    from tests.test_largest_state import largest_state_cookies

    values, notes = largest_state_cookies(SECRET)
    assert len(values) == 2
    names = [state.part_name("nfc_state", index) for index in range(len(values))]
    stored = state.read(state.join(dict(zip(names, values)), "nfc_state"), SECRET)
    # Written 6 minutes ago: the app renews it, both cookies again.
    token = state.encode(stored.data, SECRET, stored.created_at, int(time.time()) - 360)
    parts = state.split(token)
    assert len(parts) == 2
    header = "; ".join(f"{name}={value}" for name, value in zip(names, parts))
    status, headers, body = fetch(stack.port, "/en/checklist?lawyer=nl",
                                  headers={"Cookie": header, "Accept-Encoding": "gzip"})
    assert status == 200, body[:300]
    html = gzip.decompress(body).decode()
    for note in notes:
        assert note in html
    set_cookies = headers.get_all("Set-Cookie")
    assert sorted(cookie.split("=")[0] for cookie in set_cookies) == names
    assert sum(len(cookie) for cookie in set_cookies) > 4096  # nginx default: 502


# --- headers ---------------------------------------------------------------------------

def app_static_headers(path):
    """What the app itself sends with a static file (the headers nginx must match)."""
    app = create_app({"TESTING": True, "SECRET_KEY": SECRET, "SESSION_COOKIE_SECURE": False})
    return app.test_client().get(path).headers


def assert_once(headers, name, value=None):
    values = headers.get_all(name) or []
    assert len(values) == 1, (name, values)
    if value is not None:
        assert values[0] == value, (name, values[0], value)
    return values[0]


@pytest.mark.parametrize("path, status", [
    ("/", 200), ("/en/", 200), ("/en/question/in_netherlands", 200), ("/ar/sources", 200),
    ("/en/no/such/page", 404), ("/static/no-such-file.css", 404), ("/en", 308),
    ("/healthz", 200)])
def test_the_apps_security_headers_arrive_once(stack, path, status):
    # A client that claims https over plain http is not believed: nginx
    # sets X-Forwarded-Proto itself.
    got, headers, _body = fetch(stack.port, path, headers={
        "Accept-Encoding": "gzip", "X-Forwarded-Proto": "https", "X-Forwarded-Ssl": "on"})
    assert got == status
    assert_once(headers, "Content-Security-Policy", CONTENT_SECURITY_POLICY)
    assert_once(headers, "Referrer-Policy", "no-referrer")
    assert_once(headers, "X-Content-Type-Options", "nosniff")
    assert_once(headers, "Permissions-Policy", "camera=(), microphone=(), geolocation=()")
    assert "Strict-Transport-Security" not in headers
    if path != "/static/no-such-file.css":
        assert_once(headers, "Cache-Control", "no-store")
    if path == "/en/":
        vary = ", ".join(headers.get_all("Vary"))
        assert "Cookie" in vary and "Accept-Encoding" in vary, vary
    if status == 308:
        assert headers["Location"] == f"http://127.0.0.1:{stack.port}/en/"


@pytest.mark.parametrize("name", ["style.css", "app.js", "favicon.svg"])
def test_nginx_serves_the_static_files_as_the_app_does(stack, name):
    _status, page, body = fetch(stack.port, "/en/")
    url = re.search(rf'"(/static/{re.escape(name)}\?v=\w+)"', body.decode()).group(1)
    status, headers, body = fetch(stack.port, url)
    assert status == 200
    # As they travel: without comments (wizard/static_files.py), as the app sends them.
    assert body == static_files.minified(name, open(os.path.join(REPO, "static", name), "rb").read())
    assert "gunicorn" not in (headers["Server"] or "")  # nginx, not the app
    app_headers = app_static_headers(url)
    for header in SECURITY_HEADERS:
        assert_once(headers, header, app_headers[header])
    assert_once(headers, "Cache-Control", "public, max-age=31536000, immutable")
    assert headers["Content-Type"].split(";")[0] == app_headers["Content-Type"].split(";")[0] \
        or (name == "app.js" and headers["Content-Type"].startswith("application/javascript"))
    assert "Set-Cookie" not in headers
    # Without its version the address may change content: not immutable.
    status, headers, _body = fetch(stack.port, f"/static/{name}")
    assert_once(headers, "Cache-Control", "public, max-age=31536000")
    # The browser's own request for an icon.
    status, headers, body = fetch(stack.port, "/favicon.ico")
    assert status == 200 and body.startswith(b"<svg")
    assert headers["Content-Type"].startswith("image/svg+xml")


def test_hsts_and_the_https_address_behind_tls(stack):
    """Over TLS, nginx tells the app (X-Forwarded-Proto, trusted through
    ProxyFix with TRUSTED_PROXIES=1): the app sends HSTS and builds https
    addresses with the right host and port; nginx adds HSTS to its own files."""
    status, headers, _body = fetch(stack.tls_port, "/en/", tls=stack.cert)
    assert status == 200
    assert_once(headers, "Strict-Transport-Security", "max-age=31536000")
    assert_once(headers, "Content-Security-Policy", CONTENT_SECURITY_POLICY)
    status, headers, _body = fetch(stack.tls_port, "/en", tls=stack.cert)
    assert status == 308
    assert headers["Location"] == f"https://127.0.0.1:{stack.tls_port}/en/"
    assert_once(headers, "Strict-Transport-Security", "max-age=31536000")
    status, headers, _body = fetch(stack.tls_port, "/static/style.css?v=1", tls=stack.cert)
    assert status == 200
    assert_once(headers, "Strict-Transport-Security", "max-age=31536000")
    # Plain http: none.
    status, headers, _body = fetch(stack.port, "/static/style.css?v=1")
    assert "Strict-Transport-Security" not in headers


def test_bodies_too_large(stack):
    """Over the app's 16 KB: the app's own page in the person's language;
    far over: nginx refuses it at once, with the security headers."""
    for size, expect_app in ((20 * 1024, True), (64 * 1024, False)):
        status, headers, body = fetch(
            stack.port, "/en/begin", method="POST", body=b"a=" + b"x" * size,
            headers={"Content-Type": "application/x-www-form-urlencoded"})
        assert status == 413
        for header in SECURITY_HEADERS:
            assert_once(headers, header)
        assert_once(headers, "Content-Security-Policy", CONTENT_SECURITY_POLICY)
        assert (b'<html lang="en"' in body) == expect_app, body[:200]


# --- /healthz ------------------------------------------------------------------------

def test_healthz_through_nginx_touches_no_state_and_logs_nothing_personal(stack):
    marker = "203.0.113.77"
    status, headers, body = fetch(stack.port, "/healthz", headers={
        "X-Forwarded-For": marker, "Cookie": f"nfc_state=garbage-{marker}"})
    assert status == 200 and body == b"ok\n"
    assert "Set-Cookie" not in headers
    assert_once(headers, "Cache-Control", "no-store")
    status, headers, body = fetch(stack.port, "/healthz", method="HEAD")
    assert status == 200 and "Set-Cookie" not in headers
    assert marker not in stack.logs()
    # Both instances are ready (each one answers on its own port too).
    for server in stack.instances:
        with urllib.request.urlopen(server.url + "/healthz", timeout=10) as reply:
            assert reply.status == 200 and reply.read() == b"ok\n"


def test_every_language_has_a_compiled_catalog_behind_healthz():
    # What /healthz checks: the languages the check is offered in.
    assert {code for code in languages.CODES if code != "en"} <= set(
        os.listdir(os.path.join(REPO, "translations")))


# --- in the app: the proxy it trusts, the compression without one ----------------------

def proxied_app(monkeypatch, trusted=None):
    monkeypatch.delenv("TRUSTED_PROXIES", raising=False)
    if trusted is not None:
        monkeypatch.setenv("TRUSTED_PROXIES", trusted)
    return create_app({"TESTING": True, "SECRET_KEY": SECRET, "SESSION_COOKIE_SECURE": False})


FORWARDED = {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "check.example.org",
             "X-Forwarded-For": "198.51.100.7"}


def test_no_proxy_is_trusted_by_default(monkeypatch):
    client = proxied_app(monkeypatch).test_client()
    response = client.get("/en", headers=FORWARDED)
    assert response.headers["Location"] == "http://localhost/en/"
    assert "Strict-Transport-Security" not in client.get("/en/", headers=FORWARDED).headers


def test_one_trusted_proxy_gives_the_scheme_and_the_host(monkeypatch):
    client = proxied_app(monkeypatch, "1").test_client()
    response = client.get("/en", headers=FORWARDED)
    assert response.headers["Location"] == "https://check.example.org/en/"
    page = client.get("/en/", headers=FORWARDED)
    assert page.headers["Strict-Transport-Security"] == "max-age=31536000"


def test_trusted_proxies_must_be_a_number(monkeypatch):
    with pytest.raises(RuntimeError, match="TRUSTED_PROXIES"):
        proxied_app(monkeypatch, "yes")


def test_the_app_compresses_when_there_is_no_proxy(client):
    """scripts/run and a bare gunicorn: the app compresses (Flask-Compress)
    and keeps Vary: Cookie, the files' caching and the security headers."""
    page = client.get("/en/", headers={"Accept-Encoding": "gzip, deflate, br"})
    assert page.status_code == 200 and page.headers["Content-Encoding"] == "br"
    vary = {part.strip() for part in page.headers["Vary"].split(",")}
    assert {"Cookie", "Accept-Encoding"} <= vary
    assert page.headers["Cache-Control"] == "no-store"
    assert page.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    html = page_size.decode(page.data, "br").decode()
    assert html.startswith("<!")
    for url in set(page_size.STATIC_LINK.findall(html)):
        response = client.get(url, headers={"Accept-Encoding": "gzip"})
        assert response.status_code == 200
        name = url.split("?")[0].rsplit("/", 1)[-1]
        assert response.headers["Content-Encoding"] == "gzip", url
        assert gzip.decompress(response.data) == static_files.minified(
            name, open(os.path.join(REPO, "static", name), "rb").read())
        assert response.cache_control.max_age == 365 * 24 * 3600
        assert response.cache_control.immutable and response.cache_control.public
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert "Content-Security-Policy" in response.headers
    # As sent when the browser does not ask; a range is never compressed.
    assert "Content-Encoding" not in client.get("/en/").headers
    ranged = client.get("/static/style.css", headers={"Accept-Encoding": "gzip",
                                                      "Range": "bytes=0-99"})
    assert ranged.status_code == 206 and "Content-Encoding" not in ranged.headers


if __name__ == "__main__":
    sys.exit(pytest.main([__file__, "-q"]))
