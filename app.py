"""New Facts Check: the app factory. Run with `flask --app app run`."""
import functools
import gzip
import hashlib
import os
import secrets

import brotli
from flask import Flask, request
from flask.templating import Environment
from flask_compress import Compress
from flask_wtf.csrf import CSRFProtect
from werkzeug.middleware.proxy_fix import ProxyFix

from wizard import catalogs, contacts, errors, health, i18n, languages, static_files, views
from wizard.state import EncryptedSessionInterface
from wizard.views import fragments, template_globals

csrf = CSRFProtect()
compress = Compress()

# Strict: our own files only, no inline script or style (DESIGN.md §5).
CONTENT_SECURITY_POLICY = (
    # connect-src: the kiosk's keep-alive (static/app.js) posts to the app itself.
    # media-src: the "Listen" control's audio (wizard/views/audio.py).
    "default-src 'none'; connect-src 'self'; style-src 'self'; script-src 'self'; img-src 'self'; "
    "media-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)


@functools.lru_cache(maxsize=64)
def file_version(path, modified):
    """A short hash of a static file's content (`modified` renews it when
    the file is edited while the app runs)."""
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()[:10]


MISSING_SECRET_KEY = (
    "SECRET_KEY is not set: set the environment variable SECRET_KEY to one long random value, "
    "the same for every worker and every instance (each would otherwise make up its own key "
    "and refuse the answers the others wrote); see README \"Running in production\".")


def require_secret_key(app):
    """Refuse to start without SECRET_KEY, outside development and the tests.

    The state and the CSRF tokens are encrypted and signed with it: workers
    or instances with keys of their own refuse each other's answers, and a
    key made up at start loses everyone's answers at every restart. The
    tests, debug mode and the `flask` command (its development server is
    one process; its other commands keep no state) may make one up.
    """
    if app.config.get("SECRET_KEY"):
        return
    if app.testing or app.debug or os.environ.get("FLASK_RUN_FROM_CLI") == "true":
        app.config["SECRET_KEY"] = secrets.token_hex(32)
        return
    raise RuntimeError(MISSING_SECRET_KEY)


def trusted_proxies(value):
    """TRUSTED_PROXIES: the number of proxies in front whose X-Forwarded-*
    headers are believed (Werkzeug's ProxyFix); 0 or empty: none."""
    try:
        count = int(value or 0)
    except ValueError:
        count = -1
    if count < 0:
        raise RuntimeError(f"TRUSTED_PROXIES must be a number of proxies (0, 1, 2 …), not {value!r}")
    return count


# What Flask-Compress compresses: the pages, the style sheet, the script and
# the icon (Python names JavaScript either way). Not the PDF (already compressed).
COMPRESSED_TYPES = ["text/html", "text/css", "text/javascript", "application/javascript",
                    "image/svg+xml"]


@functools.lru_cache(maxsize=32)
def smaller_file(path, data):
    """A static file without comments and spare space (wizard/static_files.py)."""
    return static_files.minified(path, data)


@functools.lru_cache(maxsize=32)
def best_compressed(data, encoding):
    """A static file compressed at the highest level (brotli 11 saves about a
    sixth of the style sheet over level 4): first-visit bytes on slow data."""
    if encoding == "br":
        return brotli.compress(data, quality=11)
    return gzip.compress(data, compresslevel=9, mtime=0)


class TemplateEnvironment(Environment):
    """Flask's Jinja environment, with each template's globals a plain copy.

    Jinja keeps them as a ChainMap over the environment's, so that a global
    added later reaches templates already loaded. Read through a ChainMap,
    every page pays for it twice: at its start (the globals copied one by
    one) and at each `{% from "macros.html" import … %}` (compared key by
    key): a tenth of the work of a question page (instructions counted with
    valgrind). All of this app's globals are set in create_app(), before the
    first page.
    """

    def make_globals(self, d):
        return {**self.globals, **(d or {})}


def create_app(test_config=None):
    app = Flask(__name__)
    app.jinja_environment = TemplateEnvironment  # before app.jinja_env is first used
    app.config.from_mapping(
        # Several instances must share one secret (README "Running in production").
        SECRET_KEY=os.environ.get("SECRET_KEY") or None,
        # The state expires 4 hours after the last visit, and 8 hours after
        # the first answer however often it is renewed (README "Privacy and state").
        STATE_MAX_AGE=int(os.environ.get("STATE_MAX_AGE", 4 * 60 * 60)),
        STATE_MAX_LIFETIME=int(os.environ.get("STATE_MAX_LIFETIME", 8 * 60 * 60)),
        SESSION_COOKIE_NAME="nfc_state",
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=os.environ.get("COOKIE_SECURE", "1") == "1",
        MAX_CONTENT_LENGTH=16 * 1024,
        MAX_FORM_MEMORY_SIZE=16 * 1024,
        WTF_CSRF_TIME_LIMIT=None,  # the state's own expiry bounds it
        # Flask-WTF's "strict" HTTPS check wants a Referer on every POST, but
        # Referrer-Policy: no-referrer means browsers send none: every form
        # would be refused over HTTPS. The session-bound token (and SameSite)
        # is the protection.
        WTF_CSRF_SSL_STRICT=False,
        # Every word a form shows is the app's own (labels, hints, errors, in
        # its own catalogs, also for languages WTForms has none for). WTForms'
        # catalog is never shown, and Flask-WTF would read and parse it anew
        # for every request that makes a form (about 7 % of the result page).
        WTF_I18N_ENABLED=False,
        BABEL_TRANSLATION_DIRECTORIES=os.path.join(app.root_path, "translations"),
        BABEL_DEFAULT_LOCALE=languages.DEFAULT,
        # Kiosk mode (README "Kiosk"): a shared touch screen at a reception centre.
        KIOSK=os.environ.get("KIOSK", "0") == "1",
        KIOSK_IDLE_SECONDS=int(os.environ.get("KIOSK_IDLE_SECONDS", 180)),
        KIOSK_WARNING_SECONDS=int(os.environ.get("KIOSK_WARNING_SECONDS", 60)),
        # Listening (README "Listening"): the operator's recorded files
        # (<dir>/<lang>/<message key>.mp3), the computer voice's cache (unset:
        # a folder in the temporary directory), parts made at once per worker.
        RECORDED_AUDIO_DIR=os.environ.get("RECORDED_AUDIO_DIR") or None,
        AUDIO_CACHE_DIR=os.environ.get("AUDIO_CACHE_DIR") or None,
        AUDIO_MAX_GENERATIONS=int(os.environ.get("AUDIO_MAX_GENERATIONS", 2)),
        # "Who can help": the host's organisations, a TOML file (README "Who can
        # help: the contacts file"); unset: only what the seeds say.
        CONTACTS_FILE=os.environ.get("CONTACTS_FILE") or None,
        # Where "Leave this page" goes (erasing the answers first): a neutral
        # site; on the kiosk the language choice instead (wizard/views/leave.py).
        LEAVE_URL=os.environ.get("LEAVE_URL") or "https://www.knmi.nl/",
        # The style sheet, script and icon are kept by the browser for a
        # year: on slow data a page then costs one request, not three. Their
        # addresses carry a hash of the content (static_file_version), so a
        # changed file is fetched at once.
        SEND_FILE_MAX_AGE_DEFAULT=365 * 24 * 60 * 60,
        # How many proxies in front set X-Forwarded-For/-Proto/-Host (nginx
        # of deploy/: 1). 0, the default, trusts none: without a proxy
        # anyone could claim to be on HTTPS (README "Running in production").
        TRUSTED_PROXIES=trusted_proxies(os.environ.get("TRUSTED_PROXIES", "0")),
        # Compressed pages, style sheet, script and icon when the browser
        # asks (Accept-Encoding), for hosts without a proxy in front; behind
        # nginx the proxy compresses (deploy/nginx/app.conf asks the app for
        # none). The PDF is not compressed.
        COMPRESS_MIMETYPES=COMPRESSED_TYPES,
        COMPRESS_ALGORITHM=["br", "gzip"],
        # Brotli 5, not 4: about a tenth smaller pages (the checklist: 1 KB) for
        # about a millisecond; the first round trip on slow data is the budget.
        COMPRESS_BR_LEVEL=5,
        COMPRESS_STREAMS=False,  # only files stream: see compress_static_files
    )
    if test_config:
        app.config.update(test_config)
    require_secret_key(app)
    # Read once, at start: a broken file refuses to start, like a missing key.
    app.extensions["contacts"] = contacts.load(app.config["CONTACTS_FILE"])
    if app.config["TRUSTED_PROXIES"]:
        count = app.config["TRUSTED_PROXIES"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count, x_host=count)

    app.session_interface = EncryptedSessionInterface()
    i18n.init_app(app)  # before the pages: it brings the <language:…> converter
    compress.init_app(app)
    csrf.init_app(app)
    template_globals.init_app(app)  # one CSRF signature, static addresses kept
    app.jinja_env.add_extension(fragments.FragmentCache)  # {% cache %}
    views.register(app)
    errors.register(app)

    @app.url_defaults
    def static_file_version(endpoint, values):
        if endpoint == "static" and "filename" in values:
            path = os.path.join(app.static_folder, values["filename"])
            try:
                modified = os.stat(path).st_mtime_ns
            except OSError:
                return  # no such file: the address stays as asked, and is a 404
            values["v"] = file_version(path, modified)

    # Browsers ask for /favicon.ico on their own: answer with the icon rather
    # than a redirect and a "not found" on every page.
    app.add_url_rule("/favicon.ico", "favicon",
                     lambda: app.send_static_file("favicon.svg"))

    # After compress.init_app, so it runs before Flask-Compress does.
    @app.after_request
    def compress_static_files(response):
        """The style sheet, script and icon are sent from their files as
        streams, which Flask-Compress leaves alone: read them (a few KB) so
        that they are compressed like the pages. Only a whole file (200),
        never a range (206) or a 304."""
        if (request.endpoint in ("static", "favicon") and response.status_code == 200
                and response.is_streamed):
            response.direct_passthrough = False
            response.make_sequence()
            response.set_data(smaller_file(request.path, response.get_data()))
            # Compressed once per process at the best level (the files are
            # few and small); Flask-Compress leaves an encoded response alone.
            encoding = next((e for e in ("br", "gzip") if e in request.accept_encodings
                             and response.mimetype in COMPRESSED_TYPES), None)
            if encoding:
                response.set_data(best_compressed(response.get_data(), encoding))
                response.headers["Content-Encoding"] = encoding
                response.vary.add("Accept-Encoding")
        return response

    health.init_app(app)

    app.cli.add_command(catalogs.cli)

    @app.after_request
    def security_headers(response):
        response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()"
        if request.is_secure:
            response.headers["Strict-Transport-Security"] = "max-age=31536000"
        if request.endpoint in ("static", "favicon"):
            if "v" in request.args:
                response.cache_control.immutable = True  # its address changes with it
        elif request.endpoint == "wizard.listen" and response.mimetype == "audio/mpeg":
            pass  # fixed words at an address with their hash: kept (wizard/views/audio.py)
        else:
            # Pages show answers: never keep them in a cache or on the device.
            response.headers["Cache-Control"] = "no-store"
        return response

    return app
