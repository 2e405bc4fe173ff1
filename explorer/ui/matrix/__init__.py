"""The score matrix: every option × criterion score, coloured, with the sources lens."""
