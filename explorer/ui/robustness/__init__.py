"""The Robustness view: sensitivity, tornado, rank acceptability, what would change it."""
