"""Predict, then run: the console is hidden, the lines come out of order; put in the run's order
they are all accepted; left wrong, the check says where the prediction and the run part ways."""


def open_predict(page, base_url, preset="square_gather"):
    page.goto(base_url)
    page.select_option('[data-testid="preset"]', preset)
    page.click('[data-testid="predict-toggle"]')
    page.locator('[data-testid="predict-line"]').first.wait_for()


def offered(page):
    return page.eval_on_selector_all('[data-testid="predict-line"] code', "xs => xs.map(x => x.textContent)")


def run_and_check(page):
    page.click('[data-testid="predict-check"]')
    page.locator('[data-testid="predict-result"]').wait_for(timeout=30_000)
    return page.locator('[data-testid="predict-result"]')


EXPECTED = ["Square 1", "Square 2", "Square 3", "End square 1", "End square 2", "End square 3", "[1, 4, 9]"]


def test_a_right_order_is_accepted(page, base_url):
    open_predict(page, base_url)
    assert page.locator('[data-testid="console-line"]').count() == 0, "the console is hidden"
    lines = offered(page)
    assert sorted(lines) == sorted(EXPECTED) and lines != EXPECTED
    for place, line in enumerate(EXPECTED):
        at = offered(page).index(line, place)
        for step in range(at, place, -1):
            page.locator('[data-testid="predict-up"]').nth(step).click()
    assert offered(page) == EXPECTED
    result = run_and_check(page)
    assert result.get_attribute("data-right") == "7" and result.get_attribute("data-total") == "7"
    assert result.get_attribute("data-first-wrong") is None
    verdicts = page.eval_on_selector_all('[data-testid="predict-line"]', "xs => xs.map(x => x.dataset.verdict)")
    assert verdicts == ["right"] * 7
    assert page.locator('[data-testid="console-line"]').count() == 7, "the console shows the run"


def test_a_wrong_order_shows_where_it_went_wrong(page, base_url):
    open_predict(page, base_url)
    lines = offered(page)
    result = run_and_check(page)
    first_wrong = next(i for i, (a, b) in enumerate(zip(lines, EXPECTED)) if a != b)
    assert result.get_attribute("data-first-wrong") == str(first_wrong + 1)
    verdicts = page.eval_on_selector_all('[data-testid="predict-line"]', "xs => xs.map(x => x.dataset.verdict)")
    assert verdicts == ["right" if a == b else "wrong" for a, b in zip(lines, EXPECTED)]
    assert int(result.get_attribute("data-right")) == verdicts.count("right")
    assert EXPECTED[first_wrong] in result.text_content()
    page.click('[data-testid="predict-again"]')
    assert offered(page) == lines, "trying again starts from the same scrambled order"
    assert page.locator('[data-testid="console-line"]').count() == 0


def test_predict_mode_can_be_left(page, base_url):
    open_predict(page, base_url)
    page.click('[data-testid="predict-toggle"]')
    assert page.locator('[data-testid="predict-line"]').count() == 0
    assert page.locator('[data-testid="predict-toggle"]').get_attribute("aria-pressed") == "false"


# The Python pane: the engine runs the program on the virtual clock to tell its lines first.

def open_python_predict(page, base_url, source):
    from helpers import py_link
    page.goto(base_url + py_link(source, run=False, scale=0.25))
    page.click('[data-testid="predict-toggle"]')


def test_a_python_program_is_predicted_then_checked(page, base_url):
    import pathlib
    source = (pathlib.Path(__file__).resolve().parents[2] / "presets" / "seeds" / "square_gather.py").read_text()
    open_python_predict(page, base_url, source)
    page.locator('[data-testid="predict-line"]').first.wait_for(timeout=30_000)
    assert page.locator('[data-testid="console-line"]').count() == 0, "the console is hidden"
    lines = offered(page)
    assert sorted(lines) == sorted(EXPECTED) and lines != EXPECTED
    # Left as handed out: the check says where it went wrong.
    first_wrong = next(i for i, (a, b) in enumerate(zip(lines, EXPECTED)) if a != b)
    result = run_and_check(page)
    assert result.get_attribute("data-first-wrong") == str(first_wrong + 1)
    page.click('[data-testid="predict-again"]')
    for place, line in enumerate(EXPECTED):
        at = offered(page).index(line, place)
        for step in range(at, place, -1):
            page.locator('[data-testid="predict-up"]').nth(step).click()
    result = run_and_check(page)
    assert result.get_attribute("data-right") == "7" and result.get_attribute("data-first-wrong") is None
    assert page.locator('[data-testid="console-line"]').count() == 7, "the console shows the run"


def test_a_python_program_that_never_ends_cannot_be_predicted(page, base_url):
    open_python_predict(page, base_url, "while True:\n    pass\n")
    note = page.locator('[data-testid="predict-unavailable"]')
    note.wait_for(timeout=30_000)
    assert note.get_attribute("data-why") == "too-long"
    # The page still runs it, and Stop ends it.
    page.click('[data-testid="run"]')
    page.locator('[data-testid="stop"]').click()


def test_python_predict_follows_the_program_as_it_is_edited(page, base_url):
    open_python_predict(page, base_url, "print('a')\nprint('b')\n")
    page.locator('[data-testid="predict-line"]').first.wait_for(timeout=30_000)
    assert sorted(offered(page)) == ["a", "b"]
    editor = page.locator('[data-testid="code-input"]')
    editor.focus()
    page.keyboard.press("Control+End")
    # Typed a key at a time: every version of the program is asked for, the last one is shown.
    page.keyboard.type("print('c')\n")
    for _ in range(100):
        if sorted(offered(page)) == ["a", "b", "c"]:
            break
        page.wait_for_timeout(100)
    assert sorted(offered(page)) == ["a", "b", "c"]
    page.wait_for_timeout(500)
    assert sorted(offered(page)) == ["a", "b", "c"], "no older answer replaces it"
