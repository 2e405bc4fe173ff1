"""Authoring in the window: new sets, imported sources, cited quotes, edited cells, saving."""
