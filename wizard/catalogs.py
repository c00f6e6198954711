"""Checks that catch a broken translation catalog (DESIGN.md §6).

Used by the tests, and on the command line:
    flask --app app translations check [LANG ...]
    flask --app app translations status
A catalog passes when every message is translated (no empty, no fuzzy),
every placeholder and HTML tag of the English text is kept, no
translation is simply the English text (except a short reviewed list), and
each glossary term (wizard/glossary.py) is written the same way wherever the
English uses it.
"""
import pathlib
import re

import click
from babel.messages.pofile import read_po

ROOT = pathlib.Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "translations"
TEMPLATE = TRANSLATIONS / "messages.pot"

PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|\{[a-z_]+\}")
TAG = re.compile(r"</?[a-z]+[^>]*>")

# Messages that may stay as they are in every language: names and codes.
SAME_AS_ENGLISH_ALLOWED = {
    "%(group)s. You belong to it: %(answer)s",
    "Fact %(number)s: %(kind)s",
    "IND",
    "M35-O",
    "Dublin",  # glossary terms that are names (wizard/glossary.py)
    "Ter Apel",
    "VluchtelingenWerk",
    "LGBTQIA+ people",
}
# Words spelled the same as the English in one language only.
SAME_AS_ENGLISH_IN = {
    "fr": {"original"},
    "es": {"original"},
}


def read(path):
    with open(path, "rb") as handle:
        return read_po(handle)


def template_ids():
    return {message.id if isinstance(message.id, str) else message.id[0]
            for message in read(TEMPLATE) if message.id}


def _strings(message):
    return list(message.string) if isinstance(message.string, (list, tuple)) else [message.string]


def _ids(message):
    return list(message.id) if isinstance(message.id, (list, tuple)) else [message.id]


def problems(code):
    """Everything wrong with one language's catalog, as readable lines."""
    path = TRANSLATIONS / code / "LC_MESSAGES" / "messages.po"
    if not path.exists():
        return [f"{code}: no catalog at {path.relative_to(ROOT)}"]
    catalog = read(path)
    found = []
    translated = {}
    for message in catalog:
        if not message.id:
            continue
        key = _ids(message)[0]
        translated[key] = message
    for key in sorted(template_ids()):
        message = translated.get(key)
        if message is None:
            found.append(f"{code}: missing (run update): {key!r}")
            continue
        strings = _strings(message)
        if message.fuzzy:
            found.append(f"{code}: fuzzy: {key!r}")
        if not all(s and s.strip() for s in strings):
            found.append(f"{code}: not translated: {key!r}")
            continue
        english = _ids(message)
        wanted_placeholders = sorted(set(PLACEHOLDER.findall(" ".join(english))))
        wanted_tags = sorted(TAG.findall(english[0]))
        for string in strings:
            if sorted(set(PLACEHOLDER.findall(string))) != wanted_placeholders and not (
                    len(english) > 1 and set(PLACEHOLDER.findall(string)) <= set(wanted_placeholders)):
                found.append(f"{code}: placeholders differ in {key!r}: {string!r}")
            if sorted(TAG.findall(string)) != wanted_tags:
                found.append(f"{code}: HTML tags differ in {key!r}: {string!r}")
            if (string == key and key not in SAME_AS_ENGLISH_ALLOWED
                    and key not in SAME_AS_ENGLISH_IN.get(code, ())):
                found.append(f"{code}: same as English: {key!r}")
    found.extend(glossary_problems(code, catalog)[0])
    return found


def _translation(message):
    """A message's translation, or None while it is missing, empty or fuzzy."""
    if message is None or message.fuzzy:
        return None
    strings = _strings(message)
    return strings[0] if all(s and s.strip() for s in strings) else None


def glossary_problems(code, catalog):
    """(problems, untranslated terms) of one catalog: wherever an English
    message uses a glossary term, its translation must write the term as the
    catalog translates the term itself (the same letters, any case; a short
    term such as "IND" as a whole word). A term not translated yet is skipped:
    `status` names it."""
    from wizard import glossary

    messages = {_ids(message)[0]: message for message in catalog if message.id}
    found, untranslated = [], []
    for term in glossary.TERMS:
        wording = _translation(messages.get(term.term))
        if wording is None:
            untranslated.append(term.term)
            continue
        for key, message in messages.items():
            if key == term.term or _translation(message) is None:
                continue
            if not any(glossary.occurs(term.term, english) for english in _ids(message)):
                continue
            for string in _strings(message):
                if not glossary.occurs(wording, string):
                    found.append(f"{code}: glossary term {term.term!r} is {wording!r} in this "
                                 f"language, not written so in {key!r}: {string!r}")
    return found, untranslated


def glossary_status(code):
    """How many glossary terms one catalog translates, and which it does not yet."""
    from wizard import glossary

    path = TRANSLATIONS / code / "LC_MESSAGES" / "messages.po"
    untranslated = glossary_problems(code, read(path))[1] if path.exists() else \
        [term.term for term in glossary.TERMS]
    done = len(glossary.TERMS) - len(untranslated)
    if not untranslated:
        return f"glossary {done}/{done}"
    named = "none translated yet" if not done else "untranslated: " + "; ".join(untranslated)
    return f"glossary {done}/{len(glossary.TERMS)} ({named})"


def status(code):
    """(messages, translated) for one language."""
    path = TRANSLATIONS / code / "LC_MESSAGES" / "messages.po"
    ids = template_ids()
    if not path.exists():
        return len(ids), 0
    done = sum(1 for m in read(path) if m.id and _ids(m)[0] in ids and not m.fuzzy
               and all(s and s.strip() for s in _strings(m)))
    return len(ids), done


@click.group("translations")
def cli():
    """Translation catalogs: flask --app app translations status|check."""


@cli.command("status")
def status_command():
    """Per language: messages, translated, review status."""
    from wizard import languages

    for language in languages.LANGUAGES:
        if language.code == languages.DEFAULT:  # the source: its messages are the ids
            total = done = len(template_ids())
            terms = "glossary: the English terms"
        else:
            total, done = status(language.code)
            terms = glossary_status(language.code)
        click.echo(f"{language.code:6} {language.name:24} {done:4}/{total:<4} {terms} "
                   f"{language.review}")


@cli.command("check")
@click.argument("codes", nargs=-1)
def check_command(codes):
    """Fail with a list of problems when a catalog is incomplete or broken."""
    from wizard import languages

    codes = codes or [code for code in languages.CODES if code != languages.DEFAULT]
    found = [line for code in codes for line in problems(code)]
    for line in found:
        click.echo(line)
    click.echo(f"{len(found)} problems in {', '.join(codes)}")
    raise SystemExit(1 if found else 0)


if __name__ == "__main__":
    cli(prog_name="python -m wizard.catalogs")
