"""Hostile input is harmless (DESIGN.md §5).

A person has answered a whole check (a fact and a document, each with a
note). Then every form of every page — each question, each step of a fact
and of a document (the item that exists, the next one, one out of range),
the lists' "add another", the remove confirmation, erase and start — gets
generated bodies: random and missing fields, unknown choices, repeated
keys, huge values, control and bidi-override characters, invalid UTF-8,
forged "change" flags and remove targets, missing or forged CSRF tokens, in
English and in Arabic. Whatever comes in:

- never a 500;
- the answer is a page: 200 with the error summary, a redirect within the
  person's language, or our own 400/404/413 page in that language;
- the answers given before survive: the state cookie still decodes, and it
  holds exactly the earlier answers, or (when the post was accepted) the
  earlier answers with only the posted one changed (and what the flow drops
  with it), every value within the answer contract.

Plus fixed cases: unreadable state cookies, oversized bodies, unknown
languages, and markup typed into notes.

Hypothesis runs derandomised (the same examples on every run) and without
an example database, so CI is repeatable and nothing is written to disk.
"""
import base64
import copy
import math
import re
import shutil
import subprocess
import time
import json
import unicodedata
import urllib.parse
import zlib

import flask_babel
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markupsafe import escape

from app import create_app
from tests.walkers import Person, add_document, add_fact, finish, walk_to_reasons
from tests.conftest import STATE_COOKIE, TEST_SECRET
from wizard import flow, languages, pdf, state
from wizard import vocabulary as v
from wizard.answers import normalise
from wizard.forms import _BIDI_CONTROLS

LANGS = ["en", "ar"]
MAX_AGE = 4 * 60 * 60
MAX_LIFETIME = 8 * 60 * 60
TOTAL_EXAMPLES = 6_000

APP = create_app({"TESTING": True, "SECRET_KEY": TEST_SECRET, "SESSION_COOKIE_SECURE": False})
APP.logger.disabled = True  # a 500 fails the test; its traceback would only be noise

FACT_NOTE = "Earlier fact note"
DOCUMENT_NOTE = "Earlier document note"


# --- the person before the fuzzing ---------------------------------------------------

_BASELINES = {}


def baseline(lang):
    """(state cookie, CSRF token, decoded state) of a person who answered everything."""
    if lang not in _BASELINES:
        client = APP.test_client()
        person = Person(client, lang)
        walk_to_reasons(person, removal="flight_booked", days=12)
        person.answer("question/reasons", {"answer": ["political", "religion"]})
        add_fact(person, 0, "country_change", concerns="group", group="religion", belong="yes",
                 note=FACT_NOTE)
        person.answer("list/facts", {"add": "no"})
        add_document(person, 0, "membership", fact="0", language="other", translation="sworn",
                     note=DOCUMENT_NOTE)
        finish(person)
        assert person.get("review").status_code == 200
        cookie = client.get_cookie(STATE_COOKIE).value
        decoded = state.decode(cookie, TEST_SECRET, MAX_AGE)
        assert decoded["answers"]["facts"][0]["note"] == FACT_NOTE
        person.get("list/facts")  # a page with a form (the review has none)
        _BASELINES[lang] = (cookie, person.token(), decoded)
    return _BASELINES[lang]


def words(lang, msgid):
    with APP.test_request_context(), flask_babel.force_locale(lang):
        return flask_babel.gettext(msgid)


# --- every form of every page ------------------------------------------------------------

QUESTIONS = [step for step in flow.STEPS if not isinstance(step, flow.ListStep)]
OUT_OF_RANGE = 6
HUGE_INDEX = 10 ** 20


def targets():
    found = [("question", step.name, None, None) for step in QUESTIONS]
    for name, list_step in flow.LISTS.items():
        for index in (0, 1, OUT_OF_RANGE):  # the item there is, the next one (= len), beyond
            for step in list_step.item_steps:
                found.append(("item", name, index, step.name))
        found.append(("list", name, None, None))
        for index in (0, 1, HUGE_INDEX):
            found.append(("remove", name, index, None))
    found += [("erase", None, None, None), ("begin", None, None, None)]
    return found


