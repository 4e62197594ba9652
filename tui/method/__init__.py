"""Step 3, choose how to negotiate: channels per lender, the letter preview and editor."""
