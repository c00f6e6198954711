"""The pages of the wizard, in order, and which one comes next (pure Python).

The flow is data: a question is one `Step`; a list of facts or documents
is a `ListStep` whose items are asked through their own `Step`s. One
generic view walks it, the review page is built from it, and the forms
are made from it. Nothing here knows of Flask.
"""
from collections import namedtuple

from wizard import vocabulary as v
from wizard.rules import route_exit
from wizard.messages import N_, Text

# kind: radio | checkboxes | number | text | fact_choice
# applies(answers_or_item, answers) -> bool decides whether the page is asked.
Step = namedtuple(
    "Step",
    "name section question kind choices hint error applies optional",
    defaults=(None, None, None, None, False),
)


class ListStep(namedtuple(
        "ListStep",
        "name section question hint empty_question item_steps limit add_error "
        "another_question item_label")):
    """An "add another" list (facts, documents): its items are asked through
    `item_steps`; the first of them, the kind, names an item in the list."""

    def item_kind_label(self, item):
        """The message id naming one item (its kind), or None when not answered."""
        kind = self.item_steps[0]
        return v.label(kind.choices, item.get(kind.name)) if item.get(kind.name) else None


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


def _there_are_facts(_document, answers):
    return bool(answers.get("facts"))


def _needs_translation_question(document, _answers):
    return document.get("language") == "other"


FACT_STEPS = (
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
         error=N_("Select whom it concerns"), applies=_can_concern_someone),
    Step("group", "facts", N_("Which group does it concern?"), "radio", v.GROUPS,
         error=N_("Select the group"), applies=_concerns_group),
    Step("you_belong", "facts", N_("Do you belong to this group?"), "radio", v.YES_NO_UNSURE,
         hint=N_("If it is more dangerous for journalists but you are not a journalist, it does not concern you."),
         error=N_("Select whether you belong to this group"), applies=_concerns_group),
    Step("note", "facts", N_("A short note for your lawyer (optional)"), "text",
         hint=N_("For example: party card, arrived in March. Do not write your name or V-number."),
         optional=True),
)

DOCUMENT_STEPS = (
    Step("kind", "documents", N_("What document is it?"), "radio", v.DOCUMENT_KINDS,
         error=N_("Select what kind of document it is")),
    Step("fact", "documents", N_("Which new fact does this document show?"), "fact_choice",
         error=N_("Select which new fact the document shows"), applies=_there_are_facts),
    Step("language", "documents", N_("In which language is the document written?"), "radio",
         v.DOCUMENT_LANGUAGES,
         hint=N_("The IND reads Dutch, English, German and French."),
         error=N_("Select the language of the document")),
    Step("translation", "documents", N_("Is there a translation of this document?"), "radio",
         v.TRANSLATIONS_ASKED,
         hint=N_("A document in another language needs a translation by a sworn translator "
                 "(beëdigd vertaler), or a legalised translation made abroad."),
         error=N_("Select whether there is a translation"), applies=_needs_translation_question),
    Step("form", "documents", N_("Do you have the original document?"), "radio", v.DOCUMENT_FORMS,
         hint=N_("The IND accepts originals only. It cannot check if a copy or a photo is real."),
         error=N_("Select whether you have the original")),
    Step("received", "documents", N_("How did the document reach you?"), "radio", v.RECEIVED,
         hint=N_("Your lawyer will ask. Keep envelopes and courier receipts."),
         error=N_("Select how the document reached you")),
    Step("note", "documents", N_("A short note for your lawyer (optional)"), "text",
         hint=N_("For example: summons from the court in Asmara. Do not write your name or V-number."),
         optional=True),
)

