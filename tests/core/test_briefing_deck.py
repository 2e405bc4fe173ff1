"""The deck keeps only the user's choices; slides come from the set, so it must survive sets
that gain or lose options."""

from __future__ import annotations

from explorer.core.briefing.deck import DeckSettings, option_key, option_of, slide_keys
from explorer.core.loader import load_decision_set


def test_default_order_follows_the_issue(commute_path):
    ds = load_decision_set(commute_path).decision_set
    keys = slide_keys(ds)
    assert keys[:4] == ["title", "weights", "ranking", "tradeoff"]
    assert keys[4:-4] == [option_key(o.id) for o in ds.options]
    assert keys[-4:] == ["robustness", "methods", "reliance", "sources"]
    assert option_of("option:bus") == "bus" and option_of("ranking") is None
    # given the ranking (option indices, leader first) the option slides follow it
    ranked = slide_keys(ds, [2, 0, 1])
    assert ranked[4:-4] == [option_key(ds.options[i].id) for i in (2, 0, 1)]
    assert ranked[:4] == keys[:4] and ranked[-4:] == keys[-4:]


def test_user_order_hidden_and_notes():
    keys = ["title", "weights", "ranking", "option:a", "option:b", "sources"]
    deck = DeckSettings().with_order(["ranking", "title"]).with_hidden("weights", True)
    # placed keys in the user's order; each other key right after the key it follows by default
    assert deck.arrange(keys) == ["ranking", "option:a", "option:b", "sources", "title", "weights"]
    assert "weights" not in deck.visible(keys)
    assert deck.with_hidden("weights", False).visible(keys) == deck.arrange(keys)
    noted = deck.with_note("ranking", "Say why.")
    assert noted.note("ranking") == "Say why." and deck.note("ranking") == ""
    assert noted.with_note("ranking", "  ").notes == {}


def test_new_and_vanished_slides():
    deck = DeckSettings().with_order(["sources", "option:gone", "title", "option:a"])
    keys = ["title", "option:a", "option:new", "sources"]
    assert deck.arrange(keys) == ["sources", "title", "option:a", "option:new"]


def test_round_trip_through_plain_data():
    deck = DeckSettings(("b", "a"), frozenset({"c"}), {"a": "note"})
    assert deck.to_data() == {"order": ["b", "a"], "hidden": ["c"], "notes": {"a": "note"}}
    assert DeckSettings().to_data() == {} and DeckSettings().empty
    assert deck.same_as(DeckSettings(("b", "a"), frozenset({"c"}), {"a": "note"}))
