"""Loan maths: schedules for every method, the true rate, solving, the dated LPR, periods."""
