"""The rules against the scenario files in tests/scenarios/ (DESIGN.md §3).

Each file is {"title", "source", "answers", "expected"}; a lawyer or reviewer
can add a case without touching code.
"""
import json
import pathlib

import pytest

from wizard import rules

SCENARIOS = pathlib.Path(__file__).parent / "scenarios"
SCENARIO_FILES = sorted(SCENARIOS.glob("*.json"))

# The rules never make new_facts not_applicable: with no facts it fails (DESIGN.md §3).
UNREACHABLE = {("new_facts", "not_applicable")}


def load(path):
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=[path.name for path in SCENARIO_FILES])
def test_scenario(path):
    scenario = load(path)
    expected = scenario["expected"]
    result = rules.assess(scenario["answers"])

    assert result["outcome"] == expected["outcome"], scenario["title"]
    assert result["tests"] == expected["tests"], scenario["title"]
    assert len(result["flags"]) == len(set(result["flags"])), "a flag is raised twice"
    assert set(result["flags"]) == set(expected["flags"]), scenario["title"]


def test_there_are_enough_scenarios():
    assert len(SCENARIO_FILES) >= 30


def test_every_scenario_is_complete():
    for path in SCENARIO_FILES:
        scenario = load(path)
        assert set(scenario) == {"title", "source", "answers", "expected"}, path.name
        assert set(scenario["expected"]["tests"]) == set(rules.TESTS), path.name


def test_scenarios_cover_every_outcome_flag_and_test_state():
    expected = [load(path)["expected"] for path in SCENARIO_FILES]
    outcomes = {e["outcome"] for e in expected}
    flags = {flag for e in expected for flag in e["flags"]}
    states = {(test, state) for e in expected for test, state in e["tests"].items()}
    every_state = {(test, state) for test in rules.TESTS for state in rules.TEST_STATES}

    assert set(rules.OUTCOMES) - outcomes == set()
    assert set(rules.FLAGS) - flags == set()
    assert every_state - UNREACHABLE - states == set()


def test_flags_come_in_the_documented_order():
    for path in SCENARIO_FILES:
        flags = rules.assess(load(path)["answers"])["flags"]
        assert flags == [flag for flag in rules.FLAGS if flag in flags], path.name


def test_route_exit_agrees_with_the_outcome():
    for path in SCENARIO_FILES:
        answers = load(path)["answers"]
        route, outcome = rules.route_exit(answers), rules.assess(answers)["outcome"]
        if route is None:
            assert outcome != "not_this_route", path.name
        else:
            assert outcome == "not_this_route", path.name


@pytest.mark.parametrize(
    "answers, route",
    [
        ({}, None),
        ({"in_netherlands": "yes"}, None),
        ({"in_netherlands": "no", "applied_before_nl": "no"}, "not_in_netherlands"),
        ({"applied_before_nl": "no"}, "no_earlier_application"),
        ({"previous_outcome": "pending"}, "still_pending"),
        ({"previous_outcome": "granted"}, "granted"),
        ({"previous_outcome": "dublin_not_examined"}, "dublin"),
        ({"previous_outcome": "unsure"}, None),
        ({"protection_elsewhere": "yes"}, "protection_elsewhere"),
        ({"protection_elsewhere": "unsure"}, None),
        ({"ukraine_temporary_protection": "yes"}, "ukraine_protection"),
        # A running appeal does not end the check: urgency, facts and a
        # checklist for the appeal's lawyer follow (rules v2).
        ({"appeal": "pending"}, None),
        ({"appeal": "deadline_open"}, None),
        ({"appeal": "unsure"}, None),
        ({"returned_home": "yes"}, None),
        ({"ukraine_temporary_protection": "yes", "appeal": "pending"}, "ukraine_protection"),
    ],
)
def test_route_exit_on_partial_answers(answers, route):
    assert rules.route_exit(answers) == route
    assert route is None or route in rules.ROUTE_EXITS


@pytest.mark.parametrize("appeal, outcome", [
    ("pending", "appeal_pending"), ("deadline_open", "appeal_pending"),
    ("unsure", "ready_for_lawyer"), ("none_or_finished", "ready_for_lawyer"),
])
def test_a_running_appeal_comes_before_the_facts_but_not_before_the_route(appeal, outcome):
    answers = load(SCENARIOS / "war_breaks_out_everyone.json")["answers"]
    assert rules.assess(dict(answers, appeal=appeal))["outcome"] == outcome
    dublin = dict(answers, appeal=appeal, previous_outcome="dublin_not_examined")
    assert rules.assess(dublin)["outcome"] == "not_this_route"
