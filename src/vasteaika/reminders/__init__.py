"""Keeping every promise: callbacks as reminders.

Promises read from the owner's own replies, the reminders they become and their firing
(desktop notification or mail), calendar export, and the scheduled runs (cron, systemd).
"""
