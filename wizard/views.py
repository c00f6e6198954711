"""The routes. Thin: read the state, validate a form, save, redirect.

Which page comes next is the flow's business (wizard/flow.py); what the
answers mean is the rules' (wizard/rules.py); the checklist is built in
wizard/checklist.py.
"""
import datetime

from flask import (Blueprint, Response, abort, current_app, g, redirect, render_template,
                   request, session, url_for)
from flask_babel import gettext, lazy_gettext, refresh
from flask_wtf.csrf import CSRFError
from markupsafe import Markup
from werkzeug.exceptions import HTTPException

from wizard import checklist as checklist_texts
from wizard import flow, i18n, languages, pdf, rules
from wizard import vocabulary as v
from wizard.answers import AnswerError, normalise
from wizard.forms import (NONE_OF_THEM, AddAnotherForm, RemoveForm, form_class,
                          to_answer, to_form_data)
from wizard.sources import RESEARCH_SOURCES, SOURCES
from wizard.state import StateTooLarge, check_fits

bp = Blueprint("wizard", __name__)

STATE_FULL = lazy_gettext(
    "There is no more room to keep your answers. Make a note shorter, or leave it out.")


# --- language in the URL ---------------------------------------------------

@bp.url_value_preprocessor
def pull_language(endpoint, values):
    code = (values or {}).pop("lang", None)
    if code is not None and code not in languages.CODES:
        g.unknown_language = True
        code = None
    g.lang = code


@bp.url_defaults
def add_language(endpoint, values):
    # The language choice takes no language: after a kiosk wipe it must not
    # tell the next person which language the last one used.
    if endpoint == "wizard.choose_language":
        return
    if "lang" not in values and getattr(g, "lang", None):
        values["lang"] = g.lang


@bp.before_request
def refuse_unknown_language():
    if getattr(g, "unknown_language", False):
        abort(404)


# --- state ------------------------------------------------------------------

def load_answers():
    """The person's answers so far; never fails on odd state."""
    raw = session.get("answers") or {}
    try:
        normalise(raw)
    except AnswerError:
        # State we wrote ourselves but cannot read any more (an older
        # version of the app): start again rather than guess.
        session.clear()
        session.unreadable = True
        return {}
    return raw


def has_answers(answers):
    """Whether anything was answered: a page of the check that finds nothing
    (after an erase, a kiosk wipe, an expiry) sends the person to the start,
    so Back never shows an empty copy of someone else's page."""
    return bool(answers)


def to_the_start():
    return redirect(url_for("wizard.start"))


def confirmed_lists():
    confirmed = session.get("confirmed")
    if not isinstance(confirmed, list):  # state of an odd shape: nothing confirmed
        return set()
    return {name for name in confirmed if isinstance(name, str) and name in flow.LISTS}


def save(answers, confirmed=None):
    """Prune dead branches and keep the answers; raise StateTooLarge first."""
    answers = flow.prune(answers)
    new_state = dict(session)
    new_state["answers"] = answers
    if confirmed is not None:
        new_state["confirmed"] = sorted(confirmed)
    check_fits(new_state, current_app_secret())
    session["answers"] = answers
    if confirmed is not None:
        session["confirmed"] = sorted(confirmed)


def current_app_secret():
    return current_app.secret_key


def assess_partial(answers):
    try:
        return rules.assess(answers)
    except AnswerError:
        return None


# --- page addresses ---------------------------------------------------------

def page_url(page, changing=False):
    extra = {"change": 1} if changing else {}
    if page.kind == "question":
        return url_for("wizard.question", name=page.name, **extra)
    if page.kind == "list":
        return url_for("wizard.item_list", name=page.name, **extra)
    if page.kind == "item":
        return url_for("wizard.item", name=page.name, index=page.index, field=page.field, **extra)
    return url_for(f"wizard.{page.kind}")


def is_changing():
    return request.values.get("change") == "1"


