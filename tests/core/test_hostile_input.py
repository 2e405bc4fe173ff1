"""Every example of issue 12 (hostile files found by fuzzing), each as a regression test.

Each class is closed at one place (the number bound in fields.py, the scalar converter and the
expansion budget in yamlsafe.py, the file rule in input_files.py, share codes read as profile
files, link-if-absent creation in atomic.py); these tests pin the reproducers to them.
"""

from __future__ import annotations

import base64
import os
import time
import zlib
from dataclasses import replace
from pathlib import Path

import pytest
from broken_sets import copy_commute, edit, line_of, load_errors

from explorer.cli.main import main as cli_main
from explorer.core.fields import MAX_MAGNITUDE
from explorer.core.loader import INTERNAL_ERROR, load_decision_set
from explorer.core.problems import LoadError, Problem
from explorer.core.profiles import (
    ProfileError,
    ProfileExistsError,
    ProfileLibrary,
    ShareCodeError,
    decode_share_code,
    load_profile,
    parse_profile,
    write_profile,
)
from explorer.core.profiles import store as store_module
from explorer.core.profiles.atomic import STALE_SECONDS, TEMP_SUFFIX, write_atomic
from explorer.core.yamlsafe import MAX_DEPTH, parse_yaml_text

BIKE = "bike.yaml"
PROFILE = """schema_version: 2
name: Mine
decision_set: commute
weights:
  cost: 3
  time: 1
"""


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    target = copy_commute(tmp_path)
    monkeypatch.chdir(target)  # problems name files relative to the working directory
    return target


def one_line(problems: list[Problem]) -> list[str]:
    lines = [str(p) for p in problems]
    assert all("\n" not in line and "\r" not in line for line in lines), lines
    return lines


# --- numbers -------------------------------------------------------------------------------


def test_an_integer_of_309_digits_is_refused_at_its_line(folder):
    edit(folder / BIKE, "    score: 1\n", "    score: " + "9" * 309 + "\n")
    problems = load_errors(folder)
    assert [(p.file, p.line, p.field) for p in problems] == [
        (BIKE, line_of(folder / BIKE, "9" * 309), "assessments.cost.score")
    ]
    assert "out of range" in problems[0].message
    assert len(str(problems[0])) < 200  # the 309 digits are not all repeated back


def test_a_scale_whose_span_overflows_is_refused(folder):
    edit(folder / "decision-set.yaml", "{min: 0, max: 5,", "{min: -1.0e+308, max: 1.0e+308,")
    fields = {p.field for p in load_errors(folder)}
    assert fields == {"criteria[2].scale.min", "criteria[2].scale.max"}


def test_the_number_bound_is_inclusive_and_holds_for_every_number_field(folder):
    bound = f"{MAX_MAGNITUDE:.1e}"
    edit(folder / "decision-set.yaml", "{min: 0, max: 5,", f"{{min: -{bound}, max: {bound},")
    assert load_decision_set(folder).decision_set.criteria[2].scale.max == MAX_MAGNITUDE


def test_weights_whose_sum_would_overflow_are_refused():
    weights = "".join(f"  c{i}: 1.0e+308\n" for i in range(10))
    text = PROFILE.replace("  cost: 3\n  time: 1\n", weights)
    with pytest.raises(LoadError) as err:
        parse_profile(text, "p.yaml")
    assert len(err.value.problems) == 10
    assert all(p.line >= 5 and "out of range" in p.message for p in err.value.problems)


def test_a_huge_integer_in_one_shared_profile_does_not_break_the_listing(tmp_path):
    library = ProfileLibrary(tmp_path / "lib")
    library.root.mkdir()
    (library.root / "good.yaml").write_text(PROFILE, encoding="utf-8")
    bad = PROFILE.replace("cost: 3", "cost: " + "1" * 400)
    (library.root / "bad.yaml").write_text(bad, encoding="utf-8")
    (library.root / "ver.yaml").write_text(
        PROFILE.replace("schema_version: 2", "schema_version: " + "7" * 400)
    )
    infos = {i.path.name: i for i in library.list_profiles()}
    assert infos["good.yaml"].error == ""
    assert "bad.yaml:5: weights.cost:" in infos["bad.yaml"].error
    assert "ver.yaml:1: schema_version:" in infos["ver.yaml"].error


