"""The language of each request, and translating what the pages show.

The language is in the address (/ar/…, the `language` converter); the
language choice at / suggests one from the browser's Accept-Language.
Flask-Babel finds the translations anew for every string (several context
lookups each, about 10 µs) and the checklist has hundreds: these helpers
find them once per request, or once per process for the lawyer's language.
Text and N_ (wizard/messages.py) stay free of Flask.
"""
import functools
from types import SimpleNamespace

from babel import Locale
from flask import g, has_request_context, request
from flask_babel import Babel, force_locale, get_translations
from flask_babel import gettext as babel_gettext
from flask_babel.speaklater import LazyString
from markupsafe import Markup, escape
from werkzeug.datastructures import LanguageAccept
from werkzeug.http import parse_accept_header
from werkzeug.routing import BaseConverter

from wizard import languages
from wizard.messages import N_, Text  # noqa: F401 (re-exported: the language in one module)

babel = Babel()


class LanguageConverter(BaseConverter):
    """A language code of ours in the address; any other is "not found"."""
    # Longest first, so "fa_AF" is tried before "fa".
    regex = "|".join(sorted(languages.CODES, key=len, reverse=True))


def negotiate_language(header):
    """The best of our languages for an Accept-Language header, by its q-values
    (Werkzeug parses it), after mapping the codes browsers send that our
    catalogs do not use (prs → fa_AF, kmr → ku; DESIGN.md §6)."""
    wanted = []
    for code in parse_accept_header(header or "", LanguageAccept).values():
        code = code.replace("-", "_")
        if code == "*" or len(code) > 20:
            continue
        base = code.split("_")[0].lower()
        wanted.append(languages.ACCEPT_LANGUAGE_ALIASES.get(base, code))
    try:
        found = Locale.negotiate(wanted, list(languages.CODES), sep="_")
    except (ValueError, TypeError):
        found = None
    return str(found) if found else languages.DEFAULT


def select_locale():
    """The request's language code: the address's language, else the browser's."""
    return g.get("lang") or negotiate_language(request.headers.get("Accept-Language", ""))


@functools.lru_cache(maxsize=None)
def locale_of(code):
    """The babel.Locale of one of our codes, parsed once per process:
    Locale.parse of a string costs some 35 µs (a file-exists check
    included), of a Locale nothing, and Flask-Babel parses on every request."""
    return Locale.parse(code)


def select_babel_locale():
    """Flask-Babel's locale selector: select_locale(), as a cached Locale."""
    return locale_of(select_locale())


def request_translations():
    """This request's translations, looked up once per locale.

    Flask-Babel (4.0) keeps the request's locale in g._flask_babel, where
    the locale is also put here; force_locale() and refresh() replace it, so
    a change of language is noticed (tests/test_i18n.py checks both).
    """
    request_globals = g._get_current_object()  # one context lookup, not three
    babel_context = request_globals.get("_flask_babel")
    locale = getattr(babel_context, "babel_locale", None)
    cached = request_globals.get("nfc_translations")
    if locale is None or cached is None or cached[0] is not locale:
        if locale is None:
            # What get_locale() does, once a request, without its lookups
            # of the app and the context (4 µs): the selector's locale, kept
            # where Flask-Babel keeps it.
            locale = select_babel_locale()
            if babel_context is None:
                babel_context = request_globals._flask_babel = SimpleNamespace()
            babel_context.babel_locale = locale
        # The catalogs found once per process (Flask-Babel's own lookup of
        # them costs some 40 µs a request).
        cached = request_globals.nfc_translations = (locale, translations_for(str(locale)))
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


def lazy_text(message):
    """Flask-Babel's lazy_gettext(message) (no variables), translated through
    request_translations(): the forms' labels and hints are a dozen a page."""
    return LazyString(_gettext_now, message)


def _gettext_now(message):
    if has_request_context():
        return request_translations().ugettext(message)
    return babel_gettext(message)


def translate(text, locale=None):
    """Translate a Text (with nested Text parameters) now, in this request's
    language or in `locale` (the lawyer's, on the checklist).

    Parameters (numbers, labels, notes) are isolated in <bdi> so a number
    or a Latin word cannot scramble a right-to-left sentence.
    """
    translations = translations_for(locale) if locale else request_translations()
    return _translate(text, translations)


def _translate(text, translations):
    if isinstance(text, str):
        return text
    if not text.params:
        return translations.ugettext(text.msgid)
    return Markup(_html(text, translations))


def _html(text, translations):
    """A Text as escaped HTML, in a plain str: built with str's %, as
    Markup's % wraps and escapes every value again (some 20 µs a line)."""
    template = str(escape(translations.ugettext(text.msgid)))
    if not text.params:
        return template
    params = {}
    for key, value in text.params.items():
        inner = _html(value, translations) if isinstance(value, tuple) else str(escape(value))
        params[key] = "<bdi>" + inner + "</bdi>"
    return template % params


def T(msgid, **params):  # noqa: N802 (the templates' short name for a checklist line)
    """A checklist line written in a template: translated later, twice."""
    return Text(msgid, **params)


def init_app(app):
    """Babel, the `language` converter, and the templates' _(), T() and translate()."""
    app.url_map.converters["language"] = LanguageConverter
    babel.init_app(app, locale_selector=select_babel_locale)
    # Jinja's installer wants both callables; its gettext is then replaced
    # by template_gettext, its ngettext (rare) is kept.
    app.jinja_env.install_gettext_callables(
        gettext=lambda string: request_translations().ugettext(string),
        ngettext=lambda singular, plural, n: request_translations().ungettext(singular, plural, n),
        newstyle=True)
    app.jinja_env.globals.update(_=template_gettext, gettext=template_gettext, T=T,
                                 translate=translate)
