"""Listening (issue 15, item 1): each question page in every language with a
voice has a "Listen" control whose audio plays for about as long as its
words take; a language without a voice has none; a recorded file replaces
the computer voice; and no note the person typed is ever read aloud.

Needs Debian's espeak-ng, lame and sox (scripts/test installs them): the
tests fail, not skip, without them. The computer voice's parts are made
once per test session (one cache folder for the whole session).
"""
import concurrent.futures
import re
import shutil
import subprocess
import wave
from math import pi, sin

import pytest
from flask_babel import force_locale, get_translations

from app import create_app
from tests.conftest import TEST_SECRET
from tests.walkers import (Person, add_document, add_fact, finish, walk_to_facts,
                           walk_to_reasons)
from wizard import audio, languages

VOICED = [language.code for language in languages.LANGUAGES if language.voice]
UNVOICED = [language.code for language in languages.LANGUAGES if not language.voice]
CONTROL = re.compile(r'<audio controls preload="none"[^>]*><source src="([^"]+)" type="audio/mpeg">')
NOTE = "Zebrafish harbour 4711"


@pytest.fixture(scope="session", autouse=True)
def tools():
    missing = [tool for tool in ("espeak-ng", "lame", "soxi") if not shutil.which(tool)]
    assert not missing, f"missing {missing}: apt-get install espeak-ng lame sox libsox-fmt-mp3"


@pytest.fixture(scope="session")
def session_cache(tmp_path_factory):
    return tmp_path_factory.mktemp("audio-cache")


def make_app(cache, **config):
    return create_app(dict({"TESTING": True, "SECRET_KEY": TEST_SECRET,
                            "SESSION_COOKIE_SECURE": False, "AUDIO_CACHE_DIR": str(cache)},
                           **config))


class Recorder(Person):
    """A person who keeps every question page seen (path -> html)."""

    def __init__(self, client, lang="en"):
        super().__init__(client, lang)
        self.seen = {}

    def get(self, path, **kwargs):
        page = super().get(path, **kwargs)
        if page.status_code == 200 and ("/question/" in page.request.path
                                        or re.search(r"/list/\w+/\d+/", page.request.path)):
            self.seen[page.request.path] = page.get_data(as_text=True)
        return page


def walk_every_question(client, lang):
    """Every question page, in two walks: a flight, a fact about a group and
    another document in another language; then a fact "I have new documents"
    in another language. Returns {path: html}."""
    person = Recorder(client, lang)
    walk_to_facts(person, removal="flight_booked", days=12)
    add_fact(person, 0, "country_change", concerns="group", group="religion", belong="yes",
             note=NOTE)
    add_document(person, 0, "membership", fact="0", language="other", translation="sworn",
                 note=NOTE)
    finish(person)
    second = Recorder(client, lang)
    walk_to_facts(second)
    add_fact(second, 0, "new_document", document={"language": "other", "translation": "sworn"},
             note=NOTE)
    return dict(person.seen, **second.seen)


def duration(client, src, tmp_path):
    response = client.get(src)
    assert response.status_code == 200, (src, response.status_code)
    assert response.mimetype == "audio/mpeg"
    path = tmp_path / "page.mp3" if tmp_path.is_dir() else tmp_path.with_suffix(".mp3")
    path.write_bytes(response.data)
    return float(subprocess.run(["soxi", "-D", str(path)], capture_output=True, text=True,
                                check=True).stdout)


def words_of(app, lang, src):
    """The words a question page's audio reads (from its address)."""
    kind, part = src.split("/")[3:5]
    with app.app_context(), force_locale(lang):
        gettext = get_translations().ugettext
        messages = [text for step in audio.steps_at(kind, part) for text in audio.step_texts(step)]
        return [audio.render(text, gettext) for text in messages]


@pytest.mark.parametrize("lang", VOICED)
def test_every_question_page_can_be_listened_to(lang, session_cache, tmp_path):
    app = make_app(session_cache)
    client = app.test_client()
    seen = walk_every_question(client, lang)
    assert len(seen) >= 20, sorted(seen)
    for path, html in seen.items():
        assert len(CONTROL.findall(html)) == 1, (path, "no Listen control")
        assert ">" + _listen_label(app, lang) in html
    # Made two at a time, as two workers would (the app allows two at once):
    # half the time of the test on two cores.
    sources = {path: CONTROL.findall(html)[0] for path, html in seen.items()}
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        durations = dict(zip(sources, pool.map(
            lambda item: duration(app.test_client(), item[1], tmp_path / item[0].replace("/", "_")),
            sources.items())))
    for path, src in sources.items():
        seconds = durations[path]
        words = words_of(app, lang, src)
        characters = sum(len(text) for text in words)
        pauses = (len(words) - 1) * audio.PAUSE_S
        # Speech runs at some 8 to 25 characters a second in every script
        # (an Amharic character is a syllable): far out of that is a broken file.
        assert max(1.0, characters / 40) < seconds < characters / 4 + pauses + 3, (
            path, seconds, characters, words)


