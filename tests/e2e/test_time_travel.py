"""Time travel under a finished run: the scrubber moves one callback (←/→), one loop iteration
(Shift+←/→) or to the ends (Home/End), by keyboard and mouse, and the loop's inside shown at
each instant (the ready queue, the timers, every task's state) is CPython's loop at that
callback, for square(1..3) with gather."""

from helpers import loop_inside as inside


def run_preset(page, base_url, preset="square_gather"):
    page.goto(base_url)
    page.select_option('[data-testid="preset"]', preset)
    page.click('[data-testid="run"]')
    page.wait_for_selector('[data-testid="run-state"][data-state="done"]', timeout=30_000)
    scrubber = page.locator('[data-testid="scrubber"]')
    scrubber.wait_for()
    return scrubber


def callback(scrubber):
    return int(scrubber.get_attribute("data-callback"))


def test_no_scrubber_before_a_run_ends(page, base_url):
    page.goto(base_url)
    assert page.locator('[data-testid="scrubber"]').count() == 0


def test_scrub_square_gather_by_keyboard(page, base_url):
    scrubber = run_preset(page, base_url)
    last = callback(scrubber)
    assert last == int(scrubber.get_attribute("max")) and last > 10, "the scrubber starts at the end"
    assert page.locator(".console-line.later").count() == 0

    scrubber.focus()
    page.keyboard.press("Home")
    assert callback(scrubber) == 0
    assert inside(page) == {"ready": ["main()"], "timers": [], "tasks": [["main()", "pending"]]}
    assert page.locator(".console-line.later").count() == 7, "no line printed yet"

    page.keyboard.press("ArrowRight")
    assert inside(page)["tasks"] == [["main()", "running"]]
    page.keyboard.press("ArrowRight")
    assert callback(scrubber) == 2
    assert inside(page) == {
        "ready": ["square(2)", "square(3)"],
        "timers": [],
        "tasks": [["main()", "waiting"], ["square(1)", "running"], ["square(2)", "pending"], ["square(3)", "pending"]],
    }
    assert "Square 1" in page.locator('[data-testid="scrub-caption"]').text_content()
    assert page.locator(".console-line.later").count() == 6, "square(1) printed its first line"

    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert callback(scrubber) == 4
    assert inside(page)["timers"] == [["1000.000", "square(1)"], ["1000.000", "square(2)"]]
    assert inside(page)["tasks"][1:] == [["square(1)", "waiting"], ["square(2)", "waiting"], ["square(3)", "running"]]
    assert page.eval_on_selector_all('[data-testid="await-edge"]', "xs => xs.map(x => [x.dataset.from, x.dataset.to])") == [
        ["main()", "gather(…)"], ["square(1)", "sleep → 1.000 s"], ["square(2)", "sleep → 1.000 s"]]

    # One loop iteration on: the three timers fire together, the first one runs.
    page.keyboard.press("Shift+ArrowRight")
    assert callback(scrubber) == 5
    assert inside(page)["timers"] == []
    assert inside(page)["ready"] == ["square(2)", "square(3)"]
    page.keyboard.press("Shift+ArrowRight")
    assert callback(scrubber) == 8
    assert [t for t in inside(page)["tasks"] if t[1] in ("ready", "running")] == [
        ["square(1)", "running"], ["square(2)", "ready"], ["square(3)", "ready"]]
    page.keyboard.press("Shift+ArrowLeft")
    assert callback(scrubber) == 5
    page.keyboard.press("ArrowLeft")
    assert callback(scrubber) == 4

    page.keyboard.press("End")
    assert callback(scrubber) == last
    assert all(state == "done" for _, state in inside(page)["tasks"])
    assert page.locator(".console-line.later").count() == 0


def test_scrub_by_mouse_and_the_timeline_cursor_follows(page, base_url):
    scrubber = run_preset(page, base_url)
    last = callback(scrubber)
    box = scrubber.bounding_box()
    page.mouse.click(box["x"] + 2, box["y"] + box["height"] / 2)
    assert callback(scrubber) == 0
    page.mouse.click(box["x"] + box["width"] * 0.55, box["y"] + box["height"] / 2)
    middle = callback(scrubber)
    assert 0 < middle < last
    cursor = page.locator('[data-testid="scrub-cursor"]')
    assert float(cursor.get_attribute("data-t")) == 1000.0, "past the first iterations, the loop's clock is at 1 s"
    page.mouse.click(box["x"] + 3, box["y"] + box["height"] / 2)
    assert float(cursor.get_attribute("data-t")) == 0.0


def test_a_new_run_starts_at_its_end_again(page, base_url):
    scrubber = run_preset(page, base_url)
    scrubber.focus()
    page.keyboard.press("Home")
    page.click('[data-testid="run"]')
    page.wait_for_selector('[data-testid="run-state"][data-state="done"]', timeout=30_000)
    scrubber = page.locator('[data-testid="scrubber"]')
    assert callback(scrubber) == int(scrubber.get_attribute("max"))


def test_a_very_large_run_is_recorded_on_request(page, base_url):
    from helpers import z_link
    n = 2_001
    scenario = {"version": 1, "title": "many", "strategy": "gather", "time_scale": 0.01,
                "tasks": [{"name": f"t{i}", "steps": [{"sleep": 1}], "returns": i} for i in range(n)]}
    page.goto(base_url + z_link(scenario))
    page.wait_for_selector('[data-testid="run-state"][data-state="done"]', timeout=120_000)
    assert page.locator('[data-testid="scrubber"]').count() == 0
    page.click('[data-testid="record-history"]')
    scrubber = page.locator('[data-testid="scrubber"]')
    scrubber.wait_for(timeout=60_000)
    assert int(scrubber.get_attribute("max")) > 3 * n
    scrubber.focus()
    page.keyboard.press("Home")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert page.locator('[data-testid="task-state"]').count() == 50, "the first 50 tasks are drawn"
    assert page.locator('[data-testid="ready-queue-item"]').count() == 50
    assert f"{n - 1 - 50} " in page.locator(".loop-more").first.text_content(), "the ready queue counts the rest"


def test_the_code_pane_marks_where_each_task_stands(page, base_url):
    scrubber = run_preset(page, base_url)

    def marks():
        return dict(page.eval_on_selector_all(
            '[data-testid="code-mark"]', "xs => xs.map(x => [x.textContent.trim(), x.dataset.tasks])"))

    scrubber.focus()
    page.keyboard.press("Home")
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    # Callback 3: square(1) sleeps on its sleep line, square(2) is about to run its first step,
    # square(3) has not started: both marked on their `async def`.
    assert marks() == {
        "await asyncio.sleep(1)": "square(1) (waiting)",
        "async def square_2():  # 'square(2)'": "square(2) (running)",
        "async def square_3():  # 'square(3)'": "square(3) (pending)",
    }
    # The names are drawn beside the code, not written into it: the code is the program.
    program = page.locator(".python").inner_text()
    assert "(waiting)" not in program and "square_1():" in program
    page.keyboard.press("End")
    assert marks() == {}, "done tasks stand nowhere"
