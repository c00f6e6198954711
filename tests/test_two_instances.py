"""Any number of instances serve one person without shared state (DESIGN.md §5).

Two gunicorn instances with the same SECRET_KEY, on two ports; one person's
browser (one cookie jar) sends its requests to them in turn, through a
whole check. Each page is read from one instance and its form posted to the
other. Nothing may be lost: the review shows every answer, the result the
outcome the rules give.
"""
import copy
import re
import urllib.request
from html import unescape

import pytest

from tests.servers import Browser, gunicorn, scenario, whole_check
from wizard import flow, state
from wizard import vocabulary as v
from wizard.answers import normalise

SECRET = "two-instances-shared-secret"


def review_values(html):
    """The answers on "Check your answers", in order, as plain text."""
    values = re.findall(r'<dd class="summary-value">(.*?)</dd>', html, re.S)
    return [" ".join(unescape(re.sub(r"<br>", " | ", re.sub(r"</?bdi>", "", value))).split())
            for value in values]


def expected_review_values(answers):
    """What the review must show for `answers`, in English, row by row."""
    facts = answers.get("facts") or []
    shown = []
    for _section, _question, step, value, _page, _number in flow.review_rows(answers):
        if step.kind == "checkboxes":
            shown.append(" | ".join(v.label(step.choices, item) for item in value))
        elif step.kind == "fact_choice":
            shown.append("Fact %d: %s" % (value + 1, v.label(v.FACT_KINDS, facts[value]["kind"])))
        elif step.kind in ("number", "text"):
            shown.append(str(value) if value not in (None, "") else "Not given")
        else:
            shown.append(v.label(step.choices, value))
    return shown


def h1(html):
    return " ".join(unescape(re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)).split())


@pytest.fixture(scope="module")
def two_servers(tmp_path_factory):
    logs = tmp_path_factory.mktemp("two-instances")
    with gunicorn(logs, secret=SECRET, name="a") as first, \
            gunicorn(logs, secret=SECRET, name="b") as second:
        yield first, second


def test_one_person_served_by_two_instances_in_turn_loses_nothing(two_servers):
    first, second = two_servers
    answers = scenario(("Uncle arrested in May", "Party card", "Works in a bakery"),
                       ("Card of the party", "Summons, court in Asmara"))
    browser = Browser([first.url, second.url])

    review = whole_check(browser, answers)

    # Both instances served the person, page after page.
    ports = [int(re.match(r"http://127\.0\.0\.1:(\d+)", url).group(1))
             for url in browser.urls if url.startswith("http")]
    assert {first.port, second.port} <= set(ports)
    assert all(a != b for a, b in zip(ports, ports[1:])), "the requests did not alternate"

    # Every answer is on the review, in order (the state the app keeps:
    # a document in English needs no translation).
    kept = flow.prune(copy.deepcopy(answers))
    normalise(copy.deepcopy(kept))
    assert review_values(review.text) == expected_review_values(kept)
    for note in ("Uncle arrested in May", "Party card", "Works in a bakery",
                 "Card of the party", "Summons, court in Asmara"):
        assert note in review.text

    # The result, from whichever instance, is the one the rules give.
    for _ in range(2):
        result = browser.get("/en/result")
        assert result.status == 200
        assert h1(result.text) == v.label(v.OUTCOMES, "ready_for_lawyer")
    checklist = browser.get("/en/checklist?lawyer=nl")
    assert checklist.status == 200
    assert "Summons, court in Asmara" in checklist.text

    # Neither instance logged an error.
    for server in two_servers:
        assert "Traceback" not in server.logs()
        assert " 500 " not in server.logs()


def test_an_instance_with_another_secret_cannot_read_the_state(two_servers, tmp_path):
    first, _second = two_servers
    with gunicorn(tmp_path, secret="a-different-secret", name="other") as other:
        browser = Browser([first.url])
        browser.get("/en/")
        browser.post("/en/begin", {})
        browser.get("/en/question/in_netherlands")
        browser.post("/en/question/in_netherlands", {"answer": "yes"})
        assert browser.page.status == 302

        browser.bases = [other.url]
        page = browser.get("/en/question/applied_before_nl")
        assert page.status == 400
        assert h1(page.text) == "Your answers have expired"


def test_the_largest_state_in_several_cookies_is_read_by_either_instance(two_servers):
    # Made in-process with the servers' secret: 8 facts and 10 documents
    # with full notes in Ethiopic letters, in two cookies. Both go in one
    # Cookie header, which gunicorn (like nginx) takes up to 8 KB.
    from tests.test_largest_state import largest_state_cookies

    values, notes = largest_state_cookies(SECRET)
    assert len(values) == 2
    header = "; ".join(f"{state.part_name('nfc_state', index)}={value}"
                       for index, value in enumerate(values))
    for server in two_servers:
        request = urllib.request.Request(server.url + "/en/checklist?lawyer=nl",
                                         headers={"Cookie": header})
        with urllib.request.urlopen(request, timeout=30) as reply:
            assert reply.status == 200
            html = reply.read().decode("utf-8")
        for note in notes:
            assert note in html
