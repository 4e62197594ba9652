"""The guide's content: help lines, law cards, their sources, and shared wording."""
