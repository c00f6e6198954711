"""The people the legal review was about, walked through the pages in English
and Dutch (issue "Legally right").

Each story checks what that person reads. Where the English words matter, a
literal English sentence is checked too, written here and not taken from
the program's tables, so a wrong text in wizard/checklist.py fails.
"""
import datetime

import pytest

from tests.pages import Seen, norm, path_of
from tests.walkers import add_document, add_fact, finish, follow, walk_to_facts, walk_to_reasons
from wizard import checklist, texts
from wizard import sources


def english_only(visitor, page, *sentences):
    """Literal English sentences, checked on English pages only."""
    if visitor.lang == "en":
        for sentence in sentences:
            assert page.shows(sentence), sentence


def pages_of_the_end(visitor):
    return {path: Seen(visitor.get(path))
            for path in ("review", "result", "checklist?lawyer=nl", "checklist?lawyer=en")}


# --- a detained person is never sent to Ter Apel ----------------------------

def test_a_detained_person_is_never_told_to_travel_to_or_apply_at_ter_apel(visitor, say):
    walk_to_facts(visitor, removal="planned_no_date", detained="yes")
    add_fact(visitor, 0, "personal_situation", note="Converted")
    add_document(visitor, 0, "other", language="en", form="original", received="person")
    finish(visitor, lawyer="no_lawyer")

    for path, page in pages_of_the_end(visitor).items():
        assert page.status == 200, path
        # Not a word about Ter Apel: no "do not travel before…", no "hand it in at Ter Apel".
        assert "Ter Apel" not in page.text, path
        assert page.shows(say(texts.FLAG_TEXT["detained"])), path
    checklist = Seen(visitor.get("checklist?lawyer=nl"))
    assert checklist.shows(say(texts.LODGE_FROM_DETENTION))
    # No lawyer yet: the lawyer of the detention case, today.
    assert checklist.shows(say("Ask today for the lawyer in your detention case."))
    english_only(visitor, checklist,
                 "the lawyer in your detention case arranges how your application is made")


# --- an appeal still running: urgency, and a checklist for that lawyer ---------------

def test_with_an_appeal_running_and_a_flight_in_three_days_the_person_gets_urgency_and_a_checklist(
        visitor, say):
    walk_to_reasons(visitor, appeal="pending", removal="flight_booked", days=3)
    banner = say("Urgent: contact your lawyer today")
    last_minute = say(texts.FLAG_TEXT["last_minute_procedure"])
    reasons_page = Seen(visitor.get("question/reasons"))
    assert reasons_page.shows(banner) and reasons_page.shows(last_minute)
    visitor.answer("question/reasons", {"answer": ["political"]})
    add_fact(visitor, 0, "country_change", concerns="everyone", note="Army took power")
    finish(visitor, lawyer=None)  # the lawyer of the last application is not asked

    result = Seen(visitor.get("result"))
    assert result.first("h1").text == norm(say("Your appeal comes first"))
    english_only(visitor, result, "Bring this checklist to that lawyer before you do anything else.")
    checklist = Seen(visitor.get("checklist?lawyer=nl"))
    assert checklist.status == 200
    assert checklist.shows(banner) and checklist.shows(last_minute)
    assert checklist.shows("Army took power")
    # Its first line: for the lawyer of the appeal; nothing about lodging a new application.
    first = checklist.first("p", "for-whom")
    assert first is not None and say("Bring this checklist to the lawyer of your court case (appeal).") in first.text
    assert not checklist.shows(say("What happens after you apply"))
    assert not checklist.shows(say(texts.LODGE_IN_TER_APEL))
    english_only(visitor, checklist, "Bring this checklist to the lawyer of your court case (appeal).")


def test_the_appeal_question_names_the_council_of_state(visitor, say):
    visitor.start()
    visitor.answer("question/in_netherlands", {"answer": "yes"})
    visitor.answer("question/applied_before_nl", {"answer": "yes", "previous_outcome": "rejected"})
    page = Seen(visitor.get("question/appeal"))
    assert page.shows("Raad van State")
    english_only(visitor, page, "No. There is no court case any more, also not at the Council of State (Raad van State)")


# --- a change in the family is asked whom it concerns ---------------------------------

