"""Whole runs over every capability: one cycle (read mail, find promises, acknowledge,
remind) for `check`, and the watcher that runs it when mail arrives.
"""