def _listen_label(app, lang):
    with app.app_context(), force_locale(lang):
        return get_translations().ugettext("Listen")


def test_the_control_says_computer_voice_and_dari_says_whose(session_cache):
    client = make_app(session_cache).test_client()
    for lang, words in (("en", "(computer voice)"),
                        ("fa_AF", "(computer voice, with an Iranian Persian accent)")):
        person = Person(client, lang)
        person.start()
        person.get("question/in_netherlands")
        if lang == "en":
            assert words in person.text()
        else:  # until the lead translates it, the English words or their translation
            assert 'class="listen-voice"' in person.text()


@pytest.mark.parametrize("lang", UNVOICED)
def test_a_language_without_a_voice_has_no_control(lang, session_cache):
    client = make_app(session_cache).test_client()
    person = Person(client, lang)
    walk_to_reasons(person)
    for path in ("question/in_netherlands", "question/reasons"):
        person.get(path)
        assert person.page.status_code == 200
        assert "<audio" not in person.text() and "/listen/" not in person.text()


def tone_mp3(path, seconds, tmp_path):
    """A "recording": a plain tone of `seconds`, as an MP3 at 44.1 kHz stereo
    (not the computer voice's format: the app encodes it again)."""
    wav = tmp_path / "tone.wav"
    with wave.open(str(wav), "wb") as out:
        out.setnchannels(2)
        out.setsampwidth(2)
        out.setframerate(44100)
        frames = bytearray()
        for i in range(int(44100 * seconds)):
            sample = int(8000 * sin(2 * pi * 440 * i / 44100)).to_bytes(2, "little", signed=True)
            frames += sample * 2
        out.writeframes(bytes(frames))
    path.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(["lame", "--quiet", str(wav), str(path)], check=True)


def first_page(client, lang="en"):
    person = Person(client, lang)
    person.start()
    person.get("question/in_netherlands")
    return person.text()


def test_a_recorded_file_replaces_the_computer_voice(tmp_path, monkeypatch):
    from wizard import flow
    recorded = tmp_path / "recorded"
    messages = audio.step_texts(flow.STEPS_BY_NAME["in_netherlands"])
    app = make_app(tmp_path / "cache", RECORDED_AUDIO_DIR=str(recorded))
    client = app.test_client()
    computer = CONTROL.findall(first_page(client))[0]
    computer_seconds = duration(client, computer, tmp_path)

    # Only the question recorded: the choices are still the computer voice.
    tone_mp3(recorded / "en" / f"{audio.message_key(messages[0].msgid)}.mp3", 2, tmp_path)
    html = first_page(client)
    assert "computer voice" in html
    assert CONTROL.findall(html)[0] != computer  # a new address: the browser fetches it anew

    for text in messages[1:]:
        tone_mp3(recorded / "en" / f"{audio.message_key(text.msgid)}.mp3", 2, tmp_path)
    spoken = []
    real_run = subprocess.run
    monkeypatch.setattr(audio.subprocess, "run", lambda args, **kw: (
        spoken.append(args[0]), real_run(args, **kw))[1])
    html = first_page(client)
    assert "computer voice" not in html and CONTROL.findall(html)
    seconds = duration(client, CONTROL.findall(html)[0], tmp_path)
    # Three tones of 2 s with two pauses, and no espeak-ng at all.
    # (each MP3 part adds the encoder's few milliseconds of padding)
    assert abs(seconds - (3 * 2 + 2 * audio.PAUSE_S)) < 0.5, seconds
    assert abs(seconds - computer_seconds) > 0.5
    assert "espeak-ng" not in spoken and "lame" in spoken

    # A language without a voice is heard where everything is recorded.
    for text in messages:
        (recorded / "ti").mkdir(exist_ok=True)
        shutil.copy(recorded / "en" / f"{audio.message_key(text.msgid)}.mp3",
                    recorded / "ti" / f"{audio.message_key(text.msgid)}.mp3")
    html = first_page(client, "ti")
    assert CONTROL.findall(html) and "listen-voice" not in html


def test_no_note_and_no_number_of_days_is_ever_read(tmp_path, monkeypatch):
    spoken = []
    real_run = subprocess.run

    def run(args, **kwargs):
        if args[0] == "espeak-ng":
            spoken.append(kwargs["input"].decode("utf-8"))
            assert "--stdin" in args and not any(NOTE in arg for arg in args)
        return real_run(args, **kwargs)

    monkeypatch.setattr(audio.subprocess, "run", run)
    # A cache of its own: every part is made here, through espeak-ng.
    client = make_app(tmp_path / "cache").test_client()
    person = Person(client, "en")
    walk_to_facts(person, removal="flight_booked", days=47)
    add_fact(person, 0, "country_change", concerns="group", group="religion", belong="yes",
             note=NOTE)
    add_document(person, 0, "membership", fact="0", language="other", translation="none",
                 note=NOTE)
    finish(person)
    sources = []
    for page in ("result", "checklist"):
        person.get(page)
        assert NOTE in person.text() or page == "result"
        found = CONTROL.findall(person.text())
        assert len(found) >= 4, (page, found)
        sources += found
    for src in sources:
        assert client.get(src).status_code == 200, src
    assert len(spoken) > 20
    assert any("document 1" in words.lower() for words in spoken), spoken  # numbered lines too
    for words in spoken:
        assert "Zebrafish" not in words and "4711" not in words and "47" not in words


