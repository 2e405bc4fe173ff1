"""Qt-free core: model, loading and validation, scoring, profiles.

Nothing under this package may import Qt or pyqtgraph, so the CLI and tests run without a
display and the model can be reasoned about without the UI.
"""
