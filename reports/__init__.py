"""Documents (ReportLab PDFs) and owner workbooks (openpyxl) for LoanDesk."""
