"""A third yardstick for bench/load: the question "Are you in detention
now?" written the usual way, as a good Flask developer would, with nothing
of this app's own machinery:

- a Flask-WTF FlaskForm with one RadioField of 3 choices and InputRequired,
  rendered by WTForms' own widgets;
- CSRFProtect, the form's CSRF field, and a second token for the "erase"
  form in the layout (as the app's pages have);
- a Jinja layout of the app's markup (header, erase form, urgency banner,
  back link, footer, the same static links) in bench/plain_templates/;
- Flask's default session (signed with itsdangerous, not encrypted),
  carrying the same answers as the app's cookie of a person mid-check;
- Cache-Control: no-store and the app's security headers.

No translations, no flow, no rules: English only. bench/load serves it
with gunicorn -w 2 beside the app and compares their rates. It reads
SECRET_KEY from the environment.
"""
import os

from flask import Flask, make_response, redirect, render_template, session, url_for
from flask_wtf import FlaskForm
from flask_wtf.csrf import CSRFProtect
from wtforms import RadioField
from wtforms.validators import InputRequired

HERE = os.path.dirname(os.path.abspath(__file__))
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")

# A person who answered the route questions (as bench/benchlib.py mid_check()).
ANSWERS = {
    "in_netherlands": "yes", "applied_before_nl": "yes", "previous_outcome": "rejected",
    "appeal": "none_or_finished", "earlier_repeat_applications": "none",
    "protection_elsewhere": "no", "ukraine_temporary_protection": "no",
    "returned_home": "no", "removal": "flight_booked", "departure_in_days": 12,
    "detained": "no", "applying_for": "me_alone",
}


class DetainedForm(FlaskForm):
    answer = RadioField(
        "Are you in detention now?",
        choices=[("yes", "Yes"), ("no", "No"), ("unsure", "I am not sure")],
        validators=[InputRequired(message="Select whether you are in detention now")])


def create_app(secret_key=None):
    app = Flask(__name__, template_folder=os.path.join(HERE, "plain_templates"),
                static_folder=os.path.join(os.path.dirname(HERE), "static"))
    app.config.update(
        SECRET_KEY=secret_key or os.environ.get("SECRET_KEY") or "plain-app-development-only",
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=False,
        WTF_CSRF_TIME_LIMIT=None,
        WTF_CSRF_SSL_STRICT=False,
        MAX_CONTENT_LENGTH=16 * 1024,
    )
    CSRFProtect(app)

    @app.route("/en/question/detained", methods=["GET", "POST"])
    def detained():
        answers = session.get("answers", {})
        form = DetainedForm(answer=answers.get("detained"))
        if form.validate_on_submit():
            answers["detained"] = form.answer.data
            session["answers"] = answers
            return redirect(url_for("question", name="applying_for"))
        urgent = answers.get("removal") == "flight_booked" and \
            int(answers.get("departure_in_days") or 99) <= 14
        response = make_response(render_template(
            "question.html", form=form, urgent=urgent,
            hint="Any kind of detention: for example a detention centre, a police cell, "
                 "at the border or in prison."))
        response.headers["Cache-Control"] = "no-store"
        return response

    @app.route("/en/question/<name>")
    def question(name):
        return name

    @app.route("/en/")
    def start():
        return "start"

    @app.route("/en/sources")
    def sources():
        return "sources"

    @app.route("/en/erase", methods=["POST"])
    def erase():
        session.clear()
        return redirect(url_for("start"))

    @app.after_request
    def security_headers(response):
        response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()"
        return response

    return app


app = create_app()


def mid_check(secret_key):
    """(session cookie, CSRF token) of a person mid-check, for wrk."""
    import re

    client = create_app(secret_key).test_client()
    with client.session_transaction() as stored:
        stored["answers"] = dict(ANSWERS)
    page = client.get("/en/question/detained")
    assert page.status_code == 200, page.status_code
    token = re.search(r'id="csrf_token" name="csrf_token" type="hidden" value="([^"]+)"',
                      page.get_data(as_text=True)).group(1)
    return client.get_cookie("session").value, token