@bp.app_context_processor
def page_context():
    # An error page is drawn "failsafe": no rules and no state beyond the
    # language, so a bug there cannot break the error page too.
    failsafe = g.get("failsafe", False)
    answers = {} if failsafe else (session.get("answers") or {})
    result = assess_partial(answers) if answers and isinstance(answers, dict) else None
    language = languages.get(getattr(g, "lang", None) or languages.DEFAULT)
    return {
        "language": language,
        "languages": languages.LANGUAGES,
        "urgent": checklist_texts.urgency(result) if result else [],
        "review_text": languages.REVIEW_TEXT[language.review],
        "max_note_length": v.MAX_NOTE_LENGTH,
        "kiosk": current_app.config["KIOSK"],
        "kiosk_idle": current_app.config["KIOSK_IDLE_SECONDS"],
        "kiosk_warning": current_app.config["KIOSK_WARNING_SECONDS"],
        "sources": SOURCES,
    }


@bp.app_template_global("T")
def make_text(msgid, **params):
    """A checklist line written in a template: translated later, twice."""
    return checklist_texts.Text(msgid, **params)


@bp.app_template_global()
def translate(text, locale=None):
    """Translate a checklist Text (with nested Text parameters) now.

    Parameters (numbers, labels, notes) are isolated in <bdi> so a number
    or a Latin word cannot scramble a right-to-left sentence.
    """
    translations = i18n.translations_for(locale) if locale else i18n.request_translations()
    return _translate(text, translations)


def _translate(text, translations):
    if isinstance(text, str):
        return text
    if not text.params:
        return translations.ugettext(text.msgid)
    params = {key: Markup("<bdi>%s</bdi>") % (_translate(value, translations)
                                              if isinstance(value, tuple) else value)
              for key, value in text.params.items()}
    return Markup.escape(translations.ugettext(text.msgid)) % params


# --- pages ------------------------------------------------------------------

@bp.route("/")
def choose_language():
    from app import select_locale
    suggested = select_locale()
    g.lang = suggested
    return render_template("languages.html", suggested=languages.get(suggested),
                           erased=request.args.get("erased") == "1",
                           languages=languages.LANGUAGES, language=languages.get(suggested))


@bp.route("/<lang>/")
def start():
    return render_template("start.html")


@bp.route("/<lang>/begin", methods=["POST"])
def begin():
    """Start now. Answers already given are kept (pre-filled): only
    "Erase my answers" or the kiosk's timeout wipes them."""
    return redirect(page_url(flow.Page("question", flow.STEPS[0].name)))


@bp.route("/<lang>/question/<name>", methods=["GET", "POST"])
def question(name):
    step = flow.STEPS_BY_NAME.get(name)
    if step is None or isinstance(step, flow.ListStep):
        abort(404)
    answers = load_answers()
    if not has_answers(answers) and name != flow.STEPS[0].name:
        return to_the_start()
    if not flow.applies(step, answers):
        return redirect(page_url(flow.first_missing_page(answers, confirmed_lists())
                                 or flow.Page("review")))
    page = flow.Page("question", name)
    form = form_class(step)(data={"answer": to_form_data(step, answers.get(name))}
                            if request.method == "GET" else None)
    if step.kind == "number" and "keypad" in request.form:
        # Kiosk: an on-screen keypad of plain buttons, so no typing is needed
        # and it works without JavaScript.
        form.answer.data = press_key(request.form.get("answer", ""), request.form["keypad"])
        return render_question(step, form, page, answers)
    if form.validate_on_submit():
        answers[name] = to_answer(step, form.answer.data)
        try:
            save(answers)
        except StateTooLarge:
            form.answer.errors.append(STATE_FULL)
        else:
            return redirect_after(answers, page)
    return render_question(step, form, page, answers)


KEYPAD_MAX_DIGITS = 4


def press_key(text, key):
    text = "".join(char for char in text if char.isdecimal())[:KEYPAD_MAX_DIGITS]
    if key == "delete":
        return text[:-1]
    if key in "0123456789" and len(key) == 1 and len(text) < KEYPAD_MAX_DIGITS:
        return text + key
    return text


def redirect_after(answers, page):
    """To the next page; while changing from the review, stay in change mode."""
    following = flow.next_page(answers, confirmed_lists(), page, is_changing())
    return redirect(page_url(following, is_changing() and following.kind != "review"))


def render_question(step, form, page, answers, item_number=None, list_name=None):
    return render_template(
        "question.html", step=step, form=form, changing=is_changing(),
        back_url=page_url(flow.previous_page(answers, page)) if not is_changing()
        else url_for("wizard.review"),
        item_number=item_number, list_name=list_name,
        section=dict(flow.SECTIONS)[step.section],
    )


