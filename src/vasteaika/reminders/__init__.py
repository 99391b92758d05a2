"""Keeping every promise: callbacks as reminders.

Promises read from the owner's own replies, the reminders they become and their firing
(desktop notification or mail), calendar export, the scheduled runs (cron, systemd), and the
urgency of who waits (the nearest promise first).
"""
