"""Reusable widgets: title bar, step bar, key bar, form fields, money cells, bars."""
