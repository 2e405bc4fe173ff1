"""The tradeoff map: options on two chosen axes, with its key, labels and words."""
