"""Every page with its CSS, JavaScript and icon, gzip-compressed, against a budget.

    .venv/bin/python bench/page_size.py [--budget BYTES]

A page that fits in about 14 KB arrives in the first round trip on a slow
line. Prints each page's compressed bytes, largest first, and exits 1 when
any page is over the budget. Walks a full check in every language, in
normal and kiosk mode.
"""
import argparse
import gzip
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from app import create_app  # noqa: E402
from tests.conftest import (Person, add_document, add_fact, finish,  # noqa: E402
                            walk_to_reasons)
from wizard import languages  # noqa: E402

BUDGET = 14 * 1024


def compressed(data):
    return len(gzip.compress(data, compresslevel=6))


def walk(app, lang):
    """Yield (name, html bytes) for each page kind of one full check."""
    client = app.test_client()
    person = Person(client, lang)
    yield "language choice", client.get("/", headers={"Accept-Language": lang}).data
    yield "start", person.get("").data
    yield "question", person.get("question/in_netherlands").data
    person.post_form(person.url("question/in_netherlands"), {})
    yield "error", person.page.data
    walk_to_reasons(person, removal="flight_booked", days=3, detained="yes")
    yield "number question", person.get("question/departure_in_days").data
    yield "checkboxes question", person.get("question/reasons").data
    person.answer("question/reasons", {"answer": ["political", "religion", "gender"]})
    for index in range(3):
        add_fact(person, index, "new_document", note="A note of some length " * 3)
    yield "facts list", person.get("list/facts").data
    for index in range(4):
        add_document(person, index, "court_or_arrest_document", fact=str(index % 3),
                     language="other", translation="none", form="photo",
                     note="Summons from the court " * 3)
    yield "fact choice question", person.get("list/documents/0/fact").data
    yield "documents list", person.get("list/documents").data
    yield "remove", person.get("list/documents/0/remove").data
    finish(person, lawyer="no_lawyer")
    yield "review", person.get("review").data
    yield "result", person.get("result").data
    yield "checklist", person.get("checklist?lawyer=nl").data
    yield "sources", person.get("sources").data
    yield "not found", client.get(f"/{lang}/nope").data


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--budget", type=int, default=BUDGET)
    args = parser.parse_args()
    static = os.path.join(os.path.dirname(__file__), "..", "static")
    assets = {}
    for name in ("style.css", "app.js", "favicon.svg"):
        with open(os.path.join(static, name), "rb") as handle:
            assets[name] = compressed(handle.read())
    sizes = []
    for kiosk in (False, True):
        app = create_app({"SECRET_KEY": "bench", "SESSION_COOKIE_SECURE": False,
                          "KIOSK": kiosk})
        for lang in languages.CODES:
            for name, html in walk(app, lang):
                linked = [a for a in assets if a in html.decode()]
                total = compressed(html) + sum(assets[a] for a in linked)
                sizes.append((total, compressed(html), lang, name + (" (kiosk)" if kiosk else "")))
    sizes.sort(reverse=True)
    print(", ".join(f"{name} {size} B gz" for name, size in assets.items()))
    print(f"{'total':>7} {'html':>7}  page")
    for total, html, lang, name in sizes[:25]:
        print(f"{total:7d} {html:7d}  {lang} {name}")
    over = [s for s in sizes if s[0] > args.budget]
    print(f"{len(sizes)} pages; largest {sizes[0][0]} B; budget {args.budget} B; "
          f"{len(over)} over budget")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
