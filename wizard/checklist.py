"""What the person and the lawyer read: the result in words, and the checklist.

Pure Python: everything is built from the answers and the result as
`Text` values (an English message id plus parameters) that the templates
translate, once for the person and once for the lawyer. Sources: seeds
000–004 (see the Sources page) and DESIGN.md §2.
"""
import datetime
from collections import namedtuple

from wizard import texts
from wizard import vocabulary as v
from wizard.messages import N_, Text
from wizard.rules import EU_RULES_IN_FORCE_SINCE
from wizard.sources import LEGAL_CONTENT_CHECKED

# After this long without a check of the legal content, the result and the
# checklist say it may be out of date.
LEGAL_CONTENT_FRESH_DAYS = 183


def choice_text(choices, value):
    return Text(v.label(choices, value)) if value is not None else Text(N_("Not answered"))


def format_date(day):
    """Dates in Latin digits, day-month-year, as on Dutch papers (DESIGN.md §6)."""
    return day.strftime("%d-%m-%Y")


def urgency(result):
    """The urgent flags, most urgent first: shown on top of every later page."""
    flags = set(result["flags"])
    if "last_minute_procedure" in flags:
        flags.discard("urgent_removal")  # the booked flight says it already
    return [Text(texts.FLAG_TEXT[flag]) for flag in texts.URGENT_FLAGS if flag in flags]


def warnings(answers, result):
    """The warnings of DESIGN.md §2 that apply to this person."""
    outcome = result["outcome"]
    found = [Text(texts.NOT_LEGAL_ADVICE)]
    # A detained person cannot travel: their lawyer arranges how to apply.
    if outcome not in ("not_this_route", "appeal_pending") and "detained" not in result["flags"]:
        found.append(Text(texts.DO_NOT_TRAVEL))
    if outcome in ("no_new_facts", "not_relevant") or result["tests"]["new_facts"] != "pass":
        found.append(Text(texts.ONE_DAY_REVIEW))
    if answers.get("documents"):
        found.append(Text(texts.KEEP_COPIES))
    if "explain_late_disclosure" in result["flags"]:
        found.append(Text(texts.EU_RULES, date=format_date(EU_RULES_IN_FORCE_SINCE)))
    return found


def outcome_details(answers, result):
    """What follows the outcome's own text: for "ready", what was and was not named."""
    if result["outcome"] != "ready_for_lawyer":
        return []
    if not answers.get("documents"):
        return [Text(texts.READY_WITHOUT_DOCUMENTS)]
    details = []
    if result["tests"]["translation"] == "pass":
        details.append(Text(texts.READY_READABLE))
    if result["tests"]["originals"] == "pass":
        details.append(Text(texts.READY_ORIGINALS))
    return details


def after_lodging(result):
    """The steps after the application is handed in; none while an appeal runs."""
    if result["outcome"] in ("not_this_route", "appeal_pending"):
        return []
    where = texts.LODGE_FROM_DETENTION if "detained" in result["flags"] else texts.LODGE_IN_TER_APEL
    return [Text(texts.LODGE_FORM), Text(where)] + [Text(m) for m in texts.AFTER_LODGING]


def legal_dates(today):
    """When the legal content was checked, and whether that is long ago."""
    lines = [Text(texts.CHECKED_ON, date=format_date(LEGAL_CONTENT_CHECKED))]
    if (today - LEGAL_CONTENT_CHECKED).days > LEGAL_CONTENT_FRESH_DAYS:
        lines.append(Text(texts.OUT_OF_DATE))
    return lines


def exit_flags(reason, result):
    """The flags an exit page shows: not the urgent ones (the banner has them), and
    not the Dublin one on the Dublin page, whose own text says it."""
    return [Text(texts.FLAG_TEXT[flag]) for flag in result["flags"]
            if flag in texts.FLAG_TEXT and flag not in texts.URGENT_FLAGS
            and not (reason == "dublin" and flag == "dublin_report_ter_apel")]


def other_flags(result):
    """Flags that are not urgent, in words."""
    return [Text(texts.FLAG_TEXT[flag]) for flag in result["flags"]
            if flag in texts.FLAG_TEXT and flag not in texts.URGENT_FLAGS]


def test_rows(result):
    return [(Text(test.label), Text(v.label(v.TEST_STATES, result["tests"][test.value])),
             result["tests"][test.value],
             Text(texts.TEST_TEXT[(test.value, result["tests"][test.value])]))
            for test in v.TESTS]


