"""How long answers live (issue 11, item 3; README "Privacy and state").

Two limits, with real timestamps (the clock is moved by hand):
- idle: STATE_MAX_AGE (4 h) after the state was last written; reading a
  page renews it (at most every few minutes);
- absolute: STATE_MAX_LIFETIME (8 h) after the first answer, however often
  it was renewed, so a cookie copied before "Erase my answers" is useless
  after that.
In kiosk mode the state is renewed on every request and refused idle +
warning time after the last one.
"""
import time

import pytest

from app import create_app
from tests.walkers import Person
from tests.conftest import TEST_SECRET
from wizard import state

HOUR = 60 * 60
MINUTE = 60
T0 = 1_900_000_000  # the first answer
STATE_COOKIE = "nfc_state"
EXPIRED = "Your answers have expired"


@pytest.fixture
def clock(monkeypatch):
    """The time every part of the app reads; `clock.now` moves it."""
    class Clock:
        now = T0 - 10 * MINUTE
    monkeypatch.setattr(time, "time", lambda: Clock.now)
    return Clock


def make_app(**config):
    return create_app({"TESTING": True, "SECRET_KEY": TEST_SECRET,
                       "SESSION_COOKIE_SECURE": False, **config})


def first_answers(client, clock):
    """Open the start page ten minutes before T0, give the first answer at T0.
    (On the kiosk too: a state without answers keeps the ordinary limits.)"""
    person = Person(client)
    person.start()
    clock.now = T0
    person.answer("question/in_netherlands", {"answer": "yes"})
    assert person.location().endswith("/question/applied_before_nl")
    return person


def stored(client):
    return state.read(client.get_cookie(STATE_COOKIE).value, TEST_SECRET)


def visit(client, path="/en/question/in_netherlands"):
    page = client.get(path)
    assert page.status_code in (200, 302, 400), page.status_code
    return page


def is_kept(page):
    html = page.get_data(as_text=True)
    return page.status_code == 200 and EXPIRED not in html and "checked" in html


def is_expired(page):
    return page.status_code == 400 and EXPIRED in page.get_data(as_text=True)


def test_the_lifetime_starts_at_the_first_answer_not_at_the_start_page(clock):
    client = make_app().test_client()
    first_answers(client, clock)
    assert stored(client).created_at == T0
    assert stored(client).written_at == T0


def test_the_answers_expire_after_the_idle_time_without_a_visit(clock):
    client = make_app().test_client()
    first_answers(client, clock)
    clock.now = T0 + 4 * HOUR - MINUTE
    assert is_kept(visit(client))  # and renewed: four more hours from now
    clock.now += 4 * HOUR + MINUTE
    page = visit(client)
    assert is_expired(page)
    assert client.get_cookie(STATE_COOKIE) is None or "answers" not in state.decode(
        client.get_cookie(STATE_COOKIE).value, TEST_SECRET, HOUR)


def test_renewing_never_moves_the_first_answer_and_the_lifetime_ends_after_eight_hours(clock):
    client = make_app().test_client()
    first_answers(client, clock)
    # The person (or whoever holds the cookie) visits every half hour.
    while clock.now + 30 * MINUTE < T0 + 8 * HOUR:
        clock.now += 30 * MINUTE
        assert is_kept(visit(client)), clock.now - T0
        assert stored(client).written_at == clock.now  # renewed ...
        assert stored(client).created_at == T0  # ... but never younger
    clock.now = T0 + 8 * HOUR + MINUTE
    assert is_expired(visit(client))


def test_the_lifetime_is_a_setting(clock):
    client = make_app(STATE_MAX_LIFETIME=HOUR).test_client()
    first_answers(client, clock)
    clock.now = T0 + HOUR - MINUTE
    assert is_kept(visit(client))
    clock.now = T0 + HOUR + MINUTE
    assert is_expired(visit(client))


def test_a_cookie_copied_before_erasing_is_refused_after_the_lifetime(clock):
    client = make_app().test_client()
    person = first_answers(client, clock)
    clock.now = T0 + HOUR
    copy = client.get_cookie(STATE_COOKIE).value
    person.get("question/applied_before_nl")
    person.post_form(person.url("erase"), {})
    assert client.get_cookie(STATE_COOKIE) is None

    # What "Erase" cannot undo: the copy still shows the answers, and
    # whoever holds it can renew it ...
    thief = make_app().test_client()
    thief.set_cookie(STATE_COOKIE, copy)
    while clock.now + 3 * HOUR < T0 + 8 * HOUR:
        clock.now += 3 * HOUR
        assert is_kept(visit(thief))
    # ... but only until eight hours after the first answer.
    clock.now = T0 + 8 * HOUR + MINUTE
    page = visit(thief)
    assert is_expired(page)
    assert "checked" not in page.get_data(as_text=True)
    assert "checked" not in visit(thief).get_data(as_text=True)


def test_answers_given_after_erasing_start_a_lifetime_of_their_own(clock):
    client = make_app().test_client()
    person = first_answers(client, clock)
    clock.now = T0 + 2 * HOUR
    person.get("question/applied_before_nl")
    person.post_form(person.url("erase"), {})
    person.start()
    person.answer("question/in_netherlands", {"answer": "no"})
    assert stored(client).created_at == T0 + 2 * HOUR


KIOSK = {"KIOSK": True, "KIOSK_IDLE_SECONDS": 180, "KIOSK_WARNING_SECONDS": 60}


def test_kiosk_someone_who_reads_the_start_page_for_a_while_can_begin(clock):
    client = make_app(**KIOSK).test_client()
    first_answers(client, clock)
    assert stored(client).created_at == T0


def test_kiosk_state_is_renewed_on_every_request(clock):
    client = make_app(**KIOSK).test_client()
    first_answers(client, clock)
    for _ in range(3):
        clock.now += 20  # far less than the five minutes elsewhere
        assert is_kept(visit(client))
        assert stored(client).written_at == clock.now


def test_kiosk_state_is_refused_after_idle_plus_warning_time_without_a_request(clock):
    client = make_app(**KIOSK).test_client()
    first_answers(client, clock)
    clock.now = T0 + 180 + 60 - 1
    assert is_kept(visit(client))
    clock.now += 180 + 60 + 1
    assert is_expired(visit(client))


def test_kiosk_never_cuts_off_a_person_who_keeps_going(clock):
    # The kiosk's absolute limit is idle + warning from the last request:
    # someone slow but active for an hour keeps every answer.
    client = make_app(**KIOSK).test_client()
    first_answers(client, clock)
    while clock.now < T0 + HOUR:
        clock.now += 200
        assert is_kept(visit(client)), clock.now - T0


def test_without_kiosk_mode_the_same_pause_keeps_the_answers(clock):
    client = make_app().test_client()
    first_answers(client, clock)
    clock.now = T0 + 180 + 60 + 120
    assert is_kept(visit(client))
