"""The kiosk and the shared phone: the next person never sees the last one's
answers (issue 11, item 1; ../shared/reviews/ux-2026-12.md walk 5).

What really happened: person A answered up to the review, the wipe came,
and person B pressed Back page by page. The server state was gone, but the
pages came back with A's radios and checkboxes ticked, because Chromium
restores form controls on history navigation. So B's Back is played here
as it happened, and after every press the test looks at the live state of
the page (`input:checked`, every field's `.value`), not only at its markup:
`page.content()` serialises attributes, not what Chromium restored.
"""
import re
import time

from playwright.sync_api import Error as PlaywrightError

from tests.browser.conftest import KIOSK_IDLE_SECONDS, KIOSK_WARNING_SECONDS, SECRET
from tests.browser.walker import tap, walk_to_fact_note, walk_to_review
from wizard.state import decode

MARKER = "Party card of Person A 7731"                   # A's note on the fact
DOCUMENT_MARKER = "Summons from Asmara for Person A 4417"  # A's note on the document
SENSITIVE_REASON = "sexual_orientation_gender_identity"
SENSITIVE_LABEL = "LGBTQIA+"  # in "My sexual orientation or gender identity (LGBTQIA+)"
A_WORDS = (MARKER, DOCUMENT_MARKER, "Party card", "Person A")
A_LAWYER = "previous_declined"

# B presses Back at least this often (the issue asks 15) ...
MIN_BACK_PRESSES = 15
# ... and stops at the start of history, which comes long before this.
MAX_BACK_PRESSES = 80
# Chromium's own page for a history entry that was a POST (the kiosk's
# number keys answer a POST with a page): it will not send it again.
RESUBMIT_PAGE = "chrome-error://chromewebdata/"
KEEP_ALIVE = re.compile(r"/[a-z_A-Z]+/keep-alive$")

WHAT_IS_ON_THE_PAGE = """
() => {
  const label = input => {
    const found = input.id && document.querySelector(`label[for="${CSS.escape(input.id)}"]`);
    return (found ? found.innerText : input.name + '=' + input.value).trim();
  };
  const fields = [...document.querySelectorAll('input, textarea, select')];
  return {
    url: location.href,
    heading: (document.querySelector('h1') || {innerText: ''}).innerText,
    checked: [...document.querySelectorAll('input:checked')].map(label),
    // What a person typed lives in .value, not in the markup.
    typed: [...document.querySelectorAll('input[type=text], input:not([type]), textarea')]
      .map(field => field.value).filter(value => value !== ''),
    values: fields.filter(field => field.type !== 'hidden').map(field => field.value),
    text: document.body ? document.body.innerText : '',
  };
}
"""


def what_is_on(page):
    """The page's live state; retried while a navigation is still landing."""
    for _ in range(50):
        try:
            page.wait_for_load_state()
            return page.evaluate(WHAT_IS_ON_THE_PAGE)
        except PlaywrightError:
            page.wait_for_timeout(100)
    raise AssertionError(f"the page never settled, at {page.url}")


def assert_nothing_of_a(page, base, where, lang="en"):
    seen = what_is_on(page)
    assert seen["checked"] == [], f"{where}: checked on {seen['url']}: {seen['checked']}"
    assert seen["typed"] == [], f"{where}: text fields hold {seen['typed']} on {seen['url']}"
    assert not any(SENSITIVE_LABEL in label for label in seen["checked"]), where
    markup = page.content() if not seen["url"].startswith("chrome-error:") else ""
    for words in A_WORDS:
        assert words not in seen["text"], f"{where}: {words!r} on {seen['url']}"
        assert not any(words in value for value in seen["values"]), f"{where}: {words!r} in a field"
        assert words not in markup, f"{where}: {words!r} in the markup of {seen['url']}"
    # Where B lands: the language choice, the start, an empty first
    # question, or the blank tab the kiosk began with; never A's pages.
    allowed = {f"{base}/", f"{base}/?erased=1", f"{base}/{lang}/", f"{base}/{lang}/erased",
               f"{base}/{lang}/question/in_netherlands", "about:blank", RESUBMIT_PAGE}
    assert seen["url"] in allowed, f"{where}: B is on {seen['url']} ({seen['heading']!r})"
    assert "/review" not in seen["url"] and seen["heading"] != "Check your answers", where
    return seen


def press_back_until_the_start_of_history(page, base):
    """Person B presses Back again and again; after each press that loaded a
    page, nothing of A may be on it. Returns (presses, presses that
    navigated, landings) and fails unless the start of history was reached."""
    presses, navigated, landings = 0, 0, []
    while presses < MAX_BACK_PRESSES:
        # A mark in this document: a press that loads a page (even Chromium's
        # own error page) starts a new one without it.
        page.evaluate("() => { window.personBWasHere = true; }")
        presses += 1
        failed = False
        try:
            page.go_back()
        except PlaywrightError:
            failed = True  # e.g. net::ERR_CACHE_MISS for the keypad's POST
        what_is_on(page)
        if page.evaluate("() => window.personBWasHere === true"):
            if failed:
                continue  # Chromium was busy: the press did nothing, press again
            return presses, navigated, landings  # the start of history
        navigated += 1
        landings.append(assert_nothing_of_a(page, base, f"after Back press {presses}")["url"])
    raise AssertionError(f"{presses} Back presses and still not at the start of history")


