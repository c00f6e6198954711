"""Listening: the address of a page's (or section's) audio for the "Listen"
control (the `listen` macro of templates/macros.html), and the route that serves it.

The address names the page or section and carries a hash of what it reads,
so the browser may keep it for a year. The route builds what it reads
itself, from the flow (questions) or the person's result (sections), and
answers only when the hash matches: no address makes it read anything but
the catalog's messages. See wizard/audio.py and README "Listening".
"""
import datetime
import functools
import hashlib
import os
import shutil
import subprocess
import tempfile
import time
from collections import namedtuple

from flask import Response, abort, current_app, g, request, url_for
from markupsafe import Markup, escape

from wizard import audio, checklist, flow, languages, rules, session_answers
from wizard.i18n import request_translations
from wizard.views import pages
from wizard.views.fragments import kept_for_language

YEAR_S = 365 * 24 * 60 * 60
# A question page's control is kept per process (it is the same for every
# person); with recorded files, looked at again when the language's folder
# changes (a file added or removed) or after this long (a file replaced).
RECORDED_RECHECK_S = 30
PAGES_WITH_SECTIONS = {"result": audio.result_sections, "checklist": audio.checklist_sections}

# What the "Listen" macro is given: an id for its label, the address, and
# the words that say it is a computer voice (None when it is all recorded).
Listen = namedtuple("Listen", "id url computer")


@functools.lru_cache(maxsize=1)
def tools_installed():
    """espeak-ng and lame (Debian packages espeak-ng, lame): without them, no control."""
    return bool(shutil.which(audio.ESPEAK) and shutil.which(audio.LAME))


def maker():
    found = current_app.extensions.get("nfc_audio")
    if found is None:
        cache_dir = current_app.config.get("AUDIO_CACHE_DIR") or os.path.join(
            tempfile.gettempdir(), "new-facts-check-audio")
        found = current_app.extensions["nfc_audio"] = audio.Maker(
            cache_dir, slots=int(current_app.config.get("AUDIO_MAX_GENERATIONS", 2)))
    return found


def page_plan(messages):
    """The parts that read `messages` in this request's language, or None."""
    language = languages.get(g.get("lang") or languages.DEFAULT)
    if not tools_installed() or not messages:
        return None
    return audio.plan(messages, request_translations().ugettext, language.code, language.voice,
                      current_app.config.get("RECORDED_AUDIO_DIR"))


def listen_for(plan, kind, part):
    if plan is None:
        return None
    digest = audio.digest(plan, secret_bytes(), g.lang, kind, part)
    return Listen(control_id(kind, part),
                  url_for("wizard.listen", kind=kind, part=part, digest=digest),
                  computer_voice(g.lang) if plan.computer else None)


def listen_control(messages, kind, part):
    """The Listen control of what `messages` read, or None when they cannot
    be read. The page and the audio route both ask this, so the address the
    page names is the one the route answers."""
    if not tools_installed() or not messages:
        return None
    if current_app.config.get("RECORDED_AUDIO_DIR"):
        # Which messages someone recorded (and which file) is in the address.
        return listen_for(page_plan(messages), kind, part)
    voice = computer_voice_here()
    if voice is None:
        return None
    digest = audio.words_digest(messages, voice.key, voice.catalog, voice.lang, voice.voice,
                                kind, part)
    return Listen(control_id(kind, part), listen_url(kind, part, digest, voice.addresses),
                  computer_voice(voice.lang))


# What a computer-voice control needs of its request: the language and its
# voice, the key and catalog stamp of the address's hash, and where each
# page's section addresses start.
ComputerVoice = namedtuple("ComputerVoice", "lang voice key catalog addresses")


