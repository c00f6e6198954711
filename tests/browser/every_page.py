"""Walk the check once and stop on every kind of page, for the accessibility
and layout tests.

`walk(page, base, lang)` is a generator: it answers the check by tapping
(JavaScript on or off does not matter) and yields the name of each page
kind as it lands on it, so a test can look at the page before the walk goes
on. It never skips a page silently: if the app goes somewhere unexpected
the walk fails with the address.

It also serves a second app in kiosk mode, with the inactivity wipe far
away so that no warning covers a page while it is checked.
"""
import threading

from werkzeug.serving import WSGIRequestHandler, make_server

from app import create_app
from tests.browser.walker import CONTINUE, ROUTE_PAGES, choice, fill

# Every page kind the walk can stop on, in the order it reaches them.
# "follow-up": a question shown under the choice just picked; "checks":
# "Does any of this apply to you?" with its exclusive "None of these";
# "number": the days until the flight, under its choice; "text": an
# item's last page, with its note.
ALL_KINDS = (
    "languages", "start", "radio", "error", "follow-up", "checks", "number", "checkboxes",
    "list-empty", "text", "list-items", "remove", "fact-choice", "review",
    "result-ready_for_lawyer", "checklist", "result-needs_preparation", "result-not_relevant",
    "result-no_new_facts", "exit-not_this_route", "result-appeal_pending", "sources", "erase",
    "erased", "404",
)
# At least these in every language (the list).
CORE_KINDS = ("start", "radio", "error", "review", "result-ready_for_lawyer", "checklist")

class QuietHandler(WSGIRequestHandler):
    def log_request(self, *args, **kwargs):
        pass  # hundreds of requests per run: keep the output readable


def serve(**config):
    """The app in a thread on a free port of 127.0.0.1; returns (url, server)."""
    settings = {"SECRET_KEY": "browser-test-secret", "SESSION_COOKIE_SECURE": False}
    settings.update(config)
    server = make_server("127.0.0.1", 0, create_app(settings), threaded=True,
                         request_handler=QuietHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}", server


def kiosk_settings():
    # The wipe is tested elsewhere (test_kiosk.py); here it must not come.
    return {"KIOSK": True, "KIOSK_IDLE_SECONDS": 3600, "KIOSK_WARNING_SECONDS": 60}


class Walker:
    def __init__(self, page, base, lang):
        self.page, self.base, self.lang = page, base, lang

    def url(self, path=""):
        return f"{self.base}/{self.lang}/{path}"

    def expect(self, fragment):
        assert fragment in self.page.url, f"expected {fragment}, at {self.page.url}"

    def tap(self, selector):
        with self.page.expect_navigation():
            self.page.click(selector)

    def go(self, path):
        return self.page.goto(self.url(path))

    def tick(self, value, name="answer"):
        self.page.check(choice(name, value))

    def answer(self, **fields):
        fill(self.page, fields)
        self.tap(CONTINUE)

    def pick(self, value):
        self.answer(answer=value)

    def change(self, href_part, value, lands_on="/review"):
        """From the review, change one question's answer; by default it comes
        back to the review, an answer that ends the route lands on the exit
        page."""
        self.go("review")
        self.tap(f"main .summary-actions a[href*='{href_part}?change=1']")
        self.pick(value)
        self.expect(lands_on)

    def change_item(self, list_name, index, field, value):
        """From the review, Change on a fact's or document's card: walk its
        pages, keeping every answer but `field`, back to the review."""
        self.go("review")
        self.tap(f"main .summary-card a[href$='/list/{list_name}/{index}/kind?change=1']")
        for _ in range(12):
            if self.page.url.endswith("/review"):
                return
            self.expect(f"/list/{list_name}/{index}/")
            if self.page.url.split("?")[0].endswith(f"/{field}"):
                self.tick(value)
            self.tap(CONTINUE)
        raise AssertionError(f"never back at the review, at {self.page.url}")


