"""The rules: assess(answers) -> result, as in DESIGN.md §3 "The rules in one place".

The result is one outcome, four tests and a list of flags:
    {"outcome": "...",
     "tests": {"new_facts": "...", "relevance": "...", "translation": "...", "originals": "..."},
     "flags": ["..."]}
Each test is pass, attention (unsure, or the lawyer must judge), fail or
not_applicable. The rules never predict the IND's decision: they say what the
IND checks and what is missing. Pure Python: no Flask, no I/O.
"""
import datetime

from . import vocabulary as v
from .answers import normalise
from .vocabulary import values

# The EU Asylum Procedures Regulation (Regulation (EU) 2024/1348) applies since
# 12 June 2026: facts that could have been told earlier may be set aside unless
# they significantly increase the chance of protection (DESIGN.md §2, warnings).
EU_RULES_IN_FORCE_SINCE = datetime.date(2026, 6, 12)

OUTCOMES = values(v.OUTCOMES)  # in order of precedence: the first match wins
TESTS = values(v.TESTS)
TEST_STATES = values(v.TEST_STATES)

# Every flag, in the order DESIGN.md §3 lists them; assess() keeps this order.
FLAGS = (
    "urgent_removal",
    "last_minute_procedure",
    "detained",
    "lawyer_declined",
    "no_lawyer",
    "lawyer_not_asked",
    "explain_late_disclosure",
    "appeal_unsure",
    "previous_outcome_unsure",
    "protection_elsewhere_unsure",
    "previous_withdrawn_by_you",
    "later_repeat_application",
    "later_repeat_unsure",
    "dublin_report_ter_apel",
    "no_documents",
    "children_included",
    "unaccompanied_minor",
    "returned_home",
)

# The reasons to leave the wizard early, in the order they are checked; each
# ends on the outcome not_this_route. A running appeal is not one of them:
# that person still gets the urgency questions and a checklist for the
# lawyer of the appeal (DESIGN.md §2 block 1).
ROUTE_EXITS = (
    "not_in_netherlands",
    "no_earlier_application",
    "still_pending",
    "granted",
    "dublin",
    "protection_elsewhere",
    "ukraine_protection",
)

# Seed 004: within 8 days of a booked departure the last-minute (LMA) procedure applies.
LAST_MINUTE_DAYS = 8

# Seed 000: the IND reads Dutch, English, German and French.
READABLE_LANGUAGES = v.READABLE_LANGUAGES

_SEVERITY = {"pass": 0, "attention": 1, "fail": 2}


def assess(answers):
    """DESIGN.md §2 "The result": the outcome, the four tests and the flags for these answers."""
    answers = normalise(answers)
    facts, documents = answers["facts"], answers["documents"]
    tests = {
        "new_facts": new_facts(facts),
        "relevance": relevance(facts),
        "translation": translation(documents),
        "originals": originals(facts, documents),
    }
    return {"outcome": outcome(answers, tests), "tests": tests, "flags": flags(answers)}


# --- the four tests ----------------------------------------------------------

def new_facts(facts):
    """Seed 000: only reapply when something is new since the final decision."""
    if not facts:
        return "fail"
    # What was known but not told may count (seed 000), but the lawyer must
    # judge it: since EU_RULES_IN_FORCE_SINCE it may be set aside.
    if any(is_surely_new(fact) for fact in facts):
        return "pass"
    return "attention"


def is_new(fact):
    """Seed 002: new information "that you did not provide during your previous
    asylum procedure"; the person says whether it came after the decision."""
    return fact["new_since_decision"] == "yes"


def relevance(facts):
    """Seed 000: "the new facts and circumstances must also be relevant": one and
    the same fact must be new and relevant; the best fact counts."""
    if not facts:
        return "not_applicable"
    states = {fact_relevance(fact) for fact in facts}
    for state in ("pass", "attention"):
        if state in states:
            return state
    return "fail"


