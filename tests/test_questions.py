"""The questions, as a person answers them: lists of facts and documents,
changing an answer, every validation error, urgency on every later page, and
Back links (wizard/views/questions.py). In English and in Dutch.
"""
import base64
import datetime
import re

import pytest

from tests.pages import Seen, fact_title, label, link_in, norm, path_of, words_in
from tests.walkers import (ROUTE_OK, Person, add_document, add_fact, change_through, finish,
                           follow,
                           walk_everything, walk_to_facts, walk_to_reasons)
from wizard import checklist, texts
from wizard import flow, languages
from wizard import vocabulary as v
from wizard.sources import SOURCES

STATE_COOKIE = "nfc_state"


# === 3. Adding, changing and removing facts and documents =============================

def test_the_lists_show_each_item_with_change_and_remove(visitor, say):
    walk_to_facts(visitor)
    add_fact(visitor, 0, "country_change", concerns="everyone")
    add_fact(visitor, 1, "new_document")

    facts = Seen(visitor.get("list/facts"))
    rows = facts.all("div", "summary-row")
    assert [row.text.split(" ")[0] for row in rows] == ["1.", "2."]
    assert norm(say(label(v.FACT_KINDS, "country_change"))) in rows[0].text
    # A fact "I have new documents" is named by its document, with its key answers.
    assert norm(say("New document: %(document)s",
                    document=say(label(v.DOCUMENT_KINDS, "membership")))) in rows[1].text
    assert norm(say(label(v.DOCUMENT_FORMS, "original"))) in rows[1].text
    for index, row in enumerate(rows):
        # From the list, Change walks through the item again and comes back to the list.
        assert link_in(row, say("Change")) == visitor.url(f"list/facts/{index}/kind")
        assert link_in(row, say("Remove")) == visitor.url(f"list/facts/{index}/remove")
    assert facts.shows(say("Is there anything else new?"))

    visitor.answer("list/facts", {"add": "no"})
    add_document(visitor, 0, "medical_report", fact="0", language="fr", form="photo")
    documents = Seen(visitor.get("list/documents"))
    row, = documents.all("div", "summary-row")
    assert norm(say(label(v.DOCUMENT_KINDS, "medical_report"))) in row.text
    assert norm(say(label(v.DOCUMENT_FORMS, "photo"))) in row.text
    assert link_in(row, say("Change")) == visitor.url("list/documents/0/kind")
    assert link_in(row, say("Remove")) == visitor.url("list/documents/0/remove")
    assert documents.shows(say("Do you have another document?"))


def test_removing_a_fact_asks_first_and_documents_keep_pointing_to_their_fact(visitor, say):
    walk_to_facts(visitor)
    add_fact(visitor, 0, "country_change", concerns="everyone")
    add_fact(visitor, 1, "personal_situation")
    visitor.answer("list/facts", {"add": "no"})
    # The letter shows the second fact, the person's own situation.
    add_document(visitor, 0, "threat", fact="1", language="en")
    finish(visitor)
    shows_question = say("Which new fact does this document show?")
    assert Seen(visitor.get("review")).review_answer(
        say("Document %(number)s", number=1) + ": " + shows_question) == norm(
        fact_title(say, 2, "personal_situation"))

    # Remove the first fact: the page asks first, and "No" keeps it.
    remove_url = Seen(visitor.get("list/facts")).link(say("Remove"))
    confirm = Seen(visitor.get(remove_url))
    assert confirm.first("h1").text == norm(say("Are you sure you want to remove it?"))
    assert confirm.shows("1. " + say(label(v.FACT_KINDS, "country_change")))
    visitor.post_form(remove_url, {"confirm": "no"})
    assert path_of(visitor.location()) == visitor.url("list/facts")
    assert len(Seen(visitor.get("list/facts")).all("div", "summary-row")) == 2

    visitor.get(remove_url)
    visitor.post_form(remove_url, {"confirm": "yes"})
    facts = Seen(follow(visitor))
    row, = facts.all("div", "summary-row")
    assert norm(say(label(v.FACT_KINDS, "personal_situation"))) in row.text
    assert not facts.shows(say(label(v.FACT_KINDS, "country_change")))

    # The letter still shows the person's own situation, now fact 1.
    review = Seen(visitor.get("review"))
    assert review.status == 200
    assert review.review_answer(say("Document %(number)s", number=1) + ": " + shows_question) == norm(
        fact_title(say, 1, "personal_situation"))
    sheet = Seen(visitor.get("checklist?lawyer=nl"))
    assert sheet.shows(fact_title(say, 1, "personal_situation"))