@bp.route("/<lang>/list/<name>", methods=["GET", "POST"])
def item_list(name):
    list_step = flow.LISTS.get(name)
    if list_step is None:
        abort(404)
    answers = load_answers()
    if not has_answers(answers):
        return to_the_start()
    exit_page = flow.first_missing_page(answers, confirmed_lists())
    if exit_page and exit_page.kind == "exit":
        return redirect(page_url(exit_page))
    items = answers.get(name) or []
    full = len(items) >= list_step.limit
    question_text = list_step.empty_question if not items else ADD_ANOTHER[name]
    form = AddAnotherForm(lazy_gettext(list_step.add_error))
    if request.method == "POST" and full:
        form.add.data = "no"
    if request.method == "POST" and (full or form.validate_on_submit()):
        if form.add.data == "yes":
            return redirect(url_for("wizard.item", name=name, index=len(items),
                                    field=list_step.item_steps[0].name,
                                    **({"change": 1} if is_changing() else {})))
        confirmed = confirmed_lists() | {name}
        try:
            save(answers, confirmed)
        except StateTooLarge:
            form.add.errors = [STATE_FULL]
        else:
            page = flow.Page("list", name)
            return redirect(page_url(flow.next_page(answers, confirmed, page, is_changing())))
    page = flow.Page("list", name)
    rows = [(index, item, flow.missing_item_field(name, item, answers))
            for index, item in enumerate(items)]
    return render_template(
        "list.html", list_step=list_step, form=form, rows=rows, full=full,
        question_text=question_text, changing=is_changing(),
        back_url=url_for("wizard.review") if is_changing()
        else page_url(flow.previous_page(answers, page)),
        item_summary=item_summary, section=dict(flow.SECTIONS)[list_step.section],
    )


ADD_ANOTHER = {
    "facts": v.N_("Is there anything else new?"),
    "documents": v.N_("Do you have another document?"),
}


def item_summary(name, item, answers):
    """One line naming a fact or document in a list."""
    if name == "facts":
        return checklist_texts.choice_text(v.FACT_KINDS, item.get("kind"))
    return checklist_texts.choice_text(v.DOCUMENT_KINDS, item.get("kind"))


@bp.route("/<lang>/list/<name>/<int:index>/<field>", methods=["GET", "POST"])
def item(name, index, field):
    list_step = flow.LISTS.get(name)
    if list_step is None:
        abort(404)
    answers = load_answers()
    if not has_answers(answers):
        return to_the_start()
    items = answers.setdefault(name, [])
    if index > len(items) or (index == len(items) and field != list_step.item_steps[0].name):
        return redirect(url_for("wizard.item_list", name=name))
    if index == len(items) and len(items) >= list_step.limit:
        return redirect(url_for("wizard.item_list", name=name))
    current = items[index] if index < len(items) else {}
    try:
        step = flow.item_step(name, field)
    except KeyError:
        abort(404)
    if not flow.applies(step, answers, current):
        return redirect(url_for("wizard.item_list", name=name))
    fact_choices = ()
    if step.kind == "fact_choice":
        fact_choices = [(str(i), translate(checklist_texts.fact_title(answers["facts"], i)))
                        for i in range(len(answers.get("facts") or []))]
        fact_choices.append(("none", gettext(NONE_OF_THEM)))
    page = flow.Page("item", name, index, field)
    form = form_class(step, fact_choices)(
        data={"answer": to_form_data(step, current.get(field))}
        if request.method == "GET" and field in current else None)
    if form.validate_on_submit():
        if index == len(items):
            items.append(current)
        current[field] = to_answer(step, form.answer.data)
        try:
            save(answers)
        except StateTooLarge:
            form.answer.errors.append(STATE_FULL)
        else:
            return redirect_after(answers, page)
    return render_question(step, form, page, answers, item_number=index + 1, list_name=name)


@bp.route("/<lang>/list/<name>/<int:index>/remove", methods=["GET", "POST"])
def remove(name, index):
    if name not in flow.LISTS:
        abort(404)
    answers = load_answers()
    if not has_answers(answers):
        return to_the_start()
    items = answers.get(name) or []
    if not 0 <= index < len(items):
        return redirect(url_for("wizard.item_list", name=name))
    form = RemoveForm()
    if form.validate_on_submit():
        if form.confirm.data == "yes":
            flow.remove_item(answers, name, index)
            save(answers)
        return redirect(url_for("wizard.item_list", name=name))
    return render_template("remove.html", form=form, name=name, index=index,
                           summary=item_summary(name, items[index], answers),
                           back_url=url_for("wizard.item_list", name=name))


