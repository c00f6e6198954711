"""A person answering the whole check by tapping, as on a phone or kiosk.

A page may ask more than one question: a follow-up under its choice
(`previous_outcome` under "Yes" on `applied_before_nl`, the days until the
flight under "Yes, and a flight is booked"), a fact's group under "A group
of people", and an item's note on its last page. `answer(page, fields)`
fills in a whole page from {field name: value}, the page's own question
(`answer`) first, so that with JavaScript on a follow-up is revealed before
it is filled in.
"""
from tests.walkers import route_pages

# The route pages of a person for whom the route fits, in order, as
# (page, {field: value}): in the Netherlands, applied here before and
# rejected (one page), no appeal running, no earlier repeat application,
# none of "Does any of this apply to you?". The flight comes next.
ROUTE_PAGES = route_pages({})

CONTINUE = "main form:not(.inline-form) button.button[type=submit]"


def tap(page, selector):
    with page.expect_navigation():
        page.click(selector)


def choice(name, value):
    """The radio or checkbox for `value` of the field `name`; "answer" is the
    page's own question, whatever its form field is called (a list page's
    `add`, a remove page's `confirm`), never a follow-up's."""
    tickable = f"main input:is([type=radio], [type=checkbox])[value='{value}']"
    if name == "answer":
        return f"{tickable}:not(.choice-more input)"
    return f"{tickable}[name='{name}']"


def fill(page, fields):
    """Fill in the fields of one page: a list ticks checkboxes, a value picks
    the radio with that value or, for a text field, is typed."""
    for name, value in fields.items():
        if isinstance(value, (list, tuple)):
            for one in value:
                page.check(choice(name, one))
        elif page.locator(choice(name, value)).count():
            page.check(choice(name, value))
        else:
            page.fill(f"main input[name='{name}']", str(value))


def answer(page, fields):
    fill(page, fields)
    tap(page, CONTINUE)


def pick(page, value):
    answer(page, {"answer": value})


def keypad(page, digits):
    """The kiosk's on-screen number keys: no typing (each key sends the form)."""
    for digit in digits:
        tap(page, f"button.key[value='{digit}']")


def walk_route(page):
    for _name, fields in ROUTE_PAGES:
        answer(page, fields)


def flight_in_3_days(page, kiosk=False):
    """The removal page: a flight is booked, in 3 days (typed under the choice,
    or on the kiosk's keypad)."""
    assert "/question/removal" in page.url, page.url
    if kiosk:
        page.check(choice("answer", "flight_booked"))
        keypad(page, "3")
        assert page.input_value("main input[name='departure_in_days']") == "3"
        tap(page, CONTINUE)
    else:
        answer(page, {"answer": "flight_booked", "departure_in_days": "3"})


# A new document about oneself, asked inside its fact: a court summons in
# another language without a translation, only a photo, come by courier.
NEW_DOCUMENT_FACT = [
    {"answer": "new_document"}, {"answer": "yes"}, {"answer": "you_personally"},
    {"answer": "court_or_arrest_document"}, {"answer": "other"}, {"answer": "none"},
    {"answer": "photo"},
]
NEW_DOCUMENT_RECEIVED = "courier"


def walk_to_fact_note(page, base, lang, reasons=("political",), kiosk=False):
    """From the start page to the first fact's last page, where its note is
    asked: a flight in 3 days, not detained, applying alone for `reasons`,
    a new document about oneself. "By courier" is picked there; the note
    is left for the caller."""
    page.goto(f"{base}/{lang}/")
    tap(page, "main button[type=submit]")
    walk_route(page)
    flight_in_3_days(page, kiosk=kiosk)
    pick(page, "no")                                # detained
    pick(page, "me_alone")                          # who the application is for
    answer(page, {"answer": list(reasons)})
    pick(page, "yes")                               # something new
    for fields in NEW_DOCUMENT_FACT:
        answer(page, fields)
    assert page.url.endswith(f"/{lang}/list/facts/0/document_received"), page.url
    page.check(choice("answer", NEW_DOCUMENT_RECEIVED))
    return page


def walk_to_review(page, base, lang, note="", document_note="", reasons=("political",),
                   lawyer="not_asked", kiosk=False):
    """The person of `walk_to_fact_note` answers everything up to the review
    (`note`: the fact's note, `lawyer`: the lawyer answer). With a
    `document_note` they also add a second fact, danger for LGBTQIA+ people
    (the group asked under its choice), and a document that shows it, in
    the list of other documents, with that note."""
    walk_to_fact_note(page, base, lang, reasons=reasons, kiosk=kiosk)
    answer(page, {"note": note})
    assert page.url.endswith(f"/{lang}/list/facts"), page.url
    if document_note:
        pick(page, "yes")
        answer(page, {"answer": "country_change"})
        answer(page, {"answer": "yes"})
        answer(page, {"answer": "group", "group": "sexual_orientation_gender_identity"})
        answer(page, {"answer": "yes"})             # belongs to the group; no note
        pick(page, "no")                            # nothing else new
        pick(page, "yes")                           # a document for the second fact
        for value in ["medical_report", "1", "nl", "original"]:
            pick(page, value)
        answer(page, {"answer": "person", "note": document_note})
        assert page.url.endswith(f"/{lang}/list/documents"), page.url
    pick(page, "no")                                # nothing else new / no other document
    pick(page, lawyer)
    assert page.url.endswith(f"/{lang}/review"), page.url
    return page


def walk_to_checklist(page, base, lang, note="", lawyer="nl", kiosk=False):
    """The same person, on to the result and the checklist for a lawyer
    who reads `lawyer`."""
    walk_to_review(page, base, lang, note=note, kiosk=kiosk)
    tap(page, "main a.button")                      # see the result
    page.check(f"main input[value='{lawyer}']")
    tap(page, CONTINUE)
    return page


# The checklist of `walk_to_checklist`'s person, once walked per server and
# language: {(base, lang): (the browser's cookies, the checklist's address)}.
# Tests that only look at the checklist open it with those cookies instead
# of walking the whole check again.
_CHECKLISTS = {}


def remember_checklist(page, base, lang):
    """Keep the answers of `page`, on the checklist of `walk_to_checklist`."""
    assert f"/{lang}/checklist" in page.url, page.url
    _CHECKLISTS[base, lang] = (page.context.storage_state(), page.url)


def checklist_page(context_factory, base, lang, **options):
    """A new page (in a context made with `options`) on the checklist of
    `walk_to_checklist`'s person, for a lawyer who reads Dutch."""
    if (base, lang) not in _CHECKLISTS:
        page = context_factory().new_page()
        walk_to_checklist(page, base, lang)
        remember_checklist(page, base, lang)
    state, url = _CHECKLISTS[base, lang]
    page = context_factory(storage_state=state, **options).new_page()
    page.goto(url)
    assert page.url == url, (page.url, url)
    return page
