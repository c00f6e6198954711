""""Leave this page" (issue 13, item 10): a button on every page that erases
the answers at once and opens a neutral site outside the app (LEAVE_URL),
or, on the kiosk, the language choice. It works without JavaScript (a
plain form) and never stops at one of our error pages."""
import re

import pytest

from app import create_app
from tests.conftest import STATE_COOKIE, TEST_SECRET
from tests.pages import Seen, path_of
from tests.walkers import Person, follow, walk_to_facts
from wizard.state import decode

DEFAULT_LEAVE_URL = "https://www.knmi.nl/"


def leave_form(page):
    """The header's Leave form: (its address, its button's words)."""
    forms = [form for form in page.all("form", "leave-form")]
    assert len(forms) == 1, f"{len(forms)} Leave forms"
    form = forms[0]
    assert form.attrs["method"] == "post"
    buttons = form.find_all("button")
    assert len(buttons) == 1 and buttons[0].attrs["type"] == "submit"
    return form.attrs["action"], buttons[0].text


def destination(response):
    """Where the browser goes next: the refresh at once of the page that
    answers Leave (a redirect after a form's post would be refused by the
    pages' CSP form-action 'self'), or a redirect on the kiosk."""
    if response.status_code in (302, 303):
        return response.headers["Location"]
    assert response.status_code == 200
    page = Seen(response)
    refresh = [meta.attrs["content"] for meta in page.all("meta")
               if meta.attrs.get("http-equiv") == "refresh"]
    assert len(refresh) == 1, refresh
    match = re.fullmatch(r"0; url=(.+)", refresh[0])
    assert match, refresh[0]
    # ... and a link to it, for a browser that does not refresh; nothing else.
    assert [href for _text, href in page.links()] == [match.group(1)]
    assert page.first("header") is None and "form" not in response.get_data(as_text=True)
    return match.group(1)


def answers_in(client):
    cookie = client.get_cookie(STATE_COOKIE)
    if cookie is None:
        return None
    return (decode(cookie.value, TEST_SECRET, 3600) or {}).get("answers")


def a_question_page_with_answers(person):
    """The person has answered the route and is on the reasons page, ticking."""
    walk_to_facts(person)
    assert answers_in(person.client)
    return person.get("question/reasons")


def test_leave_erases_the_answers_at_once_and_opens_a_weather_site(client):
    person = Person(client)
    page = Seen(a_question_page_with_answers(person))
    assert 'checked' in person.text()  # the reasons ticked before
    action, words = leave_form(page)
    assert words == "Leave this page"
    assert action == "/en/leave"

    left = client.post(action)  # even without the page's token
    assert destination(left) == DEFAULT_LEAVE_URL
    # The state's cookie is deleted in that same response ...
    assert any(header.startswith(f"{STATE_COOKIE}=;") for header in left.headers.getlist("Set-Cookie"))
    assert answers_in(client) is None
    # ... so the question page, opened again (Back), has no answers: the
    # person is sent to the start, and the first question is empty.
    again = person.get("question/reasons")
    assert again.status_code == 302 and path_of(again.location) == "/en/"
    start = Seen(follow(person))
    assert "checked" not in person.text()
    assert start.shows("Check if you are ready for a repeat asylum application")


def test_the_host_sets_where_leave_goes(monkeypatch):
    monkeypatch.setenv("LEAVE_URL", "https://weather.example.org/today")
    app = create_app({"TESTING": True, "SECRET_KEY": TEST_SECRET, "SESSION_COOKIE_SECURE": False})
    person = Person(app.test_client())
    a_question_page_with_answers(person)
    left = person.client.post("/en/leave")
    assert destination(left) == "https://weather.example.org/today"
    assert answers_in(person.client) is None


def test_on_the_kiosk_leave_shows_the_language_choice_with_nothing_kept():
    app = create_app({"TESTING": True, "SECRET_KEY": TEST_SECRET, "SESSION_COOKIE_SECURE": False,
                      "KIOSK": True})
    person = Person(app.test_client())
    a_question_page_with_answers(person)
    left = person.client.post("/en/leave")
    assert left.status_code == 303
    assert path_of(left.headers["Location"]) == "/"  # the browser opens nothing else there
    assert answers_in(person.client) is None
    choice = Seen(person.get("/"))
    assert choice.status == 200
    assert "The answers are erased" not in choice.text  # nothing that tells the next person


@pytest.mark.parametrize("path", ["/", "/en/", "/ar/", "/en/sources", "/en/erased",
                                  "/en/no-such-page"])
def test_every_page_has_the_button_in_its_header(client, path):
    response = client.get(path)
    page = Seen(response)
    action, words = leave_form(page)
    header = page.first("header", "site-header")
    assert any(form.has_class("leave-form") for form in header.find_all("form"))
    assert action.endswith("/leave") and words
    assert "Leave this page" in words or path.startswith("/ar/")


def test_the_question_pages_have_it_too(person):
    page = Seen(a_question_page_with_answers(person))
    assert leave_form(page)[0] == "/en/leave"


def test_leave_with_expired_or_unreadable_state_still_leaves(client):
    # Not "Your answers have expired" (our error page): out, and the cookie gone.
    client.set_cookie(STATE_COOKIE, "not-a-state-we-can-read")
    left = client.post("/en/leave")
    assert destination(left) == DEFAULT_LEAVE_URL
    assert any(header.startswith(f"{STATE_COOKIE}=;") for header in left.headers.getlist("Set-Cookie"))


def test_a_post_from_another_site_erases_nothing(app):
    # Another site's form reaches us without the state cookies (SameSite=Lax):
    # it is sent on, and no cookie is deleted.
    left = app.test_client().post("/en/leave", headers={"Origin": "https://elsewhere.example"})
    assert destination(left) == DEFAULT_LEAVE_URL
    assert left.headers.getlist("Set-Cookie") == []


def test_leave_is_a_post_only(client):
    assert client.get("/en/leave").status_code == 405


def test_the_start_page_says_what_leave_cannot_hide(client, app):
    start = Seen(client.get("/en/"))
    assert start.shows("“Leave this page” at the top erases your answers at once and opens "
                       "another website, but it cannot remove this check from the browser "
                       "history on your phone.")
    app.config["KIOSK"] = True
    kiosk_start = Seen(client.get("/en/"))
    assert kiosk_start.shows("“Leave this page” at the top erases your answers at once and "
                             "shows the language choice.")
    assert not kiosk_start.shows("browser history on your phone")


def test_an_odd_leave_url_is_escaped_not_written_into_the_page(monkeypatch):
    odd = 'https://weather.example.org/?city=Ter+Apel&x="><script>alert(1)</script>'
    monkeypatch.setenv("LEAVE_URL", odd)
    app = create_app({"TESTING": True, "SECRET_KEY": TEST_SECRET, "SESSION_COOKIE_SECURE": False})
    left = app.test_client().post("/en/leave")
    assert "<script>" not in left.get_data(as_text=True)
    assert destination(left) == odd
    assert left.headers["Cache-Control"] == "no-store"
    assert "default-src 'none'" in left.headers["Content-Security-Policy"]
