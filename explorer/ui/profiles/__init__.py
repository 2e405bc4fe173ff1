"""The profile library: open, save, share and name whole weightings."""
