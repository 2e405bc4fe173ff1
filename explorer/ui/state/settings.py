"""Window state and recent files, kept where appdirs says per-user config belongs.

An INI file (not the platform registry) so it sits beside the user's other app data, is easy to
inspect or delete, and tests can point it at a temporary folder.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from explorer import paths

MAX_RECENT = 8


class AppSettings:
    def __init__(self, file: Path | None = None) -> None:
        file = file or paths.user_config_dir() / "settings.ini"
        file.parent.mkdir(parents=True, exist_ok=True)
        self._qs = QSettings(str(file), QSettings.Format.IniFormat)

    @property
    def file(self) -> str:
        return self._qs.fileName()

    def bytes(self, key: str) -> QByteArray | None:
        value = self._qs.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_bytes(self, key: str, value: QByteArray) -> None:
        self._qs.setValue(key, value)

    @property
    def last_set(self) -> str | None:
        value = self._qs.value("session/last_set")
        return str(value) if value else None

    @last_set.setter
    def last_set(self, path: str) -> None:
        self._qs.setValue("session/last_set", path)

    @property
    def recent_sets(self) -> list[str]:
        value = self._qs.value("session/recent_sets") or []
        items = [value] if isinstance(value, str) else list(value)
        return [str(v) for v in items if v]

    def add_recent(self, path: str) -> None:
        items = [p for p in self.recent_sets if p != path]
        self._qs.setValue("session/recent_sets", [path, *items][:MAX_RECENT])

    @property
    def theme(self) -> str:
        return str(self._qs.value("view/theme", "system"))

    @theme.setter
    def theme(self, name: str) -> None:
        self._qs.setValue("view/theme", name)

    @property
    def chart_tab(self) -> int:
        # an INI file hands values back as text; one set this session is still the int
        return int(str(self._qs.value("view/chart_tab", 0)))

    @chart_tab.setter
    def chart_tab(self, index: int) -> None:
        self._qs.setValue("view/chart_tab", index)

    def tradeoff_axes(self, set_id: str) -> tuple[str, str] | None:
        """The tradeoff map's axes last shown for a set (axis keys), if any."""
        value = str(self._qs.value(f"tradeoff_axes/{set_id}", "") or "")
        x, _, y = value.partition("|")
        return (x, y) if x and y else None

    def set_tradeoff_axes(self, set_id: str, axes: tuple[str, str] | None) -> None:
        if axes is None:
            self._qs.remove(f"tradeoff_axes/{set_id}")
        else:
            self._qs.setValue(f"tradeoff_axes/{set_id}", "|".join(axes))

    @property
    def matrix_colour(self) -> str:
        return str(self._qs.value("view/matrix_colour", "desirability"))

    @matrix_colour.setter
    def matrix_colour(self, mode: str) -> None:
        self._qs.setValue("view/matrix_colour", str(mode))

    def sensitivity_criterion(self, set_id: str) -> str | None:
        """The criterion the sensitivity chart last ran along for a set, if any."""
        return str(self._qs.value(f"sensitivity_criterion/{set_id}", "") or "") or None

    def set_sensitivity_criterion(self, set_id: str, criterion_id: str | None) -> None:
        if criterion_id is None:
            self._qs.remove(f"sensitivity_criterion/{set_id}")
        else:
            self._qs.setValue(f"sensitivity_criterion/{set_id}", criterion_id)

    def sync(self) -> None:
        self._qs.sync()
