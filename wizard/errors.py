"""Error pages, in the person's language, that cannot fail twice: drawn
"failsafe" (no rules, no state beyond the language; notifications-admin's
g.failsafe), registered in the factory. In debug mode errors are raised."""
from flask import g, render_template, request, session
from flask_babel import refresh
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from wizard import i18n, languages

# The pages that may be shown with state that could not be read.
SHOWN_WITH_UNREADABLE_STATE = ("static", "choose_language", "wizard.start", "wizard.timeout")


def register(app):
    @app.before_request
    def tell_about_unreadable_state():
        # Expired, tampered or foreign state: say so, and start clean.
        if getattr(session, "unreadable", False) and \
                request.endpoint not in SHOWN_WITH_UNREADABLE_STATE:
            lang = g.get("lang")
            session.clear()
            return render_error(400, lang, expired=True)

    @app.errorhandler(CSRFError)
    def csrf_error(error):
        return render_error(400, lang_from_path(), expired=True)

    @app.errorhandler(HTTPException)
    def http_error(error):
        # Keep the exception's own headers (Retry-After on "PDF busy", Allow on 405).
        return (*render_error(error.code or 500, lang_from_path()), error.get_headers())

    @app.errorhandler(Exception)
    def unexpected_error(error):
        if app.debug:
            raise error  # the developer wants the traceback, not our page
        # The endpoint only: never anything the person answered.
        app.logger.exception("Unexpected error on %s", request.endpoint)
        return render_error(500, lang_from_path())


def lang_from_path():
    first = request.path.strip("/").split("/")[0]
    return first if first in languages.CODES else None


def render_error(code, lang, expired=False):
    g.failsafe = True
    g.lang = lang or i18n.negotiate_language(request.headers.get("Accept-Language", ""))
    refresh()  # the locale may have been chosen before we knew the language
    return render_template("error.html", code=code, expired=expired), code
