"""The questions of the wizard, in order, as data (pure Python).

A question is one `Step`; a list of facts or documents is a `ListStep`
whose items are asked through their own `Step`s. wizard/flow.py walks
them (which page comes next), the forms are made from them, and the
review page is built from them. Nothing here knows of Flask.
"""
from collections import namedtuple

from wizard import vocabulary as v
from wizard.messages import N_, Text

# kind: radio | checkboxes | number | text | fact_choice | checks
# applies(answers_or_item, answers) -> bool decides whether the question is asked.
# follow_up: (choice value, Step): a question asked on the same page, under
#   that choice (GOV.UK's conditional reveal; without JavaScript it shows always).
# with_previous: asked on the page of the question before it (an item's note).
# on_page: the name of the `checks` page that asks this yes/no question
#   ("Does any of this apply to you?"), instead of a page of its own.
Step = namedtuple(
    "Step",
    "name section question kind choices hint error applies optional follow_up with_previous "
    "on_page",
    defaults=(None, None, None, None, False, None, False, None),
)


class ListStep(namedtuple(
        "ListStep",
        "name section question hint empty_question item_steps limit add_error "
        "another_question item_label applies", defaults=(None,))):
    """An "add another" list (facts, documents): its items are asked through
    `item_steps`; the first of them, the kind, names an item in the list
    (checklist.item_summary says it in words)."""


# A page the person can be sent to. kind: start | question | list | item |
# remove | review | exit | result
Page = namedtuple("Page", "kind name index field", defaults=(None, None, None))

SECTIONS = (
    ("route", N_("Is this route for you?")),
    ("urgency", N_("How urgent is it?")),
    ("reasons", N_("Your reasons")),
    ("facts", N_("What is new")),
    ("documents", N_("Your documents")),
    ("lawyer", N_("Your lawyer")),
)


def progress(section):
    """Where a page is, as the person reads it: "Part 2 of 6: How urgent is it?"."""
    names = [name for name, _title in SECTIONS]
    return Text(N_("Part %(number)s of %(total)s: %(section)s"), number=names.index(section) + 1,
                total=len(SECTIONS), section=Text(dict(SECTIONS)[section]))


def _flight_booked(answers, _answers):
    return answers.get("removal") == "flight_booked"


def _applied_before(answers, _answers):
    return answers.get("applied_before_nl") == "yes"


def _concerns_group(fact, _answers):
    return fact.get("concerns") == "group"


def _can_concern_someone(fact, _answers):
    # Seed 000: a job in the Netherlands is new but not relevant; the rules
    # treat all of life here that way (DESIGN.md §3), so we do not ask whom it concerns.
    return fact.get("kind") != "life_in_netherlands"


def _no_appeal_running(answers, _answers):
    # While an appeal runs, its lawyer comes first (seed 002): the question about
    # the lawyer of the last application does not fit.
    return answers.get("appeal") not in ("pending", "deadline_open")


def _is_new_document(fact, _answers):
    return fact.get("kind") == "new_document"


def _document_needs_translation_question(fact, _answers):
    return _is_new_document(fact, _answers) and fact.get("document_language") == "other"


def _needs_translation_question(document, _answers):
    return document.get("language") == "other"


def _other_facts(_document, answers):
    return any(fact.get("kind") != "new_document" for fact in answers.get("facts") or [])


def _other_documents_asked(answers, _answers):
    # "I have new documents" asks its document inside the fact; this list is
    # for documents that show the other facts (and keeps any already added).
    return _other_facts(None, answers) or bool(other_documents(answers))


# The questions about one document: asked inside a fact "I have new documents"
# (stored in that fact's own document, see `linked_document`) and in the list
# of other documents.
_DOCUMENT_KIND = dict(
    question=N_("What document is it?"), kind="radio", choices=v.DOCUMENT_KINDS,
    error=N_("Select what kind of document it is"))
_DOCUMENT_LANGUAGE = dict(
    question=N_("In which language is the document written?"), kind="radio",
    choices=v.DOCUMENT_LANGUAGES, hint=N_("The IND reads Dutch, English, German and French."),
    error=N_("Select the language of the document"))
_DOCUMENT_TRANSLATION = dict(
    question=N_("Is there a translation of this document?"), kind="radio",
    choices=v.TRANSLATIONS_ASKED,
    hint=N_("A document in another language needs a translation by a sworn translator "
            "(beëdigd vertaler), or a legalised translation made abroad."),
    error=N_("Select whether there is a translation"))
_DOCUMENT_FORM = dict(
    question=N_("Do you have the original document?"), kind="radio", choices=v.DOCUMENT_FORMS,
    hint=N_("The IND accepts originals only. It cannot check if a copy or a photo is real."),
    error=N_("Select whether you have the original"))
