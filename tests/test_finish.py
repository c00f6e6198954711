"""The end of the check, as a person sees it: every outcome and exit page, the
checklist for the lawyer, and "Check your answers" (wizard/views/finish.py).
Every story runs in English and in Dutch (the `visitor` and `say` fixtures).
"""
import base64
import datetime
import re

import pytest

from tests.pages import Seen, fact_title, label, link_in, norm, path_of, words_in
from tests.walkers import (ROUTE_OK, Person, add_document, add_fact, change_through, finish,
                           route_pages,
                           follow, walk_everything, walk_to_facts, walk_to_reasons)
from wizard import checklist, texts
from wizard import flow, languages
from wizard import vocabulary as v
from wizard.sources import SOURCES



# === 1. Every outcome, reached through the pages ==================================

EXITS = [
    # (why the route ends, the one answer that ends it; earlier answers as in ROUTE_OK)
    ("not_in_netherlands", "in_netherlands", "no"),
    ("no_earlier_application", "applied_before_nl", "no"),
    ("still_pending", "previous_outcome", "pending"),
    ("granted", "previous_outcome", "granted"),
    ("dublin", "previous_outcome", "dublin_not_examined"),
    ("protection_elsewhere", "protection_elsewhere", "yes"),
    ("ukraine_protection", "ukraine_temporary_protection", "yes"),
]


# What each exit page says, written here and not taken from wizard/texts.py,
# so two swapped texts fail (the English page; the Dutch follows the catalog).
EXIT_WORDS = {
    "not_in_netherlands": ("This check is for people who are in the Netherlands",
                           "can only be made by someone who is in the Netherlands"),
    "no_earlier_application": ("You can apply for asylum for the first time",
                               "If you have not, you make a first application."),
    "still_pending": ("Wait for the decision on your application",
                      "The IND has not decided on your application yet."),
    "granted": ("You already have an asylum permit",
                "If you got a letter that your permit may be taken away, talk to your lawyer."),
    "dublin": ("Your case goes another way (Dublin)",
               "only if the Netherlands is now responsible for your application"),
    "protection_elsewhere": ("This check does not cover protection in another European country",
                             "New facts about that protection can still matter"),
    "ukraine_protection": ("Other rules apply to refugees from Ukraine",
                           "Temporary protection for refugees from Ukraine has its own rules"),
}


@pytest.mark.parametrize("reason, question, value", EXITS,
                         ids=[f"{q}={a}" for _, q, a in EXITS])
def test_a_person_for_whom_this_route_is_not_meant_lands_on_a_page_that_says_what_to_do(
        visitor, say, reason, question, value):
    visitor.start()
    pages = route_pages({question: value})
    for name, data in pages:
        visitor.answer(f"question/{name}", data)
        if name == flow.PAGE_OF.get(question, question):
            break
        assert path_of(visitor.location()) != visitor.url("exit"), name

    # The answer that ends the route sends the person to the exit page ...
    assert path_of(visitor.location()) == visitor.url("exit")
    page = Seen(follow(visitor))
    assert page.status == 200
    title, explanation = texts.EXIT_TEXT[reason]
    assert page.first("h1").text == norm(say(title))
    if visitor.lang == "en":
        heading, words = EXIT_WORDS[reason]
        assert page.first("h1").text == heading
        assert page.shows(words), words
    assert page.title.startswith(norm(say(title)))
    assert page.shows(say(explanation))
    if reason != "protection_elsewhere":  # its title says "this check does not cover it"
        assert page.shows(say(label(v.OUTCOMES, "not_this_route")))
    # ... with who can help, and a way back to the answer that led there.
    assert page.shows(say("Who can help"))
    for line in texts.WHO_CAN_HELP:
        assert page.shows(say(line))
    assert page.shows(say(texts.NOT_LEGAL_ADVICE))
    assert page.link(say("Change your answer")) == visitor.url(
        f"question/{flow.PAGE_OF.get(question, question)}")

    # The result and the review cannot be reached past it.
    for elsewhere in ("review", "result", "checklist"):
        visitor.get(elsewhere)
        assert path_of(visitor.location()) == visitor.url("exit"), elsewhere


def story_no_new_facts(person):
    walk_to_facts(person)
    finish(person)  # "Is there anything new?" No.


def story_only_a_job_here(person):
    walk_to_facts(person)
    add_fact(person, 0, "life_in_netherlands", note="Job in a bakery")
    finish(person)


def story_document_without_translation(person):
    walk_to_facts(person)
    add_fact(person, 0, "new_document", document={
        "kind": "court_or_arrest_document", "language": "other", "translation": "none"})
    finish(person)


def story_only_a_photo(person):
    walk_to_facts(person)
    add_fact(person, 0, "new_document", document={
        "kind": "police_report", "language": "en", "form": "photo"})
    finish(person)


