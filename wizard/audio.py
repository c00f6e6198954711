"""Listening: what a page's "Listen" control reads, and making its sound (pure, no Flask).

A page's audio is a row of parts, one per message of the catalog: the
question, its hint, each choice and its hint; on the result and the
checklist, each section's static lines. A part comes from a file a native
speaker recorded (RECORDED_AUDIO_DIR/<lang>/<message key>.mp3) when there
is one, otherwise from the computer voice (Debian's espeak-ng, encoded as
MP3 by lame), made once and kept in the cache folder.

What is read is built only from message ids translated with the catalog
(and an item's number, "Fact 2"): never a note, a number of days, a date or
anything else the person typed. `speakable()` is the gate: a message whose
parameters are not all catalog messages or item numbers is not read.

    .venv/bin/python -m wizard.audio files     # the recorded files' names, one a line
"""
import fcntl
import functools
import hashlib
import hmac
import os
import subprocess
import sys
import tempfile
import threading
import wave
from collections import namedtuple

from wizard import flow, texts
from wizard import vocabulary as v
from wizard.messages import N_, Text

# Part of every cache name and page address: change it when the sound is made
# differently (voice speed, encoder settings) so that old files are not used.
ENGINE = "espeak-ng/lame cbr32 mono 22.05kHz s150 v1"
ESPEAK = "espeak-ng"
LAME = "lame"
WORDS_PER_MINUTE = 150  # espeak-ng's default is 175: a little slower, for people who listen hard
# Constant bit rate, mono, 22.05 kHz, no VBR header (-t): every part has the
# same frames, so parts can follow each other in one file, and a phone can
# tell the length from the size. 32 kbit/s is plenty for one voice.
LAME_OPTIONS = ("--quiet", "-t", "--cbr", "-b", "32", "-m", "m", "--resample", "22.05")
TIMEOUT_S = 20
PAUSE_S = 0.4  # between two parts (the question and its first choice …)
RETRY_AFTER_S = 5

# The headings of the result page and the checklist (the same message ids
# as in templates/result.html and templates/checklist.html).
HEADINGS = {
    "tests": N_("What the IND checks"),
    "to_do_result": N_("What to do next"),
    "flags_result": N_("Tell your lawyer"),
    "important": N_("Important"),
    "urgency": N_("Urgent: contact your lawyer today"),
    "result": N_("Result"),
    "facts": N_("What is new"),
    "documents": N_("Documents"),
    "to_do": N_("To do"),
    "fill_in": N_("Fill in by pen"),
    "bring": N_("Bring to the meeting"),
    "after_lodging": N_("What happens after you apply"),
}
NOTHING_NEW = N_("Nothing new was named.")
NO_DOCUMENTS = N_("No documents were added.")
# The checklist's column headings, read before each value.
FACT_COLUMNS = (N_("New since the decision?"), N_("Whom it concerns"))
DOCUMENT_COLUMNS = (N_("Shows"), N_("Language"), N_("Translation"), N_("Original or copy"),
                    N_("How it arrived"))
FACT_NUMBER = N_("Fact %(number)s")
DOCUMENT_NUMBER = N_("Document %(number)s")


# --- what is read ---------------------------------------------------------------

def speakable(text):
    """Whether a message may be read aloud: a message id whose parameters are
    all catalog messages (recursively) or an item's `number`. A note, a
    number of days or a date is a str or another int: never read."""
    if isinstance(text, str):
        return bool(text)
    if not isinstance(text, Text) or not text.msgid:
        return False
    for key, value in text.params.items():
        if isinstance(value, Text):
            if not speakable(value):
                return False
        elif not (key == "number" and type(value) is int):
            return False
    return True


def as_text(message):
    return message if isinstance(message, Text) else Text(message)


def step_texts(step):
    """What a question page reads: the question, its hint, each choice (label
    and hint), and any follow-up questions (the Step's `follow_up`, if it has
    one). The choices of "which fact does this document show?" are the
    person's own facts: not read."""
    found = [as_text(step.question)]
    if getattr(step, "hint", None):
        found.append(as_text(step.hint))
    if getattr(step, "kind", None) != "fact_choice":
        for choice in getattr(step, "choices", None) or ():
            label = getattr(choice, "label", None)
            if isinstance(label, str) and label:
                found.append(Text(label))
                if getattr(choice, "hint", None):
                    found.append(Text(choice.hint))
    for follow_up in follow_up_steps(getattr(step, "follow_up", None)):
        found.extend(step_texts(follow_up))
    return found


