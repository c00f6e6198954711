"""Which page comes next, and the answers as the pages read them (pure Python).

The questions are data in wizard/steps.py; one generic view walks them
with the functions here. Nothing here knows of Flask.
"""
import functools

from wizard import vocabulary as v
from wizard.rules import route_exit
from wizard.steps import (  # noqa: F401  (the flow's names, for its users)
    DOCUMENT_PREFIX, ITEM_FOLLOW_UPS, LISTS, PAGE_OF, SECTIONS, STEPS, STEPS_BY_NAME, ListStep,
    Page, Step, linked_document, other_documents, progress)


class ListFull(Exception):
    """No room for one more document (a fact "I have new documents" needs one)."""


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
    if step.kind == "checks":
        return all(is_answered(s, container) for s in STEPS
                   if getattr(s, "on_page", None) == step.name)
    # "None of them" is a real answer to which fact a document shows (None).
    if step.optional or step.kind == "fact_choice":
        return step.name in container
    value = container.get(step.name)
    return value not in (None, "", [])


def item_view(answers, list_name, index):
    """One item as its pages read it: a fact with its own document's answers
    (prefixed `document_`), or a document. A copy: write with `store`."""
    items = answers.get(list_name) or []
    item = dict(items[index]) if 0 <= index < len(items) else {}
    if list_name == "facts":
        linked = linked_document(answers, index)
        if linked is not None:
            for key, value in answers["documents"][linked].items():
                if key != "fact":
                    item[DOCUMENT_PREFIX + key] = value
    return item


def store(answers, list_name, index, field, value):
    """Save one answer of item `index` (the item exists), where the contract keeps it."""
    if list_name == "facts" and field.startswith(DOCUMENT_PREFIX):
        documents = answers.setdefault("documents", [])
        linked = linked_document(answers, index)
        if linked is None:
            if len(documents) >= LISTS["documents"].limit:
                raise ListFull
            documents.append({"fact": index})
            linked = len(documents) - 1
        documents[linked][field[len(DOCUMENT_PREFIX):]] = value
    else:
        answers[list_name][index][field] = value


def listed_items(answers, list_name):
    """(index, item view) of the items a list page shows and asks."""
    if list_name == "documents":
        return other_documents(answers)
    return [(index, item_view(answers, list_name, index))
            for index in range(len(answers.get(list_name) or []))]


# -- Pages ---------------------------------------------------------------------

def applicable_item_steps(list_name, item, answers):
    return [s for s in LISTS[list_name].item_steps if applies(s, answers, item)]


def item_pages(list_name, item, answers):
    """The names of the item's questions that have a page of their own, in order."""
    follow_ups = ITEM_FOLLOW_UPS[list_name]
    return [s.name for s in applicable_item_steps(list_name, item, answers)
            if s.name not in follow_ups and not s.with_previous]


def item_page_of(list_name, item, answers, field):
    """The page (its main question's name) where an item's `field` is asked."""
    follow_ups = ITEM_FOLLOW_UPS[list_name]
    if field in follow_ups:
        return follow_ups[field]
    names = [s.name for s in applicable_item_steps(list_name, item, answers)]
    pages = item_pages(list_name, item, answers)
    if field in pages or field not in names:
        return field
    earlier = [name for name in names[:names.index(field)] if name in pages]
    return earlier[-1] if earlier else field


def item_page_fields(list_name, item, answers, field):
    """The questions on an item's page: its own, its follow-up, and the
    questions asked with it (a note on the item's last page)."""
    step = item_step(list_name, field)
    fields = [step] + ([step.follow_up[1]] if step.follow_up else [])
    steps = applicable_item_steps(list_name, item, answers)
    names = [s.name for s in steps]
    if field in names:
        for later in steps[names.index(field) + 1:]:
            if later.name in ITEM_FOLLOW_UPS[list_name]:
                continue
            if not later.with_previous:
                break
            fields.append(later)
    return fields


def page_fields(step):
    """The questions on a top-level page: its own and its follow-up."""
    return [step] + ([step.follow_up[1]] if step.follow_up else [])


def missing_item_field(list_name, item, answers):
    """The first field of an item that still needs an answer, or None."""
    for step in applicable_item_steps(list_name, item, answers):
        if not is_answered(step, item):
            return step.name
    return None


def missing_item_page(list_name, item, answers):
    field = missing_item_field(list_name, item, answers)
    return item_page_of(list_name, item, answers, field) if field else None


def applicable_steps(answers):
    return [step for step in STEPS if applies(step, answers)]


def page_steps(answers):
    """The top-level questions and lists that have a page of their own, in order."""
    return [step for step in applicable_steps(answers) if step.name not in PAGE_OF]


def page_for_step(step):
    if isinstance(step, ListStep):
        return Page("list", step.name)
    return Page("question", PAGE_OF.get(step.name, step.name))