def walk(page, base, lang, kinds=ALL_KINDS):
    """Yield each page kind in `kinds` with `page` on it, in walking order.

    The pages before the checklist are always walked (they lead there);
    the later detours only when one of their kinds is wanted.
    """
    wanted = set(kinds)
    unknown = wanted - set(ALL_KINDS)
    assert not unknown, unknown
    for kind in _walk(Walker(page, base, lang), wanted):
        if kind in wanted:
            yield kind


def _walk(w, wanted):
    page, base = w.page, w.base

    if "languages" in wanted:
        page.goto(f"{base}/")
        yield "languages"
    w.go("")
    yield "start"
    w.tap("main button.button-start")
    w.expect("/question/in_netherlands")
    yield "radio"
    w.tap(CONTINUE)                                  # nothing chosen
    assert page.locator(".error-summary").count() == 1, page.url
    yield "error"
    for name, fields in ROUTE_PAGES:
        w.expect(f"/question/{name}")
        if name == "applied_before_nl":
            w.tick(fields["answer"])                 # "Yes": its follow-up shows
            yield "follow-up"
        if name == "circumstances":
            yield "checks"
        w.answer(**fields)
    w.expect("/question/removal")
    w.tick("flight_booked")
    yield "number"
    w.answer(answer="flight_booked", departure_in_days="3")
    w.pick("no")                                     # detained
    w.pick("me_alone")                               # who the application is for
    w.expect("/question/reasons")
    yield "checkboxes"
    w.answer(answer=["political", "war_violence"])
    w.expect("/list/facts")
    yield "list-empty"
    w.pick("yes")
    w.pick("country_change")
    w.pick("yes")                                    # new since the decision
    w.expect("/list/facts/0/concerns")
    w.tick("everyone")                               # the last page: the note with it
    page.fill("main input[name='note']", "Party card, arrived in March")
    yield "text"
    w.tap(CONTINUE)
    w.expect("/list/facts")
    yield "list-items"
    w.tap("main a[href$='/list/facts/0/remove']")
    yield "remove"
    w.pick("no")                                     # keep it after all
    w.expect("/list/facts")
    w.pick("no")                                     # nothing else new
    w.pick("yes")                                    # a document that shows it
    w.pick("membership")
    w.expect("/list/documents/0/fact")
    yield "fact-choice"
    for value in ["0", "other", "sworn", "original", "courier"]:
        w.pick(value)                                # no note
    w.pick("no")                                     # no other document
    w.pick("previous_will_help")
    w.expect("/review")
    yield "review"
    w.tap("main a.button")
    w.expect("/result")
    yield "result-ready_for_lawyer"
    w.tick("nl")
    w.tap(CONTINUE)
    w.expect("/checklist")
    yield "checklist"

    if wanted & {"result-needs_preparation", "result-not_relevant", "result-no_new_facts"}:
        w.change_item("documents", 0, "form", "copy")
        w.go("result")
        yield "result-needs_preparation"
        w.change_item("facts", 0, "kind", "life_in_netherlands")
        w.go("result")
        yield "result-not_relevant"
        w.go("list/facts")
        w.tap("main a[href$='/list/facts/0/remove']")
        w.pick("yes")
        w.go("result")
        yield "result-no_new_facts"
    if "exit-not_this_route" in wanted:
        w.change("/question/in_netherlands", "no", lands_on="/exit")
        yield "exit-not_this_route"
        w.go("question/in_netherlands?change=1")
        w.pick("yes")
        w.expect("/review")
    if "result-appeal_pending" in wanted:
        # A running appeal does not end the check (it used to be an exit):
        # the lawyer question is no longer asked, the outcome says the
        # appeal comes first.
        w.change("/question/appeal", "pending")
        w.go("result")
        w.expect("/result")
        yield "result-appeal_pending"
    if "sources" in wanted:
        w.go("sources")
        yield "sources"
    if "erase" in wanted or "erased" in wanted:
        w.tap("header a[href$='/erase']")            # Erase my answers: it asks first
        if "erase" in wanted:
            yield "erase"
        w.tick("yes")
        w.tap("main form button.button")
        if "erased" in wanted:
            yield "erased"
    if "404" in wanted:
        response = w.go("no-such-page")
        assert response.status == 404, response.status
        yield "404"