def story_original_in_english(person):
    walk_to_facts(person)
    add_fact(person, 0, "new_document", document={
        "kind": "membership", "language": "en", "form": "original"})
    finish(person)


OUTCOME_STORIES = [
    # (story, outcome, what the review shows of the answers, a line of the result)
    (story_no_new_facts, "no_new_facts",
     [("Is there anything new since the IND's last decision?", "No")],
     texts.TEST_TEXT[("new_facts", "fail")]),
    (story_only_a_job_here, "not_relevant",
     [("What is new?", label(v.FACT_KINDS, "life_in_netherlands"))],
     texts.TEST_TEXT[("relevance", "fail")]),
    (story_document_without_translation, "needs_preparation",
     [("What document is it?", label(v.DOCUMENT_KINDS, "court_or_arrest_document")),
      ("Is there a translation of this document?", label(v.TRANSLATIONS, "none"))],
     texts.TEST_TEXT[("translation", "fail")]),
    (story_only_a_photo, "needs_preparation",
     [("Do you have the original document?", label(v.DOCUMENT_FORMS, "photo"))],
     texts.TEST_TEXT[("originals", "fail")]),
    (story_original_in_english, "ready_for_lawyer",
     [("What document is it?", label(v.DOCUMENT_KINDS, "membership")),
      ("In which language is the document written?", label(v.DOCUMENT_LANGUAGES, "en"))],
     texts.TEST_TEXT[("originals", "pass")]),
]


# The result's heading per outcome, written here (not from wizard/vocabulary.py).
OUTCOME_HEADINGS = {
    "no_new_facts": "You did not name anything new",
    "not_relevant": "What is new does not seem to concern your own reasons",
    "needs_preparation": "Something must be done before you can apply",
    "ready_for_lawyer": "Ready to talk to your lawyer",
}


@pytest.mark.parametrize("story, outcome, answers, explanation", OUTCOME_STORIES,
                         ids=[s[0].__name__.replace("story_", "") for s in OUTCOME_STORIES])
def test_a_person_who_answers_everything_reviews_the_answers_and_sees_the_outcome(
        visitor, say, story, outcome, answers, explanation):
    story(visitor)

    review = Seen(visitor.get("review"))
    assert review.status == 200
    assert review.first("h1").text == norm(say("Check your answers"))
    # The route answers, the reason and the lawyer are all there ...
    assert review.review_answer(
        say("How did your last asylum application in the Netherlands end?")) == norm(
        say(label(v.PREVIOUS_OUTCOME, "rejected")))
    assert review.review_answer(say("Why are you afraid to go back now?")) == norm(
        say(label(v.REASONS, "political")))
    assert review.review_answer(
        say("Have you asked the lawyer of your last asylum application for help?")) == norm(
        say(label(v.LAWYER, "previous_will_help")))
    # ... and so are the facts and documents of this story.
    for question, answer in answers:
        shown = [value for key, value, _ in review.review_rows() if key.endswith(norm(say(question)))]
        assert norm(say(answer)) in shown, (question, shown)

    result = Seen(visitor.get(review.link(say("See the result"))))
    assert result.status == 200
    assert result.first("h1").text == norm(say(label(v.OUTCOMES, outcome)))
    if visitor.lang == "en":
        assert result.first("h1").text == OUTCOME_HEADINGS[outcome]
    assert result.shows(say(texts.OUTCOME_TEXT[outcome]))
    assert result.shows(say(explanation))


# === 2. The checklist for the lawyer ================================================

@pytest.mark.parametrize("lawyer", ["nl", "en"])
def test_the_checklist_shows_every_line_in_the_persons_and_the_lawyers_language(
        app, visitor, say, lawyer):
    story_document_without_translation(visitor)
    both = [visitor.lang] if lawyer == visitor.lang else [visitor.lang, lawyer]

    sheet = Seen(visitor.get(f"checklist?lawyer={lawyer}"))
    assert sheet.status == 200

    for language in both:
        def words(msgid, **params):
            return words_in(app, language, msgid, **params)
        document_kind = words(label(v.DOCUMENT_KINDS, "court_or_arrest_document"))
        lines = [
            words(label(v.OUTCOMES, "needs_preparation")),
            words(texts.OUTCOME_TEXT["needs_preparation"]),
            # the document table: what it is, which fact it shows, its language
            document_kind,
            # a fact "I have new documents" is named by its document
            words("Fact %(number)s: %(kind)s", number=1,
                  kind=words("New document: %(document)s", document=document_kind)),
            words(label(v.DOCUMENT_LANGUAGES, "other")),
            words(label(v.TRANSLATIONS, "none")),
            # the to-do list
            words("Get a sworn translation of document %(number)s (%(kind)s).",
                  number=1, kind=document_kind),
            words("Keep the envelope or courier receipt of document %(number)s.", number=1),
            words(texts.NOT_LEGAL_ADVICE),
        ] + [words(line) for line in texts.FILL_IN_BY_PEN]
        for line in lines:
            assert sheet.shows(line), (language, line)

    # The sources are quoted as published, in English.
    for source in SOURCES:
        assert sheet.shows(source.title)

    # One line per thing: twice only when the lawyer reads another language.
    for line in [label(v.OUTCOMES, "needs_preparation"), *texts.FILL_IN_BY_PEN,
                 "Keep the envelope or courier receipt of document %(number)s."]:
        params = {"number": 1} if "%(number)s" in line else {}
        for language in both:
            assert sheet.lines(words_in(app, language, line, **params)) == 1, (language, line)
    if lawyer == visitor.lang:
        other = "en" if lawyer == "nl" else "nl"
        assert not sheet.shows(words_in(app, other, label(v.OUTCOMES, "needs_preparation")))


