"""Bad input, stop and re-runs, hidden tabs, storage, hostile text and the CSP."""
import base64
import json
import zlib

import pytest

from conftest import ARTIFACTS
from helpers import console, link, wait_done

GOOD_TASK = {"name": "t", "steps": [{"sleep": 1}]}


def scenario(**fields):
    base = {"version": 1, "strategy": "gather", "tasks": [GOOD_TASK]}
    base.update(fields)
    return base


def with_step(step):
    return scenario(tasks=[{"name": "t", "steps": [{"print": "a"}, step]}])


def s_link(text):
    return "#s=" + base64.urlsafe_b64encode(text.encode()).rstrip(b"=").decode()


def z_link_bytes(data):
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return "#z=" + base64.urlsafe_b64encode(packer.compress(data) + packer.flush()).rstrip(b"=").decode()


def nested(depth):
    inner = {"name": "leaf", "steps": []}
    for _ in range(depth):
        inner = {"name": "n", "steps": [{"await": inner}]}
    return scenario(tasks=[inner])


BAD_LINKS = [
    ("not base64url", "#s=%%%", "link: not base64url"),
    ("bad DEFLATE", "#z=AAAA", "link: bad DEFLATE"),
    ("DEFLATE bomb", z_link_bytes(b" " * (9 * 1024 * 1024)), "inflates to more than 8 MB"),
    ("not JSON", s_link("nope"), "scenario: not valid JSON"),
    ("not an object", s_link("[1, 2]"), "scenario: must be a JSON object"),
    ("version 2", link(scenario(version=2), run=False), "version: must be 1 (got 2)"),
    ("no tasks", link(scenario(tasks=[]), run=False), "tasks: needs at least 1 task"),
    ("too many tasks", z_link_bytes(json.dumps(scenario(tasks=[GOOD_TASK] * 100_001)).encode()), "tasks: at most 100000 tasks (got 100001)"),
    ("unknown strategy", link(scenario(strategy="threads"), run=False), 'strategy: unknown strategy "threads"'),
    ("unknown step", link(with_step({"yield": 1}), run=False), 'tasks[0].steps[1]: unknown step "yield"'),
    ("unknown key", link(scenario(colour="red"), run=False), "colour: unknown field"),
    ("two keys", link(with_step({"print": "a", "sleep": 1}), run=False), "tasks[0].steps[1]: a step has exactly one key"),
    ("wrong type", link(with_step({"sleep": "1"}), run=False), "tasks[0].steps[1].sleep: must be a number"),
    ("NaN", s_link('{"version": 1, "strategy": "gather", "tasks": [{"name": "t", "steps": [{"sleep": NaN}]}]}'), "scenario: not valid JSON"),
    ("negative", link(with_step({"sleep": -1}), run=False), "tasks[0].steps[1].sleep: must be ≥ 0"),
    ("infinite", s_link('{"version": 1, "strategy": "gather", "tasks": [{"name": "t", "steps": [{"sleep": 1e999}]}]}'), "tasks[0].steps[0].sleep: must be a finite number"),
    ("past the timer limit", link(with_step({"sleep": 3_000_000}), run=False), "tasks[0].steps[1].sleep: at most 2147483 s"),
    ("block too long", link(with_step({"block": 11}), run=False), "tasks[0].steps[1].block: at most 10 s"),
    ("time_scale too small", link(scenario(time_scale=0.001), run=False), "time_scale: must be between 0.01 and 10"),
    ("time_scale too big", link(scenario(time_scale=11), run=False), "time_scale: must be between 0.01 and 10"),
    ("empty name", link(scenario(tasks=[{"name": "", "steps": []}]), run=False), "tasks[0].name: must not be empty"),
    ("long name", link(scenario(tasks=[{"name": "n" * 101, "steps": []}]), run=False), "tasks[0].name: at most 100 characters"),
    ("long text", link(with_step({"print": "x" * 1001}), run=False), "tasks[0].steps[1].print: at most 1000 characters"),
    ("returns an object", link(scenario(tasks=[{"name": "t", "steps": [], "returns": {"a": 1}}]), run=False), "tasks[0].returns: must be a number, a string, true, false or null"),
    ("returns an array", link(scenario(tasks=[{"name": "t", "steps": [], "returns": [1]}]), run=False), "tasks[0].returns: must be"),
    ("nesting of 9", link(nested(9), run=False), "nesting deeper than 8 awaits"),
]


