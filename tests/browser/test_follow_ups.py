"""Questions asked under a choice, and "None of these" (issue "Fewer pages").

With JavaScript a follow-up question shows only once its choice is picked
(GOV.UK's conditional reveal: static/app.js, `data-reveals`, `hidden`,
`aria-expanded` on the choice); without JavaScript it is always there, so
nobody misses it. On "Does any of this apply to you?" "None of these"
unticks the other boxes and ticking another unticks it; without JavaScript
the server says when both are ticked.
"""
from tests.browser.walker import CONTINUE, ROUTE_PAGES, answer, choice, pick, tap

FOLLOW_UPS = {
    # page: (the choice that reveals, the follow-up's field, another choice)
    "applied_before_nl": ("yes", "previous_outcome", "no"),
    "removal": ("flight_booked", "departure_in_days", "planned_no_date"),
    "concerns": ("group", "group", "everyone"),
}


def begin(page, base):
    page.goto(f"{base}/en/")
    tap(page, "main button[type=submit]")
    pick(page, "yes")                                   # in the Netherlands
    assert page.url.endswith("/en/question/applied_before_nl"), page.url


def route_up_to(page, name):
    """From the route page the browser is on, answer the route pages up to
    the page `name`."""
    names = [page_name for page_name, _fields in ROUTE_PAGES] + ["removal"]
    here = page.url.rsplit("/", 1)[1]
    for page_name, fields in ROUTE_PAGES[names.index(here):names.index(name)]:
        answer(page, fields)
    assert page.url.endswith(f"/question/{name}"), page.url


def revealed(page, value):
    """(the choice, the box under it, is it shown, aria-expanded)."""
    chosen = page.locator(choice("answer", value))
    box = page.locator(f"[id='{chosen.get_attribute('data-reveals')}']")
    assert chosen.get_attribute("aria-controls") == box.get_attribute("id")
    return box.is_visible(), chosen.get_attribute("aria-expanded")


def assert_shows_only_when_picked(page, name):
    reveals, field, other = FOLLOW_UPS[name]
    follow_up = page.locator(f"main [name='{field}']").first
    assert revealed(page, reveals) == (False, "false"), name
    assert follow_up.is_hidden(), name
    page.check(choice("answer", other))
    assert revealed(page, reveals) == (False, "false"), name
    page.check(choice("answer", reveals))
    assert revealed(page, reveals) == (True, "true"), name
    assert follow_up.is_visible(), name
    # Right under its choice: below it, above the next choice.
    below = page.locator(choice("answer", reveals)).bounding_box()
    box = follow_up.bounding_box()
    assert box["y"] > below["y"] + below["height"], name
    page.check(choice("answer", other))                 # a change of mind hides it again
    assert revealed(page, reveals) == (False, "false"), name
    assert follow_up.is_hidden(), name
    page.check(choice("answer", reveals))
    assert follow_up.is_visible(), name


def test_with_javascript_a_follow_up_shows_only_once_its_choice_is_picked(context_factory,
                                                                          live_server):
    page = context_factory().new_page()
    begin(page, live_server)
    assert_shows_only_when_picked(page, "applied_before_nl")
    page.check(choice("previous_outcome", "rejected"))
    tap(page, CONTINUE)
    assert page.url.endswith("/en/question/appeal"), page.url

    # Back on the page later, the answer given shows its follow-up at once.
    page.goto(f"{live_server}/en/question/applied_before_nl")
    assert revealed(page, "yes") == (True, "true")
    assert page.locator(choice("previous_outcome", "rejected")).is_checked()
    page.goto(f"{live_server}/en/question/appeal")

    route_up_to(page, "removal")
    assert_shows_only_when_picked(page, "removal")
    page.fill("main input[name='departure_in_days']", "4")
    tap(page, CONTINUE)
    assert page.url.endswith("/en/question/detained"), page.url

    # A fact's group, under "A group of people" (an item's page).
    pick(page, "no")                                    # detained
    pick(page, "me_alone")
    answer(page, {"answer": ["religion"]})
    pick(page, "yes")                                   # something new
    pick(page, "country_change")
    pick(page, "yes")                                   # new since the decision
    assert page.url.endswith("/en/list/facts/0/concerns"), page.url
    assert_shows_only_when_picked(page, "concerns")
    page.check(choice("group", "religion"))
    tap(page, CONTINUE)
    assert page.url.endswith("/en/list/facts/0/you_belong"), page.url


def test_without_javascript_every_follow_up_shows(context_factory, live_server):
    page = context_factory(java_script_enabled=False).new_page()
    begin(page, live_server)
    assert page.locator("main input[name='previous_outcome']").first.is_visible()
    assert page.locator(choice("previous_outcome", "rejected")).is_visible()
    answer(page, {"answer": "yes", "previous_outcome": "rejected"})
    route_up_to(page, "removal")
    assert page.locator("main input[name='departure_in_days']").is_visible()
    answer(page, {"answer": "flight_booked", "departure_in_days": "4"})
    assert page.url.endswith("/en/question/detained"), page.url
    # Both follow-ups were kept: the pages show them answered.
    page.goto(f"{live_server}/en/question/applied_before_nl")
    assert page.locator(choice("previous_outcome", "rejected")).is_checked()
    page.goto(f"{live_server}/en/question/removal")
    assert page.input_value("main input[name='departure_in_days']") == "4"


def ticked(page):
    return page.eval_on_selector_all("main input[name='answer']:checked",
                                     "boxes => boxes.map(box => box.value)")


def test_none_of_these_unticks_the_others_and_another_unticks_it(context_factory, live_server):
    page = context_factory().new_page()
    begin(page, live_server)
    route_up_to(page, "circumstances")
    assert ticked(page) == []
    page.check(choice("answer", "protection_elsewhere:unsure"))
    page.check(choice("answer", "returned_home:yes"))
    assert ticked(page) == ["protection_elsewhere:unsure", "returned_home:yes"]
    page.check(choice("answer", "none"))                # "None of these"
    assert ticked(page) == ["none"]
    page.check(choice("answer", "ukraine_temporary_protection:yes"))
    assert ticked(page) == ["ukraine_temporary_protection:yes"]
    page.uncheck(choice("answer", "ukraine_temporary_protection:yes"))
    assert ticked(page) == []                           # unticking unticks only that one
    # By keyboard, as a person without a mouse: Space on "None of these".
    page.check(choice("answer", "returned_home:yes"))
    page.focus(choice("answer", "none"))
    page.keyboard.press("Space")
    assert ticked(page) == ["none"]
    tap(page, CONTINUE)
    assert page.url.endswith("/en/question/removal"), page.url


def test_without_javascript_none_of_these_with_another_is_an_error(context_factory,
                                                                   live_server):
    page = context_factory(java_script_enabled=False).new_page()
    begin(page, live_server)
    route_up_to(page, "circumstances")
    page.check(choice("answer", "protection_elsewhere:yes"))
    page.check(choice("answer", "none"))
    assert ticked(page) == ["protection_elsewhere:yes", "none"]   # nothing unticks
    tap(page, CONTINUE)
    assert page.url.endswith("/en/question/circumstances"), page.url
    assert ("Select “None of these” only if nothing else applies to you"
            in page.inner_text(".error-summary"))