@bp.route("/<lang>/review")
def review():
    answers = load_answers()
    if not has_answers(answers):
        return to_the_start()
    missing = flow.first_missing_page(answers, confirmed_lists())
    if missing:
        return redirect(page_url(missing))
    return render_template("review.html", rows=review_rows(answers),
                           sections=flow.SECTIONS,
                           back_url=page_url(flow.previous_page(answers, flow.Page("review"))))


def review_rows(answers):
    rows = []
    facts = answers.get("facts") or []
    for section, question_text, step, value, page, number in flow.review_rows(answers):
        if value is None and isinstance(step, flow.ListStep):
            shown = [gettext("No")]
        elif step.kind == "checkboxes":
            shown = [gettext(v.label(step.choices, item)) for item in value or []]
        elif step.kind == "fact_choice":
            shown = [translate(checklist_texts.fact_title(facts, value))]
        elif step.kind in ("number", "text"):
            shown = [str(value) if value not in (None, "") else gettext("Not given")]
        else:
            shown = [gettext(v.label(step.choices, value))]
        rows.append({"section": section, "question": question_text, "answer": shown,
                     "change_url": page_url(page, True), "number": number,
                     "list": page.name if page.kind == "item" else None})
    return rows


@bp.route("/<lang>/exit", endpoint="exit")
def exit_page():
    answers = load_answers()
    if not has_answers(answers):
        return to_the_start()
    reason = rules.route_exit(answers)
    if reason is None:
        return redirect(page_url(flow.first_missing_page(answers, confirmed_lists())
                                 or flow.Page("review")))
    title, text = checklist_texts.EXIT_TEXT[reason]
    result = assess_partial(answers) or {"outcome": "not_this_route", "flags": []}
    return render_template(
        "exit.html", title=title, text=text, reason=reason,
        outcome_label=v.label(v.OUTCOMES, result["outcome"]),
        flags=checklist_texts.exit_flags(reason, result),
        who_can_help=checklist_texts.WHO_CAN_HELP,
        not_legal_advice=checklist_texts.NOT_LEGAL_ADVICE,
        back_url=page_url(flow.previous_page(answers, flow.Page("exit"))),
    )


def complete_answers_or_redirect():
    answers = load_answers()
    if not has_answers(answers):
        return answers, to_the_start()
    missing = flow.first_missing_page(answers, confirmed_lists())
    if missing:
        return answers, redirect(page_url(missing))
    return answers, None


@bp.route("/<lang>/result")
def result():
    answers, elsewhere = complete_answers_or_redirect()
    if elsewhere:
        return elsewhere
    outcome = rules.assess(answers)
    sheet = checklist_texts.build(answers, outcome)
    return render_template("result.html", result=outcome, sheet=sheet,
                           lawyer_languages=[languages.get(c) for c in languages.LAWYER_LANGUAGES],
                           back_url=url_for("wizard.review"))


def pdf_download_offered():
    return not current_app.config["KIOSK"] and pdf.available()


def render_checklist(answers, **extra):
    """The checklist page, for the screen, the printer or the PDF."""
    lawyer_lang = request.args.get("lawyer", "nl")
    if lawyer_lang not in languages.LAWYER_LANGUAGES:
        lawyer_lang = "nl"
    outcome = rules.assess(answers)
    sheet = checklist_texts.build(answers, outcome, datetime.date.today())
    return render_template("checklist.html", result=outcome, sheet=sheet,
                           lawyer=languages.get(lawyer_lang),
                           same_language=lawyer_lang == g.lang, **extra)


@bp.route("/<lang>/checklist")
def checklist():
    answers, elsewhere = complete_answers_or_redirect()
    if elsewhere:
        return elsewhere
    return render_checklist(answers, pdf_download=pdf_download_offered(),
                            back_url=url_for("wizard.result"))


