"""The weekly response-time report: SQL aggregates into a record, and its renderings
(terminal table, Markdown, HTML, CSV, JSON).
"""