def follow_up_steps(value):
    """The follow-up steps however they are given: one step, several, a
    mapping of choice values to steps, or (value, step) pairs."""
    if value is None:
        return []
    if hasattr(value, "question") and hasattr(value, "name"):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    found = []
    if isinstance(value, (list, tuple)):
        for item in value:
            if hasattr(item, "question") and hasattr(item, "name"):
                found.append(item)
            elif isinstance(item, (list, tuple)):
                found.extend(follow_up_steps(list(item)))
    return found


def list_texts(list_step, question, with_hint=True):
    """An add-another list page: its question, its hint, Yes and No."""
    found = [as_text(question)]
    if with_hint and list_step.hint:
        found.append(Text(list_step.hint))
    return found + [Text(choice.label) for choice in v.YES_NO]


def result_sections(sheet):
    """The result page, section by section: (name, messages) in page order.
    The flight's line is left out (it holds the number of days typed)."""
    sections = [
        # The urgent lines first: the page shows them in its banner, on top.
        ("outcome", list(sheet.urgency) + [sheet.outcome, sheet.outcome_text]
         + list(sheet.outcome_details)),
        ("tests", [Text(HEADINGS["tests"])] + _test_lines(sheet)),
    ]
    if sheet.to_do:
        sections.append(("to_do", [Text(HEADINGS["to_do_result"])] + list(sheet.to_do)))
    if sheet.flags:
        sections.append(("flags", [Text(HEADINGS["flags_result"])] + list(sheet.flags)))
    sections.append(("important", [Text(HEADINGS["important"])] + list(sheet.warnings)))
    return _only_speakable(sections)


def checklist_sections(sheet):
    """The checklist, section by section, in the person's language. The
    notes the person typed and the flight's line are left out."""
    sections = []
    if sheet.urgency:
        sections.append(("urgency", [Text(HEADINGS["urgency"])] + list(sheet.urgency)))
    lines = [Text(HEADINGS["result"])]
    if sheet.for_whom:
        lines.append(sheet.for_whom)
    lines += [sheet.outcome, sheet.outcome_text] + list(sheet.outcome_details) + _test_lines(sheet)
    sections.append(("result", lines))
    lines = [Text(HEADINGS["facts"])]
    for row in sheet.facts:
        lines += [Text(FACT_NUMBER, number=row.number), row.kind]
        for column, value in zip(FACT_COLUMNS, (row.new_since, row.concerns)):
            lines += [Text(column), value]
    if not sheet.facts:
        lines.append(Text(NOTHING_NEW))
    sections.append(("facts", lines))
    lines = [Text(HEADINGS["documents"])]
    for row in sheet.documents:
        lines += [Text(DOCUMENT_NUMBER, number=row.number), row.kind]
        values = (row.fact, row.language, row.translation, row.form, row.received)
        for column, value in zip(DOCUMENT_COLUMNS, values):
            lines += [Text(column), value]
    if not sheet.documents:
        lines.append(Text(NO_DOCUMENTS))
    sections.append(("documents", lines))
    if sheet.to_do:
        sections.append(("to_do", [Text(HEADINGS["to_do"])] + list(sheet.to_do)))
    important = list(sheet.flags) + list(sheet.warnings[1:]) + list(sheet.warnings[:1])
    sections.append(("important", [Text(HEADINGS["important"])] + important))
    sections.append(("fill_in", [Text(HEADINGS["fill_in"])] + list(sheet.fill_in)))
    sections.append(("bring", [Text(HEADINGS["bring"])] + list(sheet.bring)))
    if sheet.after_lodging:
        sections.append(("after_lodging", [Text(HEADINGS["after_lodging"])]
                         + list(sheet.after_lodging)))
    return _only_speakable(sections)


def _test_lines(sheet):
    lines = []
    for title, state_label, _state, explanation in sheet.tests:
        lines += [title, state_label, explanation]
    return lines


def _only_speakable(sections):
    return [(name, [as_text(line) for line in lines if line and speakable(as_text(line))])
            for name, lines in sections]


# --- where a page's audio lives -------------------------------------------------------

@functools.lru_cache(maxsize=1)
def question_steps():
    """Every question's step with its address: ("question", name) or
    ("item", "facts.kind") for a question about one item of a list."""
    found = []
    for step in flow.STEPS:
        if isinstance(step, flow.ListStep):
            for item in step.item_steps:
                found.append((("item", f"{step.name}.{item.name}"), item))
        else:
            found.append((("question", step.name), step))
    return tuple(found)


@functools.lru_cache(maxsize=1)
def _addresses_by_id():
    # The flow's steps live as long as the process: their ids do not change.
    return {id(known): address for address, known in question_steps()}


def address_of(step):
    """The (kind, part) of a question's step, or None for a step the flow does
    not know (then its page has no control)."""
    found = _addresses_by_id().get(id(step))
    if found is not None:
        return found
    for address, known in question_steps():
        if known == step:
            return address
    return None


