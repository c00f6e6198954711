"""The largest state the app accepts always fits (issue 11, item 4).

A person adds as much as the limits allow (wizard/vocabulary.py: 8 facts,
10 documents, every note at its full length) and writes every note in
Ethiopic (Tigrinya, Amharic) or Arabic letters, which compress least and
cost 3 and 2 bytes a letter. Through the real forms, they still reach the
result and the checklist, and never see "There is no more room".

The walker does not know the order of the pages: it follows wherever the
app sends it and answers from a table keyed by the question's name, so
questions can be added to the flow without changing this test. A question
it does not know gets the first choice its page offers.
"""
import functools
import random
import re
import unicodedata
from html import unescape

import pytest

from app import create_app
from tests.walkers import Person
from tests.conftest import TEST_SECRET
from wizard import flow, state
from wizard import vocabulary as v

STATE_COOKIE = "nfc_state"
NO_MORE_ROOM = "There is no more room"
MAX_PAGES = 1000

# The longest way through the check that still ends on the result.
QUESTION_ANSWERS = {
    "in_netherlands": "yes",
    "applied_before_nl": "yes",
    "previous_outcome": "rejected",
    "appeal": "none_or_finished",
    "earlier_repeat_applications": "none",
    "protection_elsewhere": "no",
    "ukraine_temporary_protection": "no",
    "returned_home": "no",
    "removal": "flight_booked",
    "departure_in_days": str(v.MAX_DEPARTURE_DAYS),
    "detained": "yes",
    "applying_for": "with_children",
    "lawyer": "previous_declined",
}
# Each fact asks every question (about a group); each document is in
# another language, so the translation is asked too.
ITEM_ANSWERS = {
    ("facts", "kind"): "country_change",
    ("facts", "new_since_decision"): "unsure",
    ("facts", "concerns"): "group",
    ("facts", "you_belong"): "unsure",
    ("documents", "language"): "other",
    ("documents", "translation"): "not_sworn",
    ("documents", "form"): "original_coming",
}
LIST_LIMITS = {name: step.limit for name, step in flow.LISTS.items()}


def letters(first, last):
    return [chr(code) for code in range(first, last + 1)
            if unicodedata.category(chr(code)) == "Lo"]


SCRIPTS = {
    "ethiopic": letters(0x1200, 0x135A),  # the assigned letters only
    "arabic": letters(0x0621, 0x064A),
}


class Walker:
    """A person who adds everything the limits allow, with random notes
    in one script. Every page seen is kept in `pages`."""

    def __init__(self, client, script, seed=11):
        self.person = Person(client, "en")
        self.letters = SCRIPTS[script]
        self.random = random.Random(seed)
        self.notes = []
        self.pages = []
        self.added = {name: 0 for name in flow.LISTS}

    def note(self, length):
        text = "".join(self.random.choice(self.letters) for _ in range(length))
        self.notes.append(text)
        return text

    def see(self, response):
        self.pages.append((response.request.path, response.get_data(as_text=True)))
        return response

    def walk_to_review(self):
        person = self.person
        self.see(person.get(""))
        self.see(person.post_form(person.url("begin"), {}))
        for _ in range(MAX_PAGES):
            assert person.page.status_code == 302, self.stuck()
            path = person.location().split("?")[0]
            self.see(person.get(path))
            assert person.page.status_code == 200, (path, person.page.status_code)
            parts = path.strip("/").split("/")[1:]
            if parts == ["review"]:
                return
            assert parts[0] in ("question", "list"), f"the walk ended on {path}"
            self.see(person.post_form(path, self.answer(parts, person.text())))
        raise AssertionError("the walk did not reach the review")

    def answer(self, parts, html):
        data = self.main_answer(parts, html)
        # The questions a page asks with its own: a follow-up under a choice,
        # the note on an item's last page (always as long as allowed).
        for name in sorted(set(re.findall(r'name="([a-z_]+)"', html))):
            if name == "note":
                # A note typed on an earlier page of the item is shown again: keep it.
                typed = re.search(r'name="note" type="text" value="([^"]+)"', html)
                data["note"] = unescape(typed.group(1)) if typed else self.note(v.MAX_NOTE_LENGTH)
            elif name in QUESTION_ANSWERS and name != parts[-1]:
                data[name] = QUESTION_ANSWERS[name]
            elif name == "group":
                data["group"] = "religion"
        return data

    def main_answer(self, parts, html):
        if parts[0] == "question":
            if parts[1] == "circumstances":
                return {"answer": ["none"]}
            return {"answer": self.choose(QUESTION_ANSWERS.get(parts[1]), html)}
        if len(parts) == 2:  # a list: add another while there is room
            name = parts[1]
            if self.added[name] == LIST_LIMITS[name]:
                return {"add": "no"}
            self.added[name] += 1
            return {"add": "yes"}
        name, index, field = parts[1], int(parts[2]), parts[3]
        if field == "fact":
            return {"answer": str(index % v.MAX_FACTS)}  # each fact gets documents
        return {"answer": self.choose(ITEM_ANSWERS.get((name, field)), html)}

    def choose(self, wanted, html):
        """`wanted` when the page offers it; else every checkbox, the first
        radio, a full note, or `wanted` typed in."""
        inputs = [dict(re.findall(r'(\w+)="([^"]*)"', tag))
                  for tag in re.findall(r"<input[^>]*>", html)]
        inputs = [field for field in inputs if field.get("name") == "answer"]
        offered = [unescape(field["value"]) for field in inputs
                   if field.get("type") in ("radio", "checkbox")]
        if any(field.get("type") == "checkbox" for field in inputs):
            return offered
        if offered:
            return wanted if wanted in offered else offered[0]
        text = inputs[0]
        if wanted is not None:
            return wanted
        if text.get("inputmode") == "numeric":
            return "1"
        return self.note(int(text.get("maxlength", v.MAX_NOTE_LENGTH)))

    def stuck(self):
        path, html = self.pages[-1]
        errors = re.findall(r'class="error-message"[^>]*>(.*?)</', html, re.S)
        return f"refused on {path}: {[' '.join(unescape(e).split()) for e in errors]}"


