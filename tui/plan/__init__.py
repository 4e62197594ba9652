"""Step 4, reasons and plan: hardship reasons and the proposal per lender."""
