"""`flask --app app translations check|status`, through Flask's CLI runner."""
from wizard import catalogs, languages


def test_check_finds_no_problem_in_the_shipped_catalogs(app):
    result = app.test_cli_runner().invoke(args=["translations", "check"])
    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith("0 problems in " + ", ".join(
        code for code in languages.CODES if code != "en"))


def test_check_fails_and_names_a_gap(app, monkeypatch):
    monkeypatch.setattr(catalogs, "problems",
                        lambda code: [f"{code}: not translated: 'Continue'"] if code == "ti" else [])
    result = app.test_cli_runner().invoke(args=["translations", "check", "ti", "nl"])
    assert result.exit_code == 1
    assert "ti: not translated: 'Continue'" in result.output
    assert "1 problems in ti, nl" in result.output


def test_status_lists_every_language_with_its_review_status(app):
    result = app.test_cli_runner().invoke(args=["translations", "status"])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert [line.split()[0] for line in lines] == list(languages.CODES)
    total = len(catalogs.template_ids())
    for line, language in zip(lines, languages.LANGUAGES):
        assert f"{total}/{total}" in line, line
        assert line.endswith(language.review), line
