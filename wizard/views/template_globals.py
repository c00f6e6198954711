"""Two template globals made cheap (issue 14, "cheaper pages"): measured
with bench/profile_pages.py, they cost a fifth of the question page.

- csrf_token(): Flask-WTF signs the person's session token anew on every
  page (itsdangerous: key derivation, JSON, HMAC, base64; 100-200 µs). The
  signed token is the same whenever it is made (WTF_CSRF_TIME_LIMIT is
  None: the state's own expiry bounds it), so it is signed once per
  process for each session token, and kept for the request in g as
  Flask-WTF keeps it: every form of a page, the kiosk's links and any
  generate_csrf() share one token. CSRFProtect checks it on every post,
  as before.
- url_for('static', filename=...) (the address with the file's version, a
  hash of its content: app.py) is drawn in a kept part of the layout's
  <head>, kept for the files' modification times (`static_stamp`, a stat
  each, once a second at most): a file edited while the app runs gets its
  new address within a second.
- url_for(endpoint) with no values (the header's and footer's links: start,
  Leave, Language, Erase, Sources, Words explained): the same address for
  every page of a language, so it is built once per process and language.
  An address with values (an item, a token) is built every time.
"""
import functools
import os
import time

from flask import current_app, g, has_request_context, request, session
from flask_wtf.csrf import generate_csrf
from itsdangerous import URLSafeTimedSerializer

# Session tokens of the people seen lately, with their signed tokens (a
# random value each, never an answer; about 150 B each).
SIGNED_TOKENS_KEPT = 2048


@functools.lru_cache(maxsize=SIGNED_TOKENS_KEPT)
def _signed(secret_key, raw_token):
    # Exactly what flask_wtf.csrf.generate_csrf signs, so validate_csrf reads it.
    return URLSafeTimedSerializer(secret_key, salt="wtf-csrf-token").dumps(raw_token)


def csrf_token():
    """The page's CSRF token: Flask-WTF's, signed once per session token."""
    token = g.get("csrf_token")
    if token:
        return token
    config = current_app.config
    raw = session.get("csrf_token")
    if (not isinstance(raw, str) or config.get("WTF_CSRF_TIME_LIMIT") is not None
            or config.get("WTF_CSRF_FIELD_NAME", "csrf_token") != "csrf_token"):
        return generate_csrf()  # a new session token, or settings this cache does not cover
    g.csrf_token = _signed(config.get("WTF_CSRF_SECRET_KEY") or current_app.secret_key, raw)
    return g.csrf_token


def static_urls(app):
    """The templates' url_for, with the addresses without values kept (see above)."""
    url_for = app.url_for
    kept = {}

    def template_url_for(endpoint, **values):
        if not values and not endpoint.startswith(".") and has_request_context():
            # Only the language (wizard/views/__init__.py, url_defaults) and the
            # place the app is mounted at change such an address.
            key = (request.script_root, g.get("lang"), endpoint)
            url = kept.get(key)
            if url is None:
                url = kept[key] = url_for(endpoint)
            return url
        return url_for(endpoint, **values)

    return template_url_for


# How often the files' modification times are looked at again: three stats
# on every page were 2 % of a question page.
STAMP_RECHECK_SECONDS = 1.0


def static_stamp(app):
    """static_stamp(name, …): the modification times of these static files,
    as one string (a kept part's key: see above), looked at again once a
    second at most."""
    seen = {}  # names: (when looked at, stamp)

    def stamp(*names):
        now = time.monotonic()
        found = seen.get(names)
        if found and now - found[0] < STAMP_RECHECK_SECONDS:
            return found[1]
        try:
            value = " ".join([str(os.stat(os.path.join(app.static_folder, name)).st_mtime_ns)
                              for name in names])
        except OSError:
            value = ""  # a file missing: its address is drawn as Flask draws it
        seen[names] = (now, value)
        return value
    return stamp


def init_app(app):
    """After CSRFProtect.init_app, which sets the templates' csrf_token."""
    app.jinja_env.globals.update(csrf_token=csrf_token, url_for=static_urls(app),
                                 static_stamp=static_stamp(app))
    # CSRFProtect also puts its own csrf_token (signed anew each time) into
    # every page's context, where it would hide this one: the global serves all.
    processors = app.template_context_processors[None]
    processors[:] = [processor for processor in processors
                     if processor.__module__ != "flask_wtf.csrf"]
