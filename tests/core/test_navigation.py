"""Presentation navigation without Qt: clicker steps, typed numbers, blackout, a changing deck."""

from __future__ import annotations

import pytest

from explorer.core.briefing.navigation import MAX_DIGITS, Navigator, format_elapsed

KEYS = ["title", "weights", "ranking", "tradeoff", "option:a", "option:b", "sources"]


@pytest.fixture
def nav() -> Navigator:
    return Navigator(KEYS)


def test_starts_on_the_first_slide(nav: Navigator) -> None:
    assert (nav.index, nav.position, nav.count, nav.current) == (0, 1, 7, "title")
    assert nav.counter() == "1 / 7"
    assert nav.next_key == "weights"
    assert not nav.black and nav.buffer == ""


def test_next_and_prev_step_and_stop_at_the_ends(nav: Navigator) -> None:
    assert nav.prev() is False  # already first: nothing to repaint
    assert nav.next() is True
    assert nav.current == "weights" and nav.counter() == "2 / 7"
    assert nav.prev() is True
    assert nav.current == "title"
    for _ in range(10):
        nav.next()
    assert nav.current == "sources" and nav.at_end
    assert nav.next_key is None
    assert nav.next() is False


def test_home_and_end(nav: Navigator) -> None:
    assert nav.end() is True
    assert nav.position == 7
    assert nav.end() is False
    assert nav.home() is True
    assert nav.position == 1


def test_jump_is_one_based_and_clamps(nav: Navigator) -> None:
    assert nav.jump(3) is True
    assert nav.current == "ranking"
    nav.jump(99)
    assert nav.position == 7
    nav.jump(-4)
    assert nav.position == 1


def test_typed_number_then_enter_jumps(nav: Navigator) -> None:
    assert nav.type_digit("5") is True
    assert nav.buffer == "5"
    assert nav.current == "title"  # nothing moves until Enter
    assert nav.enter() is True
    assert nav.current == "option:a"
    assert nav.buffer == ""


def test_multi_digit_numbers_backspace_and_limits() -> None:
    nav = Navigator([f"s{i}" for i in range(30)])
    nav.type_digit("2")
    nav.type_digit("3")
    assert nav.buffer == "23"
    assert nav.backspace() is True
    assert nav.buffer == "2"
    nav.type_digit("1")
    nav.enter()
    assert nav.position == 21
    assert nav.backspace() is False
    assert nav.type_digit("0") is False  # no slide 0
    assert nav.type_digit("x") is False
    for _ in range(MAX_DIGITS + 3):
        nav.type_digit("1")
    assert nav.buffer == "1" * MAX_DIGITS


def test_enter_without_digits_advances(nav: Navigator) -> None:
    nav.enter()
    assert nav.position == 2


def test_a_step_discards_typed_digits(nav: Navigator) -> None:
    nav.type_digit("6")
    assert nav.next() is True
    assert nav.buffer == ""
    assert nav.position == 2
    nav.type_digit("4")
    assert nav.clear_buffer() is True
    assert nav.clear_buffer() is False
    nav.enter()
    assert nav.position == 3  # Enter with nothing typed: next


def test_black_toggles_and_a_step_only_lifts_it(nav: Navigator) -> None:
    nav.jump(3)
    assert nav.toggle_black() is True
    assert nav.black
    assert nav.next() is True
    assert not nav.black
    assert nav.position == 3  # the audience sees slide 3 again before moving on
    nav.toggle_black()
    nav.prev()
    assert (nav.black, nav.position) == (False, 3)
    nav.toggle_black()
    assert nav.toggle_black() is True
    assert not nav.black


def test_a_named_target_lifts_black_and_goes_there(nav: Navigator) -> None:
    nav.toggle_black()
    nav.type_digit("6")
    nav.enter()
    assert (nav.black, nav.current) == (False, "option:b")
    nav.toggle_black()
    nav.home()
    assert (nav.black, nav.position) == (False, 1)
    nav.toggle_black()
    assert nav.go_to_key("sources") is True
    assert (nav.black, nav.position) == (False, 7)
    assert nav.go_to_key("nope") is False


def test_hiding_or_reordering_keeps_the_current_slide(nav: Navigator) -> None:
    nav.go_to_key("option:a")
    assert nav.counter() == "5 / 7"
    reordered = ["title", "option:a", "weights", "ranking", "tradeoff", "option:b", "sources"]
    assert nav.set_keys(reordered) is True
    assert nav.current == "option:a"
    assert nav.counter() == "2 / 7"
    assert nav.set_keys(reordered) is False


def test_hiding_the_current_slide_keeps_the_place_in_the_talk(nav: Navigator) -> None:
    nav.go_to_key("option:a")
    shown = [k for k in KEYS if k != "option:a"]
    assert nav.set_keys(shown) is True
    assert nav.current == "option:b"  # what came after it
    assert nav.counter() == "5 / 6"
    nav.end()
    nav.set_keys(["title", "weights"])
    assert nav.current == "weights"  # the end shrank under us: clamp to the new last slide


def test_an_empty_deck_is_safe() -> None:
    nav = Navigator()
    assert nav.current is None and nav.next_key is None
    assert nav.counter() == "0 / 0"
    assert nav.next() is False and nav.prev() is False and nav.end() is False
    nav.type_digit("2")
    assert nav.enter() is True  # the typed digits are cleared, which is visible
    assert nav.buffer == ""
    assert nav.set_keys(["title"]) is True
    assert nav.counter() == "1 / 1"
    assert nav.set_keys([]) is True
    assert nav.current is None


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(0, "0:00"), (59.9, "0:59"), (61, "1:01"), (3599, "59:59"), (3661, "1:01:01"), (-5, "0:00")],
)
def test_presenter_clock_format(seconds: float, text: str) -> None:
    assert format_elapsed(seconds) == text
