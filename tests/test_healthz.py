"""/healthz: for a load balancer or a process supervisor (README "Running in production").

It answers 200 "ok" when the instance can serve: the secret is set and
every language offered has a compiled catalog that loads. Otherwise 503,
saying what is missing. It touches no state: whatever cookie comes with
it, none is read, renewed or deleted. Nothing is logged.
"""
import logging
import os
import shutil
import time

import pytest

from app import CONTENT_SECURITY_POLICY, create_app
from tests.walkers import Person
from tests.conftest import STATE_COOKIE, TEST_SECRET
from wizard import languages, state

HEALTHZ = "/healthz"


def assert_no_state_touched(response):
    assert response.headers.getlist("Set-Cookie") == []
    assert "Cookie" not in response.headers.get("Vary", "")


def test_healthz_says_ok(client):
    response = client.get(HEALTHZ)
    assert response.status_code == 200
    assert response.data == b"ok\n"
    assert response.mimetype == "text/plain"
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert_no_state_touched(response)


def test_healthz_answers_head_and_refuses_a_post(client):
    head = client.head(HEALTHZ)
    assert head.status_code == 200 and head.data == b""
    assert_no_state_touched(head)
    assert client.post(HEALTHZ).status_code in (400, 405)  # no form here


def old_state(app, answers=True):
    """A person's state cookie written 10 minutes ago: any page renews it."""
    client = app.test_client()
    person = Person(client)
    person.start()
    if answers:
        person.answer("question/in_netherlands", {"answer": "yes"})
    stored = state.read(client.get_cookie(STATE_COOKIE).value, TEST_SECRET)
    return state.encode(stored.data, TEST_SECRET, stored.created_at, int(time.time()) - 600)


@pytest.mark.parametrize("cookie", ["a person's state, due for renewal", "unreadable",
                                    "expired"])
def test_healthz_never_reads_renews_or_deletes_a_state(app, cookie):
    value = {
        "a person's state, due for renewal": lambda: old_state(app),
        "unreadable": lambda: "gAAAAAB-tampered",
        "expired": lambda: state.encode({"answers": {"in_netherlands": "yes"}}, TEST_SECRET,
                                        int(time.time()) - 9 * 3600,
                                        int(time.time()) - 5 * 3600),
    }[cookie]()
    client = app.test_client()
    client.set_cookie(STATE_COOKIE, value)
    client.set_cookie("nfc_state.1", "a-stale-part")
    # A page would renew or delete this state (the test is not empty) ...
    page = client.get("/en/question/applied_before_nl")
    assert page.headers.getlist("Set-Cookie"), cookie
    client.set_cookie(STATE_COOKIE, value)
    client.set_cookie("nfc_state.1", "a-stale-part")
    # ... the health check does neither.
    response = client.get(HEALTHZ)
    assert response.status_code == 200 and response.data == b"ok\n"
    assert_no_state_touched(response)


def test_healthz_logs_nothing(app, caplog):
    client = app.test_client()
    client.set_cookie(STATE_COOKIE, old_state(app))
    with caplog.at_level(logging.DEBUG):
        response = client.get(HEALTHZ, headers={"X-Forwarded-For": "203.0.113.9",
                                                "User-Agent": "marker-agent"})
    assert response.status_code == 200
    assert caplog.records == []


def copy_catalogs(app, tmp_path):
    target = tmp_path / "translations"
    shutil.copytree(app.config["BABEL_TRANSLATION_DIRECTORIES"], target)
    return target


def app_with_catalogs(folder):
    return create_app({"TESTING": True, "SECRET_KEY": TEST_SECRET,
                       "SESSION_COOKIE_SECURE": False,
                       "BABEL_TRANSLATION_DIRECTORIES": str(folder)})


def test_every_language_offered_has_a_compiled_catalog(app):
    # What "ok" stands for: the catalogs scripts/setup compiles.
    root = app.config["BABEL_TRANSLATION_DIRECTORIES"]
    for language in languages.LANGUAGES:
        if language.review != languages.REVIEW_SOURCE:
            assert os.path.exists(os.path.join(root, language.code, "LC_MESSAGES",
                                               "messages.mo")), language.code


@pytest.mark.parametrize("damage", ["missing", "empty", "not a catalog"])
def test_healthz_is_503_without_a_language_catalog(app, tmp_path, damage):
    folder = copy_catalogs(app, tmp_path)
    compiled = folder / "ti" / "LC_MESSAGES" / "messages.mo"
    if damage == "missing":
        compiled.unlink()
    elif damage == "empty":
        compiled.write_bytes(b"")
    else:
        compiled.write_bytes(b"this is not a .mo file at all, just some text" * 4)
    response = app_with_catalogs(folder).test_client().get(HEALTHZ)
    assert response.status_code == 503
    body = response.get_data(as_text=True)
    assert body.startswith("not ready:") and " ti" in body, body
    assert response.headers["Cache-Control"] == "no-store"
    assert_no_state_touched(response)


def test_healthz_sees_a_catalog_compiled_again(app, tmp_path):
    folder = copy_catalogs(app, tmp_path)
    compiled = folder / "ar" / "LC_MESSAGES" / "messages.mo"
    good = compiled.read_bytes()
    checked = app_with_catalogs(folder)
    compiled.unlink()
    assert checked.test_client().get(HEALTHZ).status_code == 503
    compiled.write_bytes(good)
    assert checked.test_client().get(HEALTHZ).status_code == 200
