"""`python -m wizard.assess FILE.json`: the result as JSON, or one error line and exit 2."""
import json
import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
SCENARIO = ROOT / "tests" / "scenarios" / "journalist_danger_not_a_journalist.json"


def run(*args, stdin=None):
    return subprocess.run(
        [sys.executable, "-m", "wizard.assess", *args],
        cwd=ROOT, input=stdin, capture_output=True, text=True, timeout=60,
    )


def assert_one_error_line(done, *words):
    assert done.returncode == 2
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("error: ")
    for word in words:
        assert word in lines[0]


def test_scenario_file_prints_the_expected_result():
    done = run(str(SCENARIO))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == json.loads(SCENARIO.read_text(encoding="utf-8"))["expected"]


def test_answers_file(tmp_path):
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"in_netherlands": "no"}), encoding="utf-8")
    done = run(str(path))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["outcome"] == "not_this_route"


def test_stdin():
    answers = json.loads(SCENARIO.read_text(encoding="utf-8"))["answers"]
    done = run("-", stdin=json.dumps(answers))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["outcome"] == "not_relevant"


def test_unknown_value(tmp_path):
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"facts": [{"kind": "foo", "concerns": "everyone"}]}), encoding="utf-8")
    assert_one_error_line(run(str(path)), "facts[0].kind", "unknown value 'foo'")


def test_unknown_value_in_a_scenario_file(tmp_path):
    scenario = json.loads(SCENARIO.read_text(encoding="utf-8"))
    scenario["answers"]["lawyer"] = "cousin"
    path = tmp_path / "scenario.json"
    path.write_text(json.dumps(scenario), encoding="utf-8")
    assert_one_error_line(run(str(path)), "lawyer", "cousin")


@pytest.mark.parametrize(
    "answers, key",
    [
        ({"departure_in_days": "soon"}, "departure_in_days"),
        ({"departure_in_days": True}, "departure_in_days"),
        ({"facts": "a war"}, "facts"),
        (["in_netherlands"], "answers"),
    ],
)
def test_wrong_type(tmp_path, answers, key):
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(answers), encoding="utf-8")
    assert_one_error_line(run(str(path)), f"error: {key}: ")


def test_broken_json(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{\n  "in_netherlands": "yes",\n  "appeal" "pending"\n}\n', encoding="utf-8")
    assert_one_error_line(run(str(path)), "not valid JSON", "line 3")


def test_broken_json_on_stdin():
    assert_one_error_line(run("-", stdin="{"), "stdin", "not valid JSON")


def test_missing_file(tmp_path):
    assert_one_error_line(run(str(tmp_path / "nowhere.json")), "nowhere.json", "cannot read")


def test_help():
    done = run("--help")
    assert done.returncode == 0
    assert "FILE" in done.stdout
