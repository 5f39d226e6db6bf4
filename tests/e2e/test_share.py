"""Keeping and sharing work: links, JSON files, autosave, exports."""
import json
import struct

from conftest import ARTIFACTS
from helpers import console, wait_done


def test_copied_link_round_trips_and_runs(page, base_url, browser):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(base_url)
    page.select_option('[data-testid="preset"]', "say_after_gather")
    page.select_option('[data-testid="speed"]', "10")
    page.check('[data-testid="share-run"]')
    page.click('[data-testid="copy-link"]')
    url = page.locator('[data-testid="shared-link"]').input_value()
    assert "#z=" in url and url.endswith("&run=1")
    assert page.evaluate("navigator.clipboard.readText()") == url
    other = browser.new_context().new_page()
    other.goto(url)
    wait_done(other)
    assert [t for _, t in console(other)][-1] == "[None, None, None]"
    assert other.locator(".python").inner_text() == page.locator(".python").inner_text()
    other.context.close()


def test_autosave_restores_the_scenario_after_reload(page, base_url):
    page.goto(base_url)
    page.locator('[data-testid="task-card"]').first.locator('[data-testid="task-name"]').first.fill("kept")
    page.select_option('[data-testid="strategy"]', "as_completed")
    page.reload()
    page.wait_for_selector('[data-testid="run-state"]')
    assert page.locator('[data-testid="task-name"]').first.input_value() == "kept"
    assert page.locator('[data-testid="strategy"]').input_value() == "as_completed"


def test_unreadable_storage_falls_back_with_a_notice_and_is_kept_aside(page, base_url):
    page.goto(base_url)
    # The page saves its scenario once it has rendered: the unreadable one goes in after that
    # (on a loaded machine the first save could come after it and overwrite it).
    page.wait_for_function("localStorage.getItem('async-playground.scenario.v1') !== null")
    page.evaluate("localStorage.setItem('async-playground.scenario.v1', '{\"version\": 7}')")
    page.reload()
    notice = page.locator('[data-testid="notice"]')
    notice.wait_for()
    assert "version: must be 1" in notice.inner_text()
    assert page.locator('[data-testid="preset"]').input_value() == "square_gather"
    assert page.evaluate("localStorage.getItem('async-playground.scenario.unreadable')") == '{"version": 7}'


def test_language_switch_is_remembered(page, base_url):
    page.goto(base_url)
    page.click('[data-testid="lang"]')
    assert page.locator('[data-testid="run"]').inner_text().strip() == "▶ Lancer"
    page.reload()
    page.wait_for_selector('[data-testid="run-state"]')
    assert page.locator('[data-testid="run"]').inner_text().strip() == "▶ Lancer"
    assert page.evaluate("document.documentElement.lang") == "fr"


def test_json_export_then_import(page, base_url, tmp_path):
    page.goto(base_url)
    page.select_option('[data-testid="preset"]', "compute_print_sum")
    with page.expect_download() as download:
        page.click('[data-testid="export-json"]')
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    exported = json.loads(path.read_text())
    assert exported["version"] == 1 and exported["strategy"] == "gather" and len(exported["tasks"]) == 3
    page.select_option('[data-testid="preset"]', "hello_world_task")
    page.set_input_files('[data-testid="import-json"]', str(path))
    page.wait_for_function("document.querySelectorAll('[data-testid=task-card]').length === 3")
    assert "print_sum_1_2" in page.locator(".python").inner_text()
    bad = tmp_path / "bad.json"
    bad.write_text('{"version": 1, "strategy": "gather", "tasks": [{"name": "x", "steps": [{"sleep": "1"}]}]}')
    page.set_input_files('[data-testid="import-json"]', str(bad))
    error = page.locator('[data-testid="load-error"]')
    error.wait_for()
    assert "tasks[0].steps[0].sleep: must be a number" in error.inner_text()
    assert page.locator('[data-testid="task-card"]').count() == 3, "the scenario the user had is kept"


def test_timeline_and_trace_exports(page, base_url, tmp_path):
    page.goto(base_url)
    page.select_option('[data-testid="speed"]', "10")
    page.click('[data-testid="run"]')
    wait_done(page)
    saved = {}
    for button in ["export-svg", "export-png", "export-trace"]:
        with page.expect_download() as download:
            page.click(f'[data-testid="{button}"]')
        path = tmp_path / download.value.suggested_filename
        download.value.save_as(path)
        saved[button] = path
    svg = saved["export-svg"].read_text()
    assert svg.startswith("<svg") and 'xmlns="http://www.w3.org/2000/svg"' in svg and "<style>" in svg
    png = saved["export-png"].read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert width >= 1000 and height > 100
    (ARTIFACTS / "exported-timeline.png").write_bytes(png)
    trace = json.loads(saved["export-trace"].read_text())
    threads = [e["args"]["name"] for e in trace["traceEvents"] if e["name"] == "thread_name"]
    assert threads == ["main()", "square(1)", "square(2)", "square(3)"]
    assert sum(1 for e in trace["traceEvents"] if e.get("cat") == "sleep") == 3