TARGETS = targets()
CASES = [(lang, target) for lang in LANGS for target in TARGETS]
EXAMPLES_PER_CASE = math.ceil(TOTAL_EXAMPLES / len(CASES))


def target_url(lang, target):
    kind, name, index, field = target
    if kind == "question":
        return f"/{lang}/question/{name}"
    if kind == "item":
        return f"/{lang}/list/{name}/{index}/{field}"
    if kind == "list":
        return f"/{lang}/list/{name}"
    if kind == "remove":
        return f"/{lang}/list/{name}/{index}/remove"
    return f"/{lang}/{kind}"


def target_step(target):
    kind, name, _index, field = target
    if kind == "question":
        return flow.STEPS_BY_NAME[name]
    if kind == "item":
        return flow.item_step(name, field)
    return None


def good_values(target):
    """Values the form of `target` takes (and a few near misses)."""
    kind = target[0]
    if kind in ("list", "remove"):
        return ["yes", "no"]
    if kind in ("erase", "begin"):
        return ["yes"]
    step = target_step(target)
    if step.kind in ("radio", "checkboxes"):
        return v.values(step.choices)
    if step.kind == "fact_choice":
        return ["0", "none", "1", "-1", "00"]
    if step.kind == "number":
        return ["0", "5", "12", "3650", "3651", "\u0663", "-1", "1.5", " 7 ", "9" * 5000]
    return ["A new note", "", "   ", "x" * 100, "x" * 101]


ALL_VALUES = sorted({choice.value for name in dir(v) if name.isupper()
                     for choice in (getattr(v, name) if isinstance(getattr(v, name), tuple)
                                    else ()) if hasattr(choice, "value")})
ODD_VALUES = ["", " ", "none", "None", "null", "-1", "7", "99", "1e3", "0x10", "NaN", "true",
              "[]", "{}", "yes ", " no", "YES", "y\u0435s", "\u0663\u0664", "%00", "%ff"]
HOSTILE_CHARS = ["\x00", "\x01", "\x1b", "\x7f", "\u0085", "\r\n", "\t", "\u202a", "\u202b",
                 "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069",
                 "\u200e", "\u200f", "\u061c", "\u200b", "\ufeff", "\ufffd", "\ue000",
                 "\U0010fffd", "\uffff", "\U0001d11e", "\u0301", "ش", "<", ">", "&", '"',
                 "'", "%", "+", "=", "&csrf_token=", "\\"]
MARKUP = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>',
          "'><svg onload=alert(1)>", "javascript:alert(1)", "</bdi></dd><script>x</script>",
          "{{ 7*7 }}", "%(number)s", "{0}"]
DANGEROUS = ["<script>alert", "<img src=x", "<svg onload", "<script>x"]
FIELD_NAMES = ["answer", "add", "confirm", "change", "keypad", "csrf_token", "answer[]",
               "previous_outcome", "departure_in_days", "group", "note",
               "ANSWER", "", "lang", "index", "remove", "name"]
QUERIES = ["", "?change=1", "?change=0", "?change=%FF%FE", "?change=1&change=1",
           "?change=yes", "?lawyer=xx", "?change=1&index=0&name=facts", "?" + "a" * 3000]
CONTENT_TYPES = ["application/x-www-form-urlencoded"] * 30 + [
    "application/x-www-form-urlencoded; charset=latin-1", "multipart/form-data; boundary=x",
    "text/plain", "application/json"]


def values(target):
    """One value for a field of `target`'s form: often one it takes, else anything."""
    good = st.sampled_from(good_values(target))
    return st.sampled_from(
        ["good"] * 5 + ["other choice", "text", "hostile", "good+hostile", "huge", "markup"]
    ).flatmap(lambda mode: {
        "good": good,
        "other choice": st.sampled_from(ALL_VALUES + ODD_VALUES),
        "text": st.text(max_size=120),
        "hostile": st.lists(st.sampled_from(HOSTILE_CHARS), min_size=1, max_size=30).map("".join),
        "good+hostile": st.builds(lambda a, b, c: a + b + c, good,
                                  st.sampled_from(HOSTILE_CHARS), st.text(max_size=5)),
        "huge": st.builds(lambda char, count: char * count,
                          st.sampled_from(["x", "\u00e9", "\u0634", "\u202e", "\U0001d11e", "<",
                                           "%", "9"]),
                          st.integers(90, 40_000)),
        "markup": st.sampled_from(MARKUP),
    }[mode])