def fact_kind_text(facts, index, documents=()):
    """What a fact is: its kind, and for "I have new documents" the document it
    names ("New document: a membership card"), so the lawyer reads what it is."""
    fact = facts[index]
    if fact.get("kind") == "new_document":
        for document in documents:
            if document.get("fact") == index and document.get("kind"):
                return Text(N_("New document: %(document)s"),
                            document=choice_text(v.DOCUMENT_KINDS, document["kind"]))
    return choice_text(v.FACT_KINDS, fact.get("kind"))


def fact_title(facts, index, documents=()):
    if index is None or not 0 <= index < len(facts):
        return Text(N_("None of them, or not sure"))
    return Text(N_("Fact %(number)s: %(kind)s"), number=index + 1,
                kind=fact_kind_text(facts, index, documents))


def item_summary(list_name, item):
    """The key answers of one fact or document, for its list page and its card
    ("Only a photo", "No, there is no translation"). `item`: flow.item_view."""
    prefix = "document_" if list_name == "facts" else ""
    lines = []
    if list_name == "facts":
        if item.get("kind") == "new_document" and item.get("document_kind"):
            lines.append(Text(N_("New document: %(document)s"),
                              document=choice_text(v.DOCUMENT_KINDS, item["document_kind"])))
        else:
            lines.append(choice_text(v.FACT_KINDS, item.get("kind")))
        if item.get("concerns"):
            lines.append(concerns_text(item))
    else:
        lines.append(choice_text(v.DOCUMENT_KINDS, item.get("kind")))
    if item.get(prefix + "language"):
        translation = v.settled_translation(item.get(prefix + "language"),
                                            item.get(prefix + "translation"))
        lines.append(choice_text(v.TRANSLATIONS, translation) if translation
                     else choice_text(v.DOCUMENT_LANGUAGES, item[prefix + "language"]))
    if item.get(prefix + "form"):
        lines.append(choice_text(v.DOCUMENT_FORMS, item[prefix + "form"]))
    return lines


def concerns_text(fact):
    if fact.get("kind") == "life_in_netherlands":
        return Text(N_("Life in the Netherlands (for example a job): new, but not relevant for asylum"))
    if fact.get("concerns") == "group":
        return Text(N_("%(group)s. You belong to it: %(answer)s"),
                    group=choice_text(v.GROUPS, fact.get("group")),
                    answer=choice_text(v.YES_NO_UNSURE, fact.get("you_belong")))
    return choice_text(v.CONCERNS, fact.get("concerns"))


FactRow = namedtuple("FactRow", "number kind new_since concerns note")
DocumentRow = namedtuple("DocumentRow", "number kind fact language translation form received note")


def fact_rows(answers):
    facts = answers.get("facts") or []
    documents = answers.get("documents") or []
    return [FactRow(number, fact_kind_text(facts, number - 1, documents),
                    choice_text(v.NEW_SINCE_DECISION, fact.get("new_since_decision")),
                    concerns_text(fact), fact.get("note") or "")
            for number, fact in enumerate(facts, start=1)]


def document_rows(answers):
    facts = answers.get("facts") or []
    rows = []
    for number, document in enumerate(answers.get("documents") or [], start=1):
        rows.append(DocumentRow(
            number,
            choice_text(v.DOCUMENT_KINDS, document.get("kind")),
            fact_title(facts, document.get("fact"), answers.get("documents") or []),
            choice_text(v.DOCUMENT_LANGUAGES, document.get("language")),
            choice_text(v.TRANSLATIONS, document.get("translation")),
            choice_text(v.DOCUMENT_FORMS, document.get("form")),
            choice_text(v.RECEIVED, document.get("received")),
            document.get("note") or "",
        ))
    return rows