def assert_back_shows_nothing_of_a(page, base):
    presses, navigated, landings = press_back_until_the_start_of_history(page, base)
    assert presses >= MIN_BACK_PRESSES and navigated >= MIN_BACK_PRESSES, (presses, navigated)
    # The loop really went through A's history: down to the page A began on.
    assert f"{base}/en/question/in_netherlands" in landings, landings
    assert landings[-1] == "about:blank", landings
    return navigated


def assert_a_is_gone_everywhere(page, context, base):
    # ...not by going straight to A's pages (they all send B to the start)...
    for path in ("review", "result", "checklist?lawyer=nl", "list/facts/0/document_received",
                 "list/facts/1/concerns", "list/documents/1/received", "question/reasons",
                 "question/lawyer"):
        page.goto(f"{base}/en/{path}")
        seen = assert_nothing_of_a(page, base, path)
        assert seen["url"] == f"{base}/en/", (path, seen["url"])
    page.goto(f"{base}/en/question/in_netherlands")
    assert_nothing_of_a(page, base, "the first question")
    # ...not in cookies or storage.
    for cookie in context.cookies():
        if cookie["name"].startswith("nfc_state"):
            state = decode(cookie["value"], SECRET, 3600) or {}
            assert not state.get("answers"), state
    storage = page.evaluate("[localStorage.length, sessionStorage.length]")
    assert storage == [0, 0]


def person_a_answers_up_to_the_review(page, base, kiosk):
    walk_to_review(page, base, "en", note=MARKER, document_note=DOCUMENT_MARKER,
                   reasons=("political", SENSITIVE_REASON), lawyer=A_LAWYER, kiosk=kiosk)
    main = page.inner_text("main")
    for words in (MARKER, DOCUMENT_MARKER, SENSITIVE_LABEL):
        assert words in main, words


def test_two_people_at_the_kiosk(context_factory, kiosk_server):
    # One browser profile for both, as at a real kiosk.
    context = context_factory(viewport={"width": 1024, "height": 768})
    page = context.new_page()
    keep_alives = []
    page.on("requestfinished", lambda request: KEEP_ALIVE.search(request.url)
            and keep_alives.append((request.method, request.response().status)))

    # Person A answers up to the review, then looks at the result and the
    # checklist, without typing a number.
    person_a_answers_up_to_the_review(page, kiosk_server, kiosk=True)
    tap(page, "main a.button")                      # see the result
    page.check("main input[value='nl']")
    tap(page, "main form button.button[type=submit]")
    assert MARKER in page.inner_text("main")
    assert page.locator("text=Finish and erase my answers").is_visible()
    assert page.locator("a:has-text('Download PDF')").count() == 0  # no downloads
    assert page.locator("button.js-print").is_visible()

    # A walks away: the warning comes, announced, with a countdown.
    warning = page.locator("#kiosk-warning")
    warning.wait_for(state="visible", timeout=(KIOSK_IDLE_SECONDS + 3) * 1000)
    assert warning.get_attribute("role") == "alertdialog"
    assert page.evaluate("document.activeElement.hasAttribute('data-kiosk-extend')")
    assert page.locator("#kiosk-announce").inner_text().startswith("Your answers will be erased in")
    # "I need more time" gives it back, as often as needed (WCAG 2.2.1), and
    # tells the server, which would otherwise refuse the answers idle +
    # warning time after the last page.
    for _ in range(2):
        with page.expect_request_finished(lambda request: KEEP_ALIVE.search(request.url)):
            page.click("[data-kiosk-extend]")
        assert warning.is_hidden()
        warning.wait_for(state="visible", timeout=(KIOSK_IDLE_SECONDS + 3) * 1000)
    assert "/checklist" in page.url
    assert keep_alives and set(keep_alives) == {("POST", 204)}, keep_alives

    # Nobody answers: the answers are erased and the language choice is back.
    page.wait_for_url(re.compile(r"/\?erased=1"),
                      timeout=(KIOSK_WARNING_SECONDS + 5) * 1000)
    assert "The answers are erased" in page.inner_text("main")
    assert_nothing_of_a(page, kiosk_server, "after the wipe")

    # Person B presses Back, page after page, to the start of history.
    assert_back_shows_nothing_of_a(page, kiosk_server)
    assert_a_is_gone_everywhere(page, context, kiosk_server)


def test_the_next_person_on_a_shared_phone_after_erase_my_answers(context_factory, live_server):
    context = context_factory()
    page = context.new_page()
    person_a_answers_up_to_the_review(page, live_server, kiosk=False)
    with page.expect_navigation():
        page.click("header a[href$='/erase']")   # Erase my answers: it asks first
    page.check("main input[value='yes']")
    with page.expect_navigation():
        page.click("main form button.button")
    assert page.url == f"{live_server}/en/erased"
    assert_nothing_of_a(page, live_server, "after the erase")

    # The sister takes the phone and presses Back.
    assert_back_shows_nothing_of_a(page, live_server)
    assert_a_is_gone_everywhere(page, context, live_server)


