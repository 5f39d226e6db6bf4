"""Composing a scenario: tasks, steps, inline validation, reordering."""
from conftest import ARTIFACTS
from helpers import console, wait_done


def names(page):
    return page.eval_on_selector_all('[data-testid="task-card"] > .coroutine [data-testid="task-name"]', "xs => xs.map(x => x.value)")


def test_add_rename_and_run_a_task(page, base_url):
    page.goto(base_url)
    page.click('[data-testid="add-task"]')
    cards = page.locator('[data-testid="task-card"]')
    assert cards.count() == 4
    last = cards.nth(3)
    last.locator('[data-testid="task-name"]').first.fill("quick")
    last.locator('.step-sleep input').fill("0.5")
    last.locator('.step-sleep input').dispatch_event("change")
    last.locator('[data-testid="add-step"]').select_option("print")
    last.locator('.step-print input').fill("quick done")
    page.select_option('[data-testid="speed"]', "5")
    page.click('[data-testid="run"]')
    wait_done(page)
    texts = [text for _, text in console(page)]
    assert "quick done" in texts
    assert texts[-1] == "[1, 4, 9, 4]"
    assert "async def quick():" in page.locator(".python").inner_text()
    assert page.locator('[data-testid="lane"]').count() == 4


def test_invalid_input_is_named_inline_and_disables_run(page, base_url):
    page.goto(base_url)
    sleep = page.locator('[data-testid="task-card"]').nth(1).locator(".step-sleep input")
    sleep.fill("-1")
    sleep.dispatch_event("change")
    assert page.locator(".field-error").inner_text() == "must be ≥ 0"
    assert page.locator('[data-testid="run"]').is_disabled()
    assert "tasks[1].steps[1].sleep: must be ≥ 0" in page.locator('[data-testid="run-blocked"]').inner_text()
    page.locator('[data-testid="task-card"]').nth(0).locator('[data-testid="task-name"]').first.fill("")
    # Every task's problem is shown at once, next to its field.
    assert page.locator(".field-error").all_inner_texts() == ["must not be empty", "must be ≥ 0"]
    assert page.locator('[aria-invalid="true"]').count() == 2
    page.screenshot(path=str(ARTIFACTS / "invalid.png"), full_page=True)
    page.locator('[data-testid="task-card"]').nth(0).locator('[data-testid="task-name"]').first.fill("back")
    sleep.fill("2")
    sleep.dispatch_event("change")
    assert page.locator(".field-error").count() == 0
    assert page.locator('[data-testid="run"]').is_enabled()


def test_duplicate_remove_and_reorder_by_keyboard_and_drag(page, base_url):
    page.goto(base_url)
    page.locator('[data-testid="duplicate-task"]').first.click()
    assert names(page) == ["square(1)", "square(1) (copy)", "square(2)", "square(3)"]
    page.locator('[data-testid="remove-task"]').nth(1).click()
    assert names(page) == ["square(1)", "square(2)", "square(3)"]
    page.locator('[data-testid="task-card"]').first.locator('[data-testid="task-name"]').first.focus()
    page.keyboard.press("Alt+ArrowDown")
    assert names(page) == ["square(2)", "square(1)", "square(3)"]
    page.locator('[data-testid="task-card"]').nth(2).locator(".handle").drag_to(page.locator('[data-testid="task-card"]').nth(0))
    assert names(page) == ["square(3)", "square(2)", "square(1)"]


def test_nested_await_and_raise_steps(page, base_url):
    page.goto(base_url)
    card = page.locator('[data-testid="task-card"]').first
    card.locator('[data-testid="add-step"]').first.select_option("await")
    nested = card.locator(".coroutine.nested")
    assert nested.count() == 1
    nested.locator('[data-testid="add-step"]').select_option("raise")
    page.select_option('[data-testid="speed"]', "10")
    page.click('[data-testid="run"]')
    wait_done(page)
    assert console(page)[-1][1] == "Error: something went wrong"
    assert "async def inner():" in page.locator(".python").inner_text()


def test_add_many_tasks_with_spread_delays(page, base_url):
    page.goto(base_url)
    page.click(".spread summary")
    page.fill('[data-testid="spread-count"]', "200")
    page.dispatch_event('[data-testid="spread-count"]', "change")
    page.fill('[data-testid="spread-min"]', "0.1")
    page.dispatch_event('[data-testid="spread-min"]', "change")
    page.fill('[data-testid="spread-max"]', "1")
    page.dispatch_event('[data-testid="spread-max"]', "change")
    page.click('[data-testid="spread-add"]')
    assert page.locator(".editor-pane .count").inner_text() == "203"
    page.select_option('[data-testid="strategy"]', "gather")
    page.select_option('[data-testid="speed"]', "2")
    page.click('[data-testid="run"]')
    wait_done(page)
    total = float(page.locator('[data-testid="total-time"]').get_attribute("data-ms"))
    assert 1000 <= total < 1100, total
    assert page.locator('[data-testid="lane"]').count() == 203
