"""The answers stay while a person keeps working, and go when they stop.

The state's expiry (STATE_MAX_AGE) counts from the last visit, not from the
first answer: someone who takes a long break and comes back within the
time keeps everything. The state is renewed at most every few minutes
(state.RENEW_AFTER_SECONDS), which these tests take into account.
"""
import random
import time
import unicodedata
import zlib

import pytest

from app import create_app
from tests.walkers import Person, walk_to_reasons
from tests.conftest import TEST_SECRET
from wizard import state

MAX_AGE = 4 * 60 * 60
APP = create_app({"TESTING": True, "SECRET_KEY": TEST_SECRET, "SESSION_COOKIE_SECURE": False})


def written_at(data, when):
    return state.encode(data, TEST_SECRET, now=when)


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
    assert state.read(renewed, TEST_SECRET).written_at >= time.time() - 60
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


# --- the token: AES-GCM over deflated UTF-8 JSON -------------------------------------

ETHIOPIC = [chr(code) for code in range(0x1200, 0x135B) if unicodedata.category(chr(code)) == "Lo"]


def ethiopic_text(length, seed=11):
    rng = random.Random(seed)
    return "".join(rng.choice(ETHIOPIC) for _ in range(length))


ETHIOPIC_NOTE = ethiopic_text(100)


def test_the_token_is_versioned_timed_and_shows_nothing_of_the_answers():
    data = {"answers": {"facts": [{"note": "Party card, arrived in March"}]}}
    token = state.encode(data, TEST_SECRET, created_at=1_800_000_000, now=1_800_000_600)
    raw = state.base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    assert raw[0] == state.VERSION
    assert state.HEADER.unpack(raw[:state.HEADER.size])[1] == 1_800_000_600
    assert b"Party" not in raw and "Party" not in token
    stored = state.read(token, TEST_SECRET)
    assert stored == (data, 1_800_000_600, 1_800_000_000)
    # Two tokens for the same state differ (a fresh nonce each time).
    assert token != state.encode(data, TEST_SECRET, created_at=1_800_000_000, now=1_800_000_600)


def test_the_header_cannot_be_changed_to_make_a_state_younger():
    token = state.encode({"answers": {}}, TEST_SECRET, now=time.time() - MAX_AGE - 60)
    raw = bytearray(state.base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
    raw[1:state.HEADER.size] = state.HEADER.pack(state.VERSION, int(time.time()))[1:]
    forged = state.base64.urlsafe_b64encode(bytes(raw)).rstrip(b"=").decode()
    assert state.read(forged, TEST_SECRET) is None


def test_notes_in_other_scripts_are_kept_as_compact_utf8_json_not_escapes():
    # 3 bytes an Ethiopic letter before compression, not 6 for "\u12XX".
    data = {"answers": {"facts": [{"note": ETHIOPIC_NOTE}]}}
    plain = zlib.decompress(state._deflate(data), -zlib.MAX_WBITS)
    assert plain == ('{"answers":{"facts":[{"note":"%s"}]}}' % ETHIOPIC_NOTE).encode("utf-8")
    assert state.decode(state.encode(data, TEST_SECRET), TEST_SECRET, MAX_AGE) == data


def test_a_stray_surrogate_in_the_state_is_kept_not_an_error():
    data = {"answers": {"facts": [{"note": "a\ud800b"}]}}
    assert state.decode(state.encode(data, TEST_SECRET), TEST_SECRET, MAX_AGE) == data


# --- a state in several cookies -------------------------------------------------------

def big_state():
    """A state that needs two cookies: the answers and some padding."""
    data = answered_state()
    data["pad"] = ethiopic_text(2500)
    return data


def two_part_cookies(data, when=None):
    values = state.split(state.encode(data, TEST_SECRET, now=when))
    assert len(values) == 2
    return values


def client_with(values):
    client = APP.test_client()
    for index, value in enumerate(values):
        client.set_cookie(state.part_name("nfc_state", index), value)
    return client


def cookie_values(client):
    cookies = [client.get_cookie(state.part_name("nfc_state", index)) for index in range(4)]
    return [cookie.value if cookie else None for cookie in cookies]


def test_a_state_in_two_cookies_is_read_as_one():
    data = big_state()
    values = two_part_cookies(data)
    assert values[0].startswith("2.")
    assert all(len(value) <= state.MAX_COOKIE_BYTES for value in values)
    page = client_with(values).get("/en/question/detained")
    assert page.status_code == 200
    assert "checked" in page.get_data(as_text=True)  # the answer given before


def test_a_renewed_state_in_two_cookies_keeps_both():
    data = big_state()
    client = client_with(two_part_cookies(data, when=time.time() - 600))
    assert client.get("/en/question/detained").status_code == 200
    renewed = cookie_values(client)
    assert renewed[0].startswith("2.") and renewed[1] and renewed[2] is None
    token = state.join({"nfc_state": renewed[0], "nfc_state.1": renewed[1]}, "nfc_state")
    assert state.decode(token, TEST_SECRET, MAX_AGE) == data


@pytest.mark.parametrize("kind", ["second part missing", "second part of another state",
                                  "first part alone, count cut", "count over the bound",
                                  "parts swapped"])
def test_a_missing_or_foreign_part_makes_the_state_unreadable(kind):
    data = big_state()
    first, second = two_part_cookies(data)
    _other_first, other_second = two_part_cookies(data)
    values = {
        "second part missing": [first],
        "second part of another state": [first, other_second],
        "first part alone, count cut": [first[2:]],
        "count over the bound": ["%d." % (state.MAX_PARTS + 1) + first[2:], second, second],
        "parts swapped": ["2." + second, first[2:]],
    }[kind]
    client = client_with(values)
    page = client.get("/en/question/detained")
    assert page.status_code == 400
    assert "Your answers have expired" in page.get_data(as_text=True)
    # Every part the browser sent is gone (at most a fresh state with a
    # new CSRF token is left, in one cookie).
    left = cookie_values(client)
    assert left[1:] == [None] * 3
    assert left[0] is None or "answers" not in state.decode(left[0], TEST_SECRET, MAX_AGE)


def test_erasing_deletes_every_part():
    data = big_state()
    client = client_with(two_part_cookies(data))
    person = Person(client)
    person.get("question/detained")
    person.post_form(person.url("erase"), {})
    assert cookie_values(client) == [None] * 4


def test_a_state_that_shrinks_leaves_no_stale_part():
    # One cookie now; a second part left over from a larger state is
    # ignored, and deleted at the next write.
    data = answered_state()
    _first, stale = two_part_cookies(big_state())
    client = client_with([state.encode(data, TEST_SECRET), stale])
    person = Person(client)
    person.answer("question/detained", {"answer": "yes"})
    assert person.page.status_code == 302
    values = cookie_values(client)
    assert values[1] is None
    assert state.decode(values[0], TEST_SECRET, MAX_AGE)["answers"]["detained"] == "yes"


def test_only_an_absurd_state_is_too_large():
    state.check_fits(big_state(), TEST_SECRET)
    with pytest.raises(state.StateTooLarge):
        state.check_fits({"pad": ethiopic_text(6000)}, TEST_SECRET)
