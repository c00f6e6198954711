"""The hand-over file: the answers as JSON (`answers.json`), attached to the
checklist PDF, so that a law office's software can read them and the person
can continue from the PDF later (README "The hand-over file").

    build(answers)  the JSON document: the app's name, the format version,
                    the answers in the answer contract (wizard/answers.py),
                    and the outcome, the tests and the flags (wizard/rules.py)
    dumps(answers)  that document as UTF-8 bytes, the attachment's content
    read(data)      the answers in an uploaded PDF or bare JSON file, checked
                    with answers.normalise(); Refused for anything else

Reading is meant for hostile files: a size cap before anything is parsed,
pypdf with tight limits, the attachment decoded with a cap of its own, and
only the keys of the format and of the contract. Pure Python (no Flask):
nothing here stores or logs what a file holds.
"""
import io
import json
import logging
import zlib

from wizard import flow, rules
from wizard.answers import AnswerError, normalise
from wizard.messages import N_

APP_NAME = "New Facts Check"
FORMAT_VERSION = 1
FILENAME = "answers.json"
MEDIA_TYPE = "application/json"
DESCRIPTION = "New Facts Check: the answers, outcome, tests and flags (README \"The hand-over file\")"

# The keys of the document, in the order they are written.
KEYS = ("app", "format_version", "answers", "outcome", "tests", "flags")

# The largest upload read. The app's checklist PDFs weigh 40 to 60 KB (their
# fonts are embedded); this leaves room for long notes in any script. Under
# Werkzeug's 500 KB, so the upload is kept in memory and never spooled to a
# temporary file on disk.
MAX_UPLOAD_BYTES = 400 * 1024
# The largest answers.json read (decoded). The largest answers the limits
# allow (8 facts, 10 documents, every note 100 Ethiopic letters) take
# about 12 KB.
MAX_JSON_BYTES = 64 * 1024
# A PDF says where its header is within its first 1024 bytes.
PDF_HEADER_WITHIN = 1024
# The most objects a PDF may declare (/Size of its trailer); the app's
# tagged checklists have a few thousand.
MAX_PDF_OBJECTS = 50_000
# The name tree of embedded files: how many nodes and how deep it is read.
MAX_NAME_TREE_NODES = 64
MAX_NAME_TREE_DEPTH = 8

# pypdf's own limits while a file is read: far below its defaults, as the
# app's PDFs need little. Decompressing any one stream stops at 4 MB (a
# "zip bomb" of hundreds of MB costs a few milliseconds), and the slow
# byte-by-byte repair of a broken stream is skipped. The attachment itself
# is decoded here, with a cap of MAX_JSON_BYTES (see _decoded).
PYPDF_LIMITS = {
    "maximum_declared_stream_length": MAX_UPLOAD_BYTES,
    "zlib_maximum_output_length": 4 * 1024 * 1024,
    "zlib_maximum_recovery_input_length": 0,  # a broken stream: refused at once
    "lzw_maximum_output_length": 4 * 1024 * 1024,
    "run_length_maximum_output_length": 4 * 1024 * 1024,
    "array_based_stream_maximum_output_length": 4 * 1024 * 1024,
    "brotli_maximum_output_length": 4 * 1024 * 1024,
    "stream_decoding_work_maximum_length": 16 * 1024 * 1024,
    "stream_filters_maximum_length": 2,
    "array_maximum_element_count": 10_000,
    "dictionary_maximum_element_count": 10_000,
}

# pypdf warns about what it finds odd in a file (object numbers, offsets):
# nothing of an uploaded file goes to the logs.
logging.getLogger("pypdf").setLevel(logging.CRITICAL)

# Why a file is refused: the reason, the message the person reads, and the
# status of the page.
REASONS = {
    "no_file": (N_("Choose the file of your checklist PDF."), 400),
    "too_large": (N_("The file is too large. The checklist PDF of this check is smaller: "
                     "choose that file."), 413),
    "unreadable": (N_("The file cannot be read. Choose the checklist PDF that you downloaded "
                      "from this check, or its file answers.json."), 400),
    "no_answers": (N_("This file does not hold answers of this check. Choose the checklist PDF "
                      "that you downloaded from this check."), 400),
    "invalid": (N_("The answers in this file have been changed or are broken, so they cannot be "
                   "used. Choose another file, or start the check again."), 400),
}