def main_field(target):
    return {"list": "add", "remove": "confirm"}.get(target[0], "answer")


@st.composite
def bodies(draw, target, token):
    """(body bytes, content type, query string, the form fields as posted)."""
    query = draw(st.sampled_from(QUERIES))
    content_type = draw(st.sampled_from(CONTENT_TYPES))
    token_mode = draw(st.sampled_from(
        ["valid"] * 14 + ["missing", "garbage", "empty", "valid twice", "garbage first",
                          "valid, garbage after"]))
    tokens = {
        "valid": [token], "missing": [], "garbage": [draw(st.text(max_size=40))], "empty": [""],
        "valid twice": [token, token], "garbage first": ["x" + token[1:], token],
        "valid, garbage after": [token, "garbage"],
    }[token_mode]
    pairs = []
    main = draw(st.sampled_from(["one"] * 6 + ["none", "repeated"]).flatmap(lambda mode: {
        "one": values(target), "none": st.none(),
        "repeated": st.lists(values(target), min_size=2, max_size=4)}[mode]))
    if isinstance(main, list):
        pairs += [(main_field(target), value) for value in main]  # repeated keys
    elif main is not None:
        pairs.append((main_field(target), main))
    extra = draw(st.lists(st.tuples(st.sampled_from(FIELD_NAMES) | st.text(max_size=8),
                                    values(target)), max_size=4))
    pairs += extra
    order = draw(st.permutations(range(len(pairs))))
    pairs = [pairs[i] for i in order]
    # The token first, or anywhere.
    token_pairs = [("csrf_token", t) for t in tokens]
    if draw(st.integers(0, 3)) == 0 and token_pairs:
        at = draw(st.integers(0, len(pairs)))
        pairs = pairs[:at] + token_pairs + pairs[at:]
    else:
        pairs = token_pairs + pairs
    if draw(st.integers(0, 5)) == 0:
        # Raw bytes: invalid UTF-8 and broken escapes where the answer goes.
        raw = draw(st.binary(max_size=300))
        if draw(st.booleans()):
            raw = urllib.parse.quote_from_bytes(raw).encode()  # %-escaped, still not UTF-8
        prefix = urllib.parse.urlencode(token_pairs).encode()
        body = prefix + b"&" + main_field(target).encode() + b"=" + raw
        if draw(st.booleans()):
            body += b"&" + draw(st.binary(max_size=60))
        return body, content_type, query, [name for name, _ in pairs] + [main_field(target)]
    body = urllib.parse.urlencode(pairs).encode("utf-8")
    return body, content_type, query, [name for name, _ in pairs]


# --- what may happen -------------------------------------------------------------------------

def decoded_state(client):
    cookie = client.get_cookie(STATE_COOKIE)
    if cookie is None:
        return {}
    data = state.decode(cookie.value, TEST_SECRET, MAX_AGE)
    assert data is not None, "the state cookie no longer decodes"
    return data


def plain(text):
    return not any(char in _BIDI_CONTROLS or unicodedata.category(char) in ("Cc", "Cs", "Co", "Cn")
                   for char in text)


def expected_answers(target, before, after):
    """The earlier answers with only what `target` may change taken from `after`."""
    kind, name, index, field = target
    expected = copy.deepcopy(before)
    if kind == "question":
        if name in after:
            expected[name] = copy.deepcopy(after[name])
        else:
            expected.pop(name, None)
    elif kind == "item":
        items = expected.setdefault(name, [])
        new_items = after.get(name) or []
        if index < len(items) and index < len(new_items):
            if field in new_items[index]:
                items[index][field] = copy.deepcopy(new_items[index][field])
            else:
                items[index].pop(field, None)
        elif index == len(items) and len(new_items) == len(items) + 1 \
                and field == flow.LISTS[name].item_steps[0].name:
            items.append({field: copy.deepcopy(new_items[index].get(field))})
    elif kind == "remove":
        flow.remove_item(expected, name, index)
    return flow.prune(expected)


