"""Every preset, opened by a link that runs it on open in a fresh page (no warm-up), prints what
CPython prints for the program the page shows: the same lines, in the same order, each within
50 ms + 5 % of CPython's time on a virtual clock."""
import pytest

from helpers import run_opened_link, scenario_of_link

PRESETS = [
    "square_gather", "square_sequential", "square_as_completed", "square_compute", "say_after_create_task",
    "say_after_sequential", "say_after_gather", "count_sync", "count_async", "sum_sync", "sum_async_blocking",
    "sum_async", "compute_print_sum", "task_name_delay", "exercise_add_once", "exercise_add_twice", "hello_world_task",
]


def test_the_preset_list_is_every_seed_example(page, base_url):
    page.goto(base_url)
    options = page.eval_on_selector_all('[data-testid="preset"] option', "os => os.map(o => o.value)")
    assert [o for o in options if o] == PRESETS


def shared_scenario(page, base_url, preset):
    """The preset's scenario, as the page's own Copy link gives it."""
    page.goto(base_url)
    page.select_option('[data-testid="preset"]', preset)
    page.check('[data-testid="share-run"]')
    page.click('[data-testid="copy-link"]')
    return scenario_of_link(page.locator('[data-testid="shared-link"]').input_value())


@pytest.mark.parametrize("preset", PRESETS)
def test_preset_opened_by_link_prints_what_cpython_prints(page, base_url, browser, preset):
    scenario = shared_scenario(page, base_url, preset)
    scenario["time_scale"] = 0.05
    page.goto("about:blank")
    ok, why = run_opened_link(browser, base_url, scenario)
    assert ok, f"{preset} at time scale 0.05: {why}"
