"""The Help menu's dialogs: About, shortcuts and glossary."""
