"""The export dialog (key e) and what it offers where the user stands."""