def test_a_daughter_born_here_at_risk_of_fgm_counts_as_new_and_relevant(visitor, say):
    walk_to_reasons(visitor, applying_for="with_children")
    visitor.answer("question/reasons", {"answer": ["gender"]})
    visitor.answer("list/facts", {"add": "yes"})
    visitor.answer("list/facts/0/kind", {"answer": "family_change"})
    visitor.answer("list/facts/0/new_since_decision", {"answer": "yes"})
    # The person is asked whom it concerns, as for any fact.
    assert path_of(visitor.location()) == visitor.url("list/facts/0/concerns")
    visitor.answer("list/facts/0/concerns", {"answer": "group", "group": "gender"})
    visitor.answer("list/facts/0/you_belong", {"answer": "yes", "note": "Daughter born in May"})
    add_document(visitor, 0, "identity", language="nl", received="post")
    finish(visitor)

    result = Seen(visitor.get("result"))
    assert result.first("h1").text == norm(say("Ready to talk to your lawyer"))
    assert result.shows(say(texts.FLAG_TEXT["children_included"]))
    english_only(visitor, result, "Children of 15 and older get their own decision.")
    checklist = Seen(visitor.get("checklist?lawyer=nl"))
    assert checklist.shows(say("My family changed"))
    assert checklist.shows("Daughter born in May")


# --- Dublin: the IND's condition, and "talk to your lawyer first" ------------------------

def test_the_dublin_page_gives_the_inds_condition_not_an_instruction(visitor, say):
    visitor.start()
    visitor.answer("question/in_netherlands", {"answer": "yes"})
    visitor.answer("question/applied_before_nl",
                   {"answer": "yes", "previous_outcome": "dublin_not_examined"})
    assert path_of(visitor.location()) == visitor.url("exit")
    page = Seen(follow(visitor))
    assert page.first("h1").text == norm(say("Your case goes another way (Dublin)"))
    english_only(visitor, page,
                 "report at Ter Apel without the repeat application form only if the Netherlands "
                 "is now responsible for your application, or if you went back or were sent to "
                 "the other country",
                 "Talk to your lawyer before you go anywhere.")
    # Said once, not twice (the flag would repeat it).
    assert page.text.count(norm(say(texts.FLAG_TEXT["dublin_report_ter_apel"]))) == 0
    assert "report at Ter Apel, without the repeat application form." not in page.text


def test_protection_elsewhere_is_not_covered_but_not_ruled_out(visitor, say):
    visitor.start()
    for name, data in [("in_netherlands", {"answer": "yes"}),
                       ("applied_before_nl", {"answer": "yes", "previous_outcome": "rejected"}),
                       ("appeal", {"answer": "none_or_finished"}),
                       ("earlier_repeat_applications", {"answer": "none"}),
                       ("circumstances", {"answer": ["protection_elsewhere:yes"]})]:
        visitor.answer(f"question/{name}", data)
    page = Seen(follow(visitor))
    assert page.first("h1").text == norm(
        say("This check does not cover protection in another European country"))
    english_only(visitor, page, "New facts about that protection can still matter")


# --- under 18 alone; went back home --------------------------------------------------

def test_a_person_under_18_alone_hears_about_nidos(visitor, say):
    walk_to_reasons(visitor, applying_for="minor_alone")
    visitor.answer("question/reasons", {"answer": ["ethnicity_nationality"]})
    add_fact(visitor, 0, "country_change", concerns="group", group="ethnicity_nationality",
             belong="yes")
    finish(visitor, lawyer="no_lawyer")
    for path, page in pages_of_the_end(visitor).items():
        if path == "review":
            continue
        assert page.shows(say(texts.FLAG_TEXT["unaccompanied_minor"])), path
        assert "Nidos" in page.text, path
    # No lawyer at all: the Legal Aid Board, not a previous lawyer's costs.
    result = Seen(visitor.get("result"))
    assert result.shows(say(texts.FLAG_TEXT["no_lawyer"]))
    assert not result.shows(say(texts.FLAG_TEXT["lawyer_declined"]))
    english_only(visitor, result, "Legal Aid Board")
    if visitor.lang == "en":
        assert "The costs can be high" not in result.text


def test_going_back_home_is_asked_and_told_to_the_lawyer(visitor, say):
    walk_to_reasons(visitor, returned_home="yes")
    visitor.answer("question/reasons", {"answer": ["war_violence"]})
    add_fact(visitor, 0, "country_change", concerns="everyone")
    finish(visitor)
    review = Seen(visitor.get("review"))
    assert review.review_answer(
        say("Since the rejection, did you go back to your own country, and can you prove it?")) \
        == norm(say("Yes"))
    checklist = Seen(visitor.get("checklist?lawyer=nl"))
    assert checklist.shows(say(texts.FLAG_TEXT["returned_home"]))
    english_only(visitor, checklist, "bring the proof, for example the stamps in your passport")