_DOCUMENT_RECEIVED = dict(
    question=N_("How did the document reach you?"), kind="radio", choices=v.RECEIVED,
    hint=N_("Your lawyer will ask. Keep envelopes and courier receipts."),
    error=N_("Select how the document reached you"))

def _with_follow_ups(*steps):
    """The steps, each follow-up question in its place after its parent."""
    for step in steps:
        yield step
        if getattr(step, "follow_up", None):
            yield step.follow_up[1]


# Stored in the fact's own document (answers["documents"]), without this prefix.
DOCUMENT_PREFIX = "document_"

FACT_STEPS = tuple(_with_follow_ups(
    Step("kind", "facts", N_("What is new?"), "radio", v.FACT_KINDS,
         hint=N_("Choose the one that fits best. You can add more afterwards."),
         error=N_("Select what is new")),
    Step("new_since_decision", "facts",
         N_("Did this happen, or did you get it, after the IND's last decision?"), "radio",
         v.NEW_SINCE_DECISION,
         hint=N_("The IND looks at what it did not know before. Something you knew but did not "
                 "tell the IND may also count: your lawyer will ask why you did not tell it."),
         error=N_("Select whether this is new since the last decision")),
    Step("concerns", "facts", N_("Whom does it concern?"), "radio", v.CONCERNS,
         hint=N_("For example: a war concerns everyone. Danger for journalists concerns a group."),
         error=N_("Select whom it concerns"), applies=_can_concern_someone,
         follow_up=("group", Step("group", "facts", N_("Which group does it concern?"), "radio",
                                  v.GROUPS, error=N_("Select the group"),
                                  applies=_concerns_group))),
    Step("you_belong", "facts", N_("Do you belong to this group?"), "radio", v.YES_NO_UNSURE,
         hint=N_("If it is more dangerous for journalists but you are not a journalist, it does not concern you."),
         error=N_("Select whether you belong to this group"), applies=_concerns_group),
    Step("document_kind", "facts", applies=_is_new_document, **_DOCUMENT_KIND),
    Step("document_language", "facts", applies=_is_new_document, **_DOCUMENT_LANGUAGE),
    Step("document_translation", "facts", applies=_document_needs_translation_question,
         **_DOCUMENT_TRANSLATION),
    Step("document_form", "facts", applies=_is_new_document, **_DOCUMENT_FORM),
    Step("document_received", "facts", applies=_is_new_document, **_DOCUMENT_RECEIVED),
    Step("note", "facts", N_("A short note for your lawyer (optional)"), "text",
         hint=N_("For example: party card, arrived in March. Do not write your name or V-number."),
         optional=True, with_previous=True),
))

DOCUMENT_STEPS = (
    Step("kind", "documents", **_DOCUMENT_KIND),
    Step("fact", "documents", N_("Which new fact does this document show?"), "fact_choice",
         error=N_("Select which new fact the document shows"), applies=_other_facts),
    Step("language", "documents", **_DOCUMENT_LANGUAGE),
    Step("translation", "documents", applies=_needs_translation_question, **_DOCUMENT_TRANSLATION),
    Step("form", "documents", **_DOCUMENT_FORM),
    Step("received", "documents", **_DOCUMENT_RECEIVED),
    Step("note", "documents", N_("A short note for your lawyer (optional)"), "text",
         hint=N_("For example: summons from the court in Asmara. Do not write your name or V-number."),
         optional=True, with_previous=True),
)