def check_stored_value(target, answers):
    """An accepted post stores a value within the contract, and a clean note."""
    normalise(copy.deepcopy(answers))
    kind, name, index, field = target
    if kind == "item" and field == "note":
        note = answers[name][index].get("note", "")
        assert len(note) <= v.MAX_NOTE_LENGTH and plain(note) and note == note.strip(), note


def check_page(response, lang, posted_names, target):
    status = response.status_code
    assert status != 500, "a 500"
    assert status in (200, 302, 303, 400, 404, 413), status
    html = response.get_data(as_text=True)
    for fragment in DANGEROUS:
        assert fragment not in html, fragment
    if status in (302, 303):
        location = response.headers["Location"]
        path = re.sub(r"^http://localhost(?=/)", "", location)
        assert path.startswith(f"/{lang}/"), location
        return
    assert re.search(rf'<html lang="{lang}" dir="{languages.get(lang).direction}"', html), \
        html[:200]
    if status == 200:
        keypad = target[0] == "question" and target[1] == "departure_in_days" \
            and "keypad" in posted_names
        assert 'class="error-summary"' in html or keypad, html[:2000]
        return
    heading = {400: "Your answers have expired", 404: "Page not found",
               413: "What you sent is too long"}[status]
    assert re.search(r"<h1>\s*" + re.escape(str(escape(words(lang, heading)))) + r"\s*</h1>",
                     html), (status, html[:2000])


def check_state(response, target, before, after):
    kind = target[0]
    old = before.get("answers")
    new = after.get("answers")
    if kind == "erase" and response.status_code == 302:
        assert "answers" not in after, "erase kept the answers"
        return
    if kind == "begin" and response.status_code == 302 and "answers" not in after:
        return  # "Start now" may start afresh; it never changes the answers otherwise
    assert new is not None, "the answers were lost"
    confirmed_before = set(before.get("confirmed", []))
    confirmed_after = set(after.get("confirmed", []))
    if response.status_code not in (302, 303) or new == old:
        assert new == old, "a refused post changed the answers"
        assert confirmed_after == confirmed_before
        return
    assert kind in ("question", "item", "remove"), f"{kind} changed the answers"
    check_stored_value(target, new)
    assert new == expected_answers(target, old, new), "more changed than the one answer"
    assert confirmed_after >= confirmed_before


# --- the property ------------------------------------------------------------------------------

def test_at_least_ten_thousand_bodies_are_posted():
    assert EXAMPLES_PER_CASE * len(CASES) >= TOTAL_EXAMPLES
    kinds = {target[0] for target in TARGETS}
    assert kinds == {"question", "item", "list", "remove", "erase", "begin"}
    assert len([t for t in TARGETS if t[0] == "question"]) == len(QUESTIONS)


@pytest.mark.parametrize("lang, target", CASES,
                         ids=[f"{lang}-{target_url(lang, t)[4:]}" for lang, t in CASES])
@settings(max_examples=EXAMPLES_PER_CASE, deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck), print_blob=False)
@given(data=st.data())
def test_hostile_posts_are_harmless(lang, target, data):
    # derandomize: the same examples on every run; each parametrized case
    # gets its own (Hypothesis' pytest plugin keys them by test id).
    cookie, token, before = baseline(lang)
    body, content_type, query, posted_names = data.draw(bodies(target, token), label="post")
    client = APP.test_client()
    client.set_cookie(STATE_COOKIE, cookie)
    response = client.post(target_url(lang, target) + query, data=body,
                           content_type=content_type)
    check_page(response, lang, posted_names, target)
    after = decoded_state(client)
    check_state(response, target, before, after)
    if response.status_code != 302 and data.draw(st.integers(0, 9), label="look") == 0:
        # After a refused post, the earlier answers are on the pages.
        review = client.get(f"/{lang}/review")
        assert review.status_code == 200
        html = review.get_data(as_text=True)
        assert FACT_NOTE in html and DOCUMENT_NOTE in html
        # (the note is asked on the document's last page)
        note = client.get(f"/{lang}/list/documents/0/received").get_data(as_text=True)
        assert f'value="{DOCUMENT_NOTE}"' in note


# --- fixed cases: state cookies that cannot be read ---------------------------------------------

def _token_at(data, secret, when, created_at=None):
    return state.encode(data, secret, created_at=created_at, now=when)


