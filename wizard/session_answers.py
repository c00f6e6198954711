"""The person's answers as the pages read and save them (in the encrypted
state of wizard/state.py): never failing on odd state, pruned on save."""
from flask import abort, current_app, g, redirect, session, url_for

from wizard import flow
from wizard.answers import AnswerError, normalise
from wizard.state import check_fits


def load():
    """The person's answers so far; never fails on odd state."""
    raw = session.get("answers") or {}
    try:
        normalised(raw)
    except AnswerError:
        # State we wrote ourselves but cannot read any more (an older
        # version of the app): start again rather than guess.
        session.clear()
        session.unreadable = True
        return {}
    return raw


def normalised(raw):
    """normalise() of the state's answers, done once a request: the page
    checks them and the urgency banner reads them (some 45 µs each time).
    Kept by identity: answers changed or saved are a new dict, read again."""
    kept = g.get("nfc_normalised")
    if kept is not None and kept[0] is raw:
        return kept[1]
    result = normalise(raw)
    g.nfc_normalised = (raw, result)
    return result


def confirmed_lists():
    """The lists the person said were complete ("add another: no")."""
    confirmed = session.get("confirmed")
    if not isinstance(confirmed, list):  # state of an odd shape: nothing confirmed
        return set()
    return {name for name in confirmed if isinstance(name, str) and name in flow.LISTS}


def walk(answers):
    """This request's way through the flow (flow.Walk), given the answers
    normalised() already made of them, if any."""
    kept = g.get("nfc_normalised")
    return flow.Walk(answers, confirmed_lists(),
                     kept[1] if kept is not None and kept[0] is answers else None)


def save(answers, confirmed=None):
    """Prune dead branches and keep the answers; raise StateTooLarge first."""
    answers = flow.prune(answers)
    new_state = dict(session)
    new_state["answers"] = answers
    if confirmed is not None:
        new_state["confirmed"] = sorted(confirmed)
    check_fits(new_state, current_app.secret_key)
    session["answers"] = answers
    if confirmed is not None:
        session["confirmed"] = sorted(confirmed)


def required():
    """The answers of a page of the check, which needs some: with none (after an
    erase, a kiosk wipe, an expiry) the person is sent to the start, so Back
    never shows an empty copy of someone else's page."""
    answers = load()
    if not answers:
        abort(redirect(url_for("wizard.start")))  # a response: no error page is drawn
    return answers