def test_someone_who_types_a_long_note_at_the_kiosk_keeps_the_answers(context_factory,
                                                                      kiosk_server):
    # Typing sends no request; the server refuses kiosk answers idle +
    # warning time after the last one, unless the page says the person is
    # still there (a keep-alive, only after activity, at most every 30 s).
    page = context_factory(viewport={"width": 1024, "height": 768}).new_page()
    keep_alives = []
    page.on("requestfinished", lambda request: KEEP_ALIVE.search(request.url) and keep_alives.append(
        (time.monotonic(), request.method, request.response().status,
         request.headers.get("x-csrftoken", ""))))
    walk_to_fact_note(page, kiosk_server, "en", kiosk=True)

    # Reading without touching anything: no keep-alive.
    page.wait_for_timeout((KIOSK_IDLE_SECONDS - 1) * 1000)
    assert keep_alives == []

    # Typing, one key a second, for longer than idle + warning time.
    page.click("input.text-input")
    started = time.monotonic()
    note = "Arrived in March"
    limit = KIOSK_IDLE_SECONDS + KIOSK_WARNING_SECONDS
    assert len(note) > limit + 4
    page.keyboard.type(note, delay=1000)
    assert time.monotonic() - started > limit + 4
    assert page.locator("#kiosk-warning").is_hidden()  # typing is activity
    tap(page, "main form button.button[type=submit]")
    assert page.url.endswith("/en/list/facts"), page.url       # not "expired"
    assert note in page.inner_text("main")

    assert len(keep_alives) >= 2, ("no keep-alive reached the server: does the CSP allow "
                                   f"connect-src 'self'? {keep_alives}")
    for _when, method, status, sent_token in keep_alives:
        assert (method, status) == ("POST", 204)
        assert sent_token  # the page's CSRF token, in X-CSRFToken
    every = min(30, limit // 2)
    gaps = [later[0] - earlier[0] for earlier, later in zip(keep_alives, keep_alives[1:])]
    assert all(gap > every - 1 for gap in gaps), gaps  # not more often than that


def test_erase_now_in_the_warning_erases_with_the_pages_token(context_factory, kiosk_server):
    context = context_factory(viewport={"width": 1024, "height": 768})
    page = context.new_page()
    page.goto(f"{kiosk_server}/en/")
    tap(page, "main button[type=submit]")
    page.check("main input[value='yes']")
    tap(page, "main form button.button[type=submit]")
    page.locator("#kiosk-warning").wait_for(state="visible",
                                            timeout=(KIOSK_IDLE_SECONDS + 3) * 1000)
    link = page.locator("#kiosk-warning a")
    assert re.fullmatch(r"/en/timeout\?token=[\w.\-]+", link.get_attribute("href"))
    with page.expect_navigation():
        link.click()
    assert page.url == f"{kiosk_server}/?erased=1"
    for cookie in context.cookies():
        if cookie["name"].startswith("nfc_state"):
            assert not (decode(cookie["value"], SECRET, 3600) or {}).get("answers")
    # The same address without the token, as a link elsewhere would have
    # it, erases nothing.
    page.goto(f"{kiosk_server}/en/")
    tap(page, "main button[type=submit]")
    page.check("main input[value='yes']")
    tap(page, "main form button.button[type=submit]")
    page.goto(f"{kiosk_server}/en/timeout")
    assert page.url == f"{kiosk_server}/en/"
    page.goto(f"{kiosk_server}/en/question/in_netherlands")
    assert page.evaluate("document.querySelector('input[value=yes]').checked")


def test_the_kiosk_also_wipes_itself_without_javascript(context_factory, kiosk_server):
    context = context_factory(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{kiosk_server}/ar/")
    page.click("main button[type=submit]")
    page.check("main input[value='yes']")
    page.click("main form button.button[type=submit]")
    assert "/ar/question/applied_before_nl" in page.url
    refresh = page.locator("meta[http-equiv=refresh]").get_attribute("content")
    assert re.fullmatch(r"\d+; url=/ar/timeout\?token=[\w.\-]+", refresh), refresh
    started = time.monotonic()
    page.wait_for_url(re.compile(r"/\?erased=1"),
                      timeout=(KIOSK_IDLE_SECONDS + KIOSK_WARNING_SECONDS + 5) * 1000)
    assert time.monotonic() - started >= KIOSK_IDLE_SECONDS  # not before the idle time
    # In the browser's language, not the last person's (that would tell).
    assert page.locator("html").get_attribute("lang") == "en"
    assert "The answers are erased" in page.inner_text("main")
    page.goto(f"{kiosk_server}/ar/review")
    assert page.url == f"{kiosk_server}/ar/"   # nothing remembered: the start
