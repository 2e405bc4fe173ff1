"""The methods view: the ranking under every scoring method, side by side."""
