"""One question per page, the "add another" lists of facts and documents,
and removing an item. Thin: read the answers, validate the form, save, redirect."""
from flask import abort, redirect, render_template, request, url_for
from flask_babel import gettext, lazy_gettext
from markupsafe import Markup

from wizard import checklist, flow, session_answers
from wizard.checklist import fact_title
from wizard.forms import (NONE_OF_THEM, AddAnotherForm, RemoveForm, form_class, to_answer,
                          to_form_data)
from wizard.i18n import translate
from wizard.state import StateTooLarge
from wizard.views import pages
from wizard.views.context import is_changing, page_url

DOCUMENTS_FULL = lazy_gettext(
    "There is no more room for documents. Remove a document, or tell your lawyer about this one.")
STATE_FULL = lazy_gettext(
    "There is no more room to keep your answers. Make a note shorter, or leave it out.")

# Kiosk: the number of days is typed on an on-screen keypad of plain buttons.
KEYPAD_MAX_DIGITS = 4


@pages.route("/question/<name>", methods=["GET", "POST"])
def question(name):
    step = flow.STEPS_BY_NAME.get(name)
    if step is None or isinstance(step, flow.ListStep):
        abort(404)
    # The first question may be empty: it is where a person begins.
    answers = session_answers.load() if name == flow.STEPS[0].name else session_answers.required()
    walk = session_answers.walk(answers)
    if not flow.applies(step, answers):
        return redirect(page_url(walk.missing or flow.Page("review")))
    if name in flow.PAGE_OF:
        # Asked on another question's page (a follow-up, "Does any of this apply?").
        return redirect(page_url(flow.Page("question", flow.PAGE_OF[name]), is_changing()))
    page = flow.Page("question", name)
    fields = flow.page_fields(step)
    if request.method == "GET" and only_kept_choices(step, fields):
        # Drawn from the kept, unticked choices (question.html), ticked from
        # the answers: no form to make (making it was 7 % of such a page).
        return render_question(fields, None, page, walk, ticks=form_data(fields, answers))
    form = form_class(fields)(data=form_data(fields, answers) if request.method == "GET" else None)
    number = next((name for name, s in form_fields(fields) if s.kind == "number"), None)
    if number and "keypad" in request.form:
        # Kiosk: no typing needed, and it works without JavaScript.
        form[number].data = press_key(request.form.get(number, ""), request.form["keypad"])
        return render_question(fields, form, page, walk)
    if form.validate_on_submit():
        for field_name, field_step in sent_fields(fields):
            data = form[field_name].data
            if field_step.kind == "checks":
                answers.update(to_answer(field_step, data))
            else:
                answers[field_step.name] = to_answer(field_step, data)
        return save_and_go_on(form.answer, walk, page) or render_question(fields, form, page, walk)
    return render_question(fields, form, page, walk)


def form_fields(fields):
    """(form field name, question) of a page's questions."""
    return [("answer", fields[0])] + [(step.name, step) for step in fields[1:]]


def sent_fields(fields):
    """The page's questions whose answers were sent: one not in the post at all
    (not even empty) keeps its earlier answer."""
    return [(name, step) for name, step in form_fields(fields)
            if name == "answer" or name in request.form]


def form_data(fields, container):
    """What the page's form shows of the answers given before."""
    data = {}
    for field_name, step in form_fields(fields):
        if step.kind == "checks":
            data[field_name] = to_form_data(step, container)
        elif step.name in container:
            data[field_name] = to_form_data(step, container[step.name])
    return data


def press_key(text, key):
    """The number field after one press of the kiosk's keypad."""
    text = "".join(char for char in text if char.isdecimal())[:KEYPAD_MAX_DIGITS]
    if key == "delete":
        return text[:-1]
    if key in "0123456789" and len(key) == 1 and len(text) < KEYPAD_MAX_DIGITS:
        return text + key
    return text