@pytest.mark.parametrize("person_lang, lawyer", [("ar", "nl"), ("ti", "en"), ("nl", "en")])
def test_the_checklist_says_when_and_in_which_languages_in_a_whole_line_each(
        app, client, person_lang, lawyer):
    """Date and languages once in each language, as one line: a right-to-left
    line with Dutch words mixed in reads jumbled to both readers."""
    person = Person(client, person_lang)
    story_document_without_translation(person)
    sheet = Seen(person.get(f"checklist?lawyer={lawyer}"))
    made_on = checklist.format_date(datetime.date.today())
    names = f"{languages.get(person_lang).name} / {languages.get(lawyer).name}"
    for language in (person_lang, lawyer):
        line = (f"{words_in(app, language, 'Made on')}: {made_on} · "
                f"{words_in(app, language, 'Languages')}: {names}")
        assert sheet.lines(line) == 1, (language, line)
    lawyer_line = [element for element in sheet.all("p", "line-lawyer")
                   if element.text.startswith(words_in(app, lawyer, "Made on"))]
    assert [element.attrs.get("lang") for element in lawyer_line] == [lawyer]


# === 10. The review page ======================================================================

def test_every_review_row_has_a_change_link_that_comes_back(visitor, say):
    walk_everything(visitor)
    review = Seen(visitor.get("review"))
    rows = review.review_rows()
    assert len(rows) >= len([s for s in flow.STEPS if getattr(s, "kind", None) != "checks"])
    for key, _value, change in rows:
        assert change and change.endswith("change=1"), key
    for row in review.all("div", "summary-row"):
        links = row.find_all("a")
        assert not links or links[0].text.startswith(norm(say("Change"))), row.text

    # Each fact and document is one card, with one Change and one Remove.
    cards = review.all("div", "summary-card")
    assert [card.find_all("h3")[0].text for card in cards] == [
        norm(say("Fact %(number)s", number=1)), norm(say("Document %(number)s", number=1))]
    for card in cards:
        actions = [a.text for a in card.find_all("ul", "summary-card-actions")[0].find_all("a")]
        assert [a.split(" ")[0] for a in actions] == [norm(say("Change")).split(" ")[0],
                                                        norm(say("Remove")).split(" ")[0]]
    fact = say("Fact %(number)s", number=1) + ": "
    by_key = {key: change for key, _, change in rows}
    assert by_key[norm(fact + say("Which group does it concern?"))] == visitor.url(
        "list/facts/0/kind?change=1")

    # Change walks the fact's pages, each showing its answer (the group under
    # its choice); saving them unchanged comes back to the same review.
    page = Seen(visitor.get(by_key[norm(fact + say("Which group does it concern?"))]))
    assert page.status == 200
    passed = change_through(visitor, visitor.url("list/facts/0/kind?change=1"), {})
    assert passed == ["kind", "new_since_decision", "concerns", "you_belong"]
    assert path_of(visitor.location()) == visitor.url("review")
    group_page = Seen(visitor.get("list/facts/0/concerns?change=1"))
    chosen = [i.attrs["value"] for i in group_page.all("input") if "checked" in i.attrs]
    assert chosen == ["group", "religion"]
    assert [r[:2] for r in Seen(visitor.get("review")).review_rows()] == [r[:2] for r in rows]


def test_the_checklist_says_how_many_days_until_the_flight_and_its_date(visitor, say):
    walk_to_facts(visitor, removal="flight_booked", days=3)
    add_fact(visitor, 0, "country_change", concerns="everyone")
    finish(visitor)
    day = checklist.format_date(datetime.date.today() + datetime.timedelta(days=3))
    for path in ("result", "checklist?lawyer=nl"):
        page = Seen(visitor.get(path))
        assert page.shows(say(texts.FLIGHT_DATE, days=3, date=day)), path
        if visitor.lang == "en":
            assert page.shows(f"Days until the flight: 3. The date of the flight: {day}."), path