def test_a_new_document_is_asked_inside_its_fact_and_goes_with_it(visitor, say):
    walk_to_facts(visitor)
    add_fact(visitor, 0, "new_document", document={"kind": "membership", "language": "other",
                                                   "translation": "none", "form": "photo"})
    # No "which fact does this document show?" and no list of other documents:
    # the only fact is the document itself.
    visitor.answer("list/facts", {"add": "no"})
    assert path_of(visitor.location()) == visitor.url("question/lawyer")
    visitor.answer("question/lawyer", {"answer": "previous_will_help"})
    review = Seen(follow(visitor))
    card = say("Fact %(number)s", number=1) + ": "
    assert review.review_answer(card + say("What document is it?")) == norm(
        say(label(v.DOCUMENT_KINDS, "membership")))
    assert review.review_answer(card + say("Do you have the original document?")) == norm(
        say(label(v.DOCUMENT_FORMS, "photo")))
    assert not review.shows(say("Which new fact does this document show?"))
    # The checklist names the fact by its document and asks for its translation.
    sheet = Seen(visitor.get("checklist?lawyer=en"))
    assert sheet.shows(say("New document: %(document)s",
                           document=say(label(v.DOCUMENT_KINDS, "membership"))))
    # Removing the fact removes its document too.
    remove_url = visitor.url("list/facts/0/remove?change=1")
    visitor.get(remove_url)
    visitor.post_form(remove_url, {"confirm": "yes", "change": "1"})
    visitor.get("review")
    assert visitor.page.status_code == 200
    assert not Seen(visitor.page).shows(say(label(v.DOCUMENT_KINDS, "membership")))


def test_removing_a_document_asks_first_and_leaves_the_facts(visitor, say):
    walk_to_facts(visitor)
    add_fact(visitor, 0, "personal_situation")
    visitor.answer("list/facts", {"add": "no"})
    add_document(visitor, 0, "identity", fact="0", language="nl")
    add_document(visitor, 1, "threat", fact="0", language="en")

    remove_url = visitor.url("list/documents/0/remove")
    confirm = Seen(visitor.get(remove_url))
    assert confirm.shows(say("Are you sure you want to remove it?"))
    assert confirm.shows("1. " + say(label(v.DOCUMENT_KINDS, "identity")))
    visitor.post_form(remove_url, {"confirm": "yes"})
    documents = Seen(follow(visitor))
    row, = documents.all("div", "summary-row")
    assert norm(say(label(v.DOCUMENT_KINDS, "threat"))) in row.text
    assert len(Seen(visitor.get("list/facts")).all("div", "summary-row")) == 1


def test_changing_a_fact_to_a_group_asks_the_group_questions_then_returns_to_the_review(
        visitor, say):
    walk_to_facts(visitor)
    add_fact(visitor, 0, "country_change", concerns="you_personally", note="Riots in May")
    finish(visitor)

    # The fact's card has one Change: it walks the fact's pages, each showing its answer.
    concerns = say("Fact %(number)s", number=1) + ": " + say("Whom does it concern?")
    change = Seen(visitor.get("review")).review_rows()
    change_url = [href for key, _, href in change if key == norm(concerns)][0]
    assert change_url == visitor.url("list/facts/0/kind?change=1")

    passed = change_through(visitor, change_url, {"concerns": "group",
                                                  "group": "journalist_activist",
                                                  "you_belong": "no"})
    # The group is chosen under its choice; "do you belong" gets its own page, with the note.
    assert passed == ["kind", "new_since_decision", "concerns", "you_belong"]
    assert path_of(visitor.location()) == visitor.url("review")

    review = Seen(follow(visitor))
    fact = say("Fact %(number)s", number=1) + ": "
    assert review.review_answer(fact + say("Whom does it concern?")) == norm(
        say(label(v.CONCERNS, "group")))
    assert review.review_answer(fact + say("Which group does it concern?")) == norm(
        say(label(v.GROUPS, "journalist_activist")))
    assert review.review_answer(fact + say("Do you belong to this group?")) == norm(say("No"))
    assert review.review_answer(fact + say("A short note for your lawyer (optional)")) == \
        "Riots in May"


