"""The profile panel: every library command through the GUI, with each question answered."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QDialogButtonBox

from explorer.core.briefing.deck import DeckSettings
from explorer.core.briefing.view_choices import ColourMode, ViewChoices
from explorer.core.engine import Method
from explorer.core.profiles import (
    Profile,
    ProfileLibrary,
    load_profile,
    share_code,
    starter_profiles,
    write_profile,
)
from explorer.ui.profiles import profile_dialogs, unsaved_prompt
from explorer.ui.profiles.profile_dialogs import (
    MappingDialog,
    SaveDetails,
    SaveDetailsDialog,
    ShareCodeDialog,
)
from explorer.ui.profiles.profile_list import BROKEN, KIND_ROLE, LIBRARY, OTHER, STARTER
from explorer.ui.profiles.profile_panel import ProfilePanel
from explorer.ui.profiles.unsaved_prompt import Choice
from explorer.ui.state.session import Session

UNSET = object()


class Answers:
    """Stands in for every blocking dialog: records each question, returns the set answer.

    A question the test did not expect (answer left UNSET) fails the test instead of blocking.
    """

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls: list[tuple[str, tuple[Any, ...]]] = []
        self.answers: dict[str, Any] = {"inform": None, "show_problems": None}
        for name in (
            "ask_name",
            "ask_save_details",
            "choose_open_file",
            "choose_save_file",
            "inform",
            "show_problems",
            "ask_conflict",
            "ask_mapping",
            "ask_share_code",
        ):
            monkeypatch.setattr(profile_dialogs, name, self._stub(name))
        monkeypatch.setattr(unsaved_prompt, "ask", self._stub("unsaved"))

    def _stub(self, name: str):
        def answer(parent: object, *args: Any) -> Any:
            self.calls.append((name, args))
            value = self.answers.get(name, UNSET)
            if value is UNSET:
                raise AssertionError(f"unexpected dialog: {name}{args}")
            return value

        return answer

    def __setitem__(self, name: str, value: Any) -> None:
        self.answers[name] = value

    def asked(self, name: str) -> list[tuple[Any, ...]]:
        return [args for called, args in self.calls if called == name]


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    return Answers(monkeypatch)


@pytest.fixture
def library(tmp_path: Path) -> ProfileLibrary:
    return ProfileLibrary(tmp_path / "lib")


@pytest.fixture
def panel(qtbot, session: Session, library: ProfileLibrary, answers: Answers) -> ProfilePanel:
    widget = ProfilePanel(session, library=library)
    qtbot.addWidget(widget)
    widget.resize(360, 700)
    return widget


def make(
    library: ProfileLibrary,
    name: str,
    weights: dict[str, float],
    set_id: str = "commute",
    **fields: Any,
) -> Profile:
    return library.save(Profile(name, set_id, weights, **fields))


def rows(panel: ProfilePanel) -> list[tuple[str, str]]:
    return [(kind, index.data()) for kind, index in panel.list.entries()]


def names(panel: ProfilePanel, kind: str = LIBRARY) -> list[str]:
    return [text for k, text in rows(panel) if k == kind]


def select(panel: ProfilePanel, name: str) -> None:
    for _kind, index in panel.list.entries():
        if index.data().removesuffix(" •") == name:
            panel.list.setCurrentIndex(index)
            return
    raise AssertionError(f"{name} is not listed: {rows(panel)}")


def row_index(panel: ProfilePanel, name: str):
    return next(i for _k, i in panel.list.entries() if i.data().removesuffix(" •") == name)


def shares_of(weights: dict[str, float], ids=("cost", "time", "health")) -> np.ndarray:
    raw = np.array([float(weights.get(c, 0)) for c in ids])
    return raw / raw.sum()


# ---- save, open, list ---------------------------------------------------------------------
def test_save_then_open_by_double_click_restores_identical_weights(
    qtbot, panel: ProfilePanel, session: Session, library: ProfileLibrary, answers: Answers
) -> None:
    session.set_weights(np.array([3.0, 1.0, 1.0]))
    session.set_method(Method.TOPSIS)
    session.set_locked("time", True)
    answers["ask_save_details"] = SaveDetails("Commuter", "Ann Lee", "Cost matters most.")
    panel.save_action.trigger()
    assert answers.asked("ask_save_details") == [("Save profile as", "My weighting", "", "")]
    saved = load_profile(library.root / "commuter.yaml")
    assert (saved.author, saved.description) == ("Ann Lee", "Cost matters most.")
    # the list shows the author in its column and the rationale in the row's tooltip
    row = row_index(panel, "Commuter")
    assert row.siblingAtColumn(1).data() == "Ann Lee"
    assert "Cost matters most." in row.data(Qt.ItemDataRole.ToolTipRole)
    # saving again as another name offers the same author and rationale
    answers["ask_save_details"] = None
    panel.save_as()
    assert answers.asked("ask_save_details")[-1] == (
        "Save profile as",
        "Commuter 2",
        "Ann Lee",
        "Cost matters most.",
    )
    assert saved.weights == {"cost": 0.6, "time": 0.2, "health": 0.2}
    assert saved.method is Method.TOPSIS and saved.locks == ("time",)
    assert not session.dirty and names(panel) == ["Commuter"]

    session.equal_weights()
    session.set_method(Method.WSM)
    answers["unsaved"] = Choice.DISCARD
    panel.show()
    qtbot.waitExposed(panel)
    index = row_index(panel, "Commuter")
    rect = panel.list.visualRect(index)
    # a real double-click starts with a press; QTest's double-click alone does not send one
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    session.flush()
    assert session.shares == pytest.approx([0.6, 0.2, 0.2], abs=1e-9)
    assert session.method is Method.TOPSIS
    assert list(session.locked) == [False, True, False]
    assert session.active_profile.name == "Commuter" and not session.dirty
    assert session.current_profile().weights == saved.weights


def test_filter_matches_name_author_and_description(
    panel: ProfilePanel, library: ProfileLibrary
) -> None:
    make(library, "Cheap first", {"cost": 5, "time": 1, "health": 1}, author="Ana")
    make(library, "Fast", {"cost": 1, "time": 5, "health": 1}, description="rush hour")
    make(library, "Fit", {"cost": 1, "time": 1, "health": 5}, author="Ben")
    panel.refresh()
    assert names(panel) == ["Cheap first", "Fast", "Fit"]
    panel.filter_edit.setText("ben")
    assert names(panel) == ["Fit"]
    panel.filter_edit.setText("RUSH")
    assert names(panel) == ["Fast"]
    panel.filter_edit.setText("nothing like this")
    assert names(panel) == [] and panel.list.groups()[0].endswith("(0)")
    panel.filter_edit.clear()
    assert len(names(panel)) == 3


def test_duplicate_rename_delete_and_undo_delete(
    panel: ProfilePanel, library: ProfileLibrary, answers: Answers
) -> None:
    make(library, "Alpha", {"cost": 2, "time": 1, "health": 1})
    panel.refresh()
    select(panel, "Alpha")
    panel.duplicate_action.trigger()
    assert names(panel) == ["Alpha", "Alpha copy"]
    assert load_profile(library.root / "alpha-copy.yaml").weights == {
        "cost": 2,
        "time": 1,
        "health": 1,
    }
    assert panel.list.selected_path().name == "alpha-copy.yaml"

    answers["ask_name"] = "Beta"
    panel.rename_action.trigger()
    assert answers.asked("ask_name")[-1] == ("Rename profile", "Alpha copy")
    assert not (library.root / "alpha-copy.yaml").exists()
    assert load_profile(library.root / "beta.yaml").name == "Beta"
    assert names(panel) == ["Alpha", "Beta"]

    assert not panel.undo_delete_action.isEnabled()
    panel.delete_action.trigger()
    assert not (library.root / "beta.yaml").exists()
    assert [e.name for e in library.trash()] == ["Beta"]
    assert names(panel) == ["Alpha"]
    assert "trash" in panel.status_label.text() and panel.undo_delete_action.isEnabled()

    panel.undo_delete_action.trigger()
    assert load_profile(library.root / "beta.yaml").name == "Beta"
    assert names(panel) == ["Alpha", "Beta"] and library.trash() == []
    assert not panel.undo_delete_action.isEnabled()


@pytest.mark.parametrize("choice", [Choice.SAVE, Choice.DISCARD, Choice.CANCEL])
def test_switching_with_unsaved_changes_asks_first(
    choice: Choice,
    panel: ProfilePanel,
    session: Session,
    library: ProfileLibrary,
    answers: Answers,
) -> None:
    make(library, "A", {"cost": 1, "time": 1, "health": 1})
    make(library, "B", {"cost": 5, "time": 1, "health": 1})
    panel.refresh()
    select(panel, "A")
    panel.open_action.trigger()
    assert answers.asked("unsaved") == []  # nothing to lose yet
    session.set_share("cost", 0.5)
    session.flush()
    changed = session.shares
    answers["unsaved"] = choice
    select(panel, "B")
    panel.open_action.trigger()
    assert answers.asked("unsaved") == [("A",)]
    on_disk = load_profile(library.root / "a.yaml").weights
    if choice is Choice.CANCEL:
        assert session.active_profile.name == "A" and session.dirty
        assert session.shares == pytest.approx(changed)
        assert on_disk == {"cost": 1, "time": 1, "health": 1}
        return
    assert session.active_profile.name == "B" and not session.dirty
    assert session.shares == pytest.approx(shares_of({"cost": 5, "time": 1, "health": 1}))
    if choice is Choice.SAVE:
        assert shares_of(on_disk) == pytest.approx(changed, abs=1e-6)
    else:
        assert on_disk == {"cost": 1, "time": 1, "health": 1}


def test_untitled_save_asks_a_name_and_cancel_writes_nothing(
    panel: ProfilePanel, session: Session, library: ProfileLibrary, answers: Answers
) -> None:
    panel.new_action.trigger()
    assert session.active_profile.name == "Untitled" and not session.dirty
    assert "Untitled" in panel.active_label.text()
    session.set_share("health", 0.6)
    answers["ask_save_details"] = None
    assert panel.save() is False
    assert answers.asked("ask_save_details") == [("Save profile as", "My weighting", "", "")]
    assert not library.root.exists() or list(library.root.glob("*.yaml")) == []
    assert session.dirty
    answers["ask_save_details"] = SaveDetails("Healthy")
    assert panel.save() is True
    assert load_profile(library.root / "healthy.yaml").weights["health"] == pytest.approx(0.6)
    assert session.active_profile.name == "Healthy" and not session.dirty


@pytest.mark.parametrize("answer", ["overwrite", "copy", "cancel"])
def test_save_after_someone_else_saved_asks_overwrite_copy_or_cancel(
    answer: str,
    panel: ProfilePanel,
    session: Session,
    library: ProfileLibrary,
    answers: Answers,
) -> None:
    session.set_weights(np.array([2.0, 1.0, 1.0]))
    answers["ask_save_details"] = SaveDetails("Mine")
    panel.save()
    path = library.root / "mine.yaml"
    theirs = {"cost": 1, "time": 5, "health": 1}
    write_profile(path, replace(load_profile(path), author="Sam", weights=theirs), overwrite=True)
    session.set_weights(np.array([1.0, 1.0, 4.0]))
    answers["ask_conflict"] = answer
    saved = panel.save()
    ((name, detail),) = answers.asked("ask_conflict")
    assert name == "Mine" and "changed after you opened it" in detail and "Sam" in detail
    ours = shares_of({"cost": 1, "time": 1, "health": 4})
    if answer == "overwrite":
        assert saved and shares_of(load_profile(path).weights) == pytest.approx(ours, abs=1e-6)
        assert not session.dirty
    elif answer == "copy":
        assert saved and load_profile(path).weights == theirs
        copy = load_profile(library.root / "mine-copy.yaml")
        assert shares_of(copy.weights) == pytest.approx(ours, abs=1e-6)
        assert session.active_profile.name == "Mine copy" and not session.dirty
        assert "Mine copy" in names(panel)
    else:
        assert not saved and load_profile(path).weights == theirs
        assert session.dirty and "not saved" in panel.status_label.text()


# ---- share codes --------------------------------------------------------------------------
def test_share_code_copy_then_paste_gives_identical_weights(
    panel: ProfilePanel, session: Session, library: ProfileLibrary, answers: Answers
) -> None:
    session.set_weights(np.array([3.0, 2.0, 1.0]))
    session.set_method(Method.TOPSIS)
    session.flush()
    before = session.shares
    panel.copy_code_action.trigger()
    code = QGuiApplication.clipboard().text()
    assert code.startswith("PX2-") and code == share_code(session.current_profile())
    session.equal_weights()
    session.set_method(Method.WSM)
    answers["ask_share_code"] = code
    answers["unsaved"] = Choice.DISCARD
    panel.paste_code_action.trigger()
    session.flush()
    assert session.shares == pytest.approx(before, abs=1e-6)
    assert session.method is Method.TOPSIS and not session.dirty
    assert session.active_profile.path is None  # opened, not saved
    assert not library.root.exists() or list(library.root.glob("*.yaml")) == []


def test_share_code_carries_the_views_choices(
    panel: ProfilePanel, session: Session, answers: Answers
) -> None:
    """Paste a colleague's code and the tradeoff map, matrix colouring and sensitivity chart
    show what they chose, as their briefing did."""
    session.set_weights(np.array([3.0, 2.0, 1.0]))
    session.views.set_tradeoff_axes("criterion:health", "criterion:time")
    session.views.set_matrix_colour(ColourMode.DISAGREEMENT)
    session.views.set_sensitivity_criterion("health")
    panel.copy_code_action.trigger()
    code = QGuiApplication.clipboard().text()
    session.views.set_tradeoff_axes("criterion:cost", "criterion:time")
    session.views.set_matrix_colour(ColourMode.DESIRABILITY)
    session.views.set_sensitivity_criterion("cost")
    answers["ask_share_code"] = code
    answers["unsaved"] = Choice.DISCARD
    panel.paste_code_action.trigger()
    assert session.views.choices == ViewChoices(
        ("criterion:health", "criterion:time"), ColourMode.DISAGREEMENT, "health"
    )
    assert not session.dirty


def test_damaged_share_code_is_refused_and_nothing_changes(
    panel: ProfilePanel, session: Session, answers: Answers
) -> None:
    session.set_weights(np.array([3.0, 2.0, 1.0]))
    code = share_code(session.current_profile())
    i = len(code) // 2
    flipped = code[:i] + ("A" if code[i] != "A" else "B") + code[i + 1 :]
    session.equal_weights()
    session.flush()
    before, active, dirty = session.shares, session.active_profile, session.dirty
    answers["ask_share_code"] = flipped
    assert panel.paste_share_code() is False
    ((title, message),) = answers.asked("inform")
    assert title == "Share code not accepted"
    assert "checksum" in message or "damaged" in message
    assert answers.asked("unsaved") == []
    assert session.shares == pytest.approx(before)
    assert session.active_profile is active and session.dirty == dirty


def test_share_code_dialog_checks_the_code_as_it_is_typed(qtbot, session: Session) -> None:
    QGuiApplication.clipboard().setText("")
    dialog = ShareCodeDialog()
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Open)
    code = share_code(session.current_profile(name="Shared"))
    dialog.text.setPlainText(code[:-3] + "AAA")
    assert not ok.isEnabled() and dialog.verdict.text()
    dialog.text.setPlainText(f"  {code[:40]}\n{code[40:]}  ")  # wrapped by a mail client
    assert ok.isEnabled() and "Shared" in dialog.verdict.text()


# ---- files from elsewhere -----------------------------------------------------------------
def test_import_of_broken_yaml_lists_file_and_line_and_leaves_it_alone(
    panel: ProfilePanel, library: ProfileLibrary, tmp_path: Path, answers: Answers
) -> None:
    bad = tmp_path / "broken.yaml"
    bad.write_text("schema_version: 2\nname: Broken\ndecision_set: commute\nweights:\n  cost: [1\n")
    before = bad.read_bytes()
    answers["choose_open_file"] = bad
    panel.import_action.trigger()
    ((title, problems),) = answers.asked("show_problems")
    assert "broken.yaml" in title
    text = "\n".join(str(p) for p in problems)
    assert "broken.yaml:" in text and any(p.line > 0 for p in problems)
    assert bad.read_bytes() == before
    assert not library.root.exists() or list(library.root.glob("*.yaml")) == []


def test_unreadable_library_file_is_listed_deletable_and_never_overwritten(
    panel: ProfilePanel, session: Session, library: ProfileLibrary, answers: Answers
) -> None:
    library.root.mkdir(parents=True)
    bad = library.root / "mine.yaml"
    bad.write_text("schema_version: 2\nname: Mine\nweights: [\n")
    before = bad.read_bytes()
    panel.refresh()
    assert names(panel, BROKEN) == ["mine.yaml"]
    index = row_index(panel, "mine.yaml")
    assert "cannot be read" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert "mine.yaml:" in index.data(Qt.ItemDataRole.ToolTipRole)
    select(panel, "mine.yaml")
    panel.open_action.trigger()
    assert "mine.yaml" in str(answers.asked("show_problems")[0][1][0])
    session.set_share("cost", 0.5)
    answers["ask_save_details"] = SaveDetails("Mine")
    assert panel.save() is False
    ((_title, message),) = answers.asked("inform")
    assert "refusing to overwrite" in message and bad.read_bytes() == before
    select(panel, "mine.yaml")
    assert panel.delete_action.isEnabled()
    panel.delete_action.trigger()
    assert not bad.exists() and names(panel, BROKEN) == []


def test_import_of_profile_missing_two_criteria_reports_them(
    panel: ProfilePanel, session: Session, library: ProfileLibrary, tmp_path: Path, answers: Answers
) -> None:
    source = tmp_path / "cost-only.yaml"
    write_profile(source, Profile("Cost only", "commute", {"cost": 2, "parking": 1}))
    imported = panel.import_paths([source])
    assert [p.name for p in imported] == ["Cost only"]
    assert (library.root / "cost-only.yaml").is_file()
    ((title, report),) = answers.asked("inform")
    assert "Cost only" in title
    assert "Not in this profile, weighted 0: Door-to-door time, Health benefit" in report
    assert "Not in this decision set, ignored: parking" in report
    session.flush()
    assert session.shares == pytest.approx([1.0, 0.0, 0.0])
    assert session.active_profile.name == "Cost only"
    # a second import of the same file asks before replacing the library's copy
    answers["ask_conflict"] = "copy"
    again = panel.import_paths([source])
    assert [p.name for p in again] == ["Cost only 2"] and len(answers.asked("ask_conflict")) == 1


def test_profile_for_another_set_is_refused_unless_mapped(
    panel: ProfilePanel, session: Session, library: ProfileLibrary, answers: Answers
) -> None:
    other = make(library, "Cyclist", {"price": 2, "duration": 1, "fun": 1}, set_id="bike-share")
    before = other.path.read_bytes()
    panel.refresh()
    assert names(panel, OTHER) == ["Cyclist"]
    assert any(g.startswith("Made for another set: bike-share") for g in panel.list.groups())
    select(panel, "Cyclist")
    answers["ask_mapping"] = None
    panel.open_action.trigger()
    assert session.active_profile is None
    assert "made for decision set “bike-share”, not “commute”" in panel.status_label.text()

    answers["ask_mapping"] = {"price": "cost", "duration": "time", "fun": None}
    panel.open_action.trigger()
    session.flush()
    assert session.shares == pytest.approx([2 / 3, 1 / 3, 0.0])
    ((_title, report),) = answers.asked("inform")
    assert "Not in this profile, weighted 0: Health benefit" in report
    assert "Not in this decision set, ignored: fun" in report
    assert "Mapped: price → Monthly cost" in report
    # saving the mapped weighting must not turn the other set's file into this set's
    answers["ask_conflict"] = "cancel"
    assert panel.save() is False
    assert other.path.read_bytes() == before


def test_a_mapped_profile_shows_its_authors_views_in_this_sets_criteria(
    panel: ProfilePanel, session: Session, library: ProfileLibrary, answers: Answers
) -> None:
    """The author plotted fun against duration and swept duration; mapped, that is the map of
    health against time swept along time, and showing it is not an edit."""
    views = ViewChoices(("criterion:fun", "criterion:duration"), None, "duration")
    make(
        library,
        "Cyclist",
        {"price": 2, "duration": 1, "fun": 1},
        set_id="bike-share",
        briefing=DeckSettings().with_views(views),
    )
    panel.refresh()
    select(panel, "Cyclist")
    answers["ask_mapping"] = {"price": "cost", "duration": "time", "fun": "health"}
    panel.open_action.trigger()
    session.flush()
    assert session.views.tradeoff_axes == ("criterion:health", "criterion:time")
    assert session.views.sensitivity_criterion == "time"
    assert not session.dirty
    session.views.set_matrix_colour(ColourMode.DISAGREEMENT)  # an edit, then taken back
    assert session.dirty
    session.views.set_matrix_colour(ColourMode.DESIRABILITY)
    assert not session.dirty  # the mapped axes are the profile's own here, not an edit


def test_mapping_dialog_prefills_same_ids_and_refuses_two_onto_one(qtbot, session: Session) -> None:
    profile = Profile("Theirs", "elsewhere", {"cost": 1, "speed": 2})
    dialog = MappingDialog(profile, session.decision_set)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.mapping() == {"cost": "cost", "speed": None}
    assert "elsewhere" in dialog.intro.text() and ok.isEnabled()
    dialog.combos["speed"].setCurrentIndex(dialog.combos["speed"].findData("cost"))
    assert not ok.isEnabled() and dialog.warning.text()
    dialog.combos["speed"].setCurrentIndex(dialog.combos["speed"].findData("time"))
    assert ok.isEnabled() and dialog.mapping() == {"cost": "cost", "speed": "time"}


def test_starter_profiles_are_listed_openable_and_copied_not_written(
    qtbot, bundled_session: Session, library: ProfileLibrary, answers: Answers
) -> None:
    panel = ProfilePanel(bundled_session, library=library)
    qtbot.addWidget(panel)
    folder = bundled_session.decision_set.location
    files = starter_profiles(folder)
    assert names(panel, STARTER) == [load_profile(p).name for p in files]
    select(panel, "Force protection first")
    assert panel.duplicate_action.text() == "&Copy to library"
    assert not panel.rename_action.isEnabled() and not panel.delete_action.isEnabled()
    starter = next(p for p in files if load_profile(p).name == "Force protection first")
    before = starter.read_bytes()
    panel.open_action.trigger()
    bundled_session.flush()
    expected = load_profile(starter).weights
    ids = bundled_session.decision_set.criterion_ids
    assert bundled_session.shares == pytest.approx(shares_of(expected, ids))
    assert "not in the library yet" in panel.active_label.text()
    bundled_session.set_share(ids[0], 0.5)
    assert panel.save() is True  # into the library, never over the bundled file
    assert starter.read_bytes() == before
    assert (library.root / "force-protection-first.yaml").is_file()
    select(panel, "Balanced")
    panel.duplicate_action.trigger()
    assert "Balanced" in names(panel)


def test_active_profile_is_bold_with_unsaved_marker(
    panel: ProfilePanel, session: Session, library: ProfileLibrary, answers: Answers
) -> None:
    make(library, "One", {"cost": 1, "time": 1, "health": 1})
    make(library, "Two", {"cost": 2, "time": 1, "health": 1})
    panel.refresh()
    select(panel, "Two")
    panel.open_action.trigger()
    bold = {i.data(): i.data(Qt.ItemDataRole.FontRole).bold() for _k, i in panel.list.entries()}
    assert bold == {"One": False, "Two": True}
    assert "<b>Two</b>" in panel.active_label.text() and "unsaved" not in panel.active_label.text()
    session.set_share("health", 0.5)
    assert names(panel) == ["One", "Two •"] and "unsaved" in panel.active_label.text()
    session.undo_stack.undo()
    assert names(panel) == ["One", "Two"] and "unsaved" not in panel.active_label.text()


def test_export_writes_the_selected_profile_or_the_weighting_on_screen(
    panel: ProfilePanel, session: Session, library: ProfileLibrary, tmp_path: Path, answers: Answers
) -> None:
    make(library, "Keep", {"cost": 4, "time": 1, "health": 1})
    make(library, "Open", {"cost": 1, "time": 1, "health": 1})
    panel.refresh()
    select(panel, "Open")
    panel.open_action.trigger()
    select(panel, "Keep")
    answers["choose_save_file"] = tmp_path / "out" / "keep.yaml"
    panel.export_action.trigger()
    assert load_profile(tmp_path / "out" / "keep.yaml") == library.load("Keep")
    session.set_share("time", 0.8)  # unsaved change to the open profile
    select(panel, "Open")
    answers["choose_save_file"] = tmp_path / "out" / "open.yaml"
    panel.export_action.trigger()
    assert load_profile(tmp_path / "out" / "open.yaml").weights["time"] == pytest.approx(0.8)
    assert library.load("Open").weights == {"cost": 1, "time": 1, "health": 1}


def test_actions_have_texts_shortcuts_and_a_context_menu(panel: ProfilePanel) -> None:
    assert panel.save_action.shortcut() == QKeySequence("Ctrl+S")
    assert panel.save_as_action.shortcut() == QKeySequence("Ctrl+Shift+S")
    assert panel.rename_action.shortcut() == QKeySequence("F2")
    assert panel.delete_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Delete)
    menu = panel.commands.context_menu(panel)
    assert panel.open_action in menu.actions() and panel.delete_action in menu.actions()
    assert all(a.text() and a.toolTip() for a in panel.commands.all())
    assert panel.list.model().index(0, 0).data(KIND_ROLE) == "group"


def test_screenshot(
    qtbot, bundled_session: Session, library: ProfileLibrary, answers: Answers, screenshot
) -> None:
    ids = bundled_session.decision_set.criterion_ids
    set_id = bundled_session.decision_set.id
    make(library, "Ministry briefing", dict.fromkeys(ids, 1), set_id, author="R. Khalil")
    make(library, "Hawkish (team A)", {ids[0]: 1, ids[2]: 8, ids[6]: 9}, set_id, author="J. Moss")
    make(library, "Commuter", {"cost": 2, "time": 1, "health": 1}, author="Test")
    (library.root / "half-edited.yaml").write_text("schema_version: 2\nname: x\nweights: [\n")
    panel = ProfilePanel(bundled_session, library=library)
    qtbot.addWidget(panel)
    panel.resize(360, 700)
    select(panel, "Hawkish (team A)")
    panel.open_action.trigger()
    bundled_session.set_share(ids[1], 0.3)
    panel.show()
    qtbot.waitExposed(panel)
    screenshot(panel, "profile_panel.png")


def test_f2_and_delete_keys_act_on_the_list(
    qtbot, panel: ProfilePanel, library: ProfileLibrary, answers: Answers
) -> None:
    make(library, "Keys", {"cost": 1, "time": 2, "health": 1})
    panel.refresh()
    panel.show()
    with qtbot.waitActive(panel):  # shortcuts only fire in the active window
        panel.activateWindow()
    panel.list.setFocus()
    select(panel, "Keys")
    answers["ask_name"] = "Renamed"
    qtbot.keyClick(panel.list, Qt.Key.Key_F2)
    assert names(panel) == ["Renamed"]
    qtbot.keyClick(panel.list, Qt.Key.Key_Delete)
    assert names(panel) == [] and [e.name for e in library.trash()] == ["Renamed"]
    panel.filter_edit.setFocus()
    panel.filter_edit.setText("abc")
    panel.filter_edit.setCursorPosition(0)
    qtbot.keyClick(panel.filter_edit, Qt.Key.Key_Delete)  # edits the text, deletes no profile
    assert panel.filter_edit.text() == "bc"


def test_save_details_dialog_needs_a_name_and_keeps_author_and_rationale_optional(qtbot) -> None:
    dialog = SaveDetailsDialog("Save profile as", SaveDetails("My weighting"))
    qtbot.addWidget(dialog)
    save = dialog.buttons.button(dialog.buttons.StandardButton.Save)
    assert save.isEnabled()
    dialog.name.setText("  ")
    assert not save.isEnabled()
    dialog.name.setText("Field view ")
    dialog.author.setText(" Ann Lee")
    dialog.rationale.setPlainText("Protect the troops first.\n")
    assert save.isEnabled()
    assert dialog.details() == SaveDetails("Field view", "Ann Lee", "Protect the troops first.")
