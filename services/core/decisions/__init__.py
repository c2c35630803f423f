"""The decision log: suggestions shown to people and the human decisions taken on them."""