def test_only_the_flows_messages_can_be_heard(session_cache):
    client = make_app(session_cache).test_client()
    src = CONTROL.findall(first_page(client))[0]
    response = client.get(src)
    assert response.status_code == 200
    assert "immutable" in response.headers["Cache-Control"]
    assert "media-src 'self'" in response.headers["Content-Security-Policy"]
    # iOS Safari asks for a range first.
    part = client.get(src, headers={"Range": "bytes=0-1"})
    assert part.status_code == 206 and len(part.data) == 2
    digest = src.rsplit("/", 1)[1]
    for wrong in (src.replace(digest, "0" * 20 + ".mp3"),
                  src.replace("in_netherlands", "applied_before_nl"),
                  src.replace("in_netherlands", "in_netherlands+note"),
                  src.replace("/question/in_netherlands/", "/question/Hello%20world/"),
                  src.replace("/question/", "/result/"),
                  "/en/listen/checklist/important/" + digest):
        assert client.get(wrong).status_code == 404, wrong


def test_busy_is_a_503_with_retry_after(tmp_path):
    client = make_app(tmp_path / "cache", AUDIO_MAX_GENERATIONS=0).test_client()
    html = first_page(client)
    response = client.get(CONTROL.findall(html)[0])
    assert response.status_code == 503
    assert response.headers["Retry-After"] == str(audio.RETRY_AFTER_S)
    assert "no-store" in response.headers["Cache-Control"]


def test_the_recorded_file_names_can_be_listed():
    listing = subprocess.run([".venv/bin/python", "-m", "wizard.audio", "files"],
                             capture_output=True, text=True, check=True).stdout.splitlines()
    names = dict(line.split("\t") for line in listing)
    assert names[audio.message_key("Are you in the Netherlands now?") + ".mp3"] == \
        "Are you in the Netherlands now?"
    assert "Yes" in names.values() and audio.HEADINGS["bring"] in names.values()
    assert all(re.fullmatch(r"[0-9a-f]{16}\.mp3", name) for name in names)


def test_a_page_reads_only_catalog_messages():
    from wizard.messages import Text
    assert audio.speakable(Text("Fact %(number)s", number=2))
    assert not audio.speakable(Text("Days until the flight: %(days)s. The date of the flight: "
                                    "%(date)s.", days=4, date="01-01-2030"))
    assert not audio.speakable(Text("%(note)s", note=NOTE))
    assert not audio.speakable(Text("Fact %(number)s", number="2"))


def section_sources(client, lang="en", removal="flight_booked"):
    """{section: address} of the Listen controls on a finished check's result page."""
    person = Person(client, lang)
    walk_to_facts(person, removal=removal, days=47)
    add_fact(person, 0, "country_change", concerns="group", group="religion", belong="yes",
             note=NOTE)
    add_document(person, 0, "membership", fact="0", language="en", note=NOTE)
    finish(person)
    person.get("result")
    found = {src.split("/")[4]: src for src in CONTROL.findall(person.text())}
    assert {"outcome", "tests", "important"} <= set(found), found
    return found


def test_a_section_keeps_its_address_until_its_words_change(session_cache, tmp_path):
    """The browser keeps a section's sound for a year under its address: the
    same words must give the same address (for another person too), and any
    change of what is heard (another result, language or translation) a new one."""
    app = make_app(session_cache)
    first = section_sources(app.test_client())
    assert section_sources(app.test_client()) == first
    no_flight = section_sources(app.test_client(), removal="none")
    assert no_flight["outcome"] != first["outcome"]  # the urgent lines are read first
    assert no_flight["tests"] == first["tests"]
    dutch = section_sources(app.test_client(), "nl")
    assert not set(dutch.values()) & set(first.values())
    for src in first.values():
        assert app.test_client().get(src).status_code == 404  # another person: no result
    # A new Dutch translation, as after an update: new addresses in Dutch.
    changed = tmp_path / "translations"
    shutil.copytree(app.config["BABEL_TRANSLATION_DIRECTORIES"], changed,
                    ignore=shutil.ignore_patterns("*.po"))
    mo = changed / "nl" / "LC_MESSAGES" / "messages.mo"
    mo.write_bytes(mo.read_bytes() + b"\0")
    updated = make_app(session_cache, BABEL_TRANSLATION_DIRECTORIES=str(changed))
    assert not set(section_sources(updated.test_client(), "nl").values()) & set(dutch.values())
    assert section_sources(updated.test_client()) == first  # English: no catalog changed
