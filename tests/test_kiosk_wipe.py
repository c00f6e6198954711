"""The kiosk's wipe address and its keep-alive (issue 11, item 5).

`GET /<lang>/timeout` is what the kiosk page's timer, its "Erase now" link
and (without JavaScript) its meta refresh open. It erases only in kiosk
mode and only with this person's CSRF token in `?token=`, so a link or a
refresh on another site erases nothing. State that is already expired,
unreadable or empty holds nothing to protect: the cookie goes and the next
person sees the language choice.

`POST /<lang>/keep-alive` (CSRF token in the X-CSRFToken header) renews
the state while a person reads or types on one page; it too exists only in
kiosk mode.
"""
import html
import re
import time

import pytest

from app import create_app
from tests.walkers import Person
from tests.conftest import STATE_COOKIE, TEST_SECRET
from wizard import state

IDLE, WARNING = 180, 60
KIOSK = {"KIOSK": True, "KIOSK_IDLE_SECONDS": IDLE, "KIOSK_WARNING_SECONDS": WARNING}
MARKER = "Party card of Person A 7731"


def make_client(**config):
    return create_app({"TESTING": True, "SECRET_KEY": TEST_SECRET,
                       "SESSION_COOKIE_SECURE": False, **config}).test_client()


def answers_in(client):
    cookie = client.get_cookie(STATE_COOKIE)
    if cookie is None:
        return {}
    stored = state.read(cookie.value, TEST_SECRET)
    return (stored.data.get("answers") or {}) if stored else {}


def person_with_answers(client):
    """Someone halfway: two answers and a note-like answer we can look for."""
    person = Person(client)
    person.start()
    person.answer("question/in_netherlands", {"answer": "yes"})
    person.answer("question/applied_before_nl", {"answer": "yes", "previous_outcome": "rejected"})
    assert answers_in(client) == {"in_netherlands": "yes", "applied_before_nl": "yes",
                                  "previous_outcome": "rejected"}
    person.get("question/appeal")
    assert person.page.status_code == 200
    return person


def wipe_address(page_html):
    """The wipe address as the page writes it, in the meta refresh and the
    "Erase now" link (and for the script, on <body>)."""
    refresh = re.search(r'<meta http-equiv="refresh" content="(\d+); url=([^"]+)">', page_html)
    assert refresh, "no kiosk meta refresh (content=\"N; url=...\")"
    link = re.search(r'<a class="button button-secondary" href="([^"]+)">', page_html)
    body = re.search(r'data-kiosk-timeout-url="([^"]+)"', page_html)
    assert link and body
    addresses = {html.unescape(refresh.group(2)), html.unescape(link.group(1)),
                 html.unescape(body.group(1))}
    assert len(addresses) == 1, addresses
    assert int(refresh.group(1)) == IDLE + WARNING
    return addresses.pop()


def test_the_kiosk_page_gives_its_wipe_address_with_the_token_and_no_answers():
    client = make_client(**KIOSK)
    person = person_with_answers(client)
    address = wipe_address(person.text())
    path, _, query = address.partition("?")
    assert path == "/en/timeout"
    assert re.fullmatch(r"token=[\w.\-]+", query), query
    assert query == "token=" + person.token()  # the page's own CSRF token
    for value in ("yes", "in_netherlands"):
        assert value not in query


def test_with_this_persons_token_the_kiosk_wipe_erases_and_shows_the_language_choice():
    client = make_client(**KIOSK)
    person = person_with_answers(client)
    page = client.get(wipe_address(person.text()))
    assert page.status_code == 302
    assert page.headers["Location"] == "/?erased=1"
    assert client.get_cookie(STATE_COOKIE) is None
    assert answers_in(client) == {}
    assert client.get("/en/review").headers["Location"] == "/en/"  # nothing remembered


@pytest.mark.parametrize("query", ["", "?token=", "?token=nonsense", "?token=a.b.c"])
def test_without_a_valid_token_the_kiosk_wipe_erases_nothing(query):
    client = make_client(**KIOSK)
    person = person_with_answers(client)
    before = answers_in(client)
    page = client.get(f"/en/timeout{query}")
    assert page.status_code == 302, page.status_code  # a clear page, not a 500
    assert page.headers["Location"] == "/en/"  # the start page: go on, or erase there
    assert answers_in(client) == before
    person.get("question/appeal")
    assert person.page.status_code == 200


