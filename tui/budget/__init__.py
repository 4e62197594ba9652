"""Step 2, know what you can pay: income, spending and what is left."""