def page_address(step, others=()):
    """The address of a question page: its step, then the other questions asked
    on it (an item's note): ("item", "facts.document_received+note"). None
    when one of them is not the flow's."""
    first = address_of(step)
    if first is None:
        return None
    kind, part = first
    scope = part.rpartition(".")[0]
    names = [part]
    for other in others:
        address = address_of(other)
        if address is None or address[0] != kind or address[1].rpartition(".")[0] != scope:
            return None
        names.append(address[1].rpartition(".")[2])
    return kind, "+".join(names)


def steps_at(kind, part):
    """The steps of a page's address (page_address), or None."""
    first, *others = part.split("+")
    scope = first.rpartition(".")[0]
    known = dict(question_steps())
    steps = []
    for name in [first] + [f"{scope}.{other}" if scope else other for other in others]:
        step = known.get((kind, name))
        if step is None:
            return None
        steps.append(step)
    return steps


# --- turning messages into parts ------------------------------------------------------

def message_key(msgid):
    """The name a recorded file of one message has (without ".mp3"): the start
    of the SHA-256 of its English message id, which never changes with a
    translation."""
    return hashlib.sha256(msgid.encode("utf-8")).hexdigest()[:16]


def render(text, gettext):
    """A message as plain words in one language (gettext: that language's)."""
    if not text.params:
        return gettext(text.msgid)
    params = {key: render(value, gettext) if isinstance(value, Text) else str(value)
              for key, value in text.params.items()}
    try:
        return gettext(text.msgid) % params
    except (KeyError, ValueError, TypeError):  # a broken translation: the English one
        return text.msgid % params


# kind: "recorded" (source: the file) or "voice" (source: the words, read by
# espeak-ng's `voice`). name: the file in the cache, from what it sounds like.
Part = namedtuple("Part", "kind source name voice", defaults=(None,))
Plan = namedtuple("Plan", "parts computer")


def _name(*pieces):
    return hashlib.sha256("\0".join((ENGINE,) + pieces).encode("utf-8")).hexdigest()[:32] + ".mp3"


def recorded_file(recorded_dir, lang, msgid):
    """The operator's recording of a message in a language, or None."""
    if not recorded_dir:
        return None
    path = os.path.join(recorded_dir, lang, message_key(msgid) + ".mp3")
    try:
        status = os.stat(path)
    except OSError:
        return None
    if not status.st_size or not os.path.isfile(path):
        return None
    return path, status


def plan(messages, gettext, lang, voice, recorded_dir=None):
    """The parts that read `messages`, or None when they cannot all be read
    (a language without a voice, and a message nobody recorded)."""
    parts = []
    for text in messages:
        found = recorded_file(recorded_dir, lang, text.msgid) if not text.params else None
        if found:
            path, status = found
            parts.append(Part("recorded", path, _name("recorded", os.path.realpath(path),
                                                      str(status.st_mtime_ns), str(status.st_size))))
            continue
        if not voice:
            return None
        words = " ".join(render(text, gettext).split())
        if words:
            parts.append(Part("voice", words, _name("voice", voice, words), voice))
    if not parts:
        return None
    return Plan(tuple(parts), any(part.kind == "voice" for part in parts))


def words_digest(messages, key, catalog, *address):
    """The same address hash from the messages themselves (ids and parameters),
    for an address whose parts are all the computer voice: its words change
    only with the messages, the catalog (`catalog`: a hash of the language's
    file) or the voice (in `address`), so these are hashed instead of the
    words of every part, which was a fifth of the result page."""
    # A message without parameters by its id: repr() of each was a third of this.
    said = tuple(m.msgid if type(m) is Text and not m.params else repr(m) for m in messages)
    message = "\0".join((ENGINE, catalog) + address + ("",) + said)
    return hmac.new(key, message.encode("utf-8"), hashlib.sha256).hexdigest()[:20]


def digest(plan_, key, *address):
    """The page address's content hash: keyed (the app's secret), so that an
    address in a log does not tell which result someone had."""
    message = "\0".join((ENGINE,) + address + tuple(part.name for part in plan_.parts))
    return hmac.new(key, message.encode("utf-8"), hashlib.sha256).hexdigest()[:20]


# --- making the sound -----------------------------------------------------------------

class Busy(Exception):
    """As many parts are being made as this worker allows: come back soon."""