def first_missing_page(answers, confirmed_lists):
    """The first page still to answer, in flow order; None when all is done."""
    if route_exit(answers):
        return Page("exit")
    return first_unanswered_page(answers, confirmed_lists)


def first_unanswered_page(answers, confirmed_lists):
    """first_missing_page() of answers whose route does not end early."""
    for step in applicable_steps(answers):
        if isinstance(step, ListStep):
            for index, item in listed_items(answers, step.name):
                field = missing_item_page(step.name, item, answers)
                if field:
                    return Page("item", step.name, index, field)
            if step.name not in confirmed_lists:
                return Page("list", step.name)
        elif not is_answered(step, answers):
            return page_for_step(step)
    return None


def next_page(answers, confirmed_lists, current, changing=False):
    """Where to go after the person answered `current`.

    Going forward it is the next page in order; when changing an answer
    from the review it is the first page still unanswered, else the review.
    """
    if route_exit(answers):
        return Page("exit")
    if current.kind == "item":
        # Through the rest of the item, also when changing it from the review
        # (its card has one Change): each page shows what was answered.
        item = item_view(answers, current.name, current.index)
        names = item_pages(current.name, item, answers)
        after = names[names.index(current.field) + 1:] if current.field in names else []
        field = after[0] if after else missing_item_page(current.name, item, answers)
        if field:
            return Page("item", current.name, current.index, field)
        if changing:
            return first_missing_page(answers, confirmed_lists) or Page("review")
        return Page("list", current.name)
    if changing:
        return first_missing_page(answers, confirmed_lists) or Page("review")
    steps = page_steps(answers)
    names = [s.name for s in steps]
    position = names.index(current.name) if current.name in names else -1
    for step in steps[position + 1:]:
        return page_for_step(step)
    return first_missing_page(answers, confirmed_lists) or Page("review")


def previous_page(answers, current):
    """The page the Back link goes to (no JavaScript needed)."""
    if current.kind == "item":
        item = item_view(answers, current.name, current.index)
        names = item_pages(current.name, item, answers)
        if current.field in names and names.index(current.field) > 0:
            return Page("item", current.name, current.index, names[names.index(current.field) - 1])
        return Page("list", current.name)
    if current.kind == "exit":
        # Back from an exit page goes to the question that led there.
        partial = {}
        for step in applicable_steps(answers):
            if getattr(step, "kind", None) == "checks":
                continue  # a page, not an answer: its questions follow it
            partial[step.name] = answers.get(step.name)
            if route_exit(partial):
                return page_for_step(step)
        return Page("start")
    if current.kind == "review":
        return page_for_step(page_steps(answers)[-1])
    steps = page_steps(answers)
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
                    # A document keeps the fact it shows: the pointer links a
                    # fact "I have new documents" to its own document.
                    if item_field.name in item and item_field.kind != "fact_choice" \
                            and not applies(item_field, answers, item):
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
    """Remove one fact or document. A fact "I have new documents" takes its own
    document with it; other documents that pointed to a removed fact point to
    none, and those after it keep pointing to the same fact."""
    items = answers.get(list_name) or []
    if not 0 <= index < len(items):
        return False
    if list_name == "facts":
        linked = linked_document(answers, index)
        if linked is not None:
            del answers["documents"][linked]
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

    Each row: (section, question, step, value, page, item_number or None),
    the page being where the answer can be changed.
    """
    rows = []
    for step in applicable_steps(answers):
        if isinstance(step, ListStep):
            items = listed_items(answers, step.name)
            if not items:
                rows.append((step.section, step.empty_question, step, None, Page("list", step.name), None))
            for number, (index, item) in enumerate(items, 1):
                for field in applicable_item_steps(step.name, item, answers):
                    page = item_page_of(step.name, item, answers, field.name)
                    rows.append((step.section, field.question, field, item.get(field.name),
                                 Page("item", step.name, index, page), number))
        elif step.kind != "checks":
            rows.append((step.section, step.question, step, answers.get(step.name),
                         page_for_step(step), None))
    return rows


class Walk:
    """One person's way through the flow, made once per request from their
    answers and the lists they said were complete (pure: no Flask)."""

    def __init__(self, answers, confirmed_lists, normalised=None):
        """`normalised`: the same answers as wizard.answers.normalise() gives
        them, when the caller has them already (normalising them again for
        the route's exit was 3 % of the result page)."""
        self.answers = answers
        self.confirmed = set(confirmed_lists)
        self.normalised = normalised

    @functools.cached_property
    def exit(self):
        """The reason the route ends early (rules.ROUTE_EXITS), or None."""
        return route_exit(self.answers if self.normalised is None else self.normalised)

    @property
    def missing(self):
        """The first page still to answer, or None when everything is answered."""
        if self.exit:
            return Page("exit")
        return first_unanswered_page(self.answers, self.confirmed)

    def after(self, page, changing=False):
        return next_page(self.answers, self.confirmed, page, changing)

    def before(self, page):
        return previous_page(self.answers, page)
