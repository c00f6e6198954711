"""What every template is given, and the address of a page of the flow."""
from flask import current_app, g, request, session, url_for

from wizard import checklist, flow, languages, rules, session_answers
from wizard import vocabulary as v
from wizard.answers import AnswerError
from wizard.sources import SOURCES
from wizard.views import pages
from wizard.views.fragments import kept_for_language


@pages.app_context_processor
def page_context():
    # An error page is drawn "failsafe": no rules and no state beyond the
    # language, so a bug there cannot break the error page too.
    answers = {} if g.get("failsafe") else (session.get("answers") or {})
    language = languages.get(g.get("lang") or languages.DEFAULT)
    return {
        "language": language,
        "languages": languages.LANGUAGES,
        "urgent": urgent_so_far(answers) if answers and isinstance(answers, dict) else [],
        "urgent_compact": urgency_is_compact(),
        "review_text": languages.REVIEW_TEXT[language.review],
        "max_note_length": v.MAX_NOTE_LENGTH,
        "kiosk": current_app.config["KIOSK"],
        "kiosk_idle": current_app.config["KIOSK_IDLE_SECONDS"],
        "kiosk_warning": current_app.config["KIOSK_WARNING_SECONDS"],
        "sources": SOURCES,
        "contacts": current_app.extensions["contacts"],  # "Who can help" (wizard/contacts.py)
    }


# Where the urgency is shown in full: the urgency questions and the page after
# them (where it first becomes known), the result and the checklist.
URGENCY_IN_FULL = {"removal", "departure_in_days", "detained", "applying_for"}


def urgency_is_compact():
    if request.endpoint in ("wizard.result", "wizard.checklist"):
        return False
    return not (request.endpoint == "wizard.question"
                and (request.view_args or {}).get("name") in URGENCY_IN_FULL)


def urgent_so_far(answers):
    """The urgency banner's lines for the answers so far ([] for odd answers):
    the flags are all it needs, not the whole assessment."""
    try:
        flags = rules.flags(session_answers.normalised(answers))
    except AnswerError:
        return []
    return checklist.urgency({"flags": flags})


def assess_partial(answers):
    """The result so far (for the urgency banner), or None for odd answers."""
    try:
        return rules.assess(answers)
    except AnswerError:
        return None


def page_url(page, changing=False):
    """The address of a flow.Page; `changing` keeps the person in change mode."""
    if page.kind in ("question", "list") and not changing:
        return flow_addresses()[page.kind, page.name]
    extra = {"change": 1} if changing else {}
    if page.kind == "question":
        return url_for("wizard.question", name=page.name, **extra)
    if page.kind == "list":
        return url_for("wizard.item_list", name=page.name, **extra)
    if page.kind == "item":
        return url_for("wizard.item", name=page.name, index=page.index, field=page.field, **extra)
    return url_for(f"wizard.{page.kind}")


def flow_addresses():
    """{(kind, name): address} of every question and list page, in this
    request's language and mount point: built once per process, all at once
    (building one was about 1.5 % of a question page)."""
    def build():
        found = {("question", name): url_for("wizard.question", name=name)
                 for name in flow.STEPS_BY_NAME}
        found.update({("list", name): url_for("wizard.item_list", name=name)
                      for name in flow.LISTS})
        return found
    return kept_for_language("nfc_flow_addresses", build)


def is_changing():
    """Whether the person came from "Check your answers" to change an answer
    (?change=1 on the address, or the form's hidden field when it is sent).
    A GET reads the address only: request.values would parse a form body
    that a GET does not have (some 30 µs)."""
    if request.method == "GET":
        return request.args.get("change") == "1"
    return request.values.get("change") == "1"
