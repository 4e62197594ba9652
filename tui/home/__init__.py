"""Home: where the user stands on each step, the key figures, the profile and the workbook's name."""