STEPS = (
    Step("in_netherlands", "route", N_("Are you in the Netherlands now?"), "radio", v.YES_NO,
         error=N_("Select yes if you are in the Netherlands now")),
    Step("applied_before_nl", "route", N_("Have you applied for asylum in the Netherlands before?"),
         "radio", v.YES_NO,
         error=N_("Select yes if you applied for asylum in the Netherlands before")),
    Step("previous_outcome", "route", N_("How did your last asylum application in the Netherlands end?"),
         "radio", v.PREVIOUS_OUTCOME,
         hint=N_("Look at the last letter (decision) you got from the IND."),
         error=N_("Select how your last application ended")),
    Step("appeal", "route", N_("Is a court case (appeal) about that decision still running?"),
         "radio", v.APPEAL,
         hint=N_("After a rejection you can often appeal to a court within a short time, and "
                 "after the court to the Council of State (Raad van State). Your lawyer knows."),
         error=N_("Select whether an appeal is still running")),
    Step("earlier_repeat_applications", "route",
         N_("Have you made a repeat application in the Netherlands before?"),
         "radio", v.EARLIER_REPEAT_APPLICATIONS,
         error=N_("Select whether you made a repeat application before")),
    Step("protection_elsewhere", "route", N_("Do you have protection (asylum) in another EU country?"),
         "radio", v.YES_NO_UNSURE,
         error=N_("Select whether you have protection in another EU country")),
    Step("ukraine_temporary_protection", "route",
         N_("Do you have temporary protection in the Netherlands as a refugee from Ukraine?"),
         "radio", v.YES_NO,
         error=N_("Select whether you have temporary protection as a refugee from Ukraine")),
    Step("returned_home", "route",
         N_("Since the rejection, did you go back to your own country, and can you prove it?"),
         "radio", v.YES_NO,
         hint=N_("For example with stamps in your passport. Your lawyer needs to know."),
         error=N_("Select yes if you went back to your country and can prove it")),
    Step("removal", "urgency", N_("Does the Dutch government plan to send you back?"),
         "radio", v.REMOVAL,
         hint=N_("For example you got a letter about your departure, or a flight is booked for you."),
         error=N_("Select whether the government plans to send you back")),
    Step("departure_in_days", "urgency", N_("In how many days is the flight?"), "number",
         hint=N_("Count the days from today. Write 0 if it is today. Leave it empty if you do not know."),
         error=N_("Write the number of days, for example 5"), applies=_flight_booked, optional=True),
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
    ListStep("documents", "documents", N_("Your documents"),
             N_("Add each document that shows what is new. The lawyer will ask about each one."),
             N_("Do you have documents that show what is new?"),
             DOCUMENT_STEPS, v.MAX_DOCUMENTS, N_("Select yes if you want to add a document"),
             N_("Do you have another document?"), N_("Document %(number)s")),
    Step("lawyer", "lawyer", N_("Have you asked the lawyer of your last asylum application for help?"),
         "radio", v.LAWYER,
         hint=N_("Always talk to a lawyer before you apply again."),
         error=N_("Select an answer about your lawyer"), applies=_no_appeal_running),
)

STEPS_BY_NAME = {step.name: step for step in STEPS}
LISTS = {step.name: step for step in STEPS if isinstance(step, ListStep)}


def item_step(list_name, field):
    for step in LISTS[list_name].item_steps:
        if step.name == field:
            return step
    raise KeyError(field)


def applies(step, answers, item=None):
    condition = getattr(step, "applies", None)
    if condition is None:
        return True
    return condition(item if item is not None else answers, answers)


def is_answered(step, container):
    # "None of them" is a real answer to which fact a document shows (None).
    if step.optional or step.kind == "fact_choice":
        return step.name in container
    value = container.get(step.name)
    return value not in (None, "", [])


def applicable_item_steps(list_name, item, answers):
    return [s for s in LISTS[list_name].item_steps if applies(s, answers, item)]


def missing_item_field(list_name, item, answers):
    """The first field of an item that still needs an answer, or None."""
    for step in applicable_item_steps(list_name, item, answers):
        if not is_answered(step, item):
            return step.name
    return None


def applicable_steps(answers):
    return [step for step in STEPS if applies(step, answers)]


def first_missing_page(answers, confirmed_lists):
    """The first page still to answer, in flow order; None when all is done."""
    if route_exit(answers):
        return Page("exit")
    for step in applicable_steps(answers):
        if isinstance(step, ListStep):
            for index, item in enumerate(answers.get(step.name) or []):
                field = missing_item_field(step.name, item, answers)
                if field:
                    return Page("item", step.name, index, field)
            if step.name not in confirmed_lists:
                return Page("list", step.name)
        elif not is_answered(step, answers):
            return Page("question", step.name)
    return None


def page_for_step(step):
    return Page("list" if isinstance(step, ListStep) else "question", step.name)


