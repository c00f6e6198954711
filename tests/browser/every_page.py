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
from tests.browser.walker import ROUTE

# Every page kind the walk can stop on, in the order it reaches them.
ALL_KINDS = (
    "languages", "start", "radio", "error", "number", "checkboxes", "list-empty",
    "text", "list-items", "remove", "fact-choice", "review", "result-ready_for_lawyer",
    "checklist", "result-needs_preparation", "result-not_relevant", "result-no_new_facts",
    "exit-not_this_route", "result-appeal_pending", "sources", "erase", "erased", "404",
)
# At least these in every language (the list).
CORE_KINDS = ("start", "radio", "error", "review", "result-ready_for_lawyer", "checklist")

CONTINUE = "main form:not(.inline-form) button.button[type=submit]"


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

    def tick(self, value):
        self.page.check(f"main input[value='{value}']")

    def pick(self, value):
        self.tick(value)
        self.tap(CONTINUE)

    def change(self, href_part, value, lands_on="/review"):
        """From the review, change one answer; by default it comes back to
        the review, an answer that ends the route lands on the exit page."""
        self.go("review")
        self.tap(f"main .summary-actions a[href*='{href_part}?change=1']")
        self.pick(value)
        self.expect(lands_on)


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
    for value in ROUTE + ["flight_booked"]:
        w.pick(value)
    w.expect("/question/departure_in_days")
    yield "number"
    page.fill("main input.text-input", "3")
    w.tap(CONTINUE)
    w.pick("no")                                     # detained
    w.pick("me_alone")                               # who the application is for
    w.expect("/question/reasons")
    yield "checkboxes"
    w.tick("political")
    w.tick("war_violence")
    w.tap(CONTINUE)
    w.expect("/list/facts")
    yield "list-empty"
    w.pick("yes")
    for value in ["new_document", "yes", "you_personally"]:
        w.pick(value)
    w.expect("/list/facts/0/note")
    yield "text"
    page.fill("main input.text-input", "Party card, arrived in March")
    w.tap(CONTINUE)
    w.expect("/list/facts")
    yield "list-items"
    w.tap("main a[href$='/list/facts/0/remove']")
    yield "remove"
    w.pick("no")                                     # keep it after all
    w.expect("/list/facts")
    w.pick("no")                                     # nothing else new
    w.pick("yes")                                    # a document
    w.pick("membership")
    w.expect("/list/documents/0/fact")
    yield "fact-choice"
    for value in ["0", "other", "sworn", "original", "courier"]:
        w.pick(value)
    w.tap(CONTINUE)                                  # no note
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
        w.change("/list/documents/0/form", "copy")
        w.go("result")
        yield "result-needs_preparation"
        w.change("/list/facts/0/kind", "life_in_netherlands")
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
