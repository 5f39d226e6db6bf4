"""Every preset runs on the page to what CPython prints for the program the page shows."""
import pytest

from helpers import console, python_program, run_with_cpython, same_output, wait_done

PRESETS = [
    "square_gather", "square_sequential", "square_as_completed", "square_compute", "say_after_create_task",
    "say_after_sequential", "say_after_gather", "count_sync", "count_async", "sum_sync", "sum_async_blocking",
    "sum_async", "compute_print_sum", "task_name_delay", "exercise_add_once", "exercise_add_twice", "hello_world_task",
]


def test_the_preset_list_is_every_seed_example(page, base_url):
    page.goto(base_url)
    options = page.eval_on_selector_all('[data-testid="preset"] option', "os => os.map(o => o.value)")
    assert [o for o in options if o] == PRESETS


@pytest.mark.parametrize("preset", PRESETS)
def test_preset_prints_what_cpython_prints(page, base_url, preset):
    page.goto(base_url)
    page.select_option('[data-testid="preset"]', preset)
    page.select_option('[data-testid="speed"]', "10")
    page.click('[data-testid="run"]')
    wait_done(page)
    lines = console(page)
    expected = run_with_cpython(python_program(page), scale=0.02)
    # At 10× a scenario second is 100 real ms; the presets' instants are ≥ 1 s apart.
    ok, why = same_output(lines, expected, gap_ms=300)
    assert ok, f"{preset}: {why}\npage: {lines}\nCPython: {expected}"