def to_do(answers, result):
    """The concrete things to do before the application, in a useful order."""
    items = []
    flags = set(result["flags"])
    facts = answers.get("facts") or []
    documents = answers.get("documents") or []
    if result["outcome"] == "appeal_pending":
        items.append(Text(N_("Talk to the lawyer in your court case (appeal) first.")))
    if "lawyer_not_asked" in flags:
        items.append(Text(N_("Ask the lawyer of your last application whether they will help you.")))
    if "lawyer_declined" in flags:
        items.append(Text(N_("Find another lawyer, and ask about the costs first.")))
    if "no_lawyer" in flags and "detained" in flags:
        items.append(Text(N_("Ask today for the lawyer in your detention case.")))
    elif "no_lawyer" in flags:
        items.append(Text(N_("Find a lawyer. The Legal Aid Board (Raad voor Rechtsbijstand) can help.")))
    if "children_included" in flags:
        items.append(Text(N_("Tell your lawyer about each child and each child's own reasons.")))
    if "returned_home" in flags:
        items.append(Text(N_("Bring the proof that you went back to your country, for example "
                             "your passport with its stamps.")))
    for number, document in enumerate(documents, start=1):
        kind = choice_text(v.DOCUMENT_KINDS, document.get("kind"))
        translation = document.get("translation")
        if document.get("language") == "other" and translation in ("none", "not_sworn", None):
            items.append(Text(N_("Get a sworn translation of document %(number)s (%(kind)s)."),
                              number=number, kind=kind))
        form = document.get("form")
        if form == "digital" and document.get("received") == "digital":
            # A message that was born digital has no paper original.
            items.append(Text(N_("Keep document %(number)s (%(kind)s) on your phone or computer, "
                                 "and ask your lawyer how to hand it in."),
                              number=number, kind=kind))
        elif document.get("kind") != "news_or_report" and form in ("copy", "photo", "digital"):
            items.append(Text(N_("Try to get the original of document %(number)s (%(kind)s)."),
                              number=number, kind=kind))
        elif form == "original_coming":
            items.append(Text(N_("Bring the original of document %(number)s (%(kind)s) when it arrives."),
                              number=number, kind=kind))
        if document.get("received") in ("post", "courier"):
            items.append(Text(N_("Keep the envelope or courier receipt of document %(number)s."),
                              number=number))
    supported = {d.get("fact") for d in documents}
    for index, fact in enumerate(facts):
        kind = choice_text(v.FACT_KINDS, fact.get("kind"))
        if fact.get("kind") == "new_document" and index not in supported:
            items.append(Text(N_("Add the documents for fact %(number)s (%(kind)s), or tell your "
                                 "lawyer why you do not have them."), number=index + 1, kind=kind))
        if fact.get("kind") == "undisclosed_information" or fact.get("new_since_decision") != "yes":
            items.append(Text(N_("Explain to your lawyer why you did not tell fact %(number)s "
                                 "(%(kind)s) earlier."), number=index + 1, kind=kind))
        if fact.get("concerns") == "group" and fact.get("you_belong") == "unsure":
            items.append(Text(N_("Ask your lawyer whether you belong to the group in fact %(number)s."),
                              number=index + 1))
    if result["outcome"] in ("no_new_facts", "not_relevant"):
        items.append(Text(N_("Talk to a lawyer or VluchtelingenWerk Nederland about what else you can do.")))
    return items


def flight_date(answers, made_on):
    """How soon the booked flight is, as a number of days and a date (the person
    gave the days; the lawyer needs the date), or None."""
    days = answers.get("departure_in_days")
    if answers.get("removal") != "flight_booked" or days is None:
        return None
    return Text(texts.FLIGHT_DATE, days=days, date=format_date(made_on + datetime.timedelta(days=days)))


def before_the_flight(items, answers, made_on):
    """With a booked flight and its day known, each thing to do carries that
    deadline: only a complete application stops the departure (seed 004)."""
    days = answers.get("departure_in_days")
    if answers.get("removal") != "flight_booked" or days is None:
        return items
    day = format_date(made_on + datetime.timedelta(days=days))
    return [Text(texts.BEFORE_THE_FLIGHT, date=day, task=item) for item in items]


Checklist = namedtuple(
    "Checklist",
    "made_on flight for_whom outcome outcome_text outcome_details urgency tests facts documents to_do "
    "warnings flags fill_in bring after_lodging procedure_dates legal_dates",
)


def build(answers, result, made_on=None, tables=True):
    """The whole checklist for the lawyer, from the answers and the result.
    `tables=False`: without the rows of the facts and documents tables,
    which the result page does not show (making them was 3 % of it)."""
    made_on = made_on or datetime.date.today()
    lodging = after_lodging(result)
    return Checklist(
        made_on=format_date(made_on),
        flight=flight_date(answers, made_on),
        for_whom=Text(texts.FOR_APPEAL_LAWYER) if result["outcome"] == "appeal_pending" else None,
        outcome=Text(v.label(v.OUTCOMES, result["outcome"])),
        outcome_text=Text(texts.OUTCOME_TEXT[result["outcome"]]),
        outcome_details=outcome_details(answers, result),
        urgency=urgency(result),
        tests=test_rows(result),
        facts=fact_rows(answers) if tables else [],
        documents=document_rows(answers) if tables else [],
        to_do=before_the_flight(to_do(answers, result), answers, made_on),
        warnings=warnings(answers, result),
        flags=other_flags(result),
        fill_in=[Text(m) for m in texts.FILL_IN_BY_PEN],
        bring=[Text(m) for m in texts.WHAT_TO_BRING],
        after_lodging=lodging,
        procedure_dates=Text(texts.PROCEDURE_DATES, date=format_date(EU_RULES_IN_FORCE_SINCE))
        if lodging else None,
        legal_dates=legal_dates(made_on),
    )
