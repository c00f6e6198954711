"""The answers stay while a person keeps working, and go when they stop.

The state's expiry (STATE_MAX_AGE) counts from the last visit, not from the
first answer: someone who takes a long break and comes back within the
time keeps everything. The state is renewed at most every few minutes
(state.RENEW_AFTER_SECONDS), which these tests take into account.
"""
import json
import time
import zlib

from app import create_app
from conftest import TEST_SECRET, Person, walk_to_reasons
from wizard import state

MAX_AGE = 4 * 60 * 60
APP = create_app({"TESTING": True, "SECRET_KEY": TEST_SECRET, "SESSION_COOKIE_SECURE": False})


def written_at(data, when):
    payload = zlib.compress(json.dumps(data).encode(), 9)
    return state._fernet(TEST_SECRET).encrypt_at_time(payload, int(when)).decode()


def answered_state():
    client = APP.test_client()
    person = Person(client, "en")
    walk_to_reasons(person, removal="flight_booked", days=12)
    return state.decode(client.get_cookie("nfc_state").value, TEST_SECRET, MAX_AGE)


def test_reading_a_page_late_in_the_time_keeps_the_answers_for_the_full_time_again():
    data = answered_state()
    client = APP.test_client()
    # The last visit was almost four hours ago.
    client.set_cookie("nfc_state", written_at(data, time.time() - MAX_AGE + 120))
    page = client.get("/en/question/detained")
    assert page.status_code == 200
    renewed = client.get_cookie("nfc_state").value
    # Four hours from now the renewed state is still there, with every answer.
    assert state.decode_with_time(renewed, TEST_SECRET, MAX_AGE)[1] >= time.time() - 60
    assert state.decode(renewed, TEST_SECRET, MAX_AGE)["answers"] == data["answers"]


def test_the_answers_expire_after_the_time_without_a_visit():
    data = answered_state()
    client = APP.test_client()
    client.set_cookie("nfc_state", written_at(data, time.time() - MAX_AGE - 60))
    page = client.get("/en/question/detained")
    assert page.status_code == 400
    assert "Your answers have expired" in page.get_data(as_text=True)
    # What the browser keeps now holds no answers (at most a new CSRF token).
    cookie = client.get_cookie("nfc_state")
    assert cookie is None or "answers" not in state.decode(cookie.value, TEST_SECRET, MAX_AGE)
    # Starting again shows an empty question, not the old answer.
    assert 'checked' not in client.get("/en/question/in_netherlands").get_data(as_text=True)
