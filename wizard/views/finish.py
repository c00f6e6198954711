"""The end of the check: "Check your answers", the exit page (this route is
not for the person), the result, and the checklist for the lawyer (page and PDF)."""
import datetime

from flask import Response, abort, current_app, g, redirect, render_template, request, url_for
from flask_babel import gettext

from wizard import checklist, flow, handover, languages, pdf, rules, session_answers, texts
from wizard import vocabulary as v
from wizard.forms import LawyerLanguageForm
from wizard.i18n import translate
from wizard.views import pages
from wizard.views.context import assess_partial, page_url


@pages.route("/review")
def review():
    answers = complete_answers()
    walk = session_answers.walk(answers)
    rows, cards = review_rows(answers)
    return render_template("review.html", rows=rows, cards=cards, sections=flow.SECTIONS,
                           back_url=page_url(walk.before(flow.Page("review"))))


def review_rows(answers):
    """"Check your answers", built from the flow: the rows of single questions,
    each with its Change link, and one card per fact and document (GOV.UK
    summary card: its answers, one Change and one Remove)."""
    rows, cards = [], {}
    facts = answers.get("facts") or []
    documents = answers.get("documents") or []
    for section, question_text, step, value, page, number in flow.review_rows(answers):
        if value is None and isinstance(step, flow.ListStep):
            shown = [gettext("No")]
        elif step.kind == "checkboxes":
            shown = [gettext(v.label(step.choices, item)) for item in value or []]
        elif step.kind == "fact_choice":
            shown = [translate(checklist.fact_title(facts, value, documents))]
        elif step.kind in ("number", "text"):
            shown = [str(value) if value not in (None, "") else gettext("Not given")]
        else:
            shown = [gettext(v.label(step.choices, value))]
        question = gettext(question_text)
        if number is None:
            rows.append({"section": section, "key": question, "value": shown,
                         "actions": [(gettext("Change"), page_url(page, True), question)]})
            continue
        list_step = flow.LISTS[page.name]
        card = cards.get((page.name, page.index))
        if card is None:
            title = gettext(list_step.item_label, number=number)
            item = flow.item_view(answers, page.name, page.index)
            first = flow.item_pages(page.name, item, answers)[0]
            card = cards[(page.name, page.index)] = {
                "section": section, "title": title, "rows": [],
                "actions": [
                    (gettext("Change"), url_for("wizard.item", name=page.name, index=page.index,
                                                field=first, change=1), title),
                    (gettext("Remove"), url_for("wizard.remove", name=page.name, index=page.index,
                                                change=1), title)]}
        card["rows"].append({"key": question, "value": shown, "actions": []})
    return rows, list(cards.values())


@pages.route("/exit", endpoint="exit")
def exit_page():
    answers = session_answers.required()
    walk = session_answers.walk(answers)
    reason = walk.exit
    if reason is None:
        return redirect(page_url(walk.missing or flow.Page("review")))
    title, text = texts.EXIT_TEXT[reason]
    result = assess_partial(answers) or {"outcome": "not_this_route", "flags": []}
    return render_template(
        "exit.html", title=title, text=text, reason=reason,
        outcome_label=v.label(v.OUTCOMES, result["outcome"]),
        flags=checklist.exit_flags(reason, result),
        not_legal_advice=texts.NOT_LEGAL_ADVICE,
        back_url=page_url(walk.before(flow.Page("exit"))),
    )


def complete_answers():
    """The answers when every page is answered; else the person is sent to the
    first page still to answer (or to the start, with no answers)."""
    answers = session_answers.required()
    missing = session_answers.walk(answers).missing
    if missing:
        abort(redirect(page_url(missing)))
    return answers


@pages.route("/result")
def result():
    answers = complete_answers()
    outcome = rules.assess(session_answers.normalised(answers))
    return render_template("result.html", result=outcome,
                           sheet=checklist.build(answers, outcome, datetime.date.today(),
                                                 tables=False),
                           lawyer_form=LawyerLanguageForm,
                           back_url=url_for("wizard.review"))


def pdf_download_offered():
    return not current_app.config["KIOSK"] and pdf.available()


def render_checklist(answers, **extra):
    """The checklist page, for the screen, the printer or the PDF."""
    lawyer_lang = request.args.get("lawyer", "nl")
    if lawyer_lang not in languages.LAWYER_LANGUAGES:
        lawyer_lang = "nl"
    outcome = rules.assess(session_answers.normalised(answers))
    sheet = checklist.build(answers, outcome, datetime.date.today())
    return render_template("checklist.html", result=outcome, sheet=sheet,
                           lawyer=languages.get(lawyer_lang),
                           same_language=lawyer_lang == g.lang, **extra)


@pages.route("/checklist", endpoint="checklist")
def checklist_page():
    answers = complete_answers()
    return render_checklist(answers, pdf_download=pdf_download_offered(),
                            back_url=url_for("wizard.result"))


# A PDF's garbage is collected once it is sent (checklist_pdf); should its
# response never have been closed, before the next request.
pages.before_app_request(pdf.collect_garbage)


@pages.route("/checklist.pdf")
def checklist_pdf():
    """The checklist as a PDF made on the server (not in kiosk mode)."""
    if not pdf_download_offered():
        abort(404)
    answers = complete_answers()
    html = render_checklist(answers, for_pdf=True)
    response = Response(pdf.render(html, current_app.static_folder,
                                   attachments=[handover.attachment(answers)]),
                        mimetype="application/pdf",
                        headers={"Content-Disposition": 'attachment; filename="checklist.pdf"'})
    response.call_on_close(pdf.collect_garbage)
    return response