def test_at_the_limit_the_facts_list_says_no_more_can_be_added(visitor, say):
    walk_to_facts(visitor)
    for index in range(v.MAX_FACTS):
        add_fact(visitor, index, "country_change", concerns="everyone")

    page = Seen(visitor.get("list/facts"))
    assert len(page.all("div", "summary-row")) == v.MAX_FACTS
    assert page.shows(say("You cannot add more"))
    assert not page.shows(say("Is there anything else new?"))
    assert not [i for i in page.all("input") if i.attrs.get("name") == "add"]
    # An add page for one more fact is not offered either.
    visitor.get(f"list/facts/{v.MAX_FACTS}/kind")
    assert path_of(visitor.location()) == visitor.url("list/facts")
    # Continue still goes on to the documents.
    visitor.answer("list/facts", {})
    assert path_of(visitor.location()) == visitor.url("list/documents")


# === 4. Changing an answer from the review keeps every other answer ====================

def test_changing_removal_asks_the_days_then_keeps_every_other_answer(visitor, say):
    walk_to_facts(visitor, removal="none")
    add_fact(visitor, 0, "personal_situation", note="Converted in 2025")
    add_document(visitor, 0, "other", fact="0", language="de")
    finish(visitor)
    before = Seen(visitor.get("review")).review_rows()
    removal = norm(say("Does the Dutch government plan to send you back?"))
    days = norm(say("In how many days is the flight?"))
    assert days not in [key for key, _, _ in before]

    change_url = [href for key, _, href in before if key == removal][0]
    # The days are asked on the same page, under "a flight is booked".
    page = Seen(visitor.get(change_url))
    assert page.shows(say("In how many days is the flight?"))
    visitor.post_form(change_url, {"answer": "flight_booked", "departure_in_days": "5",
                                   "change": "1"})
    assert path_of(visitor.location()) == visitor.url("review")

    after = Seen(follow(visitor))
    assert after.review_answer(removal) == norm(say(label(v.REMOVAL, "flight_booked")))
    assert after.review_answer(days) == "5"
    unchanged = [(key, value) for key, value, _ in after.review_rows() if key not in (removal, days)]
    assert unchanged == [(key, value) for key, value, _ in before if key != removal]

    # Back to "no": the days answer goes (its branch is gone), nothing else does,
    # even when the days field was still filled in.
    visitor.get(change_url)
    visitor.post_form(change_url, {"answer": "none", "departure_in_days": "5", "change": "1"})
    assert path_of(visitor.location()) == visitor.url("review")
    again = Seen(follow(visitor))
    assert [(key, value) for key, value, _ in again.review_rows()] == [
        (key, value) for key, value, _ in before]
    # The days were really dropped, not just hidden: the field is empty again.
    assert Seen(visitor.get(change_url)).input_value("departure_in_days") == ""


def test_a_follow_up_question_is_needed_only_under_its_choice(visitor, say):
    walk_to_reasons(visitor)
    visitor.get("question/applied_before_nl")
    visitor.post_form(visitor.url("question/applied_before_nl"), {"answer": "yes"})
    page = Seen(visitor.page)
    assert page.status == 200
    assert norm(say("Select how your last application ended")) in page.error_summary()
    # Days are optional, but what is typed must be a number.
    visitor.get("question/removal")
    visitor.post_form(visitor.url("question/removal"),
                      {"answer": "flight_booked", "departure_in_days": "soon"})
    assert norm(say("Write the number of days as a whole number, for example 5")) in \
        Seen(visitor.page).error_summary()


