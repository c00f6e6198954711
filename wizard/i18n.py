"""Fast access to the translations, for pages with many strings.

Flask-Babel finds the translations anew for every string (several context
lookups each, about 10 µs); the checklist has hundreds of strings. These
helpers find them once per request, or once per process for the lawyer's
language, and give the same answers.
"""
import functools

from flask import g
from flask_babel import force_locale, get_translations
from markupsafe import Markup


def request_translations():
    """This request's translations, looked up once per locale.

    Flask-Babel keeps the request's locale in g._flask_babel; force_locale()
    and refresh() replace it, so a change of language is noticed. (Were
    Flask-Babel ever to keep it elsewhere, this gets slower, not wrong.)
    """
    request_globals = g._get_current_object()  # one context lookup, not three
    locale = getattr(request_globals.get("_flask_babel"), "babel_locale", None)
    cached = request_globals.get("nfc_translations")
    if locale is None or cached is None or cached[0] is not locale:
        translations = get_translations()
        cached = (getattr(request_globals.get("_flask_babel"), "babel_locale", None),
                  translations)
        request_globals.nfc_translations = cached
    return cached[1]


@functools.lru_cache(maxsize=None)
def translations_for(code):
    """The translations of one language (the catalogs never change while
    the app runs)."""
    with force_locale(code):
        return get_translations()


def template_gettext(string, **variables):
    """_() in a template: what Jinja's "newstyle" gettext does for an HTML
    template (the translation is trusted markup, the variables are escaped),
    without its three nested calls, as _() runs dozens of times a page."""
    text = Markup(request_translations().ugettext(string))
    if not variables and "%" not in text:
        return text  # nothing to fill in (a "%%" still goes through %)
    return text % variables


def install(app):
    """Let the templates' _() and ngettext() use request_translations()."""
    # Jinja's installer wants both callables; its gettext is then replaced
    # by template_gettext, its ngettext (rare) is kept.
    app.jinja_env.install_gettext_callables(
        gettext=lambda string: request_translations().ugettext(string),
        ngettext=lambda singular, plural, n: request_translations().ungettext(singular, plural, n),
        newstyle=True)
    app.jinja_env.globals.update(_=template_gettext, gettext=template_gettext)
