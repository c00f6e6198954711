"""`flask --app app translations status|check`: the state of every catalog."""
import click

from wizard import catalogs, languages


@click.group("translations")
def translations():
    """Translation catalogs."""


@translations.command("status")
def status():
    """Per language: messages, translated, review status."""
    for language in languages.LANGUAGES:
        total, done = catalogs.status(language.code) if language.code != "en" else (None, None)
        if total is None:
            total = len(catalogs.template_ids())
            done = total
        click.echo(f"{language.code:6} {language.name:24} {done:4}/{total:<4} {language.review}")


@translations.command("check")
@click.argument("codes", nargs=-1)
def check(codes):
    """Fail with a list of problems when a catalog is incomplete or broken."""
    codes = codes or [c for c in languages.CODES if c != "en"]
    found = [line for code in codes for line in catalogs.problems(code)]
    for line in found:
        click.echo(line)
    click.echo(f"{len(found)} problems")
    raise SystemExit(1 if found else 0)