def save_and_go_on(field, walk, page, confirmed=None):
    """Save and redirect to the next page; None (with the error on `field`)
    when the answers no longer fit."""
    try:
        session_answers.save(walk.answers, confirmed)
    except StateTooLarge:
        field.errors = list(field.errors) + [STATE_FULL]
        return None
    if confirmed is not None:
        walk.confirmed = set(confirmed)
    # While changing from the review, stay in change mode until back there.
    following = walk.after(page, is_changing())
    return redirect(page_url(following, is_changing() and following.kind != "review"))


# Choices the same for everyone: their fieldset is kept unticked (question.html).
KEPT_CHOICE_KINDS = {"radio", "checkboxes", "checks"}


def choices_kept(step, form):
    """Whether the page's choices can be drawn from the kept, unticked ones:
    the question and its follow-up are choices of the flow's own (not the
    person's facts, not a number or a note), and no error is shown (`form`
    None: none to show)."""
    follow_up = step.follow_up[1] if step.follow_up else None
    return (step.kind in KEPT_CHOICE_KINDS and not (form and form.answer.errors)
            and (follow_up is None or (follow_up.kind in KEPT_CHOICE_KINDS
                                       and not (form and form[follow_up.name].errors))))


def only_kept_choices(step, fields):
    """Whether all a page shows of its form, before it is sent, is its kept
    choices: no other question on it (a note), which needs the form."""
    follow_up = step.follow_up[1] if step.follow_up else None
    return choices_kept(step, None) and all(s is step or s is follow_up for s in fields)


def render_question(fields, form, page, walk, item_number=None, list_step=None, ticks=None):
    """The page of a question. `form` None: only kept choices are shown,
    ticked from `ticks` (form_data); the form is made only if they are
    drawn for the first time."""
    step = fields[0]
    follow_up = step.follow_up[1] if step.follow_up else None
    changing = is_changing()
    return render_template(
        "question.html", step=step, form=form, choices_kept=choices_kept(step, form),
        # What the kept choices are ticked from, and the form to draw them with.
        ticks=form if form is not None else ticks, make_form=lambda: form or form_class(fields)(),
        # Names the questions on the page ("facts kind", "documents kind",
        # "facts you_belong note"): what its kept glossary varies on.
        questions=" ".join([list_step.name if list_step else ""] +
                           [s.name for _name, s in form_fields(fields)]),
        fields=[(name, s) for name, s in form_fields(fields)[1:] if s is not follow_up],
        changing=changing,
        back_url=url_for("wizard.review") if changing else page_url(walk.before(page)),
        item_label=gettext(list_step.item_label, number=item_number) if list_step else None,
        progress=flow.progress(step.section),
    )


@pages.route("/list/<name>", methods=["GET", "POST"])
def item_list(name):
    list_step = flow.LISTS.get(name) or abort(404)
    answers = session_answers.required()
    walk = session_answers.walk(answers)
    if walk.exit:
        return redirect(page_url(flow.Page("exit")))
    items = answers.get(name) or []
    full = len(items) >= list_step.limit
    form = AddAnotherForm(lazy_gettext(list_step.add_error))
    page = flow.Page("list", name)
    if request.method == "POST" and full:
        form.add.data = "no"
    if request.method == "POST" and (full or form.validate_on_submit()):
        if form.add.data == "yes":
            return redirect(url_for("wizard.item", name=name, index=len(items),
                                    field=list_step.item_steps[0].name,
                                    **({"change": 1} if is_changing() else {})))
        done = save_and_go_on(form.add, walk, page, walk.confirmed | {name})
        if done:
            return done
    return render_template(
        "list.html", list_step=list_step, form=form, rows=list_rows(list_step, answers),
        full=full, changing=is_changing(),
        question_text=list_step.another_question if items else list_step.empty_question,
        back_url=url_for("wizard.review") if is_changing() else page_url(walk.before(page)),
        progress=flow.progress(list_step.section),
    )