def fact_relevance(fact):
    """One fact: pass when it is relevant and surely new; attention when it is
    relevant but not surely new, or its relevance is unsure; fail when not relevant.

    Whether it is enough is the lawyer's judgement: since EU_RULES_IN_FORCE_SINCE
    the EU test is whether it significantly increases the chance of protection.
    """
    relevant = is_relevant(fact)
    if relevant == "no":
        return "fail"
    if relevant == "yes" and is_surely_new(fact):
        return "pass"
    return "attention"


def is_surely_new(fact):
    """New since the decision, and not something known before but not told (seed 000)."""
    return is_new(fact) and fact["kind"] != "undisclosed_information"


def is_relevant(fact):
    """Seed 000: a job in the Netherlands is new but not relevant; danger for journalists only matters to a journalist.

    Returns "yes", "no" or "unsure" (the values of vocabulary.YES_NO_UNSURE).
    A change in the family goes through "whom does it concern" like any fact.
    """
    if fact["kind"] == "life_in_netherlands":
        return "no"
    concerns = fact["concerns"]
    if concerns in ("you_personally", "everyone"):
        return "yes"
    if concerns == "group":
        # Not answered yet is unsure, not "no".
        return fact.get("you_belong") or "unsure"
    return "unsure"  # concerns not answered yet


def translation(documents):
    """Seed 000: documents in Dutch, English, German or French, or translated
    (research, IND "Translation and legalisation": by a sworn translator, or legalised abroad)."""
    if not documents:
        return "not_applicable"
    return worst(translation_state(document) for document in documents)


def translation_state(document):
    """DESIGN §2 block 7: readable, sworn or legalised passes; a friend's translation needs the lawyer."""
    if document["language"] in READABLE_LANGUAGES:
        return "pass"
    made = document["translation"]
    if made in ("sworn", "legalised_abroad"):
        return "pass"
    if made == "none" and document["language"] == "other":
        return "fail"
    return "attention"  # not_sworn, or not answered yet


def originals(facts, documents):
    """Seed 000: copies and photographs are not accepted as evidence; news is not a
    personal document (DESIGN.md §2 block 8), so it is not checked."""
    states = [original_state(document) for document in documents if not is_exempt(document)]
    result = worst(states) if states else "not_applicable"
    if new_documents_without_document(facts, documents) and result in ("not_applicable", "pass"):
        # A new document was named but not described: the lawyer must see it.
        return "attention"
    return result


def is_exempt(document):
    """DESIGN §2 block 8: public reports and news about the country are not personal
    documents, so the originals test (seed 000: copies cannot be checked) is not for them."""
    return document["kind"] == "news_or_report"


def original_state(document):
    """Seed 000: the IND accepts originals only, because copies cannot be checked."""
    form = document["form"]
    if form == "original":
        return "pass"
    if form == "digital" and document["received"] == "digital":
        # Born digital (a threat by WhatsApp or e-mail) has no paper original:
        # the lawyer decides how to hand it in.
        return "attention"
    if form in ("copy", "photo", "digital"):
        return "fail"
    return "attention"  # original_coming, or not answered yet


def new_documents_without_document(facts, documents):
    """DESIGN §3: the indexes of new_document facts that no document points to."""
    supported = {document["fact"] for document in documents}
    return [
        index
        for index, fact in enumerate(facts)
        if fact["kind"] == "new_document" and index not in supported
    ]


def worst(states):
    """The worst of some test states: fail, then attention, then pass."""
    return max(states, key=_SEVERITY.__getitem__)


# --- the outcome -------------------------------------------------------------

def outcome(answers, tests):
    """DESIGN §2 "The result": outcome precedence, the first match wins."""
    if _route_exit(answers) is not None:
        return "not_this_route"
    if appeal_running(answers):
        return "appeal_pending"
    if tests["new_facts"] == "fail":
        return "no_new_facts"
    if tests["relevance"] == "fail":
        return "not_relevant"
    if any(state in ("attention", "fail") for state in tests.values()):
        return "needs_preparation"
    return "ready_for_lawyer"