def next_page(answers, confirmed_lists, current, changing=False):
    """Where to go after the person answered `current`.

    Going forward it is the next page in order; when changing an answer
    from the review it is the first page still unanswered, else the review.
    """
    if route_exit(answers):
        return Page("exit")
    if current.kind == "item":
        items = answers.get(current.name) or []
        item = items[current.index] if current.index < len(items) else {}
        if changing:
            field = missing_item_field(current.name, item, answers)
        else:
            later = applicable_item_steps(current.name, item, answers)
            names = [s.name for s in later]
            after = names[names.index(current.field) + 1:] if current.field in names else []
            field = after[0] if after else None
        if field:
            return Page("item", current.name, current.index, field)
        return Page("review") if changing else Page("list", current.name)
    if changing:
        return first_missing_page(answers, confirmed_lists) or Page("review")
    steps = applicable_steps(answers)
    names = [s.name for s in steps]
    position = names.index(current.name) if current.name in names else -1
    for step in steps[position + 1:]:
        return page_for_step(step)
    return first_missing_page(answers, confirmed_lists) or Page("review")


def previous_page(answers, current):
    """The page the Back link goes to (no JavaScript needed)."""
    if current.kind == "item":
        items = answers.get(current.name) or []
        item = items[current.index] if current.index < len(items) else {}
        names = [s.name for s in applicable_item_steps(current.name, item, answers)]
        if current.field in names and names.index(current.field) > 0:
            return Page("item", current.name, current.index, names[names.index(current.field) - 1])
        return Page("list", current.name)
    if current.kind == "exit":
        # Back from an exit page goes to the question that led there.
        partial = {}
        for step in applicable_steps(answers):
            partial[step.name] = answers.get(step.name)
            if route_exit(partial):
                return page_for_step(step)
        return Page("start")
    if current.kind == "review":
        return page_for_step(applicable_steps(answers)[-1])
    steps = applicable_steps(answers)
    names = [s.name for s in steps]
    if current.name in names and names.index(current.name) > 0:
        return page_for_step(steps[names.index(current.name) - 1])
    return Page("start")


def prune(answers):
    """Drop answers on branches that no longer apply; keep everything else.

    Changing one answer must never lose the others (DESIGN.md §4).
    """
    for step in STEPS:
        if isinstance(step, ListStep):
            for item in answers.get(step.name) or []:
                for item_field in step.item_steps:
                    if item_field.name in item and not applies(item_field, answers, item):
                        del item[item_field.name]
                if step.name == "documents":
                    translation = v.settled_translation(item.get("language"),
                                                        item.get("translation"))
                    if translation is not None:
                        item["translation"] = translation
                    else:
                        item.pop("translation", None)
        elif step.name in answers and not applies(step, answers):
            del answers[step.name]
    return answers


def remove_item(answers, list_name, index):
    """Remove one fact or document; documents that pointed to a removed fact
    point to none, and those after it keep pointing to the same fact."""
    items = answers.get(list_name) or []
    if not 0 <= index < len(items):
        return False
    del items[index]
    if list_name == "facts":
        for document in answers.get("documents") or []:
            pointer = document.get("fact")
            if pointer == index:
                document["fact"] = None
            elif isinstance(pointer, int) and pointer > index:
                document["fact"] = pointer - 1
    return True


def review_rows(answers):
    """Rows for "Check your answers", in flow order, built from the steps.

    Each row: (section, question, step, value, page, item_number or None).
    """
    rows = []
    for step in applicable_steps(answers):
        if isinstance(step, ListStep):
            items = answers.get(step.name) or []
            if not items:
                rows.append((step.section, step.empty_question, step, None, Page("list", step.name), None))
            for index, item in enumerate(items):
                for field in applicable_item_steps(step.name, item, answers):
                    rows.append((step.section, field.question, field, item.get(field.name),
                                 Page("item", step.name, index, field.name), index + 1))
        else:
            rows.append((step.section, step.question, step, answers.get(step.name),
                         Page("question", step.name), None))
    return rows


class Walk:
    """One person's way through the flow, made once per request from their
    answers and the lists they said were complete (pure: no Flask)."""

    def __init__(self, answers, confirmed_lists):
        self.answers = answers
        self.confirmed = set(confirmed_lists)

    @property
    def exit(self):
        """The reason the route ends early (rules.ROUTE_EXITS), or None."""
        return route_exit(self.answers)

    @property
    def missing(self):
        """The first page still to answer, or None when everything is answered."""
        return first_missing_page(self.answers, self.confirmed)

    def after(self, page, changing=False):
        return next_page(self.answers, self.confirmed, page, changing)

    def before(self, page):
        return previous_page(self.answers, page)
