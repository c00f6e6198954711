"""The pages outside the questions: the language choice, the start page,
sources, erasing, and the kiosk's wipe."""
import datetime

from flask import Response, abort, current_app, g, redirect, render_template, request, session, url_for
from flask_wtf.csrf import validate_csrf
from wtforms import ValidationError

from wizard import checklist, flow, i18n, rules, texts
from wizard.forms import EraseForm
from wizard.messages import Text
from wizard.sources import RESEARCH_SOURCES, SOURCES
from wizard.views import pages
from wizard.views.context import page_url


def choose_language():
    """The language choice at /, on the app itself (it has no language): the
    browser's language is suggested, every language is offered. After a kiosk
    wipe it must not tell the next person which language the last one used."""
    g.lang = i18n.select_locale()
    return render_template("languages.html", erased=request.args.get("erased") == "1")


@pages.route("/")
def start():
    return render_template("start.html")


@pages.route("/begin", methods=["POST"])
def begin():
    """Start now. Answers already given are kept (pre-filled): only
    "Erase my answers" or the kiosk's timeout wipes them."""
    return redirect(page_url(flow.Page("question", flow.STEPS[0].name)))


@pages.route("/sources")
def sources():
    return render_template(
        "sources.html", sources=SOURCES, research_sources=RESEARCH_SOURCES,
        procedure_dates=Text(texts.PROCEDURE_DATES,
                             date=checklist.format_date(rules.EU_RULES_IN_FORCE_SINCE)),
        legal_dates=checklist.legal_dates(datetime.date.today()))


@pages.route("/erase", methods=["GET", "POST"])
def erase():
    """"Erase my answers" asks first (Yes / No, without JavaScript); "Finish and
    erase my answers", a post without that question, erases at once."""
    if request.method == "GET" and not session.get("answers"):
        return redirect(url_for("wizard.start"))  # nothing to erase (and Back after an erase)
    if request.method == "GET" or "confirm" in request.form:
        form = EraseForm()
        if form.validate_on_submit():
            return erase_now() if form.confirm.data == "yes" else redirect(url_for("wizard.start"))
        return render_template("erase.html", form=form, back_url=url_for("wizard.start"))
    return erase_now()


def erase_now():
    session.clear()
    if current_app.config["KIOSK"]:
        return redirect(url_for("choose_language", erased=1))
    return redirect(url_for("wizard.erased"))


@pages.route("/erased")
def erased():
    return render_template("erased.html")


@pages.route("/timeout")
def timeout():
    """The kiosk's inactivity wipe: the page's timer, its "Erase now" link
    and, without JavaScript, a meta refresh come here with the page's CSRF
    token (`?token=`, bound to this person's state; no answer is ever in
    the address). Only in kiosk mode (elsewhere "Erase my answers" is a
    POST), and only with that token: a link on another site erases nothing.
    """
    if not current_app.config["KIOSK"]:
        abort(404)
    if getattr(session, "unreadable", False) or not session.get("answers"):
        # Expired (the server's own kiosk limit), unreadable or empty:
        # nothing of anyone to protect. Clear the cookie, show the next
        # person the language choice.
        session.clear()
        return redirect(url_for("choose_language", erased=1))
    try:
        validate_csrf(request.args.get("token", type=str))
    except ValidationError:
        # Not this person's token: keep the answers, show the start page
        # (from which the person goes on, or erases with the button).
        return redirect(url_for("wizard.start"))
    session.clear()
    return redirect(url_for("choose_language", erased=1))


@pages.route("/keep-alive", methods=["POST"])
def keep_alive():
    """The kiosk page's script calls this (a POST with the CSRF token in the
    X-CSRFToken header) while the person reads or types without sending a
    form: the state is written anew, so the server's kiosk limit (idle plus
    warning time since the last request) counts from now. Nothing else."""
    if not current_app.config["KIOSK"]:
        abort(404)
    session.modified = True
    return Response(status=204)
