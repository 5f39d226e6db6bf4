"""Time travel through a Python program: once it has ended, the scrubber moves through the
callbacks its loop ran (keyboard and mouse), and the loop's inside at each one — the ready
queue, the timers, every task's state and what it awaits — is the one the interpreter held
then; the console dims what was printed later, the editor marks the line each task stands at,
the timeline draws a cursor."""
import contextlib
import pathlib

from helpers import loop_inside as inside, py_link, wait_state

ROOT = pathlib.Path(__file__).resolve().parents[2]
SQUARES = (ROOT / "presets" / "seeds" / "square_gather.py").read_text()

QUEUE = """import asyncio

async def consumer(q):
    while True:
        item = await q.get()
        if item is None:
            return
        print('got', item)

async def main():
    q = asyncio.Queue()
    c = asyncio.create_task(consumer(q))
    for i in range(2):
        await asyncio.sleep(0.5)
        q.put_nowait(i)
    q.put_nowait(None)
    await c

asyncio.run(main())
"""


@contextlib.contextmanager
def finished(browser, base_url, source):
    """A fresh page that ran `source` by its link, and its scrubber: on leaving, the page must
    have reported no error."""
    page = browser.new_context(viewport={"width": 1280, "height": 1000}).new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(base_url + py_link(source, scale=0.25))
        assert wait_state(page, {"done"}) == "done"
        scrubber = page.locator('[data-testid="scrubber"]')
        scrubber.wait_for()
        yield page, scrubber
        assert not errors, errors
    finally:
        page.context.close()


def marks(page):
    return page.eval_on_selector_all(
        '[data-testid="code-mark"]', "xs => xs.map(x => [Number(x.dataset.line), x.dataset.tasks])")


def edges(page):
    return page.eval_on_selector_all(
        '[data-testid="await-edge"]', "xs => xs.map(x => [x.dataset.from, x.dataset.to])")


def callback(scrubber):
    return int(scrubber.get_attribute("data-callback"))


def test_scrub_a_python_program_by_keyboard(browser, base_url):
    with finished(browser, base_url, SQUARES) as (page, scrubber):
        assert callback(scrubber) == int(scrubber.get_attribute("max")) == 13
        lines = page.locator('[data-testid="console-line"]').count()
        assert lines == 7 and page.locator(".console-line.later").count() == 0

        scrubber.focus()
        page.keyboard.press("Home")
        assert callback(scrubber) == 0
        assert inside(page) == {
            "ready": ["square(1)", "square(2)", "square(3)"],
            "timers": [],
            "tasks": [["square(1)", "pending"], ["square(2)", "pending"], ["square(3)", "pending"]],
        }
        assert page.locator(".console-line.later").count() == 7, "nothing printed yet"

        page.keyboard.press("ArrowRight")
        assert inside(page)["tasks"][0] == ["square(1)", "running"]
        assert "Square 1" in page.locator('[data-testid="scrub-caption"]').text_content()
        assert page.locator(".console-line.later").count() == 6

        page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowRight")
        assert callback(scrubber) == 3
        assert inside(page)["timers"] == [["1000.000", "square(1)"], ["1000.000", "square(2)"]]
        # The two sleeping tasks stand at `await asyncio.sleep(1)`, line 6 of the program.
        assert marks(page) == [[6, "square(1) (waiting) · square(2) (waiting)"]]
        # Both arrows go to the one deadline they share.
        assert edges(page) == [["square(1)", "sleep → 1.000 s"], ["square(2)", "sleep → 1.000 s"]]

        # One loop iteration on: the timers fall due; the first one runs, the second is next.
        page.keyboard.press("Shift+ArrowRight")
        assert callback(scrubber) == 4
        page.keyboard.press("ArrowRight")
        assert inside(page) == {
            "ready": ["square(3)", "square(1)"],
            "timers": [],
            "tasks": [["square(1)", "ready"], ["square(2)", "waiting"], ["square(3)", "waiting"]],
        }
        page.keyboard.press("End")
        assert callback(scrubber) == 13
        assert "stops" in page.locator('[data-testid="scrub-caption"]').text_content()


def test_scrub_by_mouse_moves_the_cursor_and_says_what_a_task_awaits(browser, base_url):
    with finished(browser, base_url, QUEUE) as (page, scrubber):
        box = scrubber.bounding_box()
        cursor = page.locator('[data-testid="scrub-cursor"]')
        seen = []
        for fraction in (0.05, 0.5, 0.95):
            page.mouse.click(box["x"] + box["width"] * fraction, box["y"] + box["height"] / 2)
            seen.append((callback(scrubber), float(cursor.get_attribute("data-t"))))
        assert seen == sorted(seen) and len(set(seen)) == 3, seen
        # Somewhere in the run the consumer waits on the queue while main() sleeps.
        found = False
        scrubber.focus()
        page.keyboard.press("Home")
        for _ in range(int(scrubber.get_attribute("max"))):
            page.keyboard.press("ArrowRight")
            states = dict(inside(page)["tasks"])
            if states.get("consumer(<Queue>)") == "waiting" and states.get("main()") == "waiting":
                awaits = page.locator('[data-testid="task-state"][data-task="consumer(<Queue>)"] .awaits')
                assert "Queue.get" in awaits.text_content()
                # The first such instant: main()'s sleep(0.5) ends, its timer runs.
                assert page.locator(".loop-now .callback-chip.timer code").text_content() == "main()"
                assert inside(page)["timers"] == []
                # main() awaits its sleep, which has just ended: the arrows say who waits on what.
                assert ["consumer(<Queue>)", "Queue.get"] in edges(page)
                found = True
                break
        assert found, "the consumer waited on the queue"


def test_marks_leave_an_edited_program_and_a_new_run_starts_at_its_end(browser, base_url):
    with finished(browser, base_url, SQUARES) as (page, scrubber):
        scrubber.focus()
        page.keyboard.press("Home")
        page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowRight")
        assert marks(page), "square(1) stands at its sleep"
        editor = page.locator('[data-testid="code-input"]')
        editor.focus()
        page.keyboard.press("Control+End")
        page.keyboard.type("\n# edited\n")
        assert marks(page) == [], "the lines of an edited program are not the ones that ran"
        page.click('[data-testid="run"]')
        assert wait_state(page, {"done"}) == "done"
        scrubber = page.locator('[data-testid="scrubber"]')
        scrubber.wait_for()
        assert callback(scrubber) == int(scrubber.get_attribute("max"))


def test_the_history_stays_when_the_panes_are_switched(browser, base_url):
    with finished(browser, base_url, SQUARES) as (page, scrubber):
        page.click('[data-testid="mode-tasks"]')
        page.click('[data-testid="mode-python"]')
        scrubber = page.locator('[data-testid="scrubber"]')
        scrubber.wait_for()
        assert int(scrubber.get_attribute("max")) == 13
        scrubber.focus()
        page.keyboard.press("Home")
        assert len(inside(page)["ready"]) == 3
