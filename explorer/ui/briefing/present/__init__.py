"""Presenting: the audience and presenter screens, navigation and what-if questions."""
