"""The immediate acknowledgment of a new customer.

The decision (rules with reasons: never a robot, a list, a backlog, twice; whose sender checks
to trust, learned from the INBOX), the wording and templates (fi/sv/en), the outbox that records an acknowledgment before it is sent, and the SQL
of both (`store`).
"""
