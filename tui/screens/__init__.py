"""One module per screen. Step screens register themselves (see tui/steps.py)."""
