"""The web chat page in headless Chromium, driven over the DevTools protocol (standard library only).

Chromium is started with ``--remote-debugging-pipe``: it reads DevTools commands (JSON, each
followed by a NUL byte) on file descriptor 3 and writes replies and events on descriptor 4.
The tests type into the page with real key events and read what the page shows.

Set ``CAREERBOT_SCREENSHOT=path.png`` to keep the screenshot taken by the last test.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import select
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from careerbot.skills.compare import MAIN_TOPICS

from .conftest import ServedApp

fcntl = pytest.importorskip("fcntl", reason="the DevTools pipe needs a POSIX system")

CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser")) if p), None)

pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium is not installed (Debian: apt-get install chromium); .ci/run installs it",
)

#: Safety limit for one wait, so a broken page fails the test instead of hanging it.
WAIT_SECONDS = 30.0

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--no-proxy-server",
    "--hide-scrollbars",
    "--remote-debugging-pipe",
)

# Runs in the child: moves the pipe ends to descriptors 3 and 4, then becomes Chromium.
_TRAMPOLINE = "import os,sys; os.dup2(int(sys.argv[1]),3); os.dup2(int(sys.argv[2]),4); os.execv(sys.argv[3], sys.argv[3:])"


class DevToolsError(RuntimeError):
    pass


class Browser:
    """One headless Chromium with one page, controlled over the DevTools pipe."""

    def __init__(self, executable: str, profile: Path, log: Path) -> None:
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()
        # Copies at descriptors >= 10 so moving them to 3 and 4 in the child cannot clobber each other.
        child_in = fcntl.fcntl(to_chrome_r, fcntl.F_DUPFD_CLOEXEC, 10)
        child_out = fcntl.fcntl(from_chrome_w, fcntl.F_DUPFD_CLOEXEC, 10)
        self._log = log.open("wb")
        try:
            self.proc = subprocess.Popen(
                [sys.executable, "-c", _TRAMPOLINE, str(child_in), str(child_out), executable,
                 *FLAGS, f"--user-data-dir={profile}", "--window-size=1100,900", "about:blank"],
                stdin=subprocess.DEVNULL, stdout=self._log, stderr=self._log,
                pass_fds=(child_in, child_out),
            )
        finally:
            for fd in (to_chrome_r, from_chrome_w, child_in, child_out):
                os.close(fd)
        self._buffer = b""
        self._next_id = 0
        self.session_id = ""
        targets = self.call("Target.getTargets")["targetInfos"]
        page = next(t for t in targets if t["type"] == "page")
        self.session_id = self.call("Target.attachToTarget", targetId=page["targetId"], flatten=True)["sessionId"]
        self.call("Page.enable")
        self.call("Runtime.enable")

    # -- protocol ---------------------------------------------------------------------------

    def _read_message(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise DevToolsError("no answer from Chromium")
            ready, _, _ = select.select([self._from_chrome], [], [], left)
            if ready:
                chunk = os.read(self._from_chrome, 1 << 16)
                if not chunk:
                    raise DevToolsError("Chromium closed the DevTools pipe")
                self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        message: dict[str, Any] = json.loads(raw)
        return message

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        """Send one command and return its result (events in between are ignored)."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if self.session_id and not method.startswith(("Target.", "Browser.")):
            message["sessionId"] = self.session_id
        os.write(self._to_chrome, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + WAIT_SECONDS
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise DevToolsError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result

    def evaluate(self, expression: str) -> Any:
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise DevToolsError(f"{expression!r}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression: str) -> Any:
        """Evaluate ``expression`` until it is truthy; return its value."""
        deadline = time.monotonic() + WAIT_SECONDS
        while True:
            value = self.evaluate(expression)
            if value:
                return value
            if time.monotonic() > deadline:
                raise DevToolsError(f"timed out waiting for {expression!r}")
            time.sleep(0.05)

    # -- user actions -----------------------------------------------------------------------

    def open(self, url: str) -> None:
        self.call("Page.navigate", url=url)
        self.wait_for("document.readyState === 'complete' && document.documentElement.dataset.ready === 'true'")

    def type_and_enter(self, selector: str, text: str) -> None:
        self.click(selector)
        self.call("Input.insertText", text=text)
        key = {"key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13, "nativeVirtualKeyCode": 13}
        self.call("Input.dispatchKeyEvent", type="keyDown", text="\r", **key)
        self.call("Input.dispatchKeyEvent", type="keyUp", **key)

    def click(self, selector: str) -> None:
        """A real mouse click in the middle of the element."""
        box = self.evaluate(
            f"(() => {{ const e = document.querySelector({json.dumps(selector)}); e.scrollIntoView({{block: 'center'}});"
            " const r = e.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()"
        )
        x, y = box
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)

    def screenshot(self, path: Path, width: int, height: int) -> None:
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=False)
        data = self.call("Page.captureScreenshot", format="png")["data"]
        path.write_bytes(base64.b64decode(data))

    def close(self) -> None:
        with contextlib.suppress(DevToolsError, OSError):
            self.call("Browser.close")
        try:
            self.proc.wait(timeout=WAIT_SECONDS)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        for fd in (self._to_chrome, self._from_chrome):
            os.close(fd)
        self._log.close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    assert CHROMIUM is not None
    tmp = tmp_path_factory.mktemp("chromium")
    log = tmp / "chromium.log"
    try:
        chrome = Browser(CHROMIUM, tmp / "profile", log)
    except (DevToolsError, OSError, StopIteration) as exc:
        pytest.fail(f"could not drive Chromium: {exc}\n{log.read_text(errors='replace')[-2000:]}")
    yield chrome
    chrome.close()


@pytest.fixture
def page(browser: Browser, server: ServedApp) -> Browser:
    """The chat page in a clean tab state (new session id, empty transcript)."""
    browser.open(server.url)
    browser.evaluate("sessionStorage.clear()")
    browser.open(server.url)
    return browser


ANSWERS = "document.querySelectorAll('.msg.bot:not(.welcome):not(.pending)')"
LAST_ANSWER = f"Array.from({ANSWERS}).pop()"


def answers(page: Browser, count: int) -> str:
    """Wait until the page shows ``count`` answers; return the text of the last one."""
    page.wait_for(f"{ANSWERS}.length >= {count}")
    text: str = page.evaluate(f"{LAST_ANSWER}.innerText")
    return text


def test_typing_a_question_shows_the_answer_with_sources(page: Browser) -> None:
    page.type_and_enter("#q", "What tools does a data engineer use?")
    text = answers(page, 1)
    assert "Airflow" in text and "Data Engineer: Tools" in text
    assert page.evaluate("document.querySelector('.msg.user .bubble').textContent") == (
        "What tools does a data engineer use?"
    )
    sources = page.evaluate(f"Array.from({LAST_ANSWER}.querySelectorAll('.sources li'), e => e.textContent)")
    assert any("Data Engineer" in s for s in sources)
    assert page.evaluate(f"{LAST_ANSWER}.querySelectorAll('h3, li').length") > 3  # heading and bullets
    assert page.evaluate("document.getElementById('q').value") == ""
    assert page.evaluate("sessionStorage.getItem('careerbot.session')").startswith("web-")


def test_follow_up_uses_the_tab_session_and_chips_ask(page: Browser) -> None:
    page.type_and_enter("#q", "what does a machine learning research engineer do?")
    answers(page, 1)
    page.type_and_enter("#q", "what tools do they use?")
    text = answers(page, 2)
    assert "Machine Learning Research Engineer: Tools" in text
    chip = page.evaluate(f"{LAST_ANSWER}.querySelector('.chip').textContent")
    page.click(".msg.bot:last-child .chip")
    answers(page, 3)
    assert page.evaluate("Array.from(document.querySelectorAll('.msg.user')).pop().textContent") == chip


def test_comparison_is_a_table(page: Browser) -> None:
    page.type_and_enter("#q", "data engineer vs machine learning engineer")
    answers(page, 1)
    headers = page.evaluate(f"Array.from({LAST_ANSWER}.querySelectorAll('table.compare thead th'), e => e.textContent)")
    assert headers[1:] == ["Data Engineer", "Machine Learning Engineer"]
    rows = page.evaluate(f"Array.from({LAST_ANSWER}.querySelectorAll('table.compare tbody th'), e => e.textContent)")
    assert "Overview" in rows


def test_salary_postings_table_from_query_string_and_reload_keeps_transcript(
    page: Browser, server: ServedApp, tmp_path: Path
) -> None:
    page.open(server.url + "?q=how+much+does+a+data+engineer+earn%3F")
    answers(page, 1)
    cells = page.evaluate(f"Array.from({LAST_ANSWER}.querySelectorAll('table.postings td.salary'), e => e.textContent)")
    assert cells and all(c.startswith("USD") for c in cells)
    assert "not salary statistics" in page.evaluate(f"{LAST_ANSWER}.innerText")
    assert page.evaluate("location.search") == ""  # a reload does not ask again
    page.type_and_enter("#q", "what tools do ML engineers and data engineers use?")
    answers(page, 2)
    headers = page.evaluate(f"Array.from({LAST_ANSWER}.querySelectorAll('table.compare thead th'), e => e.textContent)")
    assert headers[1:] == ["Machine Learning Engineer", "Data Engineer"]
    page.open(server.url)
    assert page.evaluate(f"{ANSWERS}.length") == 2
    shot = tmp_path / "web-chat.png"
    page.evaluate("document.getElementById('log').scrollTop = 0")
    page.screenshot(shot, 1000, 1250)
    assert shot.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    keep = os.environ.get("CAREERBOT_SCREENSHOT")
    if keep:
        shutil.copyfile(shot, keep)


def test_new_chat_starts_a_new_session(page: Browser) -> None:
    page.type_and_enter("#q", "hello")
    answers(page, 1)
    before = page.evaluate("sessionStorage.getItem('careerbot.session')")
    page.click("#new-chat")
    assert page.evaluate(f"{ANSWERS}.length") == 0
    assert page.evaluate("sessionStorage.getItem('careerbot.session')") not in (before, None)


def test_out_of_scope_answer_offers_suggestions_as_buttons_once(page: Browser) -> None:
    page.type_and_enter("#q", "what will the weather be tomorrow?")
    text = answers(page, 1)
    assert "Sorry" in text
    chips = page.evaluate(f"Array.from({LAST_ANSWER}.querySelectorAll('.chip'), e => e.textContent)")
    bullets = page.evaluate(f"Array.from({LAST_ANSWER}.querySelectorAll('li'), e => e.textContent)")
    assert chips and not set(chips) & set(bullets)


def _set_width(page: Browser, width: int) -> None:
    page.call("Emulation.setDeviceMetricsOverride", width=width, height=900, deviceScaleFactor=1, mobile=False)


@pytest.mark.parametrize("width", [1200, 400])
def test_five_role_table_is_readable(page: Browser, width: int) -> None:
    """The five-role table of the main points fits the width (no sideways scrolling) and is not
    endlessly tall."""
    _set_width(page, width)
    try:
        page.type_and_enter("#q", "compare all five roles")
        answers(page, 1)
        table = f"{LAST_ANSWER}.querySelector('table.compare')"
        assert page.evaluate(f"{table}.querySelectorAll('tbody tr').length") == len(MAIN_TOPICS)
        overflow = page.evaluate(
            f"(() => {{ const w = {table}.closest('.table-wrap'); return [w.scrollWidth, w.clientWidth,"
            " document.documentElement.scrollWidth, window.innerWidth]; })()"
        )
        assert overflow[0] <= overflow[1] + 1 and overflow[2] <= overflow[3] + 1, overflow
        height = page.evaluate(f"{table}.getBoundingClientRect().height")
        assert height < (5000 if width == 1200 else 10_000), height  # it was 12,000 px tall at 1100 px
        # Long cells are folded: their other lines open with a click.
        assert page.evaluate(f"{table}.querySelectorAll('details').length") > 0
        if width == 400:  # stacked: every cell says which role it is
            assert page.evaluate(f"getComputedStyle({table}.querySelector('td'), '::before').content") != "none"
    finally:
        page.call("Emulation.clearDeviceMetricsOverride")


def test_recommendation_skill_gap_and_path_are_rendered_from_data(page: Browser) -> None:
    page.type_and_enter("#q", "I love maths and reading research papers, which role fits me?")
    answers(page, 1)
    assert page.evaluate(f"{LAST_ANSWER}.querySelector('h3').textContent") == (
        "Best fit: Machine Learning Research Engineer"
    )
    meters = page.evaluate(f"Array.from({LAST_ANSWER}.querySelectorAll('.scores li'), e => e.innerText)")
    assert len(meters) == 5 and meters[0].startswith("Machine Learning Research Engineer") and "100%" in meters[0]
    page.type_and_enter("#q", "I know Python and SQL, what else do I need to become an ML engineer?")
    answers(page, 2)
    assert page.evaluate(f"{LAST_ANSWER}.querySelector('h3').textContent") == "Skill gap for Machine Learning Engineer"
    assert page.evaluate(f"{LAST_ANSWER}.querySelector('.overlap meter').value") == 2  # Python, and the programming it implies
    shown = page.evaluate(f"{LAST_ANSWER}.innerText")
    assert "You have: Python" in shown and "Also noted, not listed for this role: SQL" in shown
    assert "TensorFlow" in shown
    page.type_and_enter("#q", "roadmap to become a data engineer")
    answers(page, 3)
    steps = page.evaluate(f"Array.from({LAST_ANSWER}.querySelectorAll('ol.steps > li > .label'), e => e.textContent)")
    assert steps and steps[0] == "Foundations"


def test_postings_for_two_roles_are_one_table_per_role(page: Browser) -> None:
    page.type_and_enter("#q", "what do ML engineers and data engineers earn?")
    answers(page, 1)
    headings = page.evaluate(f"Array.from({LAST_ANSWER}.querySelectorAll('h4'), e => e.textContent)")
    assert headings == ["Closest to Machine Learning Engineer", "Closest to Data Engineer"]
    assert page.evaluate(f"{LAST_ANSWER}.querySelectorAll('table.postings').length") == 2


def test_page_says_when_the_server_forgot_the_conversation(page: Browser, bot: Any) -> None:
    page.type_and_enter("#q", "what does a data engineer do?")
    answers(page, 1)
    assert page.evaluate("document.querySelectorAll('.msg.notice').length") == 0
    session = page.evaluate("sessionStorage.getItem('careerbot.session')")
    bot.reset(session)  # as a restart with sessions in memory, or an expired conversation
    page.type_and_enter("#q", "what is their salary?")
    answers(page, 2)
    notice = page.evaluate("document.querySelector('.msg.notice').innerText")
    assert "no longer has this conversation" in notice
    page.type_and_enter("#q", "what does an ML engineer do?")
    answers(page, 3)
    assert page.evaluate("document.querySelectorAll('.msg.notice').length") == 1  # once, not on every answer
    page.open(page.evaluate("location.href"))  # the notice is kept with the transcript
    assert page.evaluate("document.querySelectorAll('.msg.notice').length") == 1
