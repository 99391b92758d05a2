"""Who a conversation's customer is: the one rule, written as SQL so the database applies it.

A customer is the sender's address, or the whole domain when the domain is a company's (not a
freemail service): everybody at ``yritys.fi`` is one customer, each Gmail user is their own.
Migration m005 keys the summary table ``customers`` by this SQL (backfilled with it) and points
each conversation at its row (``conversations.customer_id``); its triggers apply the same SQL
to every conversation inserted or changed later, whoever writes it. The rule is baked into the
triggers when the migration runs: changing it needs a new migration that rebuilds the table and
recreates the triggers.
"""

from __future__ import annotations

from vasteaika.mail.freemail import FREEMAIL_DOMAINS

# One list for the whole program: classify (contact forms) and the report's customers.
FREEMAIL = tuple(sorted(FREEMAIL_DOMAINS))

_FREEMAIL_SQL = ", ".join(f"'{d}'" for d in FREEMAIL)


def domain_sql(column: str) -> str:
    """SQL: the part of the address ``column`` after its '@'."""
    return f"substr({column}, instr({column}, '@') + 1)"


def customer_key_sql(column: str) -> str:
    """SQL: the customer the address ``column`` belongs to (itself for freemail, else its
    domain)."""
    domain = domain_sql(column)
    return f"CASE WHEN {domain} IN ({_FREEMAIL_SQL}) THEN {column} ELSE {domain} END"
