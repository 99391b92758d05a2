"""The immediate acknowledgment of a new customer.

The decision (rules with reasons: never a robot, a list, a backlog, twice), the wording and
templates (fi/en), the outbox that records an acknowledgment before it is sent, and the SQL
of both (`store`).
"""