def computer_voice_here():
    """This request's ComputerVoice, or None when its language has no voice:
    looked up once a request, not once a control (the result page has four;
    looking up each time was a third of their cost)."""
    here = g._get_current_object()  # one context lookup, not several
    lang = here.get("lang") or languages.DEFAULT
    found = here.get("nfc_computer_voice")
    if found is None or found[0] != lang:
        voice = languages.get(lang).voice
        here.nfc_computer_voice = found = (lang, ComputerVoice(
            lang, voice, secret_bytes(), catalog_stamp(lang), section_addresses())
            if voice else None)
    return found[1]


def section_addresses():
    """{page: the start of its sections' audio addresses}, built once per
    language: url_for was half the cost of the result page's four controls."""
    return kept_for_language("nfc_listen_addresses", lambda: {
        page: url_for("wizard.listen", kind=page, part="p", digest="d")[:-len("/p/d.mp3")]
        for page in PAGES_WITH_SECTIONS})


def listen_url(kind, part, digest, addresses):
    """The audio's address. A section's (a plain word, a hex digest) is filled
    into its page's address (`addresses`: section_addresses())."""
    if kind not in PAGES_WITH_SECTIONS or not part.isidentifier():
        return url_for("wizard.listen", kind=kind, part=part, digest=digest)
    return f"{addresses[kind]}/{part}/{digest}.mp3"


def computer_voice(lang):
    """The words that say the control reads with a computer voice (whose, where
    a language borrows another's)."""
    return languages.BORROWED_VOICE.get(lang, audio.N_("computer voice"))


def control_id(kind, part):
    return f"{kind}-{part}".replace(".", "-").replace("+", "-")


def secret_bytes():
    key = current_app.secret_key
    return key.encode("utf-8") if isinstance(key, str) else key


def catalog_stamp(lang):
    return _catalog_stamp(current_app.config["BABEL_TRANSLATION_DIRECTORIES"], lang)


@functools.lru_cache(maxsize=None)
def _catalog_stamp(directory, lang):
    """A hash of a language's compiled catalog, read once per process: a
    new translation gives its sections new addresses (the browser keeps
    each for a year)."""
    try:
        with open(os.path.join(directory, lang, "LC_MESSAGES", "messages.mo"), "rb") as handle:
            return hashlib.sha256(handle.read()).hexdigest()[:16]
    except OSError:  # English: the message ids are the words
        return ""


# --- for the templates ---------------------------------------------------------------

def question_messages(kind, part):
    """What a question page reads, from its address ("question", "removal")
    or ("item", "facts.kind+note"); None for an address the flow does not know."""
    steps = audio.steps_at(kind, part)
    if not steps:
        return None
    messages = []
    for step in steps:
        messages += audio.step_texts(step)
    return messages


def kept(kind, part, messages):
    """The Listen control of a page that reads the same for everyone (a
    question, a list), made once per process and language: planning it
    costs a tenth of the page (every message translated and hashed)."""
    store = current_app.extensions.setdefault("nfc_listen_kept", {})
    key = (g.get("lang"), kind, part)
    stamp = recorded_stamp(g.get("lang"))
    found = store.get(key)
    if found is None or found[0] != stamp:
        found = store[key] = (stamp, listen_control(messages(part), kind, part))
    return found[1]


