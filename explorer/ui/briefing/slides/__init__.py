"""The briefing's slides, their layout and text, the slide manager and the PDF."""
