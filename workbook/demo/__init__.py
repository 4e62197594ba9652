"""The demo workbook of a fictional borrower (`repay demo`)."""
