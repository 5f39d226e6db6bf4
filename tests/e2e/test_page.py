"""End to end: the built page, served on loopback, driven through the spec's data-testid hooks."""
from conftest import ARTIFACTS
from helpers import console, link


SQUARES = {
    "version": 1,
    "title": "squares",
    "strategy": "gather",
    "time_scale": 0.5,
    "tasks": [
        {"name": f"square({x})", "steps": [{"print": f"Square {x}"}, {"sleep": 1}, {"print": f"End square {x}"}], "returns": x * x}
        for x in (1, 2, 3)
    ],
}


def test_first_visit_shows_the_square_preset_ready_to_run(page, base_url):
    page.goto(base_url)
    state = page.locator('[data-testid="run-state"]')
    state.wait_for()
    assert state.get_attribute("data-state") == "idle"
    assert page.locator('[data-testid="preset"]').input_value() == "square_gather"
    assert "asyncio.gather(square_1(), square_2(), square_3())" in page.locator(".python").inner_text()
    page.screenshot(path=str(ARTIFACTS / "first-visit.png"), full_page=True)


def test_a_link_runs_gather_with_measured_times(page, base_url):
    page.goto(base_url + link(SQUARES))
    page.wait_for_selector('[data-testid="run-state"][data-state="done"]', timeout=10_000)
    lines = console(page)
    texts = [text for _, text in lines]
    assert texts == ["Square 1", "Square 2", "Square 3", "End square 1", "End square 2", "End square 3", "[1, 4, 9]"]
    # Measured, on a shared machine, on a page just opened: allow 20 real ms
    # (40 scenario ms at time_scale 0.5), far below the 2 s that running them in turn would add.
    for t, _ in lines[:3]:
        assert 0 <= t < 40, t
    for t, _ in lines[3:]:
        assert 1000 <= t < 1000 + 40, f"woke at {t} scenario ms, asked for 1000"
    total = float(page.locator('[data-testid="total-time"]').get_attribute("data-ms"))
    assert 1000 <= total < 1040, total
    assert page.locator('[data-testid="lane"]').count() == 3
    assert page.locator('svg[data-testid="timeline"]').count() == 1
    page.screenshot(path=str(ARTIFACTS / "gather-done.png"), full_page=True)


def test_a_broken_link_says_why_and_keeps_the_page_usable(page, base_url):
    page.goto(base_url + "#s=%%%")
    error = page.locator('[data-testid="load-error"]')
    error.wait_for()
    assert "not base64url" in error.inner_text()
    page.locator('[data-testid="run"]').click()
    page.wait_for_selector('[data-testid="run-state"][data-state="running"]')
    page.keyboard.press("Escape")
    page.wait_for_selector('[data-testid="run-state"][data-state="cancelled"]')
