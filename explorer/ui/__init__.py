"""Qt views over one shared Session; nothing here computes scores."""