def list_rows(list_step, answers):
    """The summary rows of a list page: each item with its key answers, and
    Change (or Finish) and Remove."""
    rows = []
    for number, (index, item) in enumerate(flow.listed_items(answers, list_step.name), 1):
        missing = flow.missing_item_page(list_step.name, item, answers)
        finish_or_change = (gettext("Finish"), missing) if missing else \
            (gettext("Change"), list_step.item_steps[0].name)
        rows.append({
            "key": Markup("<bdi>%s.</bdi>") % number,
            "value": [translate(line) for line in checklist.item_summary(list_step.name, item)]
            + ([Markup("<bdi>%s</bdi>") % item["note"]] if item.get("note") else []),
            "tag": gettext("Not finished") if missing else None,
            "actions": [
                (finish_or_change[0], url_for("wizard.item", name=list_step.name, index=index,
                                              field=finish_or_change[1]), number),
                (gettext("Remove"), url_for("wizard.remove", name=list_step.name, index=index),
                 number),
            ],
        })
    return rows


@pages.route("/list/<name>/<int:index>/<field>", methods=["GET", "POST"])
def item(name, index, field):
    list_step = flow.LISTS.get(name) or abort(404)
    answers = session_answers.required()
    items = answers.setdefault(name, [])
    if index > len(items) or (index == len(items) and field != list_step.item_steps[0].name):
        return redirect(url_for("wizard.item_list", name=name))
    if index == len(items) and len(items) >= list_step.limit:
        return redirect(url_for("wizard.item_list", name=name))
    current = flow.item_view(answers, name, index)
    try:
        step = flow.item_step(name, field)
    except KeyError:
        abort(404)
    page_field = flow.item_page_of(name, current, answers, field)
    if page_field != field:
        return redirect(url_for("wizard.item", name=name, index=index, field=page_field,
                                **({"change": 1} if is_changing() else {})))
    if not flow.applies(step, answers, current):
        return redirect(url_for("wizard.item_list", name=name))
    walk = session_answers.walk(answers)
    page = flow.Page("item", name, index, field)
    fields = flow.item_page_fields(name, current, answers, field)
    form = form_class(fields, fact_choices(fields, answers, current))(
        data=form_data(fields, current) if request.method == "GET" else None)
    if form.validate_on_submit():
        if index == len(items):
            items.append({})
        try:
            for field_name, field_step in sent_fields(fields):
                flow.store(answers, name, index, field_step.name,
                           to_answer(field_step, form[field_name].data))
        except flow.ListFull:
            form.answer.errors = list(form.answer.errors) + [DOCUMENTS_FULL]
        else:
            done = save_and_go_on(form.answer, walk, page)
            if done:
                return done
    return render_question(fields, form, page, walk, item_number=index + 1, list_step=list_step)


def fact_choices(fields, answers, document):
    """The person's own facts, for "which new fact does this document show?":
    the facts a document of the other documents can show."""
    if not any(step.kind == "fact_choice" for step in fields):
        return ()
    facts = answers.get("facts") or []
    choices = [(str(i), translate(fact_title(facts, i))) for i, fact in enumerate(facts)
               if fact.get("kind") != "new_document" or document.get("fact") == i]
    return choices + [("none", gettext(NONE_OF_THEM))]


@pages.route("/list/<name>/<int:index>/remove", methods=["GET", "POST"])
def remove(name, index):
    list_step = flow.LISTS.get(name) or abort(404)
    answers = session_answers.required()
    items = answers.get(name) or []
    if not 0 <= index < len(items):
        return redirect(url_for("wizard.item_list", name=name))
    # From "Check your answers" (change=1) the person goes back there.
    back = url_for("wizard.review") if is_changing() else url_for("wizard.item_list", name=name)
    form = RemoveForm()
    if form.validate_on_submit():
        if form.confirm.data == "yes":
            flow.remove_item(answers, name, index)
            session_answers.save(answers)
        return redirect(page_url(session_answers.walk(answers).missing or flow.Page("review"))
                        if is_changing() else back)
    summary = checklist.item_summary(name, flow.item_view(answers, name, index))[0]
    return render_template("remove.html", form=form, index=index, summary=summary,
                           changing=is_changing(), back_url=back)
