"""Building and editing decision sets: the round-trip writer, the edits, source importers.

- set_editor: a transaction over a set's files, validated by the loader before anything is written
- roundtrip: one YAML file kept so that writing it back changes only what was edited
- operations: the edits (criteria, options, sources, cells, evidence)
- new_set: empty, template or copied sets; source_store: imported texts kept with the set
- importers: txt, md, html, pdf and docx to plain text with citation fields
- quote_check: quotes as the source words them, pages, quotes a changed text no longer has
"""
