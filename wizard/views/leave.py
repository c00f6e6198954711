""""Leave this page" (GOV.UK's "Exit this page"): a button in every page's
header, a plain POST form, so it works without JavaScript. It erases the
answers at once, as "Erase my answers" does (the state's cookies are
deleted: wizard/state.py), and opens a neutral site outside the app
(LEAVE_URL, a weather site by default, through a page that refreshes to it
at once: see ON_THE_WAY_OUT); on the kiosk, whose browser opens nothing
else, the language choice.

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
from flask import current_app, g, redirect, request, session, url_for
from markupsafe import escape

from wizard.views import pages

# Not a redirect: the pages' Content-Security-Policy says form-action 'self',
# and browsers apply it to where a form's post is redirected too, so they
# would refuse to go to another site. A refresh at once is a navigation of
# its own, allowed, and takes the place of this page in the history (Back
# from the weather site skips it). The link is for a browser without refresh.
ON_THE_WAY_OUT = (
    '<!doctype html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
    '<meta name="referrer" content="no-referrer">\n'
    '<meta http-equiv="refresh" content="0; url={url}">\n<title>{url}</title>\n</head>\n'
    '<body>\n<p><a href="{url}" rel="noreferrer">{url}</a></p>\n</body>\n</html>\n')


@pages.route("/leave", methods=["POST"])
def leave():
    if session or getattr(session, "unreadable", False):
        session.clear()  # as fixed_pages.erase_now: the cookies go with the response
    if current_app.config["KIOSK"]:
        return redirect(url_for("choose_language"), code=303)
    return ON_THE_WAY_OUT.format(lang=escape(g.lang.replace("_", "-")),
                                 url=escape(current_app.config["LEAVE_URL"]))


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
