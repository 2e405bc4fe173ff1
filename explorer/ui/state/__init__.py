"""The shared session and what it keeps.

The session and its parts (weighting with undo, selection, profile binding, sampling, theme),
the views' choices, settings and autosave.
"""