@pytest.mark.parametrize("name,fragment,reason", BAD_LINKS, ids=[b[0] for b in BAD_LINKS])
def test_a_bad_link_says_why_keeps_the_scenario_and_the_page_runs(page, base_url, name, fragment, reason):
    page.goto(base_url)
    page.select_option('[data-testid="preset"]', "say_after_gather")
    page.goto(base_url + fragment)
    error = page.locator('[data-testid="load-error"]')
    error.wait_for()
    assert reason in error.inner_text(), error.inner_text()
    assert page.locator('[data-testid="preset"]').input_value() == "say_after_gather", "the scenario the user had is kept"
    page.select_option('[data-testid="speed"]', "10")
    page.click('[data-testid="run"]')
    wait_done(page)
    assert console(page)[-1][1] == "[None, None, None]"


def test_a_link_that_changes_while_the_page_is_open(page, base_url):
    page.goto(base_url)
    page.evaluate("location.hash = 'z=AAAA'")
    page.locator('[data-testid="load-error"]').wait_for()
    good = {"version": 1, "strategy": "sequential", "time_scale": 0.1, "tasks": [{"name": "x", "steps": [{"print": "from the new link"}]}]}
    page.evaluate(f"location.hash = {json.dumps(link(good)[1:])}")
    wait_done(page)
    assert [t for _, t in console(page)] == ["from the new link", "[None]"]
    assert page.locator('[data-testid="load-error"]').count() == 0


def test_stop_mid_run_leaves_no_line_bar_or_total_behind(page, base_url):
    page.goto(base_url)
    page.select_option('[data-testid="preset"]', "square_sequential")
    page.click('[data-testid="run"]')
    page.wait_for_timeout(1300)
    page.click('[data-testid="stop"]')
    assert page.locator('[data-testid="run-state"]').get_attribute("data-state") == "cancelled"
    lines = console(page)
    bars = page.locator('[data-testid="lane"] rect').count()
    assert [t for _, t in lines] == ["Square 1", "End square 1", "Square 2"]
    page.wait_for_timeout(2500)
    assert console(page) == lines, "no line of the stopped run arrives afterwards"
    assert page.locator('[data-testid="lane"] rect').count() == bars
    assert page.locator('[data-testid="total-time"]').count() == 0


@pytest.mark.parametrize("how", ["ctrl-enter", "clicks"])
def test_fifty_runs_in_a_row_end_with_exactly_one_correct_output(page, base_url, how):
    page.goto(base_url)
    page.select_option('[data-testid="speed"]', "5")
    if how == "ctrl-enter":
        for _ in range(50):
            page.keyboard.press("Control+Enter")
    else:
        page.evaluate("() => { for (let i = 0; i < 50; i++) document.querySelector('[data-testid=run]')?.click(); }")
    wait_done(page)
    page.wait_for_timeout(600)
    texts = [t for _, t in console(page)]
    assert texts == ["Square 1", "Square 2", "Square 3", "End square 1", "End square 2", "End square 3", "[1, 4, 9]"]
    assert 1000 <= float(page.locator('[data-testid="total-time"]').get_attribute("data-ms")) < 1100


def test_switching_preset_or_strategy_stops_the_run_first(page, base_url):
    page.goto(base_url)
    page.select_option('[data-testid="preset"]', "square_sequential")
    page.click('[data-testid="run"]')
    page.wait_for_timeout(300)
    page.select_option('[data-testid="strategy"]', "gather")
    assert page.locator('[data-testid="run-state"]').get_attribute("data-state") == "idle"
    page.select_option('[data-testid="strategy"]', "sequential")
    assert page.locator('[data-testid="run-state"]').get_attribute("data-state") == "cancelled"
    page.click('[data-testid="run"]')
    page.wait_for_timeout(300)
    page.select_option('[data-testid="preset"]', "hello_world_task")
    page.wait_for_timeout(1500)
    assert page.locator('[data-testid="run-state"]').get_attribute("data-state") == "idle"
    assert console(page) == []


