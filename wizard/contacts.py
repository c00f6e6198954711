"""Who can help: the organisations a host shows, from an operator's file.

The file is named by CONTACTS_FILE (README "Who can help: the contacts
file"): TOML, read once when the app starts, with one `[[organisation]]`
table per organisation:

    [[organisation]]
    name = "EXAMPLE Legal Aid Office"        # required
    helps_with = "..."                        # the rest is optional
    phone = "..."
    address = "..."                           # new lines are kept
    hours = "..."
    web = "https://..."                       # http or https only
    languages = ["English", "Nederlands"]     # or one text
    lang = "nl"                               # the language the entry is written in

A top-level `lang = "..."` is the default for every organisation. The
operator's words are shown as written: not translated, marked with `lang`
only when the file says which language they are in.

A broken file refuses to start the app (ContactsError, a RuntimeError, with
the file and the problem), like a missing SECRET_KEY: never a page that
fails later. Without a file the pages show only what the seeds say
(texts.WHO_CAN_HELP, docs/legal-sources.md rows 114 to 116): names and what
they do, never a phone number or an address.

Pure Python: no Flask.
"""
import collections
import re
import tomllib

from wizard import texts

FIELDS = ("name", "helps_with", "phone", "address", "hours", "web", "languages", "lang")
TEXT_FIELDS = ("name", "helps_with", "phone", "address", "hours", "web", "lang")
# A language tag as HTML's lang takes it (BCP 47, loosely): "nl", "en-GB", "ti".
LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")
WEB_ADDRESS = re.compile(r"https?://[^\s/?#]+[^\s]*", re.IGNORECASE)
# Enough for any reception centre; a file longer than this is a mistake.
MAX_ORGANISATIONS = 50
MAX_TEXT_LENGTH = 1000

Organisation = collections.namedtuple(
    "Organisation", "name helps_with phone address hours web languages lang")

# What the pages show under "Who can help": the lines (message ids, from
# the seeds) and the operator's organisations.
Contacts = collections.namedtuple("Contacts", "lines organisations")

# The lawyer always comes first; the seeds' organisations (VluchtelingenWerk
# Nederland, the Legal Aid Board) only when the host names none of its own:
# a host's file lists every organisation it wants shown.
LAWYER_LINE = texts.WHO_CAN_HELP[0]
WITHOUT_A_FILE = Contacts(lines=texts.WHO_CAN_HELP, organisations=())


class ContactsError(RuntimeError):
    """The contacts file cannot be used; the message names it and says why."""


def load(path):
    """What "Who can help" shows: from the file at `path`, or, with no path
    (CONTACTS_FILE unset or empty), only what the seeds say."""
    if not path:
        return WITHOUT_A_FILE
    return Contacts(lines=(LAWYER_LINE,), organisations=read(path))


def read(path):
    """The organisations in the file at `path`, checked; ContactsError otherwise."""
    def problem(text):
        return ContactsError(f"CONTACTS_FILE {path}: {text} "
                             "(README \"Who can help: the contacts file\")")

    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        raise problem("there is no such file") from None
    except OSError as error:
        raise problem(f"cannot be read ({error.strerror or error})") from None
    except UnicodeDecodeError:
        raise problem("is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as error:
        raise problem(f"is not valid TOML: {error}") from None

    unknown = sorted(set(data) - {"organisation", "lang"})
    if unknown:
        raise problem(f"unknown key {unknown[0]!r} at the top (only [[organisation]] "
                      "tables and lang)")
    default_lang = data.get("lang")
    if default_lang is not None:
        check_lang(default_lang, "the top-level lang", problem)
    tables = data.get("organisation")
    if not isinstance(tables, list) or not tables:
        raise problem("lists no organisation (write one [[organisation]] table for each)")
    if len(tables) > MAX_ORGANISATIONS:
        raise problem(f"lists {len(tables)} organisations; at most {MAX_ORGANISATIONS}")
    return tuple(organisation(table, number, default_lang, problem)
                 for number, table in enumerate(tables, start=1))


def organisation(table, number, default_lang, problem):
    where = f"organisation {number}"
    if not isinstance(table, dict):
        raise problem(f"{where} is not a table (write [[organisation]] above it)")
    unknown = sorted(set(table) - set(FIELDS))
    if unknown:
        raise problem(f"{where} has an unknown field {unknown[0]!r} "
                      f"(the fields are {', '.join(FIELDS)})")
    values = {}
    for field in TEXT_FIELDS:
        value = table.get(field)
        if value is None:
            continue
        if not isinstance(value, str):
            raise problem(f"{where}: {field} must be text in quotes, not {value!r}")
        value = value.strip()
        if len(value) > MAX_TEXT_LENGTH:
            raise problem(f"{where}: {field} is longer than {MAX_TEXT_LENGTH} characters")
        values[field] = value or None
    if not values.get("name"):
        raise problem(f"{where} has no name (every [[organisation]] needs name = \"...\")")
    where = f"organisation {number} ({values['name']})"
    if values.get("web") and not WEB_ADDRESS.fullmatch(values["web"]):
        raise problem(f"{where}: web must be an address starting with https:// or http://, "
                      f"not {values['web']!r}")
    lang = values.get("lang") or default_lang
    if lang is not None:
        check_lang(lang, f"{where}: lang", problem)
    values["lang"] = lang
    values["languages"] = spoken_languages(table.get("languages"), where, problem)
    if values.get("address"):
        values["address"] = tuple(line.strip() for line in values["address"].splitlines()
                                  if line.strip())
    return Organisation(**{field: values.get(field) for field in Organisation._fields})


def spoken_languages(value, where, problem):
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise problem(f"{where}: languages must be text, or a list of texts in quotes")
    return tuple(item.strip() for item in value if item.strip())


def check_lang(value, where, problem):
    if not isinstance(value, str) or not LANGUAGE_TAG.fullmatch(value):
        raise problem(f"{where} must be a language code such as \"nl\" or \"en\", "
                      f"not {value!r}")