# --- "Ready" never claims originals nobody named ------------------------------------------

def test_ready_without_documents_says_none_were_named(visitor, say):
    walk_to_facts(visitor)
    add_fact(visitor, 0, "country_change", concerns="everyone")
    finish(visitor)
    result = Seen(visitor.get("result"))
    assert result.first("h1").text == norm(say("Ready to talk to your lawyer"))
    assert result.shows(say(texts.READY_WITHOUT_DOCUMENTS))
    assert not result.shows(say(texts.READY_ORIGINALS))
    english_only(visitor, result, "Your lawyer will tell you which proof is needed.")
    if visitor.lang == "en":
        assert "you have the originals" not in result.text.lower()


def test_a_new_job_and_an_old_party_card_are_not_ready(visitor, say):
    walk_to_facts(visitor)
    add_fact(visitor, 0, "life_in_netherlands", note="Job in a bakery")
    add_fact(visitor, 1, "new_document", new="no", note="Party card")
    visitor.answer("list/facts", {"add": "no"})
    add_document(visitor, 0, "membership", fact="1", language="nl", received="self")
    finish(visitor)
    result = Seen(visitor.get("result"))
    assert result.first("h1").text != norm(say("Ready to talk to your lawyer"))
    assert result.shows(say(texts.TEST_TEXT[("relevance", "attention")]))
    english_only(visitor, result, "One and the same fact must be new and concern you.")


# --- honest dates ----------------------------------------------------------------------

def test_the_sources_page_says_the_procedure_facts_predate_the_eu_rules(visitor, say):
    page = Seen(visitor.get("sources"))
    checked = sources.LEGAL_CONTENT_CHECKED.strftime("%d-%m-%Y")
    assert page.shows(say(texts.CHECKED_ON, date=checked))
    assert page.shows(say(texts.PROCEDURE_DATES, date="12-06-2026"))
    english_only(visitor, page, "They describe the procedure before 12-06-2026.",
                 "Your lawyer knows the current rules.")
    if visitor.lang == "en":
        assert "follows the rules as they apply" not in page.text


def test_the_checklist_says_when_its_legal_content_was_checked_and_when_it_is_old(
        visitor, say, monkeypatch):
    walk_to_facts(visitor)
    add_fact(visitor, 0, "country_change", concerns="everyone")
    finish(visitor)
    checked = sources.LEGAL_CONTENT_CHECKED.strftime("%d-%m-%Y")
    checklist = Seen(visitor.get("checklist?lawyer=nl"))
    assert checklist.shows(say(texts.CHECKED_ON, date=checked))
    assert checklist.shows(say(texts.PROCEDURE_DATES, date="12-06-2026"))
    # The provisional measure is there, in plain words.
    assert checklist.shows("voorlopige voorziening")
    assert not checklist.shows(say(texts.OUT_OF_DATE))

    # Seven months later the same checklist says it may be out of date.
    later = sources.LEGAL_CONTENT_CHECKED + datetime.timedelta(days=214)

    class Later(datetime.date):
        @classmethod
        def today(cls):
            return later
    monkeypatch.setattr(datetime, "date", Later)
    for path in ("result", "checklist?lawyer=nl"):
        assert Seen(visitor.get(path)).shows(say(texts.OUT_OF_DATE)), path


@pytest.mark.parametrize("lang", ["nl"])
def test_the_dutch_for_the_lawyer_uses_the_terms_practitioners_use(app, lang):
    from tests.pages import words_in
    assert "vast" in words_in(app, "nl", "Are you in detention now?")
    assert "vreemdelingenbewaring" != words_in(app, "nl", "Are you in detention now?")
    assert "eendagstoets" in words_in(app, "nl", texts.ONE_DAY_REVIEW)
    assert "niet-ontvankelijk" in words_in(app, "nl", texts.ONE_DAY_REVIEW)
    assert "buiten behandeling" in words_in(app, "nl", texts.AFTER_LODGING[1])
    assert "Asielprocedureverordening" in words_in(app, "nl", texts.PROCEDURE_DATES, date="12-06-2026")
    assert "voorlopige voorziening" in words_in(app, "nl", texts.AFTER_LODGING[-1])
