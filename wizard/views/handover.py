"""Continue from your checklist PDF: the person uploads the PDF (or its
answers.json) and is back on "Check your answers" with every answer
(README "The hand-over file"). Not on the kiosk.

The file is read in memory and forgotten: nothing of it is stored or logged.
Only the answers, once checked, go into the person's encrypted state, as
if they had been answered on the pages.
"""
from flask import abort, current_app, redirect, render_template, request
from flask_wtf.csrf import CSRFError, validate_csrf
from werkzeug.exceptions import RequestEntityTooLarge
from wtforms import ValidationError

from wizard import flow, handover, pdf, session_answers
from wizard.state import StateTooLarge
from wizard.views import pages
from wizard.views.context import page_url

# The form's own fields and the multipart boundaries, on top of the file.
FORM_OVERHEAD_BYTES = 8 * 1024


@pages.record_once
def check_csrf_in_the_view(state):
    """The app checks CSRF before every view, and reading the form there would
    hold this upload to the app's small form limit (MAX_CONTENT_LENGTH) and
    answer a larger file with the bare 413 page. This view sets its own
    limit first and then checks the token itself (continue_from_file)."""
    state.app.extensions["csrf"].exempt(continue_from_file)


@pages.app_template_global()
def handover_offered():
    """Whether "Save to continue later" and "Continue from your checklist PDF"
    are offered: not on a shared kiosk."""
    return not current_app.config["KIOSK"]


@pages.app_template_global()
def save_for_later_offered():
    return handover_offered() and pdf.available()


@pages.route("/continue", methods=["GET", "POST"])
def continue_from_file():
    if not handover_offered():
        abort(404)
    if request.method == "GET":
        return render_template("handover.html")
    # Werkzeug keeps an upload up to 500 KB in memory, never on disk. Its
    # multipart parser holds each chunk it reads (64 KB) to the form memory
    # limit too, so that one is raised with it, for this request only.
    request.max_content_length = handover.MAX_UPLOAD_BYTES + FORM_OVERHEAD_BYTES
    request.max_form_memory_size = request.max_content_length
    try:
        token = request.form.get("csrf_token")
        upload = request.files.get("file")
    except RequestEntityTooLarge:
        return refused("too_large")
    try:
        validate_csrf(token)
    except ValidationError as error:
        raise CSRFError(error.args[0]) from None
    if upload is None or not upload.filename:
        return refused("no_file")
    data = upload.stream.read(handover.MAX_UPLOAD_BYTES + 1)
    try:
        answers = handover.for_session(handover.read(data))
    except handover.Refused as error:
        return refused(error.reason)
    try:
        # The lists were answered to the end when the file was made.
        session_answers.save(answers, confirmed=set(flow.LISTS))
    except StateTooLarge:
        return refused("invalid")
    walk = session_answers.walk(answers)
    return redirect(page_url(walk.missing or flow.Page("review")))


def refused(reason):
    message, status = handover.REASONS[reason]
    return render_template("handover.html", error=message), status
