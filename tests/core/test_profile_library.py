"""The profile library: listing, saving with conflict checks, renaming, trash and restore."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from explorer import paths
from explorer.core.profiles import (
    ENV_VAR,
    ProfileConflictError,
    ProfileError,
    ProfileExistsError,
    ProfileLibrary,
    ProfileNotFoundError,
    library_dir,
    load_profile,
    parse_profile,
    slug,
    write_profile,
)

TEXT = """schema_version: 2
name: Cheap first
author: Ana Lyst
description: Money is tight this year.
decision_set: commute
weights: {cost: 3, time: 1, health: 1}
later_feature: {keep: me}
"""


@pytest.fixture(autouse=True)
def _no_shared_library(monkeypatch: pytest.MonkeyPatch) -> None:
    """A developer's own POLICY_EXPLORER_PROFILES must not leak into the tests."""
    monkeypatch.delenv(ENV_VAR, raising=False)


@pytest.fixture
def library(tmp_path: Path) -> ProfileLibrary:
    return ProfileLibrary(tmp_path / "lib")


def _files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.name != ".lock")


def test_library_lives_in_user_data_unless_the_variable_says(monkeypatch, tmp_path):
    assert library_dir() == paths.user_data_dir() / "profiles"
    assert ProfileLibrary().root == paths.user_data_dir() / "profiles"
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "team share"))
    assert ProfileLibrary().root == tmp_path / "team share"
    saved = ProfileLibrary().save(parse_profile(TEXT))
    assert saved.path == (tmp_path / "team share" / "cheap-first.yaml").resolve()


def test_slugs_are_safe_file_names():
    assert slug("Cheap first") == "cheap-first"
    assert slug("  Counter-Iran / counter-ISIS  ") == "counter-iran-counter-isis"
    assert slug("Sécurité d'abord") == "sécurité-d-abord"
    assert slug("../../etc/passwd") == "etc-passwd"
    assert slug("???") == "profile"
    assert slug("CON") == "con-"


def test_save_stamps_times_and_loads_back_identical(library):
    saved = library.save(parse_profile(TEXT))
    assert saved.created == saved.modified and saved.created.endswith("Z")
    loaded = library.load("Cheap first")
    assert loaded == saved
    assert loaded.extra == {"later_feature": {"keep": "me"}}
    assert library.load("cheap-first") == library.load("CHEAP FIRST") == saved


def test_listing_and_filtering(library):
    library.save(parse_profile(TEXT))
    other = TEXT.replace("Cheap first", "Safety").replace("Ana Lyst", "Bo Jensen")
    library.save(parse_profile(other.replace("Money is tight", "Nobody gets hurt")))
    (library.root / "broken.yaml").write_text("name: [oops\n")
    (library.root / "notes.txt").write_text("not a profile")
    infos = library.list_profiles()
    assert [(i.name, i.author, i.decision_set) for i in infos] == [
        ("broken", "", ""),
        ("Cheap first", "Ana Lyst", "commute"),
        ("Safety", "Bo Jensen", "commute"),
    ]
    assert infos[0].error.startswith(str(library.root / "broken.yaml") + ":2: YAML syntax error")
    assert infos[1].modified.endswith("Z") and infos[1].path.name == "cheap-first.yaml"
    assert [i.name for i in library.list_profiles("money")] == ["Cheap first"]
    assert [i.name for i in library.list_profiles("jensen HURT")] == ["Safety"]
    assert [i.name for i in library.list_profiles("commute")] == ["Cheap first", "Safety"]
    assert library.list_profiles("nothing matches") == []


def test_a_new_profile_does_not_replace_an_existing_one(library):
    first = library.save(parse_profile(TEXT))
    with pytest.raises(ProfileExistsError, match="a profile is already saved as"):
        library.save(parse_profile(TEXT.replace("Ana Lyst", "Impostor")))
    assert library.load("Cheap first") == first
    forced = library.save(parse_profile(TEXT.replace("Ana Lyst", "Impostor")), force=True)
    assert library.load("Cheap first") == forced and forced.author == "Impostor"


def test_saving_again_keeps_a_backup_and_created_time(library):
    first = library.save(parse_profile(TEXT))
    before = first.path.read_bytes()
    second = library.save(replace(first, description="Changed my mind."))
    assert second.created == first.created
    assert (library.root / "cheap-first.yaml.bak").read_bytes() == before
    assert library.load("Cheap first").description == "Changed my mind."


def test_a_save_over_someone_elses_newer_save_is_a_conflict(library):
    mine = library.save(parse_profile(TEXT))
    theirs = library.save(replace(library.load("Cheap first"), author="Colleague"))
    on_disk = theirs.path.read_bytes()
    clash = r"changed after you opened it \(saved by Colleague at 20"
    with pytest.raises(ProfileConflictError, match=clash) as err:
        library.save(replace(mine, description="My edit"))
    assert err.value.theirs == theirs
    assert theirs.path.read_bytes() == on_disk  # nothing changed
    library.save(replace(mine, description="My edit"), force=True)  # last writer wins on request
    assert library.load("Cheap first").description == "My edit"


