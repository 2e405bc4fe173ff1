"""The cache of validated sets: a hit only when everything the load read is as it was."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from explorer.core import loader
from explorer.core.loader import load_decision_set
from explorer.core.problems import LoadError
from explorer.core.set_cache import SUFFIX, SetCache


@pytest.fixture
def commute(commute_path: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(commute_path, tmp_path / "commute"))


@pytest.fixture
def cache(tmp_path: Path) -> SetCache:
    return SetCache(tmp_path / "sets", min_bytes=0)


@pytest.fixture
def no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any load from here on that parses a file fails the test: it was not a hit."""

    def refuse(*args: object) -> None:
        raise AssertionError("parsed, not taken from the cache")

    monkeypatch.setattr(loader, "parse_yaml_bytes", refuse)


def entries(cache: SetCache) -> list[Path]:
    return sorted(cache.folder.glob("*" + SUFFIX))


def test_an_unchanged_set_comes_back_from_the_cache(
    commute: Path, cache: SetCache, request: pytest.FixtureRequest
) -> None:
    first = load_decision_set(commute, cache=cache)
    assert len(entries(cache)) == 1
    request.getfixturevalue("no_parsing")
    again = load_decision_set(commute, cache=cache)
    assert again.decision_set == first.decision_set and again.warnings == first.warnings
    assert again.decision_set.sources[0].path == commute / "commute-note.txt"


@pytest.mark.parametrize(
    "change",
    [
        "option byte",
        "file added",
        "file removed",
        "source text edited",
        "source text removed",
        "strict",
    ],
)
def test_any_change_is_a_miss(commute: Path, cache: SetCache, change: str) -> None:
    first = load_decision_set(commute, cache=cache)
    strict = False
    if change == "option byte":
        bike = commute / "bike.yaml"
        bike.write_text(bike.read_text().replace("score: 1\n", "score: 2\n", 1))
    elif change == "file added":
        (commute / "walk.yaml").write_text(
            (commute / "bike.yaml").read_text().replace("bike", "walk")
        )
    elif change == "file removed":
        (commute / "car.yaml").unlink()
    elif change == "source text edited":
        note = commute / "commute-note.txt"
        note.write_text(
            note.read_text().replace("Cycling costs almost nothing", "Cycling is cheap")
        )
    elif change == "source text removed":
        (commute / "commute-note.txt").unlink()
    else:
        strict = True
    try:
        fresh = load_decision_set(commute, strict=strict, cache=None)
    except LoadError as exc:
        fresh_problems = exc.problems
        with pytest.raises(LoadError) as cached:
            load_decision_set(commute, strict=strict, cache=cache)
        assert cached.value.problems == fresh_problems
        return
    again = load_decision_set(commute, strict=strict, cache=cache)
    assert again.decision_set == fresh.decision_set and again.warnings == fresh.warnings
    if change != "strict":
        assert (again.decision_set, again.warnings) != (first.decision_set, first.warnings)


def test_a_failing_set_is_never_stored(commute: Path, cache: SetCache) -> None:
    bike = commute / "bike.yaml"
    bike.write_text(bike.read_text().replace("score: 1\n", "score: 12\n", 1))
    with pytest.raises(LoadError):
        load_decision_set(commute, cache=cache)
    assert entries(cache) == []


def test_a_small_set_is_not_stored(commute: Path, tmp_path: Path) -> None:
    cache = SetCache(tmp_path / "sets")  # the default threshold: far above the commute set
    load_decision_set(commute, cache=cache)
    assert not cache.folder.exists() or entries(cache) == []


def test_an_unreadable_entry_is_discarded(commute: Path, cache: SetCache) -> None:
    first = load_decision_set(commute, cache=cache)
    (entry,) = entries(cache)
    entry.write_bytes(b"not a pickle")
    again = load_decision_set(commute, cache=cache)
    assert again.decision_set == first.decision_set
    assert entries(cache) == [entry] and entry.read_bytes() != b"not a pickle"  # stored anew


def test_only_the_most_recent_entries_are_kept(commute: Path, tmp_path: Path) -> None:
    cache = SetCache(tmp_path / "sets", min_bytes=0, max_entries=2)
    bike = commute / "bike.yaml"
    for k in range(4):
        bike.write_text(bike.read_text() + f"# edit {k}\n")
        load_decision_set(commute, cache=cache)
    assert len(entries(cache)) == 2
