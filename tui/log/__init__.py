"""The communication log: every contact, its filter and the conduct checks."""