def test_save_never_overwrites_a_file_that_does_not_parse(library):
    library.save(parse_profile(TEXT))
    loaded = library.load("Cheap first")
    target = loaded.path
    target.write_bytes(b"schema_version: 2\nweights: {cost: 1\n")
    for force in (False, True):
        with pytest.raises(ProfileError, match=r"refusing to overwrite .*cheap-first\.yaml:3"):
            library.save(loaded, force=force)
    assert target.read_bytes() == b"schema_version: 2\nweights: {cost: 1\n"


def test_save_as_and_duplicate(library):
    original = library.save(parse_profile(TEXT))
    copy = library.save_as(original, "Cheap second")
    assert copy.path.name == "cheap-second.yaml" and copy.weights == original.weights
    assert library.load("Cheap first") == original  # the original is untouched
    dup = library.duplicate("Cheap first")
    assert dup.name == "Cheap first copy"
    assert library.duplicate("Cheap first").name == "Cheap first copy 2"
    with pytest.raises(ProfileExistsError):
        library.save_as(original, "cheap SECOND")


def test_rename_moves_file_and_backup(library):
    saved = library.save(parse_profile(TEXT))
    library.save(replace(saved, description="v2"))  # now there is a backup
    renamed = library.rename("Cheap first", "Frugal")
    assert renamed.name == "Frugal" and renamed.description == "v2"
    assert _files(library.root) == ["frugal.yaml", "frugal.yaml.bak"]
    assert library.load("Frugal") == renamed
    library.save(parse_profile(TEXT))
    with pytest.raises(ProfileExistsError):
        library.rename("Cheap first", "FRUGAL")
    assert library.rename("Frugal", "frugal").name == "frugal"  # same file, new name inside


def test_delete_goes_to_trash_and_restore_brings_it_back(library):
    saved = library.save(parse_profile(TEXT))
    library.save(replace(saved, description="v2"))
    entry = library.delete("Cheap first")
    assert entry.name == "Cheap first" and entry.stem == "cheap-first" and entry.deleted
    assert library.list_profiles() == []
    assert [e.name for e in library.trash()] == ["Cheap first"]
    with pytest.raises(ProfileNotFoundError):
        library.load("Cheap first")
    info = library.restore()  # undo
    assert info.name == "Cheap first" and library.load("Cheap first").description == "v2"
    assert _files(library.root) == [".trash", "cheap-first.yaml", "cheap-first.yaml.bak"]
    assert library.trash() == []
    with pytest.raises(ProfileNotFoundError, match="the trash is empty"):
        library.restore()


def test_restore_by_name_and_never_over_a_live_profile(library):
    library.save(parse_profile(TEXT))
    library.delete("Cheap first")
    library.save(parse_profile(TEXT.replace("Ana Lyst", "Newer")))
    with pytest.raises(ProfileExistsError, match="cannot restore 'Cheap first'"):
        library.restore("Cheap first")
    library.rename("Cheap first", "Newer one")
    assert library.restore("cheap first").name == "Cheap first"
    assert library.load("Cheap first").author == "Ana Lyst"
    with pytest.raises(ProfileNotFoundError, match="'Nope' is not in the trash"):
        library.restore("Nope")
    library.delete("Newer one")
    assert library.empty_trash() == 1 and library.trash() == []


def test_a_broken_file_can_still_be_deleted_and_restored(library):
    library.root.mkdir(parents=True)
    (library.root / "broken.yaml").write_text("name: [oops\n")
    entry = library.delete("broken")
    assert entry.stem == "broken"
    assert library.restore().error


def test_import_export_and_missing_names(library, tmp_path):
    source = tmp_path / "from-a-colleague.yaml"
    source.write_text(TEXT.replace("schema_version: 2", "schema_version: 2"))
    imported = library.import_file(source)
    assert imported.path.name == "cheap-first.yaml" and imported.extra == {
        "later_feature": {"keep": "me"}
    }
    assert library.import_file(source, name="Theirs").name == "Theirs"
    with pytest.raises(ProfileExistsError):
        library.import_file(source)
    out = tmp_path / "out.yaml"
    exported = library.export("Theirs", out)
    assert load_profile(out) == exported
    with pytest.raises(ProfileExistsError):
        library.export("Theirs", out)
    with pytest.raises(ProfileNotFoundError, match="no profile named 'Nobody'"):
        library.load("Nobody")


def test_two_files_with_the_same_name_are_ambiguous(library):
    write_profile(library.root / "a.yaml", parse_profile(TEXT))
    write_profile(library.root / "b.yaml", parse_profile(TEXT))
    with pytest.raises(ProfileError, match="more than one profile is named 'Cheap first'"):
        library.load("Cheap first")
    assert library.load("a").path.name == "a.yaml"


def test_names_cannot_reach_outside_the_library(library, tmp_path):
    write_profile(tmp_path / "outside.yaml", parse_profile(TEXT))
    library.save(parse_profile(TEXT.replace("Cheap first", "Inside")))
    for key in ("../outside", str(tmp_path / "outside")):
        with pytest.raises(ProfileNotFoundError):
            library.delete(key)
    assert (tmp_path / "outside.yaml").exists()


def test_saving_a_profile_loaded_from_an_odd_file_name_writes_back_there(library):
    write_profile(library.root / "hand-made.yaml", parse_profile(TEXT))
    loaded = library.load("Cheap first")
    saved = library.save(replace(loaded, description="edited"))
    assert saved.path.name == "hand-made.yaml"
    assert _files(library.root) == ["hand-made.yaml", "hand-made.yaml.bak"]
