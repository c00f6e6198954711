"""How many pages a person needs: the walk of the UX review's person 1 (a new
party card in Arabic, not translated, the original; a flight in 3 days; the
previous lawyer said no) reaches the result in at most 24 pages, counted from
the start page, the review and the result included (issue 13)."""
import re

from tests.pages import path_of

MOST_PAGES = 24

# What person 1 answers, by the form fields a page shows: each page gets
# `answer` for its own question (the last part of its address) and any other
# question it shows (a follow-up under a choice, a note).
PERSON_1 = {
    "in_netherlands": "yes",
    "applied_before_nl": "yes", "previous_outcome": "rejected",
    "appeal": "none_or_finished",
    "earlier_repeat_applications": "none",
    "circumstances": ["none"],
    "removal": "flight_booked", "departure_in_days": "3",
    "detained": "no",
    "applying_for": "me_alone",
    "reasons": ["political"],
    "kind": "new_document",
    "new_since_decision": "yes",
    "concerns": "group", "group": "political",
    "you_belong": "yes",
    "document_kind": "membership",
    "document_language": "other",
    "document_translation": "none",
    "document_form": "original",
    "document_received": "person",
    "note": "Party card, arrived in March",
    "lawyer": "previous_declined",
}


def test_person_1_reaches_the_result_in_at_most_24_pages(person):
    person.get("")
    pages = [person.page.request.path]
    person.post_form(person.url("begin"), {})
    facts_list_seen = 0
    while True:
        person.get(path_of(person.location()))
        assert person.page.status_code == 200, person.page.request.path
        path = person.page.request.path
        pages.append(path)
        assert len(pages) <= 40, pages
        if path.endswith("/review"):
            break
        if path.endswith("/list/facts"):
            facts_list_seen += 1
            data = {"add": "yes" if facts_list_seen == 1 else "no"}
        else:
            field = path.rsplit("/", 1)[1]
            data = {"answer": PERSON_1[field]}
            for name in set(re.findall(r'name="([a-z_]+)"', person.text())):
                if name in PERSON_1 and name not in ("answer", field):
                    data[name] = PERSON_1[name]
        person.post_form(path, data)
        assert person.page.status_code == 302, (path, re.findall(
            r'class="field-error"[^>]*>(.*?)</p>', person.text()))
    person.get("result")
    pages.append(person.page.request.path)
    assert person.page.status_code == 200
    assert len(pages) <= MOST_PAGES, "\n".join(pages)
    # Every answer arrived: the flight in 3 days, the untranslated card, the lawyer who said no.
    text = re.sub(r"<[^>]+>", "", person.text())
    assert "Days until the flight: 3." in text
    assert "Find another lawyer" in text
    assert re.search(r"Can the IND read your documents\?.*?Not met", text, re.S)
