"""The domain of Repay Workbook: records, money, loan maths, budget, plans, guide content.

Standard library only: nothing here knows Textual, TinyDB or reportlab.
"""