STEPS = tuple(_with_follow_ups(
    Step("in_netherlands", "route", N_("Are you in the Netherlands now?"), "radio", v.YES_NO,
         error=N_("Select yes if you are in the Netherlands now")),
    Step("applied_before_nl", "route", N_("Have you applied for asylum in the Netherlands before?"),
         "radio", v.YES_NO,
         error=N_("Select yes if you applied for asylum in the Netherlands before"),
         follow_up=("yes", Step(
             "previous_outcome", "route",
             N_("How did your last asylum application in the Netherlands end?"),
             "radio", v.PREVIOUS_OUTCOME,
             hint=N_("Look at the last letter (decision) you got from the IND."),
             error=N_("Select how your last application ended"), applies=_applied_before))),
    Step("appeal", "route", N_("Is a court case (appeal) about that decision still running?"),
         "radio", v.APPEAL,
         hint=N_("After a rejection you can often appeal to a court within a short time, and "
                 "after the court to the Council of State (Raad van State). Your lawyer knows."),
         error=N_("Select whether an appeal is still running")),
    Step("earlier_repeat_applications", "route",
         N_("Have you made a repeat application in the Netherlands before?"),
         "radio", v.EARLIER_REPEAT_APPLICATIONS,
         error=N_("Select whether you made a repeat application before")),
    # Three questions that are rarely "yes", on one page.
    Step("circumstances", "route", N_("Does any of this apply to you?"), "checks",
         v.CIRCUMSTANCES, hint=N_("Select all that apply."),
         error=N_("Select what applies to you, or select “None of these”")),
    Step("protection_elsewhere", "route", N_("Do you have protection (asylum) in another EU country?"),
         "radio", v.YES_NO_UNSURE, on_page="circumstances"),
    Step("ukraine_temporary_protection", "route",
         N_("Do you have temporary protection in the Netherlands as a refugee from Ukraine?"),
         "radio", v.YES_NO, on_page="circumstances"),
    Step("returned_home", "route",
         N_("Since the rejection, did you go back to your own country, and can you prove it?"),
         "radio", v.YES_NO, on_page="circumstances"),
    Step("removal", "urgency", N_("Does the Dutch government plan to send you back?"),
         "radio", v.REMOVAL,
         hint=N_("For example you got a letter about your departure, or a flight is booked for you."),
         error=N_("Select whether the government plans to send you back"),
         follow_up=("flight_booked", Step(
             "departure_in_days", "urgency", N_("In how many days is the flight?"), "number",
             hint=N_("Count the days from today. Write 0 if it is today. Leave it empty if you do not know."),
             error=N_("Write the number of days, for example 5"), applies=_flight_booked,
             optional=True))),
    Step("detained", "urgency", N_("Are you in detention now?"), "radio", v.YES_NO,
         hint=N_("Any kind of detention: for example a detention centre, a police cell, at the "
                 "border or in prison."),
         error=N_("Select yes if you are in detention now")),
    Step("applying_for", "reasons", N_("Who is this application for?"), "radio", v.APPLYING_FOR,
         hint=N_("If your children apply with you, each child's own reasons count too."),
         error=N_("Select who the application is for")),
    Step("reasons", "reasons", N_("Why are you afraid to go back now?"), "checkboxes", v.REASONS,
         hint=N_("Select all that apply. New reasons that came up after the decision count too."),
         error=N_("Select at least one reason")),
    ListStep("facts", "facts", N_("What is new since the IND's last decision?"),
             N_("For example new documents, a war in your country, or something you did not tell the IND before."),
             N_("Is there anything new since the IND's last decision?"),
             FACT_STEPS, v.MAX_FACTS, N_("Select yes if you want to add something new"),
             N_("Is there anything else new?"), N_("Fact %(number)s")),
    ListStep("documents", "documents", N_("Your other documents"),
             N_("Add each document that shows one of the other new things. The lawyer will ask about each one."),
             N_("Do you have documents that show the other new things?"),
             DOCUMENT_STEPS, v.MAX_DOCUMENTS, N_("Select yes if you want to add a document"),
             N_("Do you have another document?"), N_("Document %(number)s"),
             applies=_other_documents_asked),
    Step("lawyer", "lawyer", N_("Have you asked the lawyer of your last asylum application for help?"),
         "radio", v.LAWYER,
         hint=N_("Always talk to a lawyer before you apply again."),
         error=N_("Select an answer about your lawyer"), applies=_no_appeal_running),
))


STEPS_BY_NAME = {step.name: step for step in STEPS}
LISTS = {step.name: step for step in STEPS if isinstance(step, ListStep)}


def _shown_on_other_pages(steps):
    """Questions asked on another question's page: {name: that page's name}."""
    pages = {}
    for step in steps:
        if getattr(step, "follow_up", None):
            pages[step.follow_up[1].name] = step.name
        if getattr(step, "on_page", None):
            pages[step.name] = step.on_page
    return pages


# Top-level questions without a page of their own, and where they are asked.
PAGE_OF = _shown_on_other_pages(STEPS)
ITEM_FOLLOW_UPS = {name: _shown_on_other_pages(step.item_steps) for name, step in LISTS.items()}


# -- Facts and their documents ------------------------------------------------

def linked_document(answers, fact_index):
    """The index of the document asked inside fact `fact_index` when that fact is
    "I have new documents" (the first document that shows it), else None."""
    facts = answers.get("facts") or []
    if not 0 <= fact_index < len(facts) or facts[fact_index].get("kind") != "new_document":
        return None
    for index, document in enumerate(answers.get("documents") or []):
        if document.get("fact") == fact_index:
            return index
    return None


def other_documents(answers):
    """(index, document) of the documents not asked inside a fact."""
    linked = {linked_document(answers, i) for i in range(len(answers.get("facts") or []))}
    return [(index, document) for index, document in enumerate(answers.get("documents") or [])
            if index not in linked]