def route_exit(answers):
    """Seed 001 / DESIGN §2 block 1: the first reason to stop early (one of ROUTE_EXITS), or None.

    Works on partial answers: a question not answered yet never ends the route.
    """
    return _route_exit(normalise(answers))


def _route_exit(answers):
    previous = answers["previous_outcome"]
    checks = (
        # Seed 001: you are in the Netherlands and applied here before.
        ("not_in_netherlands", answers["in_netherlands"] == "no"),
        ("no_earlier_application", answers["applied_before_nl"] == "no"),
        # Seed 004: a subsequent application follows a final decision.
        ("still_pending", previous == "pending"),
        ("granted", previous == "granted"),
        # Seed 002: after a Dublin claim the Dutch procedure does not apply
        # (research, IND page: Ter Apel without the form only on conditions).
        ("dublin", previous == "dublin_not_examined"),
        # Seeds 002, 004: protection in another European country (a ground of
        # inadmissibility this check does not cover); Ukraine has its own rules.
        ("protection_elsewhere", answers["protection_elsewhere"] == "yes"),
        ("ukraine_protection", answers["ukraine_temporary_protection"] == "yes"),
    )
    return next((name for name, applies in checks if applies), None)


def appeal_running(answers):
    """Seed 002: a repeat application comes after all legal remedies; while an
    appeal runs (or may still be lodged) new information goes to its lawyer first."""
    return answers["appeal"] in ("pending", "deadline_open")


# --- the flags ---------------------------------------------------------------

def flags(answers):
    """DESIGN §2/§3: what must be said whatever the outcome, in the order of FLAGS."""
    raised = {
        "urgent_removal": answers["removal"] in ("planned_no_date", "flight_booked"),
        "last_minute_procedure": is_last_minute(answers),
        "detained": answers["detained"] == "yes",
        # Seed 000: another lawyer may have to be paid, and the costs can be substantial.
        "lawyer_declined": answers["lawyer"] == "previous_declined",
        "no_lawyer": answers["lawyer"] == "no_lawyer",
        "lawyer_not_asked": answers["lawyer"] == "not_asked",
        "explain_late_disclosure": any(
            fact["kind"] == "undisclosed_information" or not is_new(fact)
            for fact in answers["facts"]
        ),
        "appeal_unsure": answers["appeal"] == "unsure",
        "previous_outcome_unsure": answers["previous_outcome"] == "unsure",
        "protection_elsewhere_unsure": answers["protection_elsewhere"] == "unsure",
        "previous_withdrawn_by_you": answers["previous_outcome"] == "withdrawn_by_you",
        # Seed 004: after repeatedly incomplete applications the time to complete
        # may be only 4 hours (research, DT&V: after earlier repeat applications).
        "later_repeat_application": answers["earlier_repeat_applications"] == "one_or_more",
        "later_repeat_unsure": answers["earlier_repeat_applications"] == "unsure",
        "dublin_report_ter_apel": answers["previous_outcome"] == "dublin_not_examined",
        "no_documents": bool(answers["facts"]) and not answers["documents"],
        # Seed 002: each child's own reasons must be told; Nidos is the guardian
        # of a person under 18 alone (seed 004: the decision goes to Nidos too).
        "children_included": answers["applying_for"] == "with_children",
        "unaccompanied_minor": answers["applying_for"] == "minor_alone",
        # Research (IND page): went back and can prove it: tell the lawyer, bring the proof.
        "returned_home": answers["returned_home"] == "yes",
    }
    return [name for name in FLAGS if raised[name]]


def is_last_minute(answers):
    """Seed 004: the LMA procedure, a booked flight within 8 days; only a complete application stops it."""
    days = answers["departure_in_days"]
    return answers["removal"] == "flight_booked" and days is not None and days <= LAST_MINUTE_DAYS