class Refused(ValueError):
    """A file that is not a hand-over file of this app; `reason` is a key of REASONS."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason

    @property
    def message(self):
        return REASONS[self.reason][0]

    @property
    def status(self):
        return REASONS[self.reason][1]


# --- writing -----------------------------------------------------------------

def build(answers):
    """The hand-over document for complete or partial answers."""
    answers = normalise(answers)
    result = rules.assess(answers)
    return {"app": APP_NAME, "format_version": FORMAT_VERSION, "answers": answers,
            "outcome": result["outcome"], "tests": result["tests"], "flags": result["flags"]}


def dumps(answers):
    """The attachment's content: the document as readable UTF-8 JSON (notes in
    their own letters, not \\u escapes)."""
    return json.dumps(build(answers), ensure_ascii=False, indent=2).encode("utf-8") + b"\n"


def attachment(answers):
    """The hand-over file as wizard/pdf.py embeds it: (name, bytes, description)."""
    return (FILENAME, dumps(answers), DESCRIPTION)


# --- reading -----------------------------------------------------------------

def read(data):
    """The answers (normalised) in an uploaded file: the app's checklist PDF
    or its answers.json. Raises Refused."""
    if not data:
        raise Refused("no_file")
    if len(data) > MAX_UPLOAD_BYTES:
        raise Refused("too_large")
    if b"%PDF-" in data[:PDF_HEADER_WITHIN]:
        text = attachment_from_pdf(data)
    elif data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{":
        text = data
    else:
        raise Refused("unreadable")
    return answers_from_json(text)


def answers_from_json(data):
    """The answers of a hand-over document (bytes); the outcome, tests and
    flags in it are not believed: the app works them out again."""
    if len(data) > MAX_JSON_BYTES:
        raise Refused("too_large")
    try:
        document = json.loads(data.decode("utf-8-sig"), object_pairs_hook=_no_repeated_keys)
    except (UnicodeDecodeError, ValueError, RecursionError):
        # ValueError: not JSON, a key given twice, an integer of thousands of digits.
        raise Refused("invalid") from None
    if not isinstance(document, dict) or document.get("app") != APP_NAME:
        raise Refused("no_answers")
    if set(document) - set(KEYS) or "answers" not in document:
        raise Refused("invalid")
    version = document.get("format_version")
    if isinstance(version, bool) or version != FORMAT_VERSION:
        raise Refused("invalid")
    try:
        return normalise(document["answers"])
    except AnswerError:
        raise Refused("invalid") from None


def _no_repeated_keys(pairs):
    keys = [key for key, _value in pairs]
    if len(keys) != len(set(keys)):
        raise ValueError("a key is given twice")
    return dict(pairs)


def attachment_from_pdf(data):
    """The bytes of the PDF's embedded file answers.json (at most MAX_JSON_BYTES)."""
    import pypdf

    try:
        with pypdf.apply_configuration(**PYPDF_LIMITS):
            reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                raise Refused("unreadable")
            size = reader.trailer.get("/Size")
            if not isinstance(size, int) or not 0 < size <= MAX_PDF_OBJECTS:
                raise Refused("unreadable")
            stream = _embedded_file(reader, FILENAME)
            if stream is None:
                raise Refused("no_answers")
            params = stream.get("/Params")
            declared = params.get_object().get("/Size") if params is not None else None
            filters = stream.get("/Filter")
            filters = filters.get_object() if filters is not None else None
            has_parameters = stream.get("/DecodeParms") is not None
            # The encoded bytes, as the file holds them (pypdf keeps them in
            # _data until they are decoded).
            raw = stream._data
    except Refused:
        raise
    except Exception:  # noqa: BLE001 - pypdf on a hostile file may raise anything
        raise Refused("unreadable") from None
    if isinstance(declared, int) and declared > MAX_JSON_BYTES:
        raise Refused("too_large")
    return _decoded(raw, filters, has_parameters)


def _decoded(raw, filters, has_parameters):
    """The attachment decoded with a cap: stored as it is, or with Flate (as
    WeasyPrint writes it); nothing else."""
    if not isinstance(raw, bytes) or has_parameters:
        raise Refused("unreadable")
    if isinstance(filters, list) and len(filters) == 1:
        filters = filters[0]
    if filters is None:
        content = raw
    elif filters == "/FlateDecode":
        inflater = zlib.decompressobj()
        try:
            content = inflater.decompress(raw, MAX_JSON_BYTES + 1)
        except zlib.error:
            raise Refused("unreadable") from None
        if len(content) <= MAX_JSON_BYTES and not inflater.eof:
            raise Refused("unreadable")  # cut short
    else:
        raise Refused("unreadable")
    if len(content) > MAX_JSON_BYTES:
        raise Refused("too_large")
    return content


def _embedded_file(reader, name):
    """The stream of the embedded file `name`, read from the catalog's name tree
    of embedded files with a cap on its size, or None."""
    import pypdf.generic as pdf

    names = reader.trailer["/Root"].get_object().get("/Names")
    tree = names.get_object().get("/EmbeddedFiles") if names is not None else None
    if tree is None:
        return None
    pending = [(tree.get_object(), 0)]
    seen = 0
    while pending:
        node, depth = pending.pop()
        seen += 1
        if seen > MAX_NAME_TREE_NODES or depth > MAX_NAME_TREE_DEPTH \
                or not isinstance(node, pdf.DictionaryObject):
            raise Refused("unreadable")
        pairs = node.get("/Names")
        if pairs is not None:
            pairs = pairs.get_object()
            for index in range(0, len(pairs) - 1, 2):
                if pairs[index].get_object() == name:
                    spec = pairs[index + 1].get_object()
                    stream = spec["/EF"].get_object()["/F"].get_object()
                    if not isinstance(stream, pdf.StreamObject):
                        raise Refused("unreadable")
                    return stream
        for kid in node.get("/Kids") or []:
            pending.append((kid.get_object(), depth + 1))
    return None


def for_session(answers):
    """Normalised answers as the pages keep them: a question not answered yet
    (None) and an empty list of facts or documents are left out, as the pages
    leave them out, except where None is an answer ("I do not know" the days
    to the flight)."""
    return {key: value for key, value in answers.items()
            if value not in (None, []) or (value is None and _optional(key))}


def _optional(key):
    step = flow.STEPS_BY_NAME.get(key)
    return step is not None and getattr(step, "optional", False)
