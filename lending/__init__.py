"""LoanDesk business core: pure Python, no Qt, no database, no I/O.

Every figure a customer sees (payments, totals, APR, eligibility, caps) is
computed here and nowhere else.
"""