def test_rank_on_a_huge_integer_exits_1_with_a_line(folder, capsys):
    edit(folder / BIKE, "    score: 1\n", "    score: " + "9" * 400 + "\n")
    assert cli_main(["rank", "--set", str(folder)]) == 1
    err = capsys.readouterr().err
    assert f"{BIKE}:{line_of(folder / BIKE, '9' * 400)}: assessments.cost.score:" in err


# --- YAML tags and values ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("a: 1\nb: !!bool maybe\n", 2, "b: unreadable value !!bool 'maybe'"),
        ("a: 1\nb: !!float ''\n", 2, "b: unreadable value !!float ''"),
        ("a: 1\nb: !!int ''\n", 2, "b: unreadable value !!int ''"),
        ("a: 1\nb: x\x00y\n", 2, "control character 0x00 is not allowed"),
        ("a: 1\n\nb: x\x07y\n", 3, "control character 0x07 is not allowed"),
    ],
)
def test_bad_scalars_give_one_line_with_a_line_number(text, line, message):
    with pytest.raises(LoadError) as err:
        parse_yaml_text(text, "f.yaml")
    (shown,) = one_line(err.value.problems)
    assert shown.startswith(f"f.yaml:{line}:"), shown
    assert message in shown


# --- size, not just node count ---------------------------------------------------------------


def test_a_big_string_aliased_many_times_is_refused_quickly():
    text = "pad: &p '" + "x" * 1_000_000 + "'\nrefs: [" + ", ".join(["*p"] * 1000) + "]\n"
    start = time.perf_counter()
    with pytest.raises(LoadError, match="expands to more than"):
        parse_yaml_text(text, "f.yaml")
    assert time.perf_counter() - start < 5


def test_a_quote_aliased_2000_times_is_checked_in_bounded_time(folder):
    quote = "Cycling costs almost nothing once you own a bike"
    edit(folder / BIKE, f'quote: "{quote}"', f'quote: &q "{quote}"')
    many = "".join("      - {source: note, quote: *q, stance: supports}\n" for _ in range(2000))
    edit(folder / BIKE, "  time:\n", many.replace("      - ", "      - ", 1) + "  time:\n")
    start = time.perf_counter()
    load_decision_set(folder, strict=True)
    assert time.perf_counter() - start < 10


def test_aliases_in_unknown_profile_fields_cannot_expand_past_the_file_cap():
    text = PROFILE + "future: &f '" + "y" * 20_000 + "'\nmore: [" + ", ".join(["*f"] * 20) + "]\n"
    with pytest.raises(LoadError, match="expands to more than 262144 characters"):
        parse_profile(text, "p.yaml")


def test_a_profile_that_would_not_read_back_is_never_written(tmp_path):
    profile = parse_profile(PROFILE)
    huge = replace(profile, extra={"notes": ["é" * 1000] * 200})  # 400 KB once written out
    target = tmp_path / "out.yaml"
    with pytest.raises(ProfileError, match="would not read back"):
        write_profile(target, huge)
    assert not target.exists() and not list(tmp_path.iterdir())


# --- share codes ---------------------------------------------------------------------------


def code_for(text: str) -> str:
    """A well-formed code around any JSON text (what a buggy or hostile tool could send)."""
    packed = zlib.compress(text.encode("utf-8", "surrogatepass"), 9)
    payload = zlib.crc32(packed).to_bytes(4, "big") + packed
    return "PX2-" + base64.b32encode(payload).decode("ascii").rstrip("=")


BASE = '{"schema_version":2,"name":"N","decision_set":"commute","weights":{"cost":1}'


def test_a_deeply_nested_code_is_refused_not_a_recursion_error():
    with pytest.raises(LoadError, match="nested more than"):
        decode_share_code(code_for(BASE + ',"x":' + "[" * 100_000 + "]" * 100_000 + "}"))


def test_a_code_is_held_to_the_depth_limit_of_a_file(tmp_path):
    depth = MAX_DEPTH + 1
    nested = "[" * depth + "]" * depth
    with pytest.raises(LoadError, match=f"nested more than {MAX_DEPTH} levels deep"):
        decode_share_code(code_for(BASE + ',"x":' + nested + "}"))
    file_text = PROFILE + "x: " + nested + "\n"
    with pytest.raises(LoadError, match=f"nested more than {MAX_DEPTH} levels deep"):
        parse_profile(file_text)