def test_changing_a_documents_language_to_another_asks_about_the_translation(visitor, say):
    walk_to_facts(visitor)
    add_fact(visitor, 0, "personal_situation")
    add_document(visitor, 0, "membership", fact="0", language="en")
    finish(visitor)
    document = say("Document %(number)s", number=1) + ": "
    rows = Seen(visitor.get("review")).review_rows()
    change_url = [href for key, _, href in rows
                  if key == norm(document + say("In which language is the document written?"))][0]

    passed = change_through(visitor, change_url, {"language": "other", "translation": "sworn"})
    # A document in another language needs a translation: the person is asked.
    assert "translation" in passed
    assert path_of(visitor.location()) == visitor.url("review")
    review = Seen(follow(visitor))
    assert review.review_answer(document + say("Is there a translation of this document?")) == norm(
        say(label(v.TRANSLATIONS, "sworn")))


# === 5. Every validation error ===========================================================

def _question_pages():
    pages = []
    for step in flow.STEPS:
        if isinstance(step, flow.ListStep):
            pages.append((f"list/{step.name}", step.add_error, "add"))
            for item in step.item_steps:
                if item.error and item.kind in ("radio", "checkboxes", "fact_choice") \
                        and item.name not in flow.ITEM_FOLLOW_UPS[step.name] \
                        and not item.name.startswith(flow.DOCUMENT_PREFIX):
                    pages.append((f"list/{step.name}/0/{item.name}", item.error, "answer"))
        elif step.kind in ("radio", "checkboxes", "checks") and step.name not in flow.PAGE_OF:
            pages.append((f"question/{step.name}", step.error, "answer"))
    return pages


QUESTION_PAGES = _question_pages()


@pytest.mark.parametrize("path, error, field", QUESTION_PAGES, ids=[p for p, _, _ in QUESTION_PAGES])
def test_sending_a_question_page_without_an_answer_says_what_to_do(
        visitor, say, path, error, field):
    walk_everything(visitor)
    visitor.answer(path, {})

    page = Seen(visitor.page)
    assert page.status == 200
    assert page.title.startswith(norm(say("Error:")) + " ")
    assert page.error_summary().startswith(norm(say("There is a problem")))
    assert norm(say(error)) in page.error_summary()
    # The summary links to the first choice, and the message is beside the field.
    summary_link = page.first("div", "error-summary").find_all("a")[0].attrs["href"]
    assert summary_link == f"#{field}"  # the first choice carries the field's id
    assert [norm(say("Error:")) + " " + norm(say(error))] == page.field_errors()


def test_a_number_of_days_that_is_not_a_number_is_kept_and_explained(visitor, say):
    walk_to_reasons(visitor, removal="none")
    visitor.answer("question/removal", {"answer": "flight_booked", "departure_in_days": "abc"})

    page = Seen(visitor.page)
    assert page.status == 200
    message = say("Write the number of days as a whole number, for example 5")
    assert page.title.startswith(norm(say("Error:")))
    assert norm(message) in page.error_summary()
    assert page.field_errors() == [norm(say("Error:")) + " " + norm(message)]
    assert page.input_value("departure_in_days") == "abc"


def test_arabic_indic_digits_for_the_days_are_read_as_a_number(visitor, say):
    walk_to_reasons(visitor, removal="none")
    visitor.answer("question/removal", {"answer": "flight_booked",
                                        "departure_in_days": "\u0663"})  # ٣
    assert path_of(visitor.location()) == visitor.url("question/detained")
    visitor.answer("question/detained", {"answer": "no"})
    visitor.answer("question/reasons", {"answer": ["war_violence"]})
    finish(visitor)

    review = Seen(visitor.get("review"))
    assert review.review_answer(say("In how many days is the flight?")) == "3"
    # Three days is within the last-minute procedure.
    assert review.shows(say(texts.FLAG_TEXT["last_minute_procedure"]))


