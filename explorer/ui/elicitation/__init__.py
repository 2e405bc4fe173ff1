"""Dialogs that elicit weights (rank order, swing, pairwise) and put them on the sliders."""
