"""The Evidence check view: how much the ranking on screen rests on which source."""
