"""Assess one answers file from the command line (DESIGN.md §3).

    python -m wizard.assess answers.json
    python -m wizard.assess tests/scenarios/journalist_danger_not_a_journalist.json
    python -m wizard.assess - < answers.json

Prints the result as JSON. On bad input it prints one line to stderr,
starting with "error:", and exits with status 2.
"""
import argparse
import json
import sys

from .answers import AnswerError
from .rules import assess

EXIT_BAD_INPUT = 2


class InputError(Exception):
    """A file that cannot be read or is not JSON."""


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m wizard.assess",
        description="Print the New Facts Check result (outcome, tests, flags) for an answers file. "
        "A scenario file with 'answers' and 'expected' is accepted too; its answers are assessed.",
    )
    parser.add_argument("file", metavar="FILE", help="a JSON answers or scenario file, or - to read stdin")
    args = parser.parse_args(argv)
    try:
        answers = answers_from(read_json(args.file))
        result = assess(answers)
    except (InputError, AnswerError) as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(json.dumps(result, indent=2))
    return 0


def read_json(path):
    """The parsed JSON of a file, or of stdin for "-"."""
    name = "stdin" if path == "-" else path
    try:
        if path == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(path, "rb") as file:
                data = file.read()
    except OSError as err:
        raise InputError(f"{name}: cannot read ({err.strerror or err})") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{name}: not valid UTF-8") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(f"{name}: not valid JSON (line {err.lineno}, column {err.colno})") from None
    except (ValueError, RecursionError):
        # Python's own limits: integers with thousands of digits, very deep nesting.
        raise InputError(f"{name}: not valid JSON (too large or too deeply nested)") from None


def answers_from(data):
    """The answers themselves, also from a scenario file ({"answers": ..., "expected": ...})."""
    if isinstance(data, dict) and "answers" in data and "expected" in data:
        return data["answers"]
    return data


if __name__ == "__main__":
    sys.exit(main())