def _sealed(plain, secret, when):
    """A token in the state's format around any `plain` bytes: encrypted
    and authenticated with `secret`, so only its content is wrong."""
    header = state.HEADER.pack(state.VERSION, int(when))
    nonce = b"\x00" * state.NONCE_BYTES
    sealed = state._aes(secret).encrypt(nonce, plain, header)
    return base64.urlsafe_b64encode(header + nonce + sealed).rstrip(b"=").decode()


def _deflated(raw):
    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    return compressor.compress(raw) + compressor.flush()


def unreadable_cookies():
    cookie, _token, data = baseline("en")
    middle = len(cookie) // 2
    now = time.time()
    header = state.HEADER.pack(state.VERSION, int(now))
    created = state.CREATED.pack(int(now))
    return {
        "tampered": cookie[:middle] + ("A" if cookie[middle] != "A" else "B") + cookie[middle + 1:],
        "truncated": cookie[: len(cookie) // 2],
        "last character cut": cookie[:-1],
        "a part missing": "2." + cookie,
        "expired": _token_at(data, TEST_SECRET, now - MAX_AGE - 60),
        "past its lifetime": _token_at(data, TEST_SECRET, now, created_at=now - MAX_LIFETIME - 60),
        "from the future": _token_at(data, TEST_SECRET, now + 3600),
        "another secret": state.encode(data, "someone-elses-secret"),
        "another version": "Ag" + cookie[2:],
        "not base64": "%%%not-a-token%%%",
        "not ASCII": "AQAAAAB\u00e9\u0634",
        "empty token": base64.urlsafe_b64encode(header).decode(),  # a header, nothing else
        "huge": "AQ" + "A" * 3800,
        "a list, not a dict": _token_at([1, 2], TEST_SECRET, now),
        "inflates too much": state.encode({"pad": "x" * (state.MAX_JSON_BYTES + 10)}, TEST_SECRET),
        "not JSON": _sealed(created + _deflated(b"\xff{"), TEST_SECRET, now),
        "not deflated": _sealed(created + b"{}", TEST_SECRET, now),
        "no first-answer time": _sealed(b"", TEST_SECRET, now),
    }


UNREADABLE = list(unreadable_cookies())


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", UNREADABLE)
def test_an_unreadable_state_cookie_gets_the_expired_page(lang, kind):
    bad = unreadable_cookies()[kind]
    assert state.decode(bad, TEST_SECRET, MAX_AGE, MAX_LIFETIME) is None
    for method, path in [("get", "review"), ("get", "question/detained"),
                         ("get", "list/facts/0/note"), ("get", "result"),
                         ("get", "checklist"), ("post", "question/detained")]:
        client = APP.test_client()
        client.set_cookie(STATE_COOKIE, bad)
        response = getattr(client, method)(f"/{lang}/{path}", data={"answer": "yes"}
                                           if method == "post" else None)
        assert response.status_code == 400, (path, response.status_code)
        html = response.get_data(as_text=True)
        assert f'<html lang="{lang}"' in html
        assert re.search(r"<h1>\s*" + re.escape(str(escape(words(lang, "Your answers have expired"))))
                         + r"\s*</h1>", html)
        assert f'href="/{lang}/"' in html  # a way on: the start
        # The unreadable cookie is replaced: deleted, or a fresh state without answers.
        replaced = client.get_cookie(STATE_COOKIE)
        assert replaced is None or replaced.value != bad
        if replaced is not None:
            assert "answers" not in state.decode(replaced.value, TEST_SECRET, MAX_AGE)
    # ... and starting again works.
    person = Person(APP.test_client(), lang)
    person.client.set_cookie(STATE_COOKIE, bad)
    assert person.get("").status_code == 200
    person.post_form(person.url("begin"), {})
    assert person.page.headers["Location"].endswith(f"/{lang}/question/in_netherlands")


ODD_STATES = [
    {"answers": [1, 2]}, {"answers": "yes"}, {"answers": {"in_netherlands": "maybe"}},
    {"answers": {"facts": [{"kind": "x"}]}}, {"confirmed": 5}, {"confirmed": [{"a": 1}]},
    {"confirmed": "facts"}, {"answers": {"in_netherlands": "yes"}, "confirmed": [None, 3]},
    {"csrf_token": 5}, {"answers": None, "confirmed": None},
]


@pytest.mark.parametrize("data", ODD_STATES, ids=[json.dumps(d)[:40] for d in ODD_STATES])
def test_state_of_an_odd_shape_written_with_our_secret_never_breaks_a_page(data):
    # For instance state written by an older version of the app.
    for path in ["", "review", "question/in_netherlands", "list/facts", "list/facts/0/kind",
                 "list/documents/0/fact", "list/facts/0/remove", "result", "checklist", "exit"]:
        client = APP.test_client()
        client.set_cookie(STATE_COOKIE, state.encode(data, TEST_SECRET))
        response = client.get(f"/en/{path}")
        assert response.status_code in (200, 302, 400), (path, response.status_code)


# --- fixed cases: bodies, addresses, markup ------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", ["question/detained", "list/facts/0/note", "list/facts",
                                  "list/documents/0/remove", "erase", "begin"])