def test_a_hidden_tab_is_noted_on_the_timeline(page, base_url):
    page.goto(base_url)
    page.click('[data-testid="run"]')
    page.wait_for_timeout(300)
    page.evaluate("""() => { Object.defineProperty(document, 'hidden', {value: true, configurable: true});
        document.dispatchEvent(new Event('visibilitychange')); }""")
    page.wait_for_timeout(300)
    page.evaluate("""() => { Object.defineProperty(document, 'hidden', {value: false, configurable: true});
        document.dispatchEvent(new Event('visibilitychange')); }""")
    wait_done(page)
    note = page.locator('[data-testid="hidden-note"]')
    assert "The tab was hidden for 0.3" in note.inner_text()
    assert page.locator(".hidden-tab").count() == 1


def test_a_full_storage_is_reported_not_fatal(page, base_url):
    page.add_init_script("""Storage.prototype.setItem = function (key) {
        if (key.startsWith('async-playground.scenario')) throw new DOMException('full', 'QuotaExceededError'); };""")
    page.goto(base_url)
    page.locator('[data-testid="task-name"]').first.fill("renamed")
    notice = page.locator('[data-testid="notice"]')
    notice.wait_for()
    assert "storage is full or disabled" in notice.inner_text()
    page.select_option('[data-testid="speed"]', "10")
    page.click('[data-testid="run"]')
    wait_done(page)


HOSTILE = {
    "version": 1, "title": "</title><script>window.__pwned = 'title'</script>", "strategy": "as_completed", "time_scale": 0.1,
    "tasks": [
        {"name": "<img src=x onerror=\"window.__pwned='name'\">", "steps": [{"print": "<script>window.__pwned='print'</script>"}],
         "returns": "<b onmouseover=\"window.__pwned='value'\">bold</b>"},
        {"name": "{{ injection }} & \"quotes\"", "steps": [{"raise": "<svg onload=\"window.__pwned='raise'\">"}]},
    ],
}


def test_hostile_text_is_only_ever_text(page, base_url):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(base_url + link(HOSTILE))
    wait_done(page)
    texts = [t for _, t in console(page)]
    assert texts == [
        "<script>window.__pwned='print'</script>",
        "Result: <b onmouseover=\"window.__pwned='value'\">bold</b>",
        "Error: <svg onload=\"window.__pwned='raise'\">",
    ]
    assert page.evaluate("window.__pwned") is None and dialogs == []
    assert page.locator(".console b, .console img, .console svg, .timeline img, .editor-pane img").count() == 0
    labels = page.eval_on_selector_all(".lane-label", "labels => labels.map(l => l.textContent)")
    assert HOSTILE["tasks"][0]["name"] in labels and HOSTILE["tasks"][1]["name"] in labels
    assert page.locator('[data-testid="task-name"]').first.input_value() == HOSTILE["tasks"][0]["name"]
    page.hover('[data-testid="console-line"]')
    assert page.evaluate("window.__pwned") is None
    page.screenshot(path=str(ARTIFACTS / "hostile.png"), full_page=True)


def test_the_content_security_policy_holds_and_the_page_works_under_it(page, base_url):
    page.add_init_script("window.__violations = []; document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective));")
    page.goto(base_url)
    csp = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    assert "default-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval'" not in csp.replace("wasm-unsafe-eval'", "")
    page.select_option('[data-testid="speed"]', "10")
    page.click('[data-testid="compare-button"]')
    page.wait_for_selector('[data-testid="compare"][data-state="done"]', timeout=30_000)
    assert page.evaluate("window.__violations") == [], "the page itself needs nothing the policy forbids"
    page.evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.__inline = 1'; document.body.append(s); }")
    page.wait_for_timeout(100)
    assert page.evaluate("window.__inline") is None
    assert page.evaluate("window.__violations").count("script-src-elem") == 1
    page.problems.clear()  # the blocked script is reported on the console, on purpose


def test_the_crash_banner_link_reloads_the_last_scenario_that_ran(page, base_url):
    page.goto(base_url)
    page.select_option('[data-testid="preset"]', "hello_world_task")
    page.select_option('[data-testid="speed"]', "10")
    page.click('[data-testid="run"]')
    wait_done(page)
    page.select_option('[data-testid="preset"]', "count_sync")
    page.goto(base_url + "?restore=last-good")
    page.wait_for_selector('[data-testid="run-state"]')
    # The scenario that ran (hello_world at 10×), not the autosave (count_sync).
    names = page.eval_on_selector_all('[data-testid="task-card"] > .coroutine [data-testid="task-name"]', "xs => xs.map(x => x.value)")
    assert names == ["hello_world()"]
    assert page.locator('[data-testid="speed"]').input_value() == "10"
    assert "restore" not in page.url