def test_a_note_that_is_too_long_is_kept_and_explained(visitor, say):
    walk_to_facts(visitor)
    add_fact(visitor, 0, "country_change", note="Short")
    too_long = "Soldiers came to my village " + "x" * v.MAX_NOTE_LENGTH

    # The note is asked on the fact's last page, here "whom does it concern?".
    visitor.answer("list/facts/0/concerns", {"answer": "you_personally", "note": too_long})
    page = Seen(visitor.page)
    assert page.status == 200
    message = say("You wrote %(count)s characters. Write %(max)s characters or fewer.",
                  count=len(too_long), max=v.MAX_NOTE_LENGTH)
    assert norm(message) in page.error_summary()
    if visitor.lang == "en":
        assert "You wrote 128 characters. Write 100 characters or fewer." in page.error_summary()
    assert page.field_errors() == [norm(say("Error:")) + " " + norm(message)]
    assert page.input_value("note") == too_long
    # Nothing was silently cut or lost: the earlier note is still there.
    assert "Short" in Seen(visitor.get("list/facts")).all("div", "summary-row")[0].text


def test_a_note_with_a_hidden_direction_character_is_refused_clearly(visitor, say):
    walk_to_facts(visitor)
    add_fact(visitor, 0, "country_change", note="Short")

    visitor.answer("list/facts/0/concerns", {"answer": "you_personally",
                                             "note": "Paid \u202e0001 euro"})
    page = Seen(visitor.page)
    assert page.status == 200
    message = say("Remove the special or invisible characters from your note")
    assert norm(message) in page.error_summary()
    assert page.field_errors() == [norm(say("Error:")) + " " + norm(message)]
    assert "\u202e" not in Seen(visitor.get("list/facts")).text


@pytest.mark.parametrize("path, data, error", [
    ("question/in_netherlands", {"answer": "maybe"}, "Select yes if you are in the Netherlands now"),
    ("question/reasons", {"answer": ["political", "maybe"]}, "Select at least one reason"),
    ("list/facts", {"add": "maybe"}, "Select yes if you want to add something new"),
], ids=["radio", "checkboxes", "add-another"])
def test_a_choice_that_is_not_offered_is_refused(visitor, say, path, data, error):
    walk_to_facts(visitor)
    visitor.answer(path, data)
    page = Seen(visitor.page)
    assert page.status == 200
    assert norm(say(error)) in page.error_summary()


def test_an_unknown_kind_of_fact_is_refused(visitor, say):
    walk_to_facts(visitor)
    visitor.answer("list/facts", {"add": "yes"})
    visitor.answer("list/facts/0/kind", {"answer": "maybe"})
    page = Seen(visitor.page)
    assert page.status == 200
    assert norm(say("Select what is new")) in page.error_summary()
    # Nothing was added.
    assert not Seen(visitor.get("list/facts")).all("div", "summary-row")


# === 6. Urgency on every later page ======================================================

def test_a_flight_in_three_days_is_shown_on_every_later_page(visitor, say):
    walk_to_reasons(visitor, removal="flight_booked", days=3)
    warning = say(texts.FLAG_TEXT["last_minute_procedure"])
    banner = say("Urgent: contact your lawyer today")

    pages = {"reasons": Seen(visitor.get("question/reasons"))}
    visitor.answer("question/reasons", {"answer": ["political"]})
    pages["facts list"] = Seen(visitor.get("list/facts"))
    add_fact(visitor, 0, "country_change", concerns="everyone")
    finish(visitor)
    pages["review"] = Seen(visitor.get("review"))
    pages["result"] = Seen(visitor.get("result"))
    pages["checklist"] = Seen(visitor.get("checklist?lawyer=nl"))

    for name, page in pages.items():
        assert page.status == 200, name
        assert page.shows(banner), name
        assert page.shows(warning), name
        assert not page.shows(say(texts.FLAG_TEXT["detained"])), name