def recorded_stamp(lang):
    """What tells that the operator's recordings of a language changed."""
    folder = current_app.config.get("RECORDED_AUDIO_DIR")
    if not folder:
        return None
    try:
        changed = os.stat(os.path.join(folder, lang or "")).st_mtime_ns
    except OSError:
        changed = None
    return changed, int(time.monotonic() // RECORDED_RECHECK_S)


@pages.app_template_global()
def question_audio(step, fields=()):
    """The Listen control of a question page: its question (`step`, with its
    follow-up) and the other questions asked on it (`fields`: (name, step))."""
    address = audio.page_address(step, [other for _name, other in fields or ()])
    if address is None:
        return None
    kind, part = address
    return kept(kind, part, lambda part: question_messages(kind, part))


@pages.app_template_global()
def list_audio(list_step, with_hint=True):
    """The Listen control of an add-another list page ("Is there anything new?")."""
    part = f"{list_step.name}.{'first' if with_hint else 'another'}"
    return kept("list", part, list_messages)


def list_messages(part):
    name, _dot, which = part.partition(".")
    list_step = flow.LISTS.get(name)
    if list_step is None or which not in ("first", "another"):
        return None
    question = list_step.empty_question if which == "first" else list_step.another_question
    return audio.list_texts(list_step, question, with_hint=which == "first")


def section_audio(page, sheet, section):
    """The Listen of one section of the result or the checklist, or None."""
    found = g.get("nfc_audio_sections")
    if found is None or found[0] is not sheet:
        found = g.nfc_audio_sections = (sheet, dict(PAGES_WITH_SECTIONS[page](sheet)))
    return listen_control(found[1].get(section), page, section)


# Where a kept Listen control has its id and its address (NUL: never in a
# template's output otherwise, see wizard/views/fragments.py).
ID_MARK, URL_MARK = "\x00id\x00", "\x00url\x00"


@pages.app_template_global()
def listen_section(page, sheet, section):
    """The `listen` macro's control of one section of the result or the
    checklist (nothing where it cannot be heard). The macro draws it once per
    language and voice; each section's id and address are filled in: its
    calls were 6 % of the result page, which has five."""
    found = section_audio(page, sheet, section)
    if found is None:
        return ""
    drawn = kept_for_language("nfc_listen_controls", dict)  # {found.computer: markup}
    control = drawn.get(found.computer)
    if control is None:
        listen = current_app.jinja_env.get_template("macros.html").module.listen
        control = drawn[found.computer] = str(listen(Listen(ID_MARK, URL_MARK, found.computer)))
    return Markup(control.replace(ID_MARK, escape(found.id)).replace(URL_MARK, escape(found.url)))


# --- the audio ---------------------------------------------------------------------

def section_messages(page, section):
    """A section of this person's result or checklist (read from the state,
    like the page), or None when there is no result yet."""
    answers = session_answers.load()
    if not answers or session_answers.walk(answers).missing:
        return None
    sheet = checklist.build(answers, rules.assess(session_answers.normalised(answers)),
                            datetime.date.today())
    return dict(PAGES_WITH_SECTIONS[page](sheet)).get(section)


@pages.route("/listen/<any(question, item, list, result, checklist):kind>/<part>/<digest>.mp3")
def listen(kind, part, digest):
    if kind in PAGES_WITH_SECTIONS:
        messages = section_messages(kind, part)
    elif kind == "list":
        messages = list_messages(part)
    else:
        messages = question_messages(kind, part)
    found = listen_control(messages, kind, part)
    # Only the address the page names: a changed text or voice has a new one.
    if found is None or found.url != request.path:
        abort(404)
    plan = page_plan(messages)
    if plan is None:
        abort(404)
    try:
        body = maker().audio(plan)
    except audio.Busy:
        return Response("busy, try again in a moment\n", 503, mimetype="text/plain",
                        headers={"Retry-After": str(audio.RETRY_AFTER_S)})
    except (subprocess.SubprocessError, OSError):
        # The endpoint only: never what is read (it could name a result).
        current_app.logger.exception("Could not make the audio of %s", kind)
        return Response("the audio could not be made\n", 503, mimetype="text/plain",
                        headers={"Retry-After": str(audio.RETRY_AFTER_S)})
    response = Response(body, mimetype="audio/mpeg")
    # A section is read from the person's state: kept in their browser only.
    response.cache_control.public = kind not in PAGES_WITH_SECTIONS
    response.cache_control.private = kind in PAGES_WITH_SECTIONS
    response.cache_control.max_age = YEAR_S
    response.cache_control.immutable = True
    response.set_etag(digest)
    # Phones (iOS Safari) ask for ranges of a sound before they play it.
    return response.make_conditional(request, accept_ranges=True, complete_length=len(body))
