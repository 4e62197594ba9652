"""Step 1, know your debts: the inventory, the debt form, the LPR table."""
