"""Erasing, what is kept between pages, and odd addresses
(wizard/views/fixed_pages.py and wizard/errors.py). In English and in Dutch.
"""
import base64
import datetime
import re

import pytest

from tests.conftest import STATE_COOKIE
from tests.pages import Seen, fact_title, label, link_in, norm, path_of, words_in
from tests.walkers import (ROUTE_OK, Person, add_document, add_fact, finish, follow,
                           walk_everything, walk_to_facts, walk_to_reasons)
from wizard import checklist, texts
from wizard import flow, languages
from wizard import vocabulary as v
from wizard.sources import SOURCES



# === 8. Erase my answers ====================================================================

def test_erasing_forgets_everything(visitor, say):
    walk_everything(visitor)
    review = Seen(visitor.get("review"))
    assert review.shows("Church burned")

    visitor.get("erase")  # "Erase all your answers?"
    visitor.post_form(visitor.url("erase"), {"confirm": "yes"})
    assert path_of(visitor.location()) == visitor.url("erased")
    cookie = [h for h in visitor.page.headers.getlist("Set-Cookie") if h.startswith(STATE_COOKIE + "=")]
    assert cookie, "the erase does not touch the state cookie"
    assert re.search(r"Expires=Thu, 01 Jan 1970|Max-Age=0", cookie[0]), cookie[0]

    erased = Seen(follow(visitor))
    assert erased.first("h1").text == norm(say("Your answers are erased"))
    assert not erased.shows("Church burned")

    # Nothing is remembered: the review sends the person to the start.
    visitor.get("review")
    assert path_of(visitor.location()) == visitor.url("")
    visitor.get("list/facts")
    assert "Church burned" not in visitor.text()


# === 9. What is kept between pages, and how =============================================

def test_the_state_cookie_shows_nothing_of_the_answers(visitor, client):
    walk_to_facts(visitor)
    add_fact(visitor, 0, "country_change", note="MARKER-XYZ")
    # The cookie the note was saved in is for the server only, and this site only.
    header, = [h for h in visitor.page.headers.getlist("Set-Cookie")
               if h.startswith(STATE_COOKIE + "=")]
    assert "HttpOnly" in header and "SameSite=Lax" in header
    assert "MARKER-XYZ" in Seen(visitor.get("list/facts")).text

    raw = client.get_cookie(STATE_COOKIE).value
    assert "MARKER" not in raw.upper()
    marker = b"MARKER-XYZ"
    for shift in range(3):  # base64 of the marker at each byte alignment
        for encode in (base64.b64encode, base64.urlsafe_b64encode):
            encoded = encode(b"x" * shift + marker).decode()
            core = encoded[4 if shift else 0:-4]  # the part that is the marker's alone
            assert core not in raw, core


def test_a_tampered_cookie_says_the_answers_have_expired(visitor, client, say):
    walk_to_facts(visitor)
    raw = client.get_cookie(STATE_COOKIE).value
    middle = len(raw) // 2
    flipped = raw[:middle] + ("A" if raw[middle] != "A" else "B") + raw[middle + 1:]
    client.set_cookie(STATE_COOKIE, flipped)

    page = Seen(visitor.get("review"))
    assert page.status == 400
    assert page.html_lang == visitor.lang, "the expired page is not in the person's language"
    assert page.first("h1").text == norm(say("Your answers have expired"))
    assert page.link(say("Go to the start")) == visitor.url("")
    # Starting again works.
    visitor.start()
    assert path_of(visitor.location()) == visitor.url("question/in_netherlands")


@pytest.mark.parametrize("accept", ["en", "nl"])
def test_an_unknown_language_is_not_found_and_offers_the_languages(client, app, accept):
    response = client.get("/xx/", headers={"Accept-Language": accept})
    page = Seen(response)
    assert page.status == 404
    assert page.first("h1").text == norm(words_in(app, accept, "Page not found"))
    assert ("English", "/en/") in page.links()
    assert ("Nederlands", "/nl/") in page.links()


@pytest.mark.parametrize("path", ["", "question/in_netherlands", "review", "exit", "nope"])
def test_every_page_carries_the_security_headers(visitor, path):
    visitor.start()
    response = visitor.get(path)
    assert response.status_code in (200, 302, 404)
    headers = response.headers
    policy = headers.get("Content-Security-Policy", "")
    assert "default-src 'none'" in policy and "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy
    assert headers.get("X-Content-Type-Options") == "nosniff"
    assert headers.get("Referrer-Policy") == "no-referrer"
    assert headers.get("Cache-Control") == "no-store"


