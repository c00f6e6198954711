"""Accessibility of every kind of page, in every script the check is offered in.

One walk per language (tests/browser/every_page.py) stops on each page kind
and checks it with axe-core (WCAG 2.0, 2.1 and 2.2 A and AA, plus
`target-size`, which axe leaves off by default), then measures the touch
targets (DESIGN.md §4: 44 px, 48 px in kiosk mode) and, on the question
pages, the focus: the error summary takes it after an error, and every
element reached with Tab shows it.

The whole check by keyboard with JavaScript off is test_whole_check.py.
"""
import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser import page_checks
from tests.browser.every_page import ALL_KINDS, CORE_KINDS, kiosk_settings, serve, walk

AXE = Axe()
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": AXE_TAGS},
    # Off by default in axe; WCAG 2.2's 2.5.8 Target Size (Minimum).
    "rules": {"target-size": {"enabled": True}},
    "resultTypes": ["violations"],
}

# English, Dutch, and every right-to-left or non-Latin-script language.
LANGUAGES = ("en", "nl", "ar", "fa", "fa_AF", "ps", "ckb", "ur", "ti", "am", "ru", "uk", "ka")
# Every page kind for these; the others skip only the detours after the
# checklist (the other outcomes and the exits: the same templates again).
EVERY_KIND = {"en", "ar"}
DETOURS = {"result-needs_preparation", "result-not_relevant", "result-no_new_facts",
           "exit-not_this_route", "result-appeal_pending"}
# The pages where Tab is walked through all the focusable elements.
TAB_THROUGH = {"radio", "checkboxes", "number", "error"}


@pytest.fixture(scope="module")
def kiosk_app():
    url, server = serve(**kiosk_settings())
    yield url
    server.shutdown()


def kinds_for(lang):
    return ALL_KINDS if lang in EVERY_KIND else tuple(k for k in ALL_KINDS if k not in DETOURS)


def test_every_language_gets_at_least_the_core_page_kinds():
    for lang in LANGUAGES:
        assert set(CORE_KINDS) <= set(kinds_for(lang)), lang
    assert set(kinds_for("en")) == set(ALL_KINDS)


def known_aria_expanded_on_a_revealing_radio(violation, node):
    """GOV.UK's conditional reveal sets aria-expanded on the radio that shows
    a follow-up question: not allowed on a radio by ARIA 1.2, so axe reports
    it, but screen readers announce it, and GOV.UK keeps it on purpose
    (alphagov/govuk-frontend#979, a known issue). Only that, on only such a
    radio, is let through."""
    if violation["id"] != "aria-allowed-attr" or "data-reveals=" not in node["html"]:
        return False
    data = [item for check in node["any"] + node["all"] + node["none"]
            for item in (check.get("data") or [])]
    return bool(data) and all(str(item).startswith("aria-expanded=") for item in data)


def axe_problems(page):
    response = AXE.run(page, options=AXE_OPTIONS).response
    ran = {rule["id"] for kind in ("passes", "violations", "incomplete", "inapplicable")
           for rule in response[kind]}
    problems = [] if "target-size" in ran else ["axe did not run target-size"]
    for violation in response["violations"]:
        violation["nodes"] = [node for node in violation["nodes"]
                              if not known_aria_expanded_on_a_revealing_radio(violation, node)]
        if not violation["nodes"]:
            continue
        targets = "; ".join(" ".join(map(str, node["target"])) for node in violation["nodes"][:5])
        problems.append(f"axe {violation['id']} ({violation['impact']}): "
                        f"{violation['help']} [{targets}]")
    return problems


def check_every_page(context, base, lang, target_size):
    page = context.new_page()
    problems, checked = [], []
    for kind in walk(page, base, lang, kinds_for(lang)):
        found = axe_problems(page) + page_checks.touch_targets(page, target_size)
        if kind == "error":
            found += page_checks.error_summary_has_focus(page)
        if kind in TAB_THROUGH:
            found += page_checks.focus_styles(page)
        problems += [f"{lang} {kind} ({page.url}): {problem}" for problem in found]
        checked.append(kind)
    assert checked == list(kinds_for(lang))
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_is_accessible(context_factory, live_server, lang):
    context = context_factory(locale=lang.replace("_", "-"))
    check_every_page(context, live_server, lang, page_checks.TARGET_SIZE)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_every_kiosk_page_is_accessible(context_factory, kiosk_app, lang):
    context = context_factory(locale=lang, viewport={"width": 1024, "height": 768})
    check_every_page(context, kiosk_app, lang, page_checks.KIOSK_TARGET_SIZE)
