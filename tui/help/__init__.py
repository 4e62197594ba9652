"""Step 7, when it gets hard: help lines, the law, other options."""