def test_a_body_over_the_size_limit_gets_the_413_page_in_the_persons_language(lang, path):
    cookie, token, before = baseline(lang)
    client = APP.test_client()
    client.set_cookie(STATE_COOKIE, cookie)
    response = client.post(f"/{lang}/{path}",
                           data={"csrf_token": token, "answer": "\u0634" * 20_000})
    assert response.status_code == 413
    html = response.get_data(as_text=True)
    assert f'<html lang="{lang}" dir="{languages.get(lang).direction}"' in html
    assert re.search(r"<h1>\s*" + re.escape(str(escape(words(lang, "What you sent is too long"))))
                     + r"\s*</h1>", html)
    assert decoded_state(client)["answers"] == before["answers"]


@pytest.mark.parametrize("path", ["/xx/", "/xx/question/in_netherlands", "/EN/", "/en-GB/review",
                                  "/en_US/", "/%E2%80%AEen/", "/ar%00/", "/" + "a" * 2000 + "/",
                                  "/prs/", "/../en/"])
@pytest.mark.parametrize("accept", ["en", "ar"])
def test_an_unknown_language_is_not_found_with_the_language_choice(path, accept):
    response = APP.test_client().get(path, headers={"Accept-Language": accept})
    assert response.status_code == 404, response.status_code
    html = response.get_data(as_text=True)
    assert f'<html lang="{accept}"' in html
    assert re.search(r"<h1>\s*" + re.escape(str(escape(words(accept, "Page not found"))))
                     + r"\s*</h1>", html)
    for code in languages.CODES:
        assert f'href="/{code}/"' in html, code


MARKUP_NOTES = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>',
                "</bdi><b>bold</b>&amp;"]


@pytest.mark.parametrize("note", MARKUP_NOTES)
def test_markup_typed_into_notes_is_shown_as_text(client, note):
    assert len(note) <= v.MAX_NOTE_LENGTH
    person = Person(client)
    walk_to_reasons(person)
    person.answer("question/reasons", {"answer": ["political"]})
    add_fact(person, 0, "personal_situation", note=note)
    person.answer("list/facts", {"add": "no"})
    add_document(person, 0, "membership", fact="0", language="en", note=note + " doc")
    finish(person)
    shown = str(escape(note))
    # (a fact's note is asked on its last page, here "whom does it concern?")
    for path in ["list/facts", "list/documents", "review", "checklist?lawyer=nl",
                 "checklist?lawyer=en", "list/facts/0/concerns", "list/documents/0/received"]:
        html = person.get(path).get_data(as_text=True)
        assert person.page.status_code == 200, path
        assert note not in html, path
        assert shown in html or shown.replace("&#34;", "&quot;") in html, path
        for fragment in DANGEROUS + ["<b>bold</b>"]:
            assert fragment not in html, (path, fragment)
    if pdf.available() and shutil.which("pdftotext"):
        made = person.get("checklist.pdf?lawyer=nl")
        assert made.status_code == 200 and made.data.startswith(b"%PDF")
        text = subprocess.run(["pdftotext", "-", "-"], input=made.data, capture_output=True,
                              check=True).stdout.decode()
        assert note in " ".join(text.split()) or note in text.replace("\n", ""), text
