"""Headers, cookies and CSRF on every kind of page (DESIGN.md §5).

Every page carries a strict Content-Security-Policy (our own files only, no
inline script or style, no framing), Referrer-Policy: no-referrer,
X-Content-Type-Options: nosniff, a Permissions-Policy that denies camera,
microphone and location, and Cache-Control: no-store (pages show answers).
HSTS is sent over HTTPS only. The state cookie is HttpOnly, SameSite=Lax,
and Secure unless switched off for development. Every form needs its CSRF
token: without one the person gets the "Your answers have expired" page,
never a 500.
"""
import re
import time
from html.parser import HTMLParser

import flask_babel
import pytest

from app import create_app
from tests.walkers import Person, add_document, add_fact, finish, walk_to_reasons
from tests.conftest import STATE_COOKIE, TEST_SECRET
from wizard import pdf
from wizard.views import template_globals
from wizard.state import decode



# --- the pages ------------------------------------------------------------------

def full_check(person):
    walk_to_reasons(person, removal="flight_booked", days=12)
    person.answer("question/reasons", {"answer": ["political"]})
    add_fact(person, 0, "country_change", concerns="group", group="religion", belong="yes",
             note="Church burned")
    person.answer("list/facts", {"add": "no"})
    add_document(person, 0, "membership", fact="0", language="other", translation="sworn")
    finish(person)


def visit(person, kind):
    """Bring `person` to a page of `kind` and return the response."""
    client = person.client
    if kind == "language choice":
        return client.get("/", headers={"Accept-Language": "ar"})
    if kind == "start":
        return person.get("")
    if kind == "404":
        return person.get("no/such/page")
    if kind == "unknown language 404":
        return client.get("/xx/question/in_netherlands")
    if kind == "exit":
        person.start()
        person.answer("question/in_netherlands", {"answer": "no"})
        return person.get("exit")
    full_check(person)
    if kind == "question":
        return person.get("question/detained")
    if kind == "error summary":
        return person.answer("question/detained", {"answer": "maybe"})
    if kind == "expired":
        client.set_cookie(STATE_COOKIE, "gAAAAAB-tampered")
        return person.get("review")
    if kind == "csrf refused":
        return client.post(person.url("question/detained"), data={"answer": "no"})
    if kind == "413":
        person.get("list/facts/0/you_belong")
        return person.post_form(person.url("list/facts/0/you_belong"),
                                {"answer": "yes", "note": "x" * 20000})
    paths = {
        "list": "list/facts", "item": "list/facts/0/concerns", "remove": "list/documents/0/remove",
        "review": "review", "result": "result", "checklist": "checklist?lawyer=nl",
        "checklist pdf": "checklist.pdf", "sources": "sources", "erased": "erased",
    }
    return person.get(paths[kind])


PAGES = {
    # kind: the status the page is served with
    "language choice": 200, "start": 200, "question": 200, "error summary": 200,
    "expired": 400, "csrf refused": 400, "list": 200, "item": 200, "remove": 200,
    "review": 200, "exit": 200, "result": 200, "checklist": 200, "sources": 200,
    "erased": 200, "404": 404, "unknown language 404": 404, "413": 413,
}


