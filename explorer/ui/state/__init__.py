"""The shared session and what it keeps.

Weighting with undo, profile binding, view state, settings, autosave and sampling.
"""