def test_detention_is_shown_with_its_own_words(visitor, say):
    walk_to_reasons(visitor, removal="none", detained="yes")
    page = Seen(visitor.get("question/reasons"))
    assert page.shows(say(texts.FLAG_TEXT["detained"]))
    assert not page.shows(say(texts.FLAG_TEXT["last_minute_procedure"]))
    visitor.answer("question/reasons", {"answer": ["political"]})
    add_fact(visitor, 0, "country_change", concerns="everyone")
    finish(visitor)
    for path in ("review", "result", "checklist?lawyer=en"):
        page = Seen(visitor.get(path))
        assert page.shows(say(texts.FLAG_TEXT["detained"])), path


# === 7. Back links ==========================================================================

def expected_way_back(flight_booked):
    """From the review back to the start, page by page, in reverse flow order."""
    names = [step for step in flow.STEPS if step.name not in flow.PAGE_OF]
    pages = [("list/" if isinstance(step, flow.ListStep) else "question/") + step.name
             for step in reversed(names)]
    return pages + [""]


@pytest.mark.parametrize("flight_booked", [True, False], ids=["flight-booked", "no-flight"])
def test_pressing_back_from_the_review_passes_every_question_in_reverse(
        visitor, say, flight_booked):
    walk_everything(visitor, removal="flight_booked" if flight_booked else "none")

    page = Seen(visitor.get("review"))
    visited = []
    while page.back():
        assert page.link(say("Back")) == page.back()
        visited.append(page.back())
        page = Seen(visitor.get(page.back()))
        assert page.status == 200, visited[-1]
    assert visited == [visitor.url(p) for p in expected_way_back(flight_booked)]


@pytest.mark.parametrize("list_name", ["facts", "documents"])
def test_pressing_back_inside_a_fact_or_document_goes_to_the_question_before(
        visitor, list_name):
    walk_everything(visitor)
    # walk_everything's fact concerns a group; its note is on its last page.
    fields = {"facts": ["kind", "new_since_decision", "concerns", "you_belong"],
              "documents": ["kind", "fact", "language", "translation", "form", "received"],
              }[list_name]
    for before, field in zip([None] + fields, fields):
        page = Seen(visitor.get(f"list/{list_name}/0/{field}"))
        expected = f"list/{list_name}/0/{before}" if before else f"list/{list_name}"
        assert page.back() == visitor.url(expected), field


def test_the_result_and_the_checklist_go_back_the_way_the_person_came(visitor):
    walk_everything(visitor)
    assert Seen(visitor.get("result")).back() == visitor.url("review")
    assert Seen(visitor.get("checklist?lawyer=nl")).back() == visitor.url("result")
    # While changing an answer, Back returns to the review.
    assert Seen(visitor.get("question/detained?change=1")).back() == visitor.url("review")


def test_urgency_is_in_full_where_it_first_becomes_known_and_one_line_elsewhere(visitor, say):
    walk_to_reasons(visitor, removal="flight_booked", days=3)
    warning = say(texts.FLAG_TEXT["last_minute_procedure"])

    def banner(page):
        full = page.first("div", "urgency")
        compact = page.first("details", "urgency-compact")
        return ("full" if full else "") + ("compact" if compact else "")
    # The page right after the urgency questions: in full.
    assert banner(Seen(visitor.get("question/applying_for"))) == "full"
    # Later questions: one line, which still holds the words when opened.
    reasons = Seen(visitor.get("question/reasons"))
    assert banner(reasons) == "compact" and reasons.shows(warning)
    visitor.answer("question/reasons", {"answer": ["political"]})
    add_fact(visitor, 0, "country_change", concerns="everyone")
    finish(visitor)
    assert banner(Seen(visitor.get("review"))) == "compact"
    for path in ("result", "checklist?lawyer=nl"):
        page = Seen(visitor.get(path))
        assert "full" in banner(page) and page.shows(warning), path