class Maker:
    """Makes parts into the cache folder, and a page's audio from them.

    Safe with many workers: each part is made in a temporary folder and
    renamed into place (a reader never sees half a file), under a lock file
    so that two workers do not make the same part, and at most `slots`
    parts at a time per worker (beyond that: Busy, and the person presses
    again a moment later)."""

    def __init__(self, cache_dir, slots=2, timeout=TIMEOUT_S):
        self.cache_dir = cache_dir
        self.slots = threading.BoundedSemaphore(slots) if slots > 0 else None
        self.timeout = timeout

    def path(self, name):
        return os.path.join(self.cache_dir, name[:2], name)

    def ensure(self, part):
        """The cached file of a part, made now if needed."""
        path = self.path(part.name)
        if os.path.exists(path):
            return path
        if self.slots is None or not self.slots.acquire(blocking=False):
            raise Busy()
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(os.path.join(os.path.dirname(path), ".lock"), "a") as lock:
                fcntl.flock(lock, fcntl.LOCK_EX)  # another worker may be making it: wait
                if not os.path.exists(path):
                    self.make(part, path)
        finally:
            self.slots.release()
        return path

    def make(self, part, path):
        with tempfile.TemporaryDirectory(prefix=".making-", dir=os.path.dirname(path)) as work:
            mp3 = os.path.join(work, "part.mp3")
            if part.kind == "recorded":
                # Encoded again like the computer voice, so that the parts of one
                # page have the same frames (and a damaged file fails here).
                self.run([LAME, "--mp3input", *LAME_OPTIONS, part.source, mp3])
            else:
                wav = os.path.join(work, "part.wav")
                self.run([ESPEAK, "-v", part.voice, "-s", str(WORDS_PER_MINUTE),
                          "--stdin", "-w", wav], part.source)
                self.run([LAME, *LAME_OPTIONS, wav, mp3])
            if not os.path.getsize(mp3):
                raise RuntimeError("the encoder wrote nothing")
            os.replace(mp3, path)

    def run(self, args, words=None):
        # An argument list, no shell; the words on standard input (a text
        # starting with "-" is then no option).
        subprocess.run(args, input=words.encode("utf-8") if words is not None else None,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                       timeout=self.timeout, check=True)

    def pause(self):
        """The short silence between two parts (made once)."""
        name = _name("pause", str(PAUSE_S))
        path = self.path(name)
        if os.path.exists(path):
            return path
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with tempfile.TemporaryDirectory(prefix=".making-", dir=os.path.dirname(path)) as work:
            wav, mp3 = os.path.join(work, "pause.wav"), os.path.join(work, "pause.mp3")
            with wave.open(wav, "wb") as out:
                out.setnchannels(1)
                out.setsampwidth(2)
                out.setframerate(22050)
                out.writeframes(b"\0\0" * int(22050 * PAUSE_S))
            self.run([LAME, *LAME_OPTIONS, wav, mp3])
            os.replace(mp3, path)
        return path

    def audio(self, plan_):
        """The MP3 bytes of a page: its parts, a short pause between them."""
        files = [self.ensure(part) for part in plan_.parts]
        pause = self.pause()
        chunks = []
        for index, path in enumerate(files):
            if index:
                chunks.append(read(pause))
            chunks.append(read(path))
        return b"".join(chunks)


def read(path):
    with open(path, "rb") as handle:
        return handle.read()


def cache_size(cache_dir):
    """Bytes and files in the cache folder."""
    total = count = 0
    for folder, _dirs, names in os.walk(cache_dir):
        for name in names:
            if name.endswith(".mp3"):
                total += os.path.getsize(os.path.join(folder, name))
                count += 1
    return total, count


# --- the names of the recorded files ----------------------------------------------------

def all_message_ids():
    """Every message a page may read that a speaker can record (no
    parameters): the questions, choices and hints, the list pages, and the
    result's and checklist's texts and headings."""
    found = []

    def add(message):
        if isinstance(message, Text):
            if not message.params:
                add(message.msgid)
        elif isinstance(message, str) and message and "%(" not in message and message not in found:
            found.append(message)

    for _address, step in question_steps():
        for text in step_texts(step):
            add(text)
    for step in flow.LISTS.values():
        for text in list_texts(step, step.empty_question) + list_texts(step, step.another_question):
            add(text)
    for name in dir(texts):
        if name.isupper():
            _walk(getattr(texts, name), add)
    for group in (v.OUTCOMES, v.TEST_STATES, v.TESTS):
        for choice in group:
            add(choice.label)
    for message in list(HEADINGS.values()) + [NOTHING_NEW, NO_DOCUMENTS] + list(FACT_COLUMNS) \
            + list(DOCUMENT_COLUMNS):
        add(message)
    return found


def _walk(value, add):
    if isinstance(value, str):
        add(value)
    elif isinstance(value, dict):
        for item in value.values():
            _walk(item, add)
    elif isinstance(value, (list, tuple)):
        for item in value:
            _walk(item, add)


def main(argv):
    if argv[1:2] != ["files"]:
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    for msgid in all_message_ids():
        print(f"{message_key(msgid)}.mp3\t{msgid}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
