"""Step 5, the conversation: the call sheet and the live call log."""