def test_another_persons_token_erases_nothing():
    # Person B's token (another browser, another state) on A's state: what
    # a page elsewhere could put in a link.
    client_a, client_b = make_client(**KIOSK), make_client(**KIOSK)
    person_with_answers(client_a)
    other = Person(client_b)
    other.get("")
    foreign_address = wipe_address(other.text())
    before = answers_in(client_a)
    page = client_a.get(foreign_address)
    assert page.status_code == 302
    assert page.headers["Location"] == "/en/"
    assert answers_in(client_a) == before


def test_a_token_from_another_secret_erases_nothing():
    person_b = Person(create_app({"TESTING": True, "SECRET_KEY": "another-secret",
                                  "SESSION_COOKIE_SECURE": False, **KIOSK}).test_client())
    person_b.get("")
    client = make_client(**KIOSK)
    person_with_answers(client)
    before = answers_in(client)
    assert client.get(f"/en/timeout?token={person_b.token()}").headers["Location"] == "/en/"
    assert answers_in(client) == before


def test_outside_kiosk_mode_the_wipe_address_does_not_exist():
    client = make_client()
    person = person_with_answers(client)
    assert "/timeout" not in person.text() and 'http-equiv="refresh"' not in person.text()
    before = answers_in(client)
    for address in ("/en/timeout", f"/en/timeout?token={person.token()}"):
        page = client.get(address)
        assert page.status_code == 404, (address, page.status_code)
        assert answers_in(client) == before
    assert client.post("/en/keep-alive", headers={"X-CSRFToken": person.token()}).status_code == 404


def test_an_empty_state_has_nothing_to_protect():
    client = make_client(**KIOSK)
    person = Person(client)
    person.get("")  # only a CSRF token in the state
    page = client.get("/en/timeout")
    assert page.status_code == 302 and page.headers["Location"] == "/?erased=1"
    assert client.get_cookie(STATE_COOKIE) is None


@pytest.fixture
def clock(monkeypatch):
    class Clock:
        now = 1_900_000_000
    monkeypatch.setattr(time, "time", lambda: Clock.now)
    return Clock


def test_state_the_server_already_refused_is_cleared_and_the_language_choice_shown(clock):
    # The page's timer comes a moment after the server's own kiosk limit.
    client = make_client(**KIOSK)
    person = person_with_answers(client)
    address = wipe_address(person.text())
    clock.now += IDLE + WARNING + 2
    page = client.get(address)
    assert page.status_code == 302 and page.headers["Location"] == "/?erased=1"
    assert client.get_cookie(STATE_COOKIE) is None


def test_unreadable_state_is_cleared_and_the_language_choice_shown():
    client = make_client(**KIOSK)
    client.set_cookie(STATE_COOKIE, "not-a-state")
    page = client.get("/en/timeout?token=whatever")
    assert page.status_code == 302 and page.headers["Location"] == "/?erased=1"
    assert client.get_cookie(STATE_COOKIE) is None


def test_the_keep_alive_renews_the_kiosk_state_and_says_nothing(clock):
    client = make_client(**KIOSK)
    person = person_with_answers(client)
    token = person.token()
    written = state.read(client.get_cookie(STATE_COOKIE).value, TEST_SECRET).written_at
    # Reading or typing a long note: no page is asked for, only keep-alives.
    for _ in range(5):
        clock.now += IDLE  # each gap within idle + warning, together far beyond it
        reply = client.post("/en/keep-alive", headers={"X-CSRFToken": token})
        assert reply.status_code == 204, reply.status_code
        assert reply.get_data() == b""
        assert reply.headers.get("Cache-Control") == "no-store"
        renewed = state.read(client.get_cookie(STATE_COOKIE).value, TEST_SECRET)
        assert renewed.written_at == clock.now > written
        written = renewed.written_at
    person.get("question/appeal")
    assert person.page.status_code == 200
    assert answers_in(client) == {"in_netherlands": "yes", "applied_before_nl": "yes",
                                  "previous_outcome": "rejected"}


def test_a_keep_alive_without_the_token_is_refused_and_changes_nothing():
    # (On the kiosk every request renews the state, this one too: the
    # token keeps the endpoint a same-site call like every other POST.)
    client = make_client(**KIOSK)
    person_with_answers(client)
    before = answers_in(client)
    for headers in ({}, {"X-CSRFToken": "nonsense"}):
        assert client.post("/en/keep-alive", headers=headers).status_code == 400
        assert answers_in(client) == before
    assert client.get("/en/keep-alive").status_code == 405
