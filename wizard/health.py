"""GET /healthz, for a load balancer or a process supervisor: whether this
instance can serve (the secret set, a compiled catalog for every language)."""
import functools
import os

from flask import Response

from wizard import languages

HEALTH_PATH = "/healthz"


def catalog_files(app):
    """(code, path of the compiled catalog) of every language but the source."""
    root = app.config["BABEL_TRANSLATION_DIRECTORIES"]
    return [(language.code, os.path.join(root, language.code, "LC_MESSAGES", "messages.mo"))
            for language in languages.LANGUAGES if language.review != languages.REVIEW_SOURCE]


@functools.lru_cache(maxsize=4)
def _unreadable_catalogs(files):
    """The codes whose .mo is missing, unreadable or empty. `files` holds
    each file's modification time, so an edited catalog is read again."""
    from babel.support import Translations

    bad = []
    for code, path, modified in files:
        try:
            with open(path, "rb") as handle:
                if modified is None or len(Translations(handle)._catalog) < 2:
                    bad.append(code)
        except Exception:  # noqa: BLE001 - missing, or not a .mo (gettext raises several kinds)
            bad.append(code)
    return tuple(bad)


def health_problems(app):
    """What keeps this instance from serving every language; [] when ready."""
    problems = [] if app.secret_key else ["SECRET_KEY is not set"]
    files = []
    for code, path in catalog_files(app):
        try:
            modified = os.stat(path).st_mtime_ns
        except OSError:
            modified = None
        files.append((code, path, modified))
    bad = _unreadable_catalogs(tuple(files))
    if bad:
        problems.append("no compiled catalog (pybabel compile -d translations): " + " ".join(bad))
    return problems


def without_cookies_at(path, wsgi_app):
    """The health check reads no state: its requests reach the app without
    their Cookie header, so it never decrypts, renews or deletes a person's
    state, whatever the browser or the load balancer sends."""
    def middleware(environ, start_response):
        if environ.get("PATH_INFO") == path:
            environ.pop("HTTP_COOKIE", None)
        return wsgi_app(environ, start_response)
    return middleware


def init_app(app):
    """GET /healthz: 200 "ok" when this instance can serve (the secret set,
    a compiled catalog for every language), else 503 and what is missing.
    No state, no Set-Cookie, Cache-Control: no-store (security_headers), and
    nothing logged (the app logs no requests; deploy/ keeps no access log)."""
    def healthz():
        problems = health_problems(app)
        if problems:
            return Response("not ready: " + "; ".join(problems) + "\n", 503,
                            mimetype="text/plain")
        return Response("ok\n", mimetype="text/plain")

    app.add_url_rule(HEALTH_PATH, "healthz", healthz, methods=["GET"])
    app.wsgi_app = without_cookies_at(HEALTH_PATH, app.wsgi_app)