class _Markup(HTMLParser):
    """Collects what a strict CSP would block: inline script and style,
    event handler attributes, resources from elsewhere."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.in_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "style":
            self.problems.append("<style> element")
        if tag == "script":
            self.in_script = True
            if not attrs.get("src"):
                self.problems.append("<script> without src")
        for name, value in attrs.items():
            if name == "style":
                self.problems.append(f"style attribute on <{tag}>")
            if name.startswith("on"):
                self.problems.append(f"{name} handler on <{tag}>")
            if name in ("src", "href", "action", "formaction", "srcset", "poster", "data"):
                value = (value or "").strip().lower()
                if tag == "a" and name == "href":
                    continue  # links may go elsewhere (the sources); they load nothing
                if value.startswith(("http:", "https:", "//", "javascript:", "data:")):
                    self.problems.append(f"{name}={value!r} on <{tag}>")
        if tag == "a" and (attrs.get("href") or "").strip().lower().startswith("javascript:"):
            self.problems.append("javascript: link")
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "refresh" and \
                re.search(r"url=\s*(https?:)?//", attrs.get("content") or "", re.I):
            self.problems.append("refresh to elsewhere")

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script = False

    def handle_data(self, data):
        if self.in_script and data.strip():
            self.problems.append("inline script text")


def policy_directives(response):
    policy = response.headers.get("Content-Security-Policy", "")
    directives = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


def assert_secure_headers(response):
    headers = response.headers
    directives = policy_directives(response)
    assert directives.get("default-src") == ["'none'"], directives
    assert directives.get("frame-ancestors") == ["'none'"], directives
    for directive in ("script-src", "style-src"):
        assert directives.get(directive) == ["'self'"], (directive, directives)
    for directive, sources in directives.items():
        for source in sources:
            # Our own origin only: no inline, no eval, no host, scheme or wildcard.
            assert source in ("'self'", "'none'"), (directive, source)
    assert "form-action" in directives and "base-uri" in directives
    assert headers.get("Referrer-Policy") == "no-referrer"
    assert headers.get("X-Content-Type-Options") == "nosniff"
    permissions = {part.strip() for part in headers.get("Permissions-Policy", "").split(",")}
    assert {"camera=()", "microphone=()", "geolocation=()"} <= permissions, permissions
    assert headers.get("Cache-Control") == "no-store"


@pytest.mark.parametrize("kind", list(PAGES))
def test_every_kind_of_page_carries_the_security_headers(client, kind):
    response = visit(Person(client), kind)
    assert response.status_code == PAGES[kind], (kind, response.status_code)
    assert_secure_headers(response)
    assert "Strict-Transport-Security" not in response.headers  # plain http
    assert response.mimetype == "text/html"
    markup = _Markup()
    markup.feed(response.get_data(as_text=True))
    assert not markup.problems, markup.problems


def test_the_checklist_pdf_is_not_kept_either(client):
    # No skip: scripts/test installs what WeasyPrint needs (as test_pdf.py).
    assert pdf.available(), "WeasyPrint cannot run here: install Pango (scripts/test does)"
    response = visit(Person(client), "checklist pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert_secure_headers(response)


def test_static_files_are_not_sniffed(client):
    for name in ("style.css", "app.js", "favicon.svg"):
        response = client.get(f"/static/{name}")
        assert response.status_code == 200
        assert response.headers.get("X-Content-Type-Options") == "nosniff"
        assert "Content-Security-Policy" in response.headers


# --- the style sheet, script and icon: one download, then kept -------------------

STATIC_LINK = re.compile(r'(?:href|src)="(/static/([\w.]+)\?v=(\w+))"')


def static_links(client, path="/en/"):
    return {name: (url, version)
            for url, name, version in STATIC_LINK.findall(client.get(path).get_data(as_text=True))}


def test_pages_link_the_style_sheet_script_and_icon_by_version(client):
    links = static_links(client)
    assert set(links) == {"style.css", "app.js", "favicon.svg"}, links
    for name, (url, _version) in links.items():
        response = client.get(url)
        assert response.status_code == 200, url
        # Kept for a year: on slow data the next page costs no extra round trip.
        assert response.cache_control.max_age == 365 * 24 * 60 * 60, (url, response.cache_control)
        assert response.cache_control.immutable and response.cache_control.public, url
        assert "no-store" not in response.headers["Cache-Control"], url


def test_a_changed_style_sheet_gets_a_new_address(app, client, tmp_path):
    """Kept for a year must not mean an old style sheet after an update."""
    for name in ("style.css", "app.js", "favicon.svg"):
        (tmp_path / name).write_bytes(open(f"{app.static_folder}/{name}", "rb").read())
    app.static_folder = str(tmp_path)
    before = static_links(client)
    (tmp_path / "style.css").write_text("body { color: black; }\n")
    time.sleep(template_globals.STAMP_RECHECK_SECONDS)  # looked at again within a second
    after = static_links(client)
    assert after["style.css"][1] != before["style.css"][1]
    assert after["app.js"] == before["app.js"]  # unchanged files keep their address
    # (sent without spare spaces: wizard/static_files.py)
    assert client.get(after["style.css"][0]).get_data(as_text=True) == "body{color: black;}\n"


def test_the_browser_icon_is_answered_at_once(client):
    # Browsers ask for /favicon.ico by themselves: no redirect, no "not found".
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response.mimetype == "image/svg+xml"
    assert response.data.startswith(b"<svg")


# --- HTTPS ------------------------------------------------------------------------

HTTPS = "https://localhost"


@pytest.fixture
def secure_app(monkeypatch):
    """The app as in production: SESSION_COOKIE_SECURE left to create_app."""
    monkeypatch.delenv("COOKIE_SECURE", raising=False)
    return create_app({"TESTING": True, "SECRET_KEY": TEST_SECRET})


@pytest.mark.parametrize("path", ["/", "/en/", "/en/question/in_netherlands", "/en/sources",
                                  "/en/nope", "/static/style.css"])
def test_hsts_over_https_only(client, path):
    secure = client.get(path, base_url=HTTPS)
    assert secure.status_code in (200, 302, 404)
    hsts = secure.headers.get("Strict-Transport-Security", "")
    assert re.fullmatch(r"max-age=(\d+)(; ?includeSubDomains)?", hsts), hsts
    assert int(re.search(r"\d+", hsts).group()) >= 180 * 24 * 3600
    plain = client.get(path)
    assert "Strict-Transport-Security" not in plain.headers


def state_cookie_header(response):
    headers = [h for h in response.headers.getlist("Set-Cookie") if h.startswith(STATE_COOKIE + "=")]
    assert len(headers) == 1, response.headers.getlist("Set-Cookie")
    return headers[0]


def cookie_flags(header):
    return {part.strip().split("=")[0].lower(): part.strip() for part in header.split(";")[1:]}


def test_the_state_cookie_is_secure_httponly_samesite_by_default(secure_app):
    assert secure_app.config["SESSION_COOKIE_SECURE"] is True
    client = secure_app.test_client()
    person = Person(client)
    person.get("", base_url=HTTPS)
    flags = cookie_flags(state_cookie_header(person.page))
    assert "secure" in flags and "httponly" in flags
    assert flags.get("samesite") == "SameSite=Lax"
    # No expiry date: it goes when the browser closes.
    assert "expires" not in flags and "max-age" not in flags

    # Over HTTPS a form posts without a Referer (the policy is no-referrer).
    person.page = client.post("/en/begin", data={"csrf_token": person.token()}, base_url=HTTPS)
    assert person.page.status_code == 302, person.text()[:300]
    person.get("question/in_netherlands", base_url=HTTPS)
    answered = client.post("/en/question/in_netherlands", base_url=HTTPS,
                           data={"csrf_token": person.token(), "answer": "yes"})
    assert answered.status_code == 302, answered.get_data(as_text=True)[:300]
    flags = cookie_flags(state_cookie_header(answered))
    assert {"secure", "httponly", "samesite"} <= set(flags)

    # Erasing deletes it with the same flags.
    person.get("question/applied_before_nl", base_url=HTTPS)
    erased = client.post("/en/erase", data={"csrf_token": person.token()}, base_url=HTTPS)
    assert erased.status_code == 302
    header = state_cookie_header(erased)
    assert re.search(r"Expires=Thu, 01 Jan 1970|Max-Age=0", header), header
    assert {"secure", "httponly", "samesite"} <= set(cookie_flags(header))


def test_cookie_secure_can_be_switched_off_for_development(monkeypatch):
    monkeypatch.setenv("COOKIE_SECURE", "0")
    app = create_app({"TESTING": True, "SECRET_KEY": TEST_SECRET})
    response = app.test_client().get("/en/")
    flags = cookie_flags(state_cookie_header(response))
    assert "secure" not in flags and "httponly" in flags


# --- CSRF ---------------------------------------------------------------------------

FORMS = [
    # (page with the form, where it posts, a valid answer)
    ("", "begin", {}),
    ("question/detained", "question/detained", {"answer": "yes"}),
    ("question/removal", "question/removal", {"answer": "flight_booked", "departure_in_days": "3"}),
    ("question/reasons", "question/reasons", {"answer": ["war_violence"]}),
    ("list/facts", "list/facts", {"add": "yes"}),
    ("list/facts/0/you_belong", "list/facts/0/you_belong", {"answer": "yes", "note": "Changed"}),
    ("list/documents/0/fact", "list/documents/0/fact", {"answer": "none"}),
    ("list/documents/0/remove", "list/documents/0/remove", {"confirm": "yes"}),
    ("erase", "erase", {"confirm": "yes"}),    # "Erase all your answers?" Yes
    ("checklist?lawyer=nl", "erase", {}),      # "Finish and erase my answers"
]


def state_of(client):
    return decode(client.get_cookie(STATE_COOKIE).value, TEST_SECRET, 3600)


def expired_heading(app, lang):
    with app.test_request_context(), flask_babel.force_locale(lang):
        return flask_babel.gettext("Your answers have expired")


@pytest.fixture(scope="module")
def checked_state():
    """The state cookie of a person who went through the whole check, per language."""
    app = create_app({"TESTING": True, "SECRET_KEY": TEST_SECRET, "SESSION_COOKIE_SECURE": False})
    cookies = {}
    for lang in ("en", "ar"):
        client = app.test_client()
        full_check(Person(client, lang))
        cookies[lang] = client.get_cookie(STATE_COOKIE).value
    return cookies


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("page, action, data", FORMS, ids=[f"{f[0].split('?')[0] or 'start'}-{f[1]}" for f in FORMS])
@pytest.mark.parametrize("token", ["missing", "wrong", "another person's"])
def test_a_post_without_a_valid_csrf_token_gets_the_expired_page(
        app, client, checked_state, lang, page, action, data, token):
    person = Person(client, lang)
    client.set_cookie(STATE_COOKIE, checked_state[lang])
    person.get(page)
    assert person.page.status_code == 200
    before = state_of(client)
    assert before and before["answers"]["facts"][0]["note"] == "Church burned"
    data = dict(data)
    if token == "wrong":
        data["csrf_token"] = person.token()[:-4] + "AAAA"
    elif token == "another person's":
        other = Person(app.test_client(), lang)
        other.get("")
        data["csrf_token"] = other.token()

    response = client.post(person.url(action), data=data)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert re.search(rf'<html lang="{lang}"', html)
    assert re.search(r"<h1>\s*" + re.escape(expired_heading(app, lang)) + r"\s*</h1>", html)
    assert_secure_headers(response)
    # Nothing was changed or erased by the refused post.
    assert state_of(client) == before
    review = person.get("review")
    assert review.status_code == 200 and "Church burned" in review.get_data(as_text=True)


def test_every_form_on_every_page_carries_a_csrf_token(client):
    person = Person(client)
    full_check(person)
    for path in ["", "question/detained", "question/reasons", "list/facts", "list/facts/0/kind",
                 "list/documents/0/fact", "list/documents/0/remove", "review", "result",
                 "checklist", "sources"]:
        html = person.get(path).get_data(as_text=True)
        for form in re.findall(r"<form\b[^>]*>.*?</form>", html, re.S):
            if re.search(r'method="post"', form, re.I):
                assert 'name="csrf_token"' in form, (path, form[:200])