@bp.route("/<lang>/checklist.pdf")
def checklist_pdf():
    """The checklist as a PDF made on the server (not in kiosk mode)."""
    if not pdf_download_offered():
        abort(404)
    answers, elsewhere = complete_answers_or_redirect()
    if elsewhere:
        return elsewhere
    html = render_checklist(answers, for_pdf=True)
    return Response(pdf.render(html, current_app.static_folder), mimetype="application/pdf",
                    headers={"Content-Disposition": 'attachment; filename="checklist.pdf"'})


@bp.route("/<lang>/sources")
def sources():
    return render_template("sources.html", sources=SOURCES, research_sources=RESEARCH_SOURCES,
                           procedure_dates=checklist_texts.Text(
                               checklist_texts.PROCEDURE_DATES,
                               date=checklist_texts.format_date(rules.EU_RULES_IN_FORCE_SINCE)),
                           legal_dates=checklist_texts.legal_dates(datetime.date.today()))


@bp.route("/<lang>/erase", methods=["POST"])
def erase():
    session.clear()
    if current_app.config["KIOSK"]:
        return redirect(url_for("wizard.choose_language", erased=1))
    return redirect(url_for("wizard.erased"))


@bp.route("/<lang>/timeout")
def timeout():
    """The kiosk's inactivity wipe: the page's timer, its "Erase now" link
    and, without JavaScript, a meta refresh come here with the page's CSRF
    token (`?token=`, bound to this person's state; no answer is ever in
    the address). Only in kiosk mode (elsewhere "Erase my answers" is a
    POST), and only with that token: a link on another site erases nothing.
    """
    from flask_wtf.csrf import validate_csrf
    from wtforms import ValidationError

    if not current_app.config["KIOSK"]:
        abort(404)
    if getattr(session, "unreadable", False) or not session.get("answers"):
        # Expired (the server's own kiosk limit), unreadable or empty:
        # nothing of anyone to protect. Clear the cookie, show the next
        # person the language choice.
        session.clear()
        return redirect(url_for("wizard.choose_language", erased=1))
    try:
        validate_csrf(request.args.get("token", type=str))
    except ValidationError:
        # Not this person's token: keep the answers, show the start page
        # (from which the person goes on, or erases with the button).
        return redirect(url_for("wizard.start"))
    session.clear()
    return redirect(url_for("wizard.choose_language", erased=1))


@bp.route("/<lang>/keep-alive", methods=["POST"])
def keep_alive():
    """The kiosk page's script calls this (a POST with the CSRF token in the
    X-CSRFToken header) while the person reads or types without sending a
    form: the state is written anew, so the server's kiosk limit (idle plus
    warning time since the last request) counts from now. Nothing else."""
    if not current_app.config["KIOSK"]:
        abort(404)
    session.modified = True
    return Response(status=204)


@bp.route("/<lang>/erased")
def erased():
    return render_template("erased.html")


# --- errors -----------------------------------------------------------------

def register_error_pages(app):
    @app.before_request
    def tell_about_unreadable_state():
        # Expired, tampered or foreign state: say so, and start clean.
        if getattr(session, "unreadable", False) and request.endpoint not in (
                "static", "wizard.choose_language", "wizard.start", "wizard.timeout"):
            lang = getattr(g, "lang", None)
            session.clear()
            return render_error(400, lang, expired=True)

    @app.errorhandler(CSRFError)
    def csrf_error(error):
        return render_error(400, _lang_from_path(), expired=True)

    @app.errorhandler(HTTPException)
    def http_error(error):
        # Keep the exception's own headers (Retry-After on "PDF busy", Allow on 405).
        return (*render_error(error.code or 500, _lang_from_path()), error.get_headers())

    @app.errorhandler(Exception)
    def unexpected_error(error):
        if app.debug:
            raise error  # the developer wants the traceback, not our page
        # The endpoint only: never anything the person answered.
        app.logger.exception("Unexpected error on %s", request.endpoint)
        return render_error(500, _lang_from_path())


def _lang_from_path():
    first = request.path.strip("/").split("/")[0]
    return first if first in languages.CODES else None


def render_error(code, lang, expired=False):
    from app import negotiate_language
    g.failsafe = True
    g.lang = lang or negotiate_language(request.headers.get("Accept-Language", ""))
    refresh()  # the locale may have been chosen before we knew the language
    return render_template("error.html", code=code, expired=expired), code