def test_a_lone_surrogate_in_a_code_is_refused_before_anything_is_written(tmp_path, capsys):
    code = code_for(BASE.replace('"N"', '"N\\ud800"') + "}")
    with pytest.raises(ShareCodeError, match="not valid Unicode"):
        decode_share_code(code)
    out = tmp_path / "p.yaml"
    assert cli_main(["profile", "decode", code, "--out", str(out)]) == 1
    assert not out.exists()


def test_duplicate_json_keys_are_refused_as_yaml_refuses_them():
    with pytest.raises(ShareCodeError, match="duplicate key 'name'"):
        decode_share_code(code_for(BASE + ',"name":"other"}'))


def test_a_valid_code_still_decodes():
    assert decode_share_code(code_for(BASE + "}")).weights == {"cost": 1}


# --- paths ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["/etc/passwd", "../../etc/passwd", "sub/../../x.txt"])
def test_a_source_file_outside_the_set_folder_is_refused(folder, name):
    edit(folder / "decision-set.yaml", "    file: commute-note.txt", f"    file: {name}")
    problems = load_errors(folder)
    assert [p.field for p in problems] == ["sources[0].file"]
    assert "inside the decision set's folder" in problems[0].message


def test_a_source_linked_from_outside_the_folder_is_refused(folder, tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text("Cycling costs almost nothing once you own a bike", encoding="utf-8")
    (folder / "commute-note.txt").unlink()
    (folder / "commute-note.txt").symlink_to(outside)
    assert [p.field for p in load_errors(folder)] == ["sources[0].file"]


def test_a_256_character_source_name_is_a_problem_not_a_crash(folder):
    edit(folder / "decision-set.yaml", "    file: commute-note.txt", "    file: " + "n" * 256)
    result = load_decision_set(folder)
    assert any("too long" in p.message for p in result.warnings)


def test_a_symlink_loop_on_the_header_is_reported(folder):
    header = folder / "decision-set.yaml"
    header.unlink()
    header.symlink_to(header)
    assert [p.message for p in load_errors(folder)] == ["is a symbolic link loop"]


@pytest.mark.parametrize("kind", ["dangling", "fifo", "folder"])
def test_an_unreadable_yaml_entry_is_reported_not_skipped(folder, kind):
    extra = folder / "walk.yaml"
    if kind == "dangling":
        extra.symlink_to(folder / "nowhere.yaml")
    elif kind == "fifo":
        os.mkfifo(extra)
    else:
        extra.mkdir()
    start = time.perf_counter()
    problems = load_errors(folder)
    assert time.perf_counter() - start < 5  # a FIFO is never opened for a blocking read
    assert [p.file for p in problems] == ["walk.yaml"]


def test_a_fifo_as_the_set_file_is_refused(tmp_path):
    fifo = tmp_path / "set.yaml"
    os.mkfifo(fifo)
    with pytest.raises(LoadError, match="named pipe"):
        load_decision_set(fifo)


def test_a_long_cjk_profile_name_can_be_saved_deleted_and_restored(tmp_path):
    library = ProfileLibrary(tmp_path / "lib")
    name = "一" * 78
    saved = library.save(replace(parse_profile(PROFILE), name=name))
    assert library.load(name).name == name
    assert len(os.fsencode(saved.path.name)) <= 255
    library.delete(name)
    assert library.restore().name == name


def test_a_planted_trash_symlink_is_refused(tmp_path):
    library = ProfileLibrary(tmp_path / "lib")
    library.save(parse_profile(PROFILE))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    library.trash_dir.symlink_to(elsewhere)
    with pytest.raises(ProfileError, match="symbolic link"):
        library.delete("Mine")
    with pytest.raises(ProfileError, match="symbolic link"):
        library.empty_trash()
    assert library.find("Mine").exists() and not list(elsewhere.iterdir())


def test_a_planted_lock_symlink_is_refused(tmp_path):
    library = ProfileLibrary(tmp_path / "lib")
    library.root.mkdir()
    victim = tmp_path / "victim"
    (library.root / ".lock").symlink_to(victim)
    with pytest.raises(ProfileError, match="symbolic link"):
        library.save(parse_profile(PROFILE))
    assert not victim.exists()


# --- ids and messages ----------------------------------------------------------------------


def test_an_id_with_a_trailing_newline_is_refused_not_dropped():
    text = PROFILE.replace("  cost: 3\n", '  "cost\\n": 3\n')
    with pytest.raises(LoadError) as err:
        parse_profile(text, "p.yaml")
    (shown,) = one_line(err.value.problems)
    assert shown.startswith('p.yaml:5: weights."cost\\n": ') and "not a valid criterion id" in shown


def test_no_criteria_defined_has_a_real_line(folder):
    text = (folder / "decision-set.yaml").read_text("utf-8")
    start, end = text.index("criteria:"), text.index("sources:")
    (folder / "decision-set.yaml").write_text(text[:start] + text[end:], encoding="utf-8")
    for name in ("bike", "bus", "car"):
        (folder / f"{name}.yaml").write_text(
            (folder / f"{name}.yaml").read_text("utf-8").split("assessments:")[0]
            + "assessments: {}\n",
            encoding="utf-8",
        )
    problems = load_errors(folder)
    assert [(p.file, p.line, p.field) for p in problems] == [("decision-set.yaml", 1, "criteria")]


def test_field_paths_with_colons_or_newlines_are_quoted(folder):
    edit(folder / BIKE, "  time:\n", '  "a: b\\nc": {score: 1}\n  time:\n')
    problems = load_errors(folder)
    (shown,) = one_line(problems)
    assert f'{BIKE}:{line_of(folder / BIKE, "a: b")}: assessments."a: b\\nc": unknown' in shown


# --- races and temporaries -----------------------------------------------------------------


def test_a_new_file_that_appears_after_the_check_is_not_replaced(tmp_path, monkeypatch):
    """Two `decode --out` at once: both see no file, the second must be told, not win."""
    target = tmp_path / "p.yaml"
    profile = parse_profile(PROFILE)
    real = store_module.current_revision

    def racing(path: Path) -> str | None:
        answer = real(path)
        target.write_text("theirs", encoding="utf-8")  # the other writer lands in between
        return answer

    monkeypatch.setattr(store_module, "current_revision", racing)
    with pytest.raises(ProfileExistsError):
        write_profile(target, profile)
    assert target.read_text("utf-8") == "theirs"
    assert [p.name for p in tmp_path.iterdir()] == ["p.yaml"]


def test_export_refuses_an_existing_file(tmp_path, monkeypatch):
    monkeypatch.setenv("POLICY_EXPLORER_PROFILES", str(tmp_path / "lib"))
    ProfileLibrary().save(parse_profile(PROFILE))
    dest = tmp_path / "out.yaml"
    assert cli_main(["profile", "export", "Mine", str(dest)]) == 0
    assert cli_main(["profile", "export", "Mine", str(dest)]) == 1
    assert load_profile(dest).name == "Mine"


def test_a_killed_writers_temporary_is_cleaned_on_the_next_library_write(tmp_path):
    library = ProfileLibrary(tmp_path / "lib")
    saved = library.save(parse_profile(PROFILE))
    leftover = saved.path.with_name(f".{saved.path.name}.0123456789ab{TEMP_SUFFIX}")
    leftover.write_bytes(b"half")  # fresh: a killed writer seconds ago
    library.save(saved)
    assert not leftover.exists()


def test_a_stale_temporary_is_cleaned_on_the_next_write_anywhere(tmp_path):
    target = tmp_path / "out.csv"
    leftover = tmp_path / f".out.csv.0123456789ab{TEMP_SUFFIX}"
    leftover.write_bytes(b"half")
    old = time.time() - STALE_SECONDS - 5
    os.utime(leftover, (old, old))
    write_atomic(target, b"new")
    assert not leftover.exists() and target.read_bytes() == b"new"


# --- the loader's one way to fail ------------------------------------------------------------


def test_a_fault_in_the_loader_still_becomes_a_load_error(folder, monkeypatch):
    from explorer.core import sections

    def broken(*args: object) -> None:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(sections, "option", broken)
    with pytest.raises(LoadError) as err:
        load_decision_set(folder)
    assert INTERNAL_ERROR in str(err.value) and "ZeroDivisionError" in str(err.value)