# === 11. Odd addresses never break ===========================================================

@pytest.mark.parametrize("path", [
    "list/facts/99/kind", "list/facts/0/nope", "list/facts/0/remove", "list/documents/3/fact",
    "list/facts", "result", "review", "checklist", "exit", "question/departure_in_days",
    "question/detained",
])
def test_a_page_of_the_check_with_no_answers_yet_sends_the_person_to_the_start(visitor, path):
    # After an erase or a kiosk wipe, Back must never bring up an empty copy
    # of someone else's page: without answers every page goes to the start.
    visitor.start()
    visitor.get(path)
    assert visitor.page.status_code == 302, visitor.page.status_code
    assert path_of(visitor.location()) == visitor.url("")


@pytest.mark.parametrize("path, where", [
    ("list/facts/99/kind", "list/facts"),
    ("list/facts/0/nope", "list/facts"),
    ("list/facts/0/remove", "list/facts"),
    ("list/documents/3/fact", "list/documents"),
    ("result", "list/facts"),
    ("review", "list/facts"),
    ("checklist", "list/facts"),
    ("exit", "list/facts"),
    ("question/departure_in_days", "list/facts"),
])
def test_an_odd_address_halfway_leads_to_a_sensible_page(visitor, path, where):
    walk_to_facts(visitor)
    visitor.get(path)
    assert visitor.page.status_code == 302, visitor.page.status_code
    assert path_of(visitor.location()) == visitor.url(where)


@pytest.mark.parametrize("path", [
    "list/nope", "question/nope", "question/facts", "list/facts/0/nope", "list/nope/0/kind",
    "list/facts/-1/kind", "list/nope/0/remove",
])
def test_an_address_that_does_not_exist_is_not_found(visitor, say, path):
    walk_to_facts(visitor)
    add_fact(visitor, 0, "country_change", concerns="everyone")  # so fact 0 exists
    page = Seen(visitor.get(path))
    assert page.status == 404
    assert page.first("h1").text == norm(say("Page not found"))
    assert page.html_lang == visitor.lang


def test_a_note_far_too_big_to_send_gets_a_page_that_says_so(visitor, say):
    # The note field stops at 100 characters in a browser, but a pasted or
    # scripted post can be bigger than the server takes (DESIGN.md §5: huge
    # bodies get a clear message, never a 500).
    walk_to_facts(visitor)
    add_fact(visitor, 0, "country_change", note="Short")
    visitor.get("list/facts/0/concerns")  # the fact's last page asks its note
    page = Seen(visitor.post_form(visitor.url("list/facts/0/concerns"),
                                  {"answer": "you_personally", "note": "x" * 20000}))
    assert page.status == 413
    assert page.first("h1").text == norm(say("What you sent is too long"))
    assert page.html_lang == visitor.lang
    # The other answers are kept.
    assert "Short" in Seen(visitor.get("list/facts")).text


def test_erase_my_answers_asks_first_and_no_keeps_everything(visitor, say):
    walk_everything(visitor)
    page = Seen(visitor.get("review"))
    # In the header: a link to a question, not a button that wipes at once.
    assert page.link(say("Erase my answers")) == visitor.url("erase")
    question = Seen(visitor.get("erase"))
    assert question.first("h1").text == norm(say("Erase all your answers?"))
    visitor.post_form(visitor.url("erase"), {"confirm": "no"})
    assert path_of(visitor.location()) == visitor.url("")
    assert Seen(visitor.get("review")).shows("Church burned")
    # No answer: the question again, with the error, nothing erased.
    visitor.get("erase")
    visitor.post_form(visitor.url("erase"), {"confirm": ""})
    assert visitor.page.status_code == 200
    assert norm(say("Select yes if you want to erase your answers")) in Seen(visitor.page).error_summary()
    assert Seen(visitor.get("review")).shows("Church burned")
    # Yes: erased.
    visitor.get("erase")
    visitor.post_form(visitor.url("erase"), {"confirm": "yes"})
    assert path_of(visitor.location()) == visitor.url("erased")
    visitor.get("review")
    assert path_of(visitor.location()) == visitor.url("")


def test_finish_and_erase_comes_after_the_checklist(visitor, say):
    walk_everything(visitor)
    html = visitor.get("checklist?lawyer=nl").get_data(as_text=True)
    finish = html.index(say("Finish and erase my answers"))
    assert html.index(say("Checklist for your lawyer") + "</span>") < finish
    assert html.index("not-advice") < finish