def app():
    return create_app({"TESTING": True, "SECRET_KEY": TEST_SECRET, "SESSION_COOKIE_SECURE": False})


@functools.lru_cache(maxsize=None)
def walk(script):
    """The walk to the review, once per script for all the tests here."""
    walker = Walker(app().test_client(), script)
    walker.walk_to_review()
    return walker


def state_cookies(client):
    """The state's cookie values, first part first."""
    values = [client.get_cookie(state.part_name(STATE_COOKIE, index))
              for index in range(state.MAX_PARTS + 1)]
    return [cookie.value for cookie in values if cookie is not None]


def largest_state_cookies(secret, script="ethiopic"):
    """(cookie values, notes) of the largest state, walked through the real forms
    of an app with `secret` (two parts with Ethiopic notes)."""
    client = create_app({"TESTING": True, "SECRET_KEY": secret,
                         "SESSION_COOKIE_SECURE": False}).test_client()
    walker = Walker(client, script)
    walker.walk_to_review()
    return state_cookies(client), walker.notes


@pytest.mark.parametrize("script", SCRIPTS)
def test_the_largest_state_reaches_the_result_and_the_checklist(script):
    walker = walk(script)
    person = walker.person
    assert walker.added == {"facts": v.MAX_FACTS, "documents": v.MAX_DOCUMENTS}
    assert len(walker.notes) == v.MAX_FACTS + v.MAX_DOCUMENTS
    assert all(len(note) == v.MAX_NOTE_LENGTH for note in walker.notes)

    # Every answer is kept, in cookies a browser keeps and sends.
    cookies = state_cookies(person.client)
    assert 1 <= len(cookies) <= state.MAX_PARTS
    assert all(len(value) <= state.MAX_COOKIE_BYTES for value in cookies)
    kept = state.decode(state.join(dict(zip(
        [state.part_name(STATE_COOKIE, i) for i in range(len(cookies))], cookies)), STATE_COOKIE),
        TEST_SECRET, 3600)
    assert len(kept["answers"]["facts"]) == v.MAX_FACTS
    assert len(kept["answers"]["documents"]) == v.MAX_DOCUMENTS
    print(f"\n{script}: {len(cookies)} cookie(s) of {[len(value) for value in cookies]} bytes")

    result = walker.see(person.get("result"))
    assert result.status_code == 200
    checklist = walker.see(person.get("checklist?lawyer=nl"))
    assert checklist.status_code == 200
    html = checklist.get_data(as_text=True)
    for note in walker.notes:
        assert note in html


@pytest.mark.parametrize("script", SCRIPTS)
def test_there_is_always_room_within_the_limits(script):
    walker = walk(script)
    walker.see(walker.person.get("result"))
    walker.see(walker.person.get("checklist?lawyer=nl"))
    assert len(walker.pages) > 2 * (v.MAX_FACTS * 5 + v.MAX_DOCUMENTS * 6)
    for path, html in walker.pages:
        assert NO_MORE_ROOM not in html, path


def test_every_state_cookie_with_its_attributes_stays_under_what_browsers_keep():
    walker = walk("ethiopic")
    # The last answer rewrites the whole state: look at what it set.
    response = walker.person.client.post(
        "/en/question/lawyer", data={"answer": "previous_will_help",
                                     "csrf_token": walker.person.token()})
    assert response.status_code == 302
    headers = response.headers.getlist("Set-Cookie")
    assert len(headers) == 2
    # Over HTTPS each also says "; Secure".
    assert all(len(header + "; Secure") < 4096 for header in headers), [len(h) for h in headers]
