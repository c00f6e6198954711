"""Listening in a real browser without JavaScript (issue 15, item 1): the
page loads no sound until the person presses play on the plain audio
control; pressing it fetches the page's sound, which the browser accepts
as MP3 audio."""
from tests.browser.walker import tap


def test_play_without_javascript_fetches_the_sound_only_when_pressed(context_factory,
                                                                     live_server):
    context = context_factory(java_script_enabled=False)
    page = context.new_page()
    sounds = []
    page.on("response", lambda response: sounds.append(response)
            if "/listen/" in response.url else None)
    page.goto(f"{live_server}/ar/")
    tap(page, "button.button-start")
    assert "/ar/question/" in page.url, page.url
    player = page.locator("audio[controls]")
    assert player.count() == 1 and player.get_attribute("preload") == "none"
    page.wait_for_load_state("networkidle")
    assert sounds == []                              # nothing loaded before play

    box = player.bounding_box()
    # Chromium draws its media controls left to right in every language:
    # the play button is at the left end.
    with page.expect_response(lambda response: "/listen/" in response.url) as answer:
        page.mouse.click(box["x"] + 24, box["y"] + box["height"] / 2)
    response = answer.value
    assert response.status in (200, 206), response.status
    assert response.headers["content-type"] == "audio/mpeg"
    assert len(response.body()) > 10_000 or response.status == 206
