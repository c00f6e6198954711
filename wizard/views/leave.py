""""Leave this page" (GOV.UK's "Exit this page"): a button in every page's
header, a plain POST form, so it works without JavaScript. It erases the
answers at once, as "Erase my answers" does (the state's cookies are
deleted: wizard/state.py), and opens a neutral site outside the app
(LEAVE_URL, a weather site by default); on the kiosk, whose browser opens
nothing else, the language choice.

It must leave whatever happens, so it never shows one of our error pages:

- No CSRF check: the form carries the page's token like every form, but a
  token that no longer fits (the state expired, or was erased in another
  tab) must not stop the person at "Your answers have expired". A forged
  post from another site cannot erase anything: the state cookies are
  SameSite=Lax, so a cross-site post arrives without them, and then
  nothing is touched (no cookie is deleted).
- Expired or unreadable state would otherwise get "Your answers have
  expired" (wizard/errors.py) before the view: it is cleared and the
  person leaves all the same.

What it cannot do, the start page says: remove this site from the
browser's history on a personal phone.
"""
from flask import current_app, redirect, request, session, url_for

from wizard.views import pages


@pages.route("/leave", methods=["POST"])
def leave():
    if session or getattr(session, "unreadable", False):
        session.clear()  # as fixed_pages.erase_now: the cookies go with the response
    if current_app.config["KIOSK"]:
        return redirect(url_for("choose_language"), code=303)
    return redirect(current_app.config["LEAVE_URL"], code=303)


@pages.record_once
def without_csrf_check(state):
    # CSRFProtect is set up before the pages are registered (app.py).
    state.app.extensions["csrf"].exempt(leave)


@pages.before_app_request
def leave_even_with_unreadable_state():
    """Registered with the pages, so it runs before the "expired" page of
    wizard/errors.py (registered after them)."""
    if request.endpoint == "wizard.leave" and getattr(session, "unreadable", False):
        return leave()
    return None
